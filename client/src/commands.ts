// The extension's commands. Each one asks the server for content and positions and applies what comes back:
// the client never decides what a section contains or where it goes.
import * as vscode from 'vscode';
import {
  CoverageRequestMethod,
  MissingSectionsRequestMethod,
  ReportRequestMethod,
  TemplateRequestMethod,
  type CoverageResult,
  type MissingSectionsResult,
  type ReportResult,
  type TemplateResult,
  type WireInsertion,
  type WirePosition,
  type WireRange,
} from '../../server/src/protocol';
import { findNode, toTreeNodes, type TreeNode } from './coverage/model';
import { isTrackedDocument } from './coverage/coverage-store';

export interface CommandServices {
  request<R>(method: string, params: unknown): Promise<R>;
  restartServer(): Promise<void>;
  refreshCoverage(): Promise<void>;
  /** The document the coverage tree shows, if any. */
  treeDocument(): string | undefined;
}

export type NewDesignDocTarget = { target: 'untitled' } | { target: 'file'; uri?: string };

const marker = '<!-- mldoc -->';

const toPosition = (position: WirePosition) => new vscode.Position(position.line, position.character);
const toRange = (range: WireRange) => new vscode.Range(toPosition(range.start), toPosition(range.end));

/** The document a command acts on: an explicit uri, else the active Markdown editor, else the tree's document. */
async function targetDocument(services: CommandServices, uri?: string | vscode.Uri): Promise<vscode.TextDocument | undefined> {
  if (uri) return vscode.workspace.openTextDocument(typeof uri === 'string' ? vscode.Uri.parse(uri) : uri);
  const active = vscode.window.activeTextEditor?.document;
  if (isTrackedDocument(active)) return active;
  const shown = services.treeDocument();
  return shown ? vscode.workspace.openTextDocument(vscode.Uri.parse(shown)) : undefined;
}

async function newDesignDoc(services: CommandServices, arg?: NewDesignDocTarget): Promise<string | undefined> {
  let choice = arg;
  if (!choice) {
    const picked = await vscode.window.showQuickPick(
      [
        { label: '$(new-file) New untitled document', choice: { target: 'untitled' } as const },
        { label: '$(save-as) Save as a file…', choice: { target: 'file' } as const },
      ],
      { title: 'New ML Design Doc' },
    );
    if (!picked) return undefined;
    choice = picked.choice;
  }
  const profile = vscode.workspace.getConfiguration('mldoc').get<string>('profile');
  const { text } = await services.request<TemplateResult>(TemplateRequestMethod, { profile });
  if (choice.target === 'untitled') {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
    await vscode.window.showTextDocument(document);
    return document.uri.toString();
  }
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri = choice.uri
    ? vscode.Uri.parse(choice.uri)
    : await vscode.window.showSaveDialog({
        title: 'New ML Design Doc',
        saveLabel: 'Create',
        filters: { Markdown: ['md'] },
        ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, 'ml-design-doc.md') } : {}),
      });
  if (!uri) return undefined;
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  await vscode.window.showTextDocument(uri);
  return uri.toString();
}

async function insertMissingSections(services: CommandServices, uri?: string | vscode.Uri): Promise<number> {
  const document = await targetDocument(services, uri);
  if (!document) return 0;
  const { insertions } = await services.request<MissingSectionsResult>(MissingSectionsRequestMethod, {
    uri: document.uri.toString(),
  });
  if (insertions.length === 0) {
    void vscode.window.showInformationMessage('ML Design Doc: no lifecycle section is missing.');
    return 0;
  }
  // One edit, one undo step. Plain text: several snippets with tab stops cannot be active at once.
  const edit = new vscode.WorkspaceEdit();
  for (const insertion of insertions) edit.insert(document.uri, toPosition(insertion.position), insertion.text);
  const applied = await vscode.workspace.applyEdit(edit);
  if (applied) await vscode.window.showTextDocument(document);
  return applied ? insertions.length : 0;
}

/** The tree passes its node; tests and other callers pass `{ uri, key }` (key: the item ids on the path). */
type InsertSectionArg = TreeNode | { uri: string; key: string };

async function insertSection(services: CommandServices, arg: InsertSectionArg | undefined): Promise<boolean> {
  if (!arg) return false;
  const uri = 'uri' in arg ? arg.uri : services.treeDocument();
  if (!uri) return false;
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  // Ask again: the insertion must match the text as it is now, not as it was when the tree was drawn.
  const fresh = await services.request<CoverageResult>(CoverageRequestMethod, { uri });
  const node = findNode(toTreeNodes(fresh), arg.key);
  const insertion: WireInsertion | undefined = node?.insert;
  if (!insertion) {
    void vscode.window.showInformationMessage(`ML Design Doc: nothing to insert for ${node?.label ?? arg.key}.`);
    return false;
  }
  const editor = await vscode.window.showTextDocument(document);
  return editor.insertSnippet(new vscode.SnippetString(insertion.snippet), toPosition(insertion.position));
}

async function revealSection(uri: string, range: WireRange): Promise<void> {
  const target = toRange(range);
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri), {
    selection: new vscode.Selection(target.start, target.start),
  });
  editor.revealRange(target, vscode.TextEditorRevealType.AtTop);
}

async function treatAsDesignDoc(services: CommandServices, uri?: string | vscode.Uri): Promise<boolean> {
  const document = await targetDocument(services, uri);
  if (!document) {
    void vscode.window.showInformationMessage('ML Design Doc: open a Markdown file first.');
    return false;
  }
  if (document.getText().includes(marker)) return true;
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, new vscode.Position(markerLine(document), 0), `${marker}\n`);
  return vscode.workspace.applyEdit(edit);
}

/** Line 0, or the line after YAML front matter, which must stay first in the file to remain front matter. */
function markerLine(document: vscode.TextDocument): number {
  if (document.lineCount === 0 || document.lineAt(0).text.trimEnd() !== '---') return 0;
  for (let line = 1; line < document.lineCount; line++) {
    if (/^(---|\.\.\.)\s*$/.test(document.lineAt(line).text)) return line + 1;
  }
  return 0;
}

async function showCoverageReport(services: CommandServices, uri?: string | vscode.Uri): Promise<string | undefined> {
  const document = await targetDocument(services, uri);
  if (!document) {
    void vscode.window.showInformationMessage('ML Design Doc: open a design doc first.');
    return undefined;
  }
  const { markdown } = await services.request<ReportResult>(ReportRequestMethod, { uri: document.uri.toString() });
  const report = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
  await vscode.window.showTextDocument(report, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  return report.uri.toString();
}

export function registerCommands(services: CommandServices): vscode.Disposable[] {
  const register = vscode.commands.registerCommand;
  return [
    register('mldoc.newDesignDoc', (arg?: NewDesignDocTarget) => newDesignDoc(services, arg)),
    register('mldoc.insertMissingSections', (uri?: string | vscode.Uri) => insertMissingSections(services, uri)),
    register('mldoc.insertSection', (arg?: InsertSectionArg) => insertSection(services, arg)),
    register('mldoc.revealSection', (uri: string, range: WireRange) => revealSection(uri, range)),
    register('mldoc.treatAsDesignDoc', (uri?: string | vscode.Uri) => treatAsDesignDoc(services, uri)),
    register('mldoc.showCoverageReport', (uri?: string | vscode.Uri) => showCoverageReport(services, uri)),
    register('mldoc.restartServer', () => services.restartServer()),
    register('mldoc.refreshCoverage', () => services.refreshCoverage()),
  ];
}

// Shared helpers for the e2e suites: the extension's API, fixture files, waiting on events with a timeout.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MldocApi } from '../../client/src/api';

export const extensionId = 'mldoc.mldoc';

export function extension(): vscode.Extension<MldocApi> {
  const found = vscode.extensions.getExtension<MldocApi>(extensionId);
  assert.ok(found, `extension ${extensionId} is not installed`);
  return found;
}

/** Activates the extension (if a Markdown file has not already) and waits for its language client. */
export async function activateApi(): Promise<MldocApi> {
  const api = await extension().activate();
  await api.ready;
  return api;
}

export function fixture(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the e2e workspace folder is not open');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function openFixture(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fixture(name));
  return vscode.window.showTextDocument(document);
}

export function mldocDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'mldoc');
}

export function ruleOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/**
 * Resolves with the first value other than undefined that `check` returns. Checks at once, whenever one of `events`
 * fires, and every 200 ms besides (a few changes, like a server's reply, have no event of their own). `what` may be a
 * function, to describe the state the wait ended in.
 */
export function waitFor<T>(
  what: string | (() => string),
  check: () => T | undefined | Promise<T | undefined>,
  events: readonly vscode.Event<unknown>[] = [],
  timeoutMs = 60_000,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const subscriptions: vscode.Disposable[] = [];
    let done = false;
    let busy = false;
    let lastError: unknown;
    const finish = (action: () => void) => {
      done = true;
      clearInterval(poll);
      clearTimeout(timer);
      for (const subscription of subscriptions) subscription.dispose();
      action();
    };
    const attempt = async () => {
      if (done || busy) return;
      busy = true;
      try {
        const value = await check();
        if (value !== undefined && !done) finish(() => resolve(value));
      } catch (error) {
        lastError = error;
      } finally {
        busy = false;
      }
    };
    const poll = setInterval(() => void attempt(), 200);
    const timer = setTimeout(() => {
      const detail = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      const description = typeof what === 'string' ? what : what();
      finish(() => reject(new Error(`timed out after ${timeoutMs / 1000}s waiting for ${description}${detail}`)));
    }, timeoutMs);
    for (const event of events) subscriptions.push(event(() => void attempt()));
    void attempt();
  });
}

/** Reverts and closes every editor, so that each test starts from the fixture files as they are on disk. */
export async function resetEditors(): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    if (!document.isDirty || document.uri.scheme !== 'file') continue;
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  // Untitled documents: revert-and-close does not ask whether to save.
  for (let guard = 0; guard < 50 && vscode.window.visibleTextEditors.length > 0; guard++) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Appends text at the end of the editor's document. */
export async function append(editor: vscode.TextEditor, text: string): Promise<void> {
  const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
  const applied = await editor.edit((builder) => builder.insert(end, text));
  assert.ok(applied, 'the edit was not applied');
}

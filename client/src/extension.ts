// Entry point: starts the language client and wires the coverage tree, the status bar item and the commands.
// Every disposable goes into context.subscriptions; activate() returns a small API (api.ts) that tests use.
import * as vscode from 'vscode';
import { CoverageChangedMethod, CoverageRequestMethod, type CoverageChangedParams, type CoverageResult } from '../../server/src/protocol';
import type { MldocApi } from './api';
import { registerCommands } from './commands';
import { CoverageStore } from './coverage/coverage-store';
import { toTreeMessage } from './coverage/model';
import { CoverageTreeProvider } from './coverage/tree-provider';
import { createLanguageClient } from './language-client';
import { createStatusBarItem } from './status-bar';

export type { MldocApi } from './api';

const coverageViews = ['mldocCoverage', 'mldocCoverageExplorer'];

export function activate(context: vscode.ExtensionContext): MldocApi {
  const output = vscode.window.createOutputChannel('ML Design Doc', { log: true });
  context.subscriptions.push(output);
  const { client, crashes } = createLanguageClient(context, output);
  context.subscriptions.push(client);

  const ready = client.start();
  ready.catch((error: unknown) => {
    output.error(`The language server could not be started: ${error instanceof Error ? error.message : String(error)}`);
  });

  const getCoverage = (uri: string) => client.sendRequest<CoverageResult>(CoverageRequestMethod, { uri });
  const store = new CoverageStore(
    {
      getCoverage,
      onCoverageChanged: (listener) =>
        client.onNotification(CoverageChangedMethod, (params: CoverageChangedParams) => listener(params.uri)),
    },
    (message) => output.warn(message),
  );
  const provider = new CoverageTreeProvider();
  const views = coverageViews.map((id) =>
    vscode.window.createTreeView(id, { treeDataProvider: provider, showCollapseAll: true }),
  );
  const status = createStatusBarItem();
  context.subscriptions.push(store, provider, ...views, status.item);

  const render = (result: CoverageResult | undefined) => {
    provider.update(result);
    const message = toTreeMessage(result);
    for (const view of views) view.message = message;
    status.update(result);
    void vscode.commands.executeCommand('setContext', 'mldoc.isDesignDoc', !!result?.enabled);
  };
  context.subscriptions.push(store.onDidChange(render));

  const follow = (editor: vscode.TextEditor | undefined) => {
    void vscode.commands.executeCommand('setContext', 'mldoc.activeMarkdown', editor?.document.languageId === 'markdown');
    // A non-text editor (a preview, the settings UI) in front of a still visible design doc keeps its coverage.
    const stillVisible = vscode.window.visibleTextEditors.some((visible) => visible.document.uri.toString() === store.uri);
    if (!editor && stillVisible) return;
    void store.setActiveDocument(editor?.document);
  };
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(follow),
    vscode.workspace.onDidCloseTextDocument((document) => {
      if (document.uri.toString() === store.uri) void store.setActiveDocument(vscode.window.activeTextEditor?.document);
    }),
    client.onDidChangeState(() => {
      if (client.isRunning()) void store.refresh();
    }),
  );
  follow(vscode.window.activeTextEditor);

  context.subscriptions.push(
    ...registerCommands({
      request: (method, params) => client.sendRequest(method, params),
      restartServer: async () => {
        crashes.reset();
        if (client.isRunning()) await client.restart();
        else await client.start();
      },
      refreshCoverage: () => store.refresh(),
      treeDocument: () => provider.documentUri,
    }),
  );

  return {
    ready,
    getCoverage: (uri) => getCoverage(uri.toString()),
    getTreeNodes: () => provider.roots,
    getTreeDocument: () => provider.documentUri,
    onDidChangeTree: provider.onDidChangeTreeData,
    refreshCoverage: () => store.refresh(),
  };
}

// The LSP adapter: declares capabilities and registers handlers. Each handler gets the current analysis of the
// document, calls a pure feature and converts the result (convert.ts). Every handler is wrapped: an error is
// logged and becomes an empty result, never a crash.
import {
  CodeActionKind,
  ErrorCodes,
  ResponseError,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE, createConfigStore, uriToPath } from './configuration';
import { toCodeAction, toCompletionItem, toHover, type EditCapabilities } from './convert';
import { registerCustomRequests } from './custom-requests';
import { checkedDesign, createAnalyzer, designOrOutline } from './documents';
import { createGuard } from './guard';
import { INVALID_PARAMS_METHOD, type InvalidParams } from './params-check';
import { computeQuickFixes, computeSourceActions, findingsInRange, matchFindings } from './features/code-actions';
import { computeCompletions } from './features/completion';
import { computeHover } from './features/hover';
import * as P from './protocol';

export interface ServerOptions {
  /** Extra quiet time after the last edit before a document is re-analysed (default 0: as soon as idle). */
  readonly debounceMs?: number;
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const log = (message: string) => connection.console.error(`[mldoc] ${message}`);
  let folders: string[] = [];
  const caps = { folders: false, snippets: false, edits: { documentChanges: false, snippetEdits: false } as EditCapabilities, pull: false, watchDynamic: false, configDynamic: false };
  const config = createConfigStore({ connection, pullSupported: () => caps.pull, folders: () => folders, log });
  const analyzer = createAnalyzer({
    documents,
    config,
    debounceMs: options.debounceMs ?? 0,
    log,
    publish: (uri, version, diagnostics) => void connection.sendDiagnostics({ uri, version, diagnostics }).catch(() => undefined),
    coverageChanged: (uri, version) => void connection.sendNotification(P.CoverageChangedMethod, { uri, version } satisfies P.CoverageChangedParams).catch(() => undefined),
  });
  const safe = createGuard(log);
  const designDoc = async (uri: string) => checkedDesign(await analyzer.ensure(uri));
  /** A design doc, or the cheap outline of one above mldoc.maxFileSize (for hovers on headings). */
  const outlined = async (uri: string) => designOrOutline(await analyzer.ensure(uri));
  const refreshAll = async () => {
    await analyzer.reanalyzeAll();
    config.flushStale();
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const c = params.capabilities;
    caps.snippets = c.textDocument?.completion?.completionItem?.snippetSupport === true;
    caps.edits = { documentChanges: c.workspace?.workspaceEdit?.documentChanges === true, snippetEdits: c.workspace?.workspaceEdit?.snippetEditSupport === true };
    caps.pull = c.workspace?.configuration === true;
    caps.watchDynamic = c.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    caps.configDynamic = c.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    caps.folders = c.workspace?.workspaceFolders === true;
    const fromUris = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
    const root = params.rootUri ? uriToPath(params.rootUri) : (params.rootPath ?? undefined);
    folders = fromUris.length ? fromUris : root ? [root] : [];
    const kinds = [CodeActionKind.QuickFix, P.InsertMissingActionKind, P.FixAllActionKind];
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        completionProvider: { triggerCharacters: ['#'], resolveProvider: false },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: kinds, resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'mldoc-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(
    safe('initialized', undefined, async () => {
      if (caps.configDynamic) await connection.client.register(DidChangeConfigurationNotification.type, { section: 'mldoc' });
      if (caps.watchDynamic) await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.mldoc.{json,yaml,yml}' }] });
      if (caps.folders) connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => uriToPath(f.uri)));
        folders = [...folders.filter((f) => !removed.has(f)), ...e.added.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p)];
        void refreshAll();
      });
    }),
  );

  connection.onDidChangeConfiguration(safe('didChangeConfiguration', undefined, async (p) => (config.settingsChanged(p.settings), refreshAll())));
  connection.onDidChangeWatchedFiles(safe('didChangeWatchedFiles', undefined, async () => (config.filesChanged(), refreshAll())));

  documents.onDidChangeContent(
    safe('didChange', undefined, (e) => (CONFIG_FILE.test(e.document.uri) ? config.bufferChanged(e.document.uri, e.document.getText()) : analyzer.changed(e.document.uri))),
  );
  documents.onDidSave(safe('didSave', undefined, async (e) => (CONFIG_FILE.test(e.document.uri) ? (config.filesChanged(), refreshAll()) : undefined)));
  documents.onDidClose(
    safe('didClose', undefined, async (e) => {
      analyzer.closed(e.document.uri);
      if (CONFIG_FILE.test(e.document.uri)) return (config.bufferClosed(e.document.uri), refreshAll());
      await connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    }),
  );

  connection.onCompletion(
    safe('completion', [], async (p) => {
      const d = await designDoc(p.textDocument.uri);
      if (!d) return [];
      return computeCompletions(d.analysis, d.lines.offsetAt(p.position)).map((e) => toCompletionItem(e, d.lines, caps.snippets));
    }),
  );

  connection.onHover(
    safe('hover', null, async (p) => {
      const d = await outlined(p.textDocument.uri);
      const h = d ? computeHover(d.analysis, d.lines.offsetAt(p.position)) : undefined;
      return d && h ? toHover(h, d.lines) : null;
    }),
  );

  connection.onCodeAction(
    safe('codeAction', [], async (p) => {
      const d = await designDoc(p.textDocument.uri);
      if (!d) return [];
      const only = p.context.only;
      const ours = p.context.diagnostics.filter((x) => x.source === 'mldoc');
      const findings = ours.length ? matchFindings(d.analysis, d.lines, ours) : findingsInRange(d.analysis, d.lines, p.range);
      const wantsQuickFix = !only || only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(k));
      const entries = [...(wantsQuickFix ? computeQuickFixes(d.analysis, d.lines, findings) : []), ...computeSourceActions(d.analysis, only ?? [])];
      // Which of the client's diagnostics each finding stands for, in one pass (per action it was cubic).
      const byFinding = new Map<(typeof findings)[number], typeof ours>();
      for (const x of ours) {
        const f = matchFindings(d.analysis, d.lines, [x])[0];
        if (f) byFinding.set(f, [...(byFinding.get(f) ?? []), x]);
      }
      const diagnosticsOf = (f: (typeof findings)[number] | undefined) => (f ? (byFinding.get(f) ?? []) : []);
      return entries.map((e) => toCodeAction(e, d.lines, d.uri, d.version, caps.edits, diagnosticsOf(e.finding)));
    }),
  );

  registerCustomRequests(connection, analyzer, safe);
  // Requests whose params have the wrong shape are re-addressed here by the message strategy (params-check.ts).
  connection.onRequest(INVALID_PARAMS_METHOD, (p: InvalidParams | null) => {
    throw new ResponseError(ErrorCodes.InvalidParams, `Invalid params for ${String(p?.method ?? INVALID_PARAMS_METHOD)}: ${String(p?.reason ?? 'see the LSP specification')}`);
  });

  documents.listen(connection);
  connection.listen();
}

// A tiny LSP client for protocol tests: spawns the BUILT server (dist/server.js --stdio) and drives it with
// vscode-jsonrpc. Waits are promises on notifications with timeouts, never fixed sleeps.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { ClientCapabilities, Diagnostic, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const SERVER = resolve(__dirname, '../../../dist/server.js');

export interface TestClient {
  readonly connection: MessageConnection;
  readonly process: ChildProcess;
  readonly initializeResult: InitializeResult;
  /** Settings returned for workspace/configuration (section `mldoc`); mutable. */
  settings: Record<string, unknown>;
  readonly configurationRequests: unknown[];
  readonly logs: string[];
  /** Every publishDiagnostics received, in order. */
  readonly published: PublishDiagnosticsParams[];
  readonly coverageChanged: { uri: string; version: number | null }[];
  waitForDiagnostics(uri: string, accept?: (p: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  /** The latest diagnostics published for this version, or the next ones. */
  diagnosticsAt(uri: string, version: number, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  waitForCoverageChanged(uri: string, timeoutMs?: number): Promise<{ uri: string; version: number | null }>;
  open(uri: string, text: string, languageId?: string): void;
  change(uri: string, version: number, text: string): void;
  close(uri: string): void;
  stop(): Promise<number | null>;
}

export const fileUri = (path: string) => pathToFileURL(path).toString();

interface Waiter<T> {
  accept: (value: T) => boolean;
  resolve: (value: T) => void;
}

export const DEFAULT_CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, workspaceEdit: { documentChanges: true }, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
  textDocument: {
    completion: { completionItem: { snippetSupport: true } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
    synchronization: { didSave: true },
  },
};

export async function startClient(options: { root: string; settings?: Record<string, unknown>; capabilities?: ClientCapabilities; env?: Record<string, string>; server?: string }): Promise<TestClient> {
  const child = spawn(process.execPath, [options.server ?? SERVER, '--stdio'], { cwd: options.root, env: { ...process.env, ...options.env }, stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const logs: string[] = [];
  child.stderr!.on('data', (d: Buffer) => logs.push(`stderr: ${d.toString()}`));
  const published: PublishDiagnosticsParams[] = [];
  const coverageChanged: { uri: string; version: number | null }[] = [];
  let diagWaiters: Waiter<PublishDiagnosticsParams>[] = [];
  let covWaiters: Waiter<{ uri: string; version: number | null }>[] = [];
  const configurationRequests: unknown[] = [];
  const client = {
    connection,
    process: child,
    settings: options.settings ?? {},
    configurationRequests,
    logs,
    published,
    coverageChanged,
  } as unknown as TestClient;

  connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => {
    configurationRequests.push(params);
    return params.items.map((item) => (item.section === 'mldoc' ? client.settings : null));
  });
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('client/unregisterCapability', () => null);
  connection.onRequest('workspace/workspaceFolders', () => [{ uri: fileUri(options.root), name: 'ws' }]);
  connection.onNotification('window/logMessage', (p: { message: string }) => void logs.push(p.message));
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.push(p);
    diagWaiters = diagWaiters.filter((w) => (w.accept(p) ? (w.resolve(p), false) : true));
  });
  connection.onNotification('mldoc/coverageChanged', (p: { uri: string; version: number | null }) => {
    coverageChanged.push(p);
    covWaiters = covWaiters.filter((w) => (w.accept(p) ? (w.resolve(p), false) : true));
  });
  connection.listen();

  const timeout = <T>(promise: Promise<T>, ms: number, what: string) =>
    new Promise<T>((res, rej) => {
      const t = setTimeout(() => rej(new Error(`Timed out after ${ms} ms waiting for ${what}. Server log:\n${logs.join('\n')}`)), ms);
      promise.then(
        (v) => (clearTimeout(t), res(v)),
        (e) => (clearTimeout(t), rej(e)),
      );
    });

  client.waitForDiagnostics = (uri, accept = () => true, timeoutMs = 10_000) =>
    timeout(new Promise((res) => diagWaiters.push({ accept: (p) => p.uri === uri && accept(p), resolve: res })), timeoutMs, `diagnostics for ${uri}`);
  client.diagnosticsAt = (uri, version, timeoutMs) => {
    const latest = [...published].reverse().find((p) => p.uri === uri);
    return latest?.version === version ? Promise.resolve(latest) : client.waitForDiagnostics(uri, (p) => p.version === version, timeoutMs);
  };
  client.waitForCoverageChanged = (uri, timeoutMs = 10_000) =>
    timeout(new Promise((res) => covWaiters.push({ accept: (p) => p.uri === uri, resolve: res })), timeoutMs, `mldoc/coverageChanged for ${uri}`);
  client.open = (uri, text, languageId = 'markdown') => void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  client.change = (uri, version, text) => void connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  client.close = (uri) => void connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  client.stop = async () => {
    const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));
    await timeout(connection.sendRequest('shutdown'), 5000, 'shutdown');
    await connection.sendNotification('exit');
    const code = await timeout(exited, 5000, 'the server to exit');
    connection.dispose();
    return code;
  };

  const initializeResult = await timeout(
    connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: fileUri(options.root),
      workspaceFolders: [{ uri: fileUri(options.root), name: 'ws' }],
      capabilities: options.capabilities ?? DEFAULT_CAPABILITIES,
    }),
    10_000,
    'initialize',
  );
  (client as { initializeResult: InitializeResult }).initializeResult = initializeResult;
  await connection.sendNotification('initialized', {});
  return client;
}

export function messages(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => (typeof d.message === 'string' ? d.message : ''));
}

/** Apply a WorkspaceEdit's text edits for one document to its text (insert-only edits and replacements). */
export function applyWorkspaceEdit(text: string, uri: string, edit: { changes?: Record<string, { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]>; documentChanges?: unknown[] }): string {
  const edits: { start: number; end: number; newText: string }[] = [];
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (p: { line: number; character: number }) => (lineStarts[p.line] ?? text.length) + p.character;
  const add = (e: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText?: string; snippet?: { value: string } }) =>
    edits.push({ start: offset(e.range.start), end: offset(e.range.end), newText: e.newText ?? e.snippet!.value });
  for (const e of edit.changes?.[uri] ?? []) add(e);
  for (const dc of (edit.documentChanges ?? []) as { textDocument: { uri: string }; edits: Parameters<typeof add>[0][] }[]) if (dc.textDocument.uri === uri) dc.edits.forEach(add);
  let out = text;
  for (const e of edits.map((e, i) => ({ ...e, i })).sort((a, b) => b.start - a.start || b.i - a.i)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

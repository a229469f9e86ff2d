// A minimal LSP client for the benchmark: spawns the built server (dist/server.js --stdio), answers the
// requests a server may send, and resolves waits on publishDiagnostics by uri and version. No sleeps.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import rpc from 'vscode-jsonrpc/node';

const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = rpc;

export const fileUri = (path) => pathToFileURL(path).toString();

/** Offset -> LSP position (0-based line, UTF-16 character) by scanning; the benchmark texts use \n only. */
export function positionAt(text, offset) {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

/** Peak and current resident set of a process, in MB (Linux /proc). */
export function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
  } catch {
    return { rssMb: NaN, hwmMb: NaN };
  }
}

export async function startServer({ server, root, settings = {}, env = {} }) {
  const started = performance.now();
  const child = spawn(process.execPath, [server, '--stdio'], { cwd: root, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  const stderr = [];
  child.stderr.on('data', (d) => stderr.push(d.toString()));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  let waiters = [];
  const latest = new Map();
  connection.onRequest('workspace/configuration', (p) => p.items.map((i) => (i.section === 'mldoc' ? settings : null)));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('client/unregisterCapability', () => null);
  connection.onRequest('workspace/workspaceFolders', () => [{ uri: fileUri(root), name: 'bench' }]);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification(() => undefined);
  connection.onNotification('textDocument/publishDiagnostics', (p) => {
    latest.set(p.uri, p);
    waiters = waiters.filter((w) => (w.accept(p) ? (clearTimeout(w.timer), w.resolve(p), false) : true));
  });
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: fileUri(root),
    workspaceFolders: [{ uri: fileUri(root), name: 'bench' }],
    capabilities: {
      workspace: { configuration: true, workspaceFolders: true },
      textDocument: { publishDiagnostics: { versionSupport: true, relatedInformation: true }, synchronization: { didSave: true } },
    },
  });
  await connection.sendNotification('initialized', {});
  const versions = new Map();
  return {
    pid: child.pid,
    startedAt: started,
    stderr,
    /** Resolves with the first publishDiagnostics for `uri` (at `version`, when given). */
    waitForDiagnostics(uri, version, timeoutMs = 120_000) {
      return new Promise((resolve, reject) => {
        const accept = (p) => p.uri === uri && (version === undefined || p.version === version);
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version} within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({ accept, resolve, timer });
      });
    },
    open(uri, text) {
      versions.set(uri, 1);
      void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
      return 1;
    },
    /** A one-character insertion at `position`; returns the new version. */
    insert(uri, position, chars) {
      const version = versions.get(uri) + 1;
      versions.set(uri, version);
      void connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: position, end: position }, text: chars }],
      });
      return version;
    },
    memory: () => memoryOf(child.pid),
    async stop() {
      try {
        await Promise.race([connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 5000))]);
        void connection.sendNotification('exit');
      } catch {
        // already gone
      }
      await new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        const t = setTimeout(() => (child.kill(), resolve()), 5000);
        child.on('exit', () => (clearTimeout(t), resolve()));
      });
      connection.dispose();
    },
  };
}

// A raw LSP peer for abuse tests: spawns the BUILT server (dist/server.js --stdio), writes frames (or any bytes)
// to its stdin and parses what it writes back. Waits are promises with timeouts, never fixed sleeps.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const SERVER = resolve(__dirname, '../../../dist/server.js');
export const fileUri = (path: string) => pathToFileURL(path).toString();

export interface Message {
  readonly jsonrpc?: string;
  readonly id?: number | string | null;
  readonly method?: string;
  readonly params?: unknown;
  readonly result?: unknown;
  readonly error?: { code: number; message: string };
}

export interface RawPeer {
  readonly process: ChildProcess;
  readonly received: Message[];
  readonly stderr: string[];
  /** Resolves with the exit code (or signal name) once the server has exited. */
  readonly exited: Promise<number | string | null>;
  write(bytes: Buffer | string): void;
  send(message: object): void;
  request<T = unknown>(method: string, params?: unknown, timeoutMs?: number): Promise<Message & { result?: T }>;
  notify(method: string, params?: unknown): void;
  waitFor(accept: (m: Message) => boolean, timeoutMs?: number, what?: string): Promise<Message>;
  /** Initialize + initialized, as an editor does. */
  initialize(root: string, extra?: Record<string, unknown>): Promise<Message>;
  kill(): void;
}

export function frame(body: string | object): Buffer {
  const b = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${b.length}\r\n\r\n`, 'ascii'), b]);
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string, log: () => string = () => ''): Promise<T> {
  return new Promise<T>((res, rej) => {
    const t = setTimeout(() => rej(new Error(`Timed out after ${ms} ms waiting for ${what}.${log()}`)), ms);
    promise.then(
      (v) => (clearTimeout(t), res(v)),
      (e) => (clearTimeout(t), rej(e)),
    );
  });
}

export function spawnServer(options: { cwd: string; env?: Record<string, string>; execArgv?: string[] }): RawPeer {
  const child = spawn(process.execPath, [...(options.execArgv ?? []), SERVER, '--stdio'], { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['pipe', 'pipe', 'pipe'] });
  const received: Message[] = [];
  const stderr: string[] = [];
  let waiters: { accept: (m: Message) => boolean; resolve: (m: Message) => void }[] = [];
  let buffer = Buffer.alloc(0);
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const headerEnd = buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      if (buffer.length < headerEnd + 4 + length) return;
      const body = buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      buffer = buffer.subarray(headerEnd + 4 + length);
      const message = JSON.parse(body) as Message;
      received.push(message);
      waiters = waiters.filter((w) => (w.accept(message) ? (w.resolve(message), false) : true));
      // Answer the server's own requests as a minimal editor would.
      if (message.method && message.id !== undefined && message.id !== null) {
        const result = message.method === 'workspace/configuration' ? ((message.params as { items?: unknown[] })?.items ?? []).map(() => ({})) : null;
        peer.send({ jsonrpc: '2.0', id: message.id, result });
      }
    }
  });
  child.stderr!.on('data', (d: Buffer) => stderr.push(d.toString()));
  child.stdin!.on('error', () => undefined); // writes after the server exited
  const exited = new Promise<number | string | null>((res) => child.once('exit', (code, signal) => res(code ?? signal)));
  let nextId = 1000;
  const log = () => `\nServer stderr:\n${stderr.join('').slice(-2000)}`;
  const peer: RawPeer = {
    process: child,
    received,
    stderr,
    exited,
    write: (bytes) => void child.stdin!.write(bytes),
    send: (message) => void child.stdin!.write(frame(message)),
    request<T>(method: string, params?: unknown, timeoutMs = 15_000) {
      const id = nextId++;
      const p = peer.waitFor((m) => m.id === id && m.method === undefined, timeoutMs, `the answer to ${method} (id ${id})`);
      peer.send({ jsonrpc: '2.0', id, method, ...(params === undefined ? {} : { params }) });
      return p as Promise<Message & { result?: T }>;
    },
    notify: (method, params) => peer.send({ jsonrpc: '2.0', method, ...(params === undefined ? {} : { params }) }),
    waitFor(accept, timeoutMs = 15_000, what = 'a message') {
      const already = received.find(accept);
      if (already) return Promise.resolve(already);
      return withTimeout(new Promise<Message>((res) => waiters.push({ accept, resolve: res })), timeoutMs, what, log);
    },
    async initialize(root, extra = {}) {
      const r = await peer.request('initialize', { processId: null, rootUri: fileUri(root), workspaceFolders: [{ uri: fileUri(root), name: 'ws' }], capabilities: { workspace: { configuration: true } }, ...extra });
      peer.notify('initialized', {});
      return r;
    },
    kill: () => void (child.exitCode === null && child.kill('SIGKILL')),
  };
  return peer;
}

/** Resident set size of a process in kB, from /proc (Linux). */
export function rssKb(pid: number): number {
  const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`no VmRSS for ${pid}`);
  return Number(m[1]);
}

/** Whether a process with this id still exists (and is not a zombie). */
export function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) [ZX] /.test(stat);
  } catch {
    return false;
  }
}

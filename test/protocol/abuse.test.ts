// Protocol abuse against the BUILT server (dist/server.js --stdio): malformed frames, unknown methods, requests
// for documents never opened, positions past the end, out-of-order and duplicate versions, a burst of 1,000
// edits, cancelled requests, a client that disappears, a document above maxFileSize, and memory after 100
// documents open and close. After each abuse a normal request must succeed. The figures (faults injected, RSS)
// are printed as `# abuse: ...` lines for docs/reliability.md.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { analyze } from '../../server/src/engine';
import { createLineIndex } from '../../server/src/engine/line-index';
import { fileUri, frame, isAlive, rssKb, spawnServer, withTimeout, type Message, type RawPeer } from './abuse-helpers';

const faults = { injected: 0 };
const DEBOUNCE = { MLDOC_DEBOUNCE_MS: '20' };

const DOC = `# Churn design

## Problem Definition

Subscribers cancel at 6% a month; the retention team wants a weekly list of likely churners. TBD.

## Data

Twelve months of subscription events, viewing time and support tickets, labelled by cancellations.
`;

/** A realistic design doc of about `size` characters, different for each `seed`. */
function designDoc(seed: number, size: number): string {
  const parts = [`<!-- mldoc -->\n# Design ${seed}\n`];
  const sections = ['Problem Definition', 'Data', 'Model Selection', 'Deployment', 'Monitoring', 'Security and Privacy', 'Collaboration', 'Ethics and Bias'];
  let i = 0;
  let length = parts[0]!.length;
  while (length < size) {
    const s = sections[i % sections.length]!;
    const part = `\n## ${s} ${Math.floor(i / sections.length) || ''}\n\nDocument ${seed}, part ${i}: we train a gradient boosted model on weekly snapshots of usage events, serve it in a batch job, watch drift with PSI and alert the on-call team. Access is restricted; fairness is checked across regions.\n\n- item ${i} with **bold** and \`code\`\n- another item\n`;
    parts.push(part);
    length += part.length;
    i++;
  }
  return parts.join('');
}

function isDiagnostics(uri: string, version?: number) {
  return (m: Message) => m.method === 'textDocument/publishDiagnostics' && (m.params as { uri: string }).uri === uri && (version === undefined || (m.params as { version?: number }).version === version);
}
const diagnosticsOf = (m: Message) => (m.params as { diagnostics: { message: string; code?: string; range: { start: { line: number; character: number } } }[] }).diagnostics;

/** The request every abuse is followed by: it must succeed. */
async function stillServes(peer: RawPeer): Promise<void> {
  const r = await peer.request<{ text: string }>('mldoc/template', {}, 10_000);
  assert.equal(r.error, undefined, JSON.stringify(r.error));
  assert.match(r.result!.text, /^#|\n#/m);
}

describe('protocol abuse: one server takes it all and keeps serving', () => {
  let root: string;
  let peer: RawPeer;
  const uri = () => fileUri(join(root, 'churn-design.md'));

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'mldoc-abuse-'));
    peer = spawnServer({ cwd: root, env: DEBOUNCE });
    const init = await peer.initialize(root);
    assert.ok((init.result as { capabilities: object }).capabilities);
  });
  after(async () => {
    peer.kill();
    await peer.exited;
    rmSync(root, { recursive: true, force: true });
    console.log(`# abuse: ${faults.injected} protocol faults injected; server crashes: 0; hangs: 0`);
  });

  it('recovers from frames it can re-synchronise after: invalid JSON, non-objects, odd headers, garbage lines', async () => {
    const bad: Buffer[] = [
      frame('{"jsonrpc": "2.0", "id": 5, "method": '), // invalid JSON, right length
      frame('[1, 2, 3]'), // a batch: not supported, not an object
      frame('"just a string"'),
      frame('null'),
      frame({ jsonrpc: '2.0', id: null, method: 'textDocument/hover' }), // null id
      frame({ jsonrpc: '2.0', id: 77, result: null }), // a response to nothing
      frame({ jsonrpc: '1.0', id: 78, method: 'mldoc/template', params: {} }), // wrong version
      Buffer.concat([Buffer.from('X-Unknown: yes\r\n'), frame({ jsonrpc: '2.0', method: 'foo/bar' })]), // extra header
      Buffer.concat([Buffer.from('Content-Type: application/vscode-jsonrpc; charset=latin1\r\n'), frame({ jsonrpc: '2.0', method: 'foo/bar' })]),
      Buffer.from('a header line without a colon\r\n\r\n'), // no Content-Length at all
      Buffer.from('{"jsonrpc":"2.0","id":6,"method":"shutdown"}\r\n\r\n'), // a body without headers
      Buffer.from([0, 0xff, 0xfe, 0x80, 13, 10, 13, 10]), // binary garbage ending like a header block
      frame(Buffer.from([0xff, 0xfe, 0xc3, 0x28]).toString('latin1')), // invalid UTF-8 in the body
    ];
    let delayed = 0;
    for (const b of bad) {
      peer.write(b);
      faults.injected++;
      // vscode-jsonrpc's reader, after a header block without Content-Length, leaves the bytes that follow
      // unread until more bytes arrive: the request after such garbage is answered once the next one is sent.
      const templates = () => peer.received.filter((m) => m.method === undefined && typeof (m.result as { text?: unknown } | undefined)?.text === 'string').length;
      const before = templates();
      const answered = await peer.request('mldoc/template', {}, 2000).then(
        () => true,
        () => false,
      );
      if (!answered) delayed++;
      await stillServes(peer);
      // Both requests were answered: the one after the garbage, and the one after that.
      await peer.waitFor(() => templates() >= before + 2, 5000, 'the answer to the request sent right after the garbage');
    }
    assert.equal(peer.process.exitCode, null);
    console.log(`# abuse: ${bad.length} malformed frames, the server answered after each (${delayed} only once the next request arrived)`);
  });

  it('answers an unknown request with MethodNotFound and ignores an unknown notification', async () => {
    for (const method of ['foo/bar', 'textDocument/unknownFeature', '$/unknownRequest', 'workspace/executeCommand']) {
      const r = await peer.request(method, { x: 1 });
      faults.injected++;
      assert.equal(r.error?.code, -32601, `${method}: ${JSON.stringify(r)}`);
    }
    const before = peer.received.length;
    for (const method of ['foo/baz', '$/unknownNotification', 'textDocument/didFoo']) {
      peer.notify(method, { x: 1 });
      faults.injected++;
    }
    await stillServes(peer);
    const answers = peer.received.slice(before).filter((m) => m.id !== undefined && m.method === undefined && m.error);
    assert.deepEqual(answers, [], 'no error answer for notifications');
  });

  it('answers requests about documents never opened, or with broken parameters, with empty results', async () => {
    const never = fileUri(join(root, 'never-opened-design.md'));
    const pos = { line: 0, character: 0 };
    const requests: [string, unknown][] = [
      ['textDocument/completion', { textDocument: { uri: never }, position: pos }],
      ['textDocument/hover', { textDocument: { uri: never }, position: pos }],
      ['textDocument/codeAction', { textDocument: { uri: never }, range: { start: pos, end: pos }, context: { diagnostics: [] } }],
      ['mldoc/coverage', { uri: never }],
      ['mldoc/missingSections', { uri: never }],
      ['mldoc/report', { uri: never }],
      ['textDocument/hover', { textDocument: { uri: 'untitled:Untitled-1' }, position: pos }],
      ['textDocument/hover', { textDocument: { uri: 'file:///%ZZ%%/bad-design.md' }, position: pos }],
      ['textDocument/hover', { textDocument: { uri: 'not a uri at all' }, position: pos }],
      ['textDocument/hover', { textDocument: { uri: 42 }, position: pos }],
      ['textDocument/hover', { textDocument: null, position: null }],
      ['textDocument/hover', null],
      ['textDocument/completion', {}],
      ['textDocument/codeAction', { textDocument: { uri: never }, range: 'everything', context: { diagnostics: 'none', only: 7 } }],
      ['mldoc/coverage', { uri: ['a', 'b'] }],
      ['mldoc/report', 'a string'],
      ['mldoc/template', { profile: { $gt: '' } }],
    ];
    for (const [method, params] of requests) {
      const r = await peer.request(method, params);
      faults.injected++;
      // Broken parameters may also be refused with InvalidParams (params-check.ts); params that are not an
      // object at all always are (they used to fail inside vscode-languageserver: InternalError).
      if (params === null || typeof params !== 'object') assert.equal(r.error?.code, -32602, `${method} ${JSON.stringify(params)}: ${JSON.stringify(r)}`);
      assert.ok(r.error === undefined || r.error.code === -32602, `${method} ${JSON.stringify(params)}: ${JSON.stringify(r.error)}`);
      if (r.error === undefined && r.result !== null && typeof r.result === 'object' && Array.isArray(r.result)) assert.deepEqual(r.result, [], `${method}: ${JSON.stringify(r.result)}`);
    }
    await stillServes(peer);
  });

  it('answers positions and ranges past the end (or negative, or fractional) without an error', async () => {
    const p = peer.waitFor(isDiagnostics(uri(), 1), 15_000, 'diagnostics for version 1');
    peer.notify('textDocument/didOpen', { textDocument: { uri: uri(), languageId: 'markdown', version: 1, text: DOC } });
    await p;
    const positions = [
      { line: 1e9, character: 1e9 },
      { line: 2, character: 1e9 },
      { line: -1, character: -1 },
      { line: 0.5, character: 2.5 },
      { line: 2 ** 31, character: 0 },
      { line: Number.MAX_SAFE_INTEGER, character: Number.MAX_SAFE_INTEGER },
    ];
    for (const position of positions) {
      for (const method of ['textDocument/hover', 'textDocument/completion']) {
        const r = await peer.request(method, { textDocument: { uri: uri() }, position });
        faults.injected++;
        assert.ok(r.error === undefined || r.error.code === -32602, `${method} at ${JSON.stringify(position)}: ${JSON.stringify(r.error)}`);
      }
      const r = await peer.request('textDocument/codeAction', { textDocument: { uri: uri() }, range: { start: position, end: { line: 0, character: 0 } }, context: { diagnostics: [] } });
      faults.injected++;
      assert.ok(r.error === undefined || r.error.code === -32602, `codeAction at ${JSON.stringify(position)}: ${JSON.stringify(r.error)}`);
    }
    await stillServes(peer);
  });

  it('survives out-of-order, duplicate and impossible didChange notifications, and publishes for the final text', async () => {
    const u = uri();
    const changes: [number, unknown][] = [
      [5, [{ text: `${DOC}\n## Deployment\n\nBatch job.\n` }]],
      [3, [{ text: 'older version arriving late\n' }]], // out of order
      [5, [{ text: 'duplicate version 5\n' }]], // duplicate
      [6, [{ range: { start: { line: 999, character: 0 }, end: { line: 1000, character: 5 } }, text: 'past the end\n' }]], // range past the end
      [7, [{ range: { start: { line: 3, character: 10 }, end: { line: 1, character: 0 } }, text: 'reversed range' }]], // end before start
      [8, []], // no changes
      [9, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\uD800' }]], // lone surrogate
    ];
    for (const [version, contentChanges] of changes) {
      peer.notify('textDocument/didChange', { textDocument: { uri: u, version }, contentChanges });
      faults.injected++;
    }
    peer.notify('textDocument/didChange', { textDocument: { uri: fileUri(join(root, 'not-open-design.md')), version: 2 }, contentChanges: [{ text: 'x' }] });
    peer.notify('textDocument/didChange', { textDocument: { uri: u, version: null }, contentChanges: [{ text: 'null version' }] });
    peer.notify('textDocument/didClose', { textDocument: { uri: fileUri(join(root, 'never-opened-design.md')) } });
    peer.notify('textDocument/didOpen', { textDocument: { uri: u, languageId: 'markdown', version: 1, text: 'opened twice' } });
    faults.injected += 4;
    await stillServes(peer);
    // A final full-text change: the diagnostics for it must be the engine's findings on that text.
    const final = `${DOC}\n## Monitoring\n\nWeekly AUC on labelled samples; an alert when it drops.\n`;
    const published = peer.waitFor(isDiagnostics(u, 100), 15_000, 'diagnostics for version 100');
    peer.notify('textDocument/didChange', { textDocument: { uri: u, version: 100 }, contentChanges: [{ text: final }] });
    assertDiagnosticsMatch(diagnosticsOf(await published), final);
    await stillServes(peer);
  });

  it('coalesces a burst of 1,000 edits and publishes diagnostics that match the final text', async () => {
    const u = fileUri(join(root, 'burst-design.md'));
    const opened = peer.waitFor(isDiagnostics(u, 1), 15_000, 'diagnostics for the burst document');
    let text = DOC;
    peer.notify('textDocument/didOpen', { textDocument: { uri: u, languageId: 'markdown', version: 1, text } });
    await opened;
    const lines = () => text.split('\n').length;
    const tail = '\n## Deployment\n\nA nightly batch job scores every subscriber and writes the list to the CRM.\n';
    for (let k = 0; k < 1000; k++) {
      // Type the tail one character at a time, with an occasional newline-splitting edit in the middle.
      const ch = tail[k % tail.length]!;
      const line = lines() - 1;
      const character = text.length - text.lastIndexOf('\n') - 1;
      peer.notify('textDocument/didChange', { textDocument: { uri: u, version: k + 2 }, contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: ch }] });
      text += ch;
    }
    faults.injected += 1000;
    const last = await peer.waitFor(isDiagnostics(u, 1001), 30_000, 'diagnostics for version 1001');
    assertDiagnosticsMatch(diagnosticsOf(last), text);
    const versions = peer.received.filter(isDiagnostics(u)).map((m) => (m.params as { version: number }).version);
    assert.ok(versions.length < 100, `the burst was coalesced (${versions.length} publications for 1,000 edits)`);
    await stillServes(peer);
  });

  it('answers a cancelled request (with its result or RequestCancelled) and keeps serving', async () => {
    const u = fileUri(join(root, 'cancel-design.md'));
    const opened = peer.waitFor(isDiagnostics(u, 1), 15_000, 'diagnostics for the cancel document');
    peer.notify('textDocument/didOpen', { textDocument: { uri: u, languageId: 'markdown', version: 1, text: designDoc(1, 200_000) } });
    await opened;
    for (const method of ['textDocument/completion', 'mldoc/coverage', 'mldoc/report', 'textDocument/codeAction']) {
      const id = 9000 + faults.injected;
      const params = method.startsWith('mldoc/') ? { uri: u } : method === 'textDocument/codeAction' ? { textDocument: { uri: u }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source'] } } : { textDocument: { uri: u }, position: { line: 3, character: 3 } };
      const answer = peer.waitFor((m) => m.id === id && m.method === undefined, 15_000, `the answer to cancelled ${method}`);
      peer.send({ jsonrpc: '2.0', id, method, params });
      peer.notify('$/cancelRequest', { id });
      faults.injected++;
      const r = await answer;
      assert.ok(r.error === undefined || r.error.code === -32800, `${method}: ${JSON.stringify(r.error)}`);
    }
    peer.notify('$/cancelRequest', { id: 123456 }); // nothing to cancel
    peer.notify('$/cancelRequest', null);
    faults.injected += 2;
    await stillServes(peer);
  });

  it('gives a document above mldoc.maxFileSize (default 5,000,000) one informational diagnostic, quickly', async () => {
    const u = fileUri(join(root, 'huge-design.md'));
    const huge = designDoc(2, 5_100_000);
    const t0 = performance.now();
    const p = peer.waitFor(isDiagnostics(u, 1), 30_000, 'diagnostics for the huge document');
    peer.notify('textDocument/didOpen', { textDocument: { uri: u, languageId: 'markdown', version: 1, text: huge } });
    faults.injected++;
    const diagnostics = diagnosticsOf(await p);
    const tDiagnostics = performance.now() - t0;
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
    assert.equal((diagnostics[0] as { severity?: number }).severity, 3);
    assert.match(diagnostics[0]!.message, /maxFileSize/);
    const t1 = performance.now();
    // A hover on a heading reads the cheap outline (computed on this first request; oversized.test.ts checks it).
    const hover = await peer.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: u }, position: { line: 1, character: 3 } });
    assert.equal(hover.error, undefined);
    assert.match(hover.result?.contents.value ?? '', /Outline only/);
    console.log(`# abuse: a ${huge.length}-character document got its one info diagnostic in ${tDiagnostics.toFixed(0)} ms; a hover on a heading (outline of ${huge.split('\n## ').length - 1} headings) in ${(performance.now() - t1).toFixed(0)} ms`);
    peer.notify('textDocument/didClose', { textDocument: { uri: u } });
    await stillServes(peer);
  });
});

/** The published diagnostics are the engine's findings on `text` (same count, messages and start positions). */
function assertDiagnosticsMatch(diagnostics: ReturnType<typeof diagnosticsOf>, text: string): void {
  const analysis = analyze(text);
  const lines = createLineIndex(text);
  const expected = analysis.findings.map((f) => `${lines.positionAt(f.span.start).line}:${lines.positionAt(f.span.start).character} ${f.ruleId} ${f.message}`).sort();
  const actual = diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code} ${d.message}`).sort();
  assert.deepEqual(actual, expected);
}

describe('protocol abuse: frames that cannot be re-synchronised, and clients that disappear', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'mldoc-abuse-exit-'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  // After a Content-Length that is not a number, negative, too small or terminated by bare LFs, the byte stream
  // cannot be split into messages again: each later frame merges with the garbage before it (vscode-jsonrpc's
  // reader does not re-synchronise). The server (stdio.ts) logs each malformed header and, after three in a row
  // with no message read in between, says so once and exits with code 1, so that the client can restart it.
  const hopeless: [string, Buffer][] = [
    ['Content-Length is not a number', Buffer.from('Content-Length: abc\r\n\r\n{}')],
    ['negative Content-Length', Buffer.from('Content-Length: -5\r\n\r\n{}')],
    ['Content-Length too small', Buffer.from('Content-Length: 2\r\n\r\n{"jsonrpc":"2.0"}')],
    ['headers ended by LF only', Buffer.from('Content-Length: 2\n\n{}')],
  ];
  for (const [name, bytes] of hopeless) {
    it(`${name}: a clear message, then the server exits (code 1) for the client to restart it`, async () => {
      const peer = spawnServer({ cwd: root });
      try {
        await peer.initialize(root);
        peer.write(bytes);
        faults.injected++;
        // The frames that follow can no longer be read; each one is a malformed header.
        for (let i = 0; i < 6 && peer.process.exitCode === null; i++) {
          peer.send({ jsonrpc: '2.0', id: 100 + i, method: 'mldoc/template', params: {} });
          await new Promise((r) => setTimeout(r, 100));
        }
        const code = await withTimeout(peer.exited, 5000, 'the server to exit after the stream was lost');
        assert.equal(code, 1);
        const logs = peer.received.filter((m) => m.method === 'window/logMessage').map((m) => (m.params as { message: string }).message);
        assert.equal(logs.filter((l) => /cannot be split into messages any more/.test(l)).length, 1, logs.join('\n'));
      } finally {
        peer.kill();
      }
    });
  }

  // A Content-Length larger than what arrives: the reader waits for the bytes (it cannot tell a slow client
  // from a lying one). What must hold: no crash, no spin, and no orphan when the client goes away.
  for (const [name, bytes] of [['Content-Length too large', Buffer.from('Content-Length: 99999999999\r\n\r\n{}')]] as const) {
    it(`${name}: no crash, and the server exits by itself when stdin closes`, async () => {
      const peer = spawnServer({ cwd: root });
      await peer.initialize(root);
      peer.write(bytes);
      faults.injected++;
      // Still alive after a request that can no longer be read...
      peer.send({ jsonrpc: '2.0', id: 1, method: 'mldoc/template', params: {} });
      await peer.request('mldoc/template', {}, 500).catch(() => undefined);
      assert.equal(peer.process.exitCode, null, 'no crash on a framing error');
      // ...and gone once the client is.
      peer.process.stdin!.end();
      const code = await withTimeout(peer.exited, 5000, 'the server to exit after stdin closed').catch((e: Error) => (peer.kill(), Promise.reject(e)));
      assert.notEqual(code, 'SIGKILL');
      assert.ok(!isAlive(peer.process.pid!));
    });
  }

  it('exits within a few seconds when stdin closes without shutdown/exit (no orphan)', async () => {
    const peer = spawnServer({ cwd: root });
    await peer.initialize(root);
    const u = fileUri(join(root, 'a-design.md'));
    const p = peer.waitFor(isDiagnostics(u, 1));
    peer.notify('textDocument/didOpen', { textDocument: { uri: u, languageId: 'markdown', version: 1, text: DOC } });
    await p;
    const t0 = performance.now();
    peer.process.stdin!.end();
    faults.injected++;
    await withTimeout(peer.exited, 5000, 'the server to exit after stdin closed').catch((e: Error) => (peer.kill(), Promise.reject(e)));
    assert.ok(!isAlive(peer.process.pid!));
    console.log(`# abuse: stdin closed without exit -> server gone in ${(performance.now() - t0).toFixed(0)} ms`);
  });

  it('exits when the editor process named in initialize (processId) dies', async () => {
    const editor = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    const peer = spawnServer({ cwd: root });
    try {
      await peer.initialize(root, { processId: editor.pid });
      await peer.request('mldoc/template', {});
      const t0 = performance.now();
      editor.kill('SIGKILL');
      faults.injected++;
      await withTimeout(peer.exited, 10_000, 'the server to exit after its editor died');
      console.log(`# abuse: editor process killed -> server gone in ${(performance.now() - t0).toFixed(0)} ms`);
    } finally {
      peer.kill();
      editor.kill('SIGKILL');
    }
  });

  it('returns to near its baseline memory after 100 documents open and close', async () => {
    // V8 gives memory back only after a full collection, which an idle server may not run for minutes. For the
    // measurement only, the server is started with --expose-gc and a preloaded hook (written here, not part of
    // the product) that collects on SIGUSR2 and reports the heap on stderr.
    const hook = join(root, 'gc-hook.js');
    writeFileSync(hook, "process.on('SIGUSR2', () => { global.gc(); global.gc(); process.stderr.write('[gc-hook] ' + process.memoryUsage().heapUsed + '\\n'); });\n");
    const peer = spawnServer({ cwd: root, env: DEBOUNCE, execArgv: ['--expose-gc', '-r', hook] });
    const collect = async (): Promise<{ rss: number; heap: number }> => {
      const seen = peer.stderr.join('').split('[gc-hook]').length;
      const reported = new Promise<void>((res) => {
        const check = () => (peer.stderr.join('').split('[gc-hook]').length > seen ? (peer.process.stderr!.off('data', check), res()) : undefined);
        peer.process.stderr!.on('data', check);
      });
      peer.process.kill('SIGUSR2');
      await withTimeout(reported, 10_000, 'the gc hook');
      const heap = Number(/\[gc-hook\] (\d+)\n?$/.exec(peer.stderr.join('').trimEnd())?.[1]);
      return { rss: rssKb(peer.process.pid!), heap: Math.round(heap / 1024) };
    };
    try {
      await peer.initialize(root);
      const pid = peer.process.pid!;
      // Warm up: load the engine and the profiles with one document.
      const warm = fileUri(join(root, 'warm-design.md'));
      const w = peer.waitFor(isDiagnostics(warm, 1));
      peer.notify('textDocument/didOpen', { textDocument: { uri: warm, languageId: 'markdown', version: 1, text: designDoc(0, 30_000) } });
      await w;
      peer.notify('textDocument/didClose', { textDocument: { uri: warm } });
      await peer.waitFor((m) => isDiagnostics(warm)(m) && diagnosticsOf(m).length === 0);
      const baseline = await collect();
      let peak = baseline.rss;
      const uris = Array.from({ length: 100 }, (_, i) => fileUri(join(root, `doc-${i}-design.md`)));
      for (const [i, u] of uris.entries()) {
        const p = peer.waitFor(isDiagnostics(u, 1), 30_000, `diagnostics for document ${i}`);
        peer.notify('textDocument/didOpen', { textDocument: { uri: u, languageId: 'markdown', version: 1, text: designDoc(i + 1, 30_000) } });
        await p;
        if (i % 10 === 9) peak = Math.max(peak, rssKb(pid));
      }
      // Ask for features on every document, as an editor switching tabs would.
      for (const u of uris) await peer.request('mldoc/coverage', { uri: u });
      peak = Math.max(peak, rssKb(pid));
      const open = await collect();
      for (const u of uris) peer.notify('textDocument/didClose', { textDocument: { uri: u } });
      for (const u of uris) await peer.waitFor((m) => isDiagnostics(u)(m) && diagnosticsOf(m).length === 0, 30_000, `cleared diagnostics for ${u}`);
      await collect();
      const closed = await collect();
      const growth = peak - baseline.rss;
      console.log(
        `# abuse: RSS baseline ${baseline.rss} kB, peak ${peak} kB with 100 documents open (+${growth} kB), ${closed.rss} kB after closing them; ` +
          `heap after a full GC: ${baseline.heap} kB baseline, ${open.heap} kB with 100 open, ${closed.heap} kB after closing`,
      );
      assert.ok(closed.rss < baseline.rss + 0.5 * growth, `RSS after closing ${closed.rss} kB >= baseline ${baseline.rss} kB + 50% of the growth ${growth} kB`);
      assert.ok(closed.heap < baseline.heap + 0.25 * (open.heap - baseline.heap) + 2048, `heap after closing ${closed.heap} kB: the documents' analyses are retained`);
    } finally {
      peer.kill();
    }
  });
});

// Parameters of every request and notification the server handles, abused (null, missing, the wrong type,
// garbage fields), and bodies that are not JSON, against the BUILT server over stdio. Requests with broken
// parameters are answered InvalidParams (-32602) naming the method and the reason; notifications with broken
// parameters are dropped with one log line; a body that is not JSON gets a ParseError (-32700, id null). After
// each, a normal request succeeds. The count is printed as `# abuse-params:` for docs/reliability.md.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileUri, frame, spawnServer, type Message, type RawPeer } from './abuse-helpers';

const DOC = '# Churn\n\n## Problem Definition\n\nSubscribers cancel at 6% a month.\n';

describe('protocol abuse: parameters and bodies', () => {
  let root: string;
  let peer: RawPeer;
  let faults = 0;
  let uri: string;
  const stillServes = async () => {
    const r = await peer.request<{ text: string }>('mldoc/template', {}, 10_000);
    assert.equal(r.error, undefined, JSON.stringify(r.error));
    const c = await peer.request<{ enabled: boolean }>('mldoc/coverage', { uri }, 10_000);
    assert.equal(c.result?.enabled, true, 'the open design doc is still served');
  };
  const logs = () => peer.received.filter((m) => m.method === 'window/logMessage').map((m) => (m.params as { message: string }).message);

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'mldoc-abuse-params-'));
    peer = spawnServer({ cwd: root });
    await peer.initialize(root);
    uri = fileUri(join(root, 'churn-design.md'));
    const p = peer.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { uri: string }).uri === uri);
    peer.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: DOC } });
    await p;
  });
  after(async () => {
    peer.kill();
    await peer.exited;
    rmSync(root, { recursive: true, force: true });
    console.log(`# abuse-params: ${faults} broken parameter sets and bodies; every request answered, server never exited`);
  });

  const pos = { line: 2, character: 3 };
  const range = { start: { line: 0, character: 0 }, end: pos };
  const good: Record<string, object> = {
    'textDocument/hover': { textDocument: { uri: '' }, position: pos },
    'textDocument/completion': { textDocument: { uri: '' }, position: pos },
    'textDocument/codeAction': { textDocument: { uri: '' }, range, context: { diagnostics: [] } },
    'mldoc/coverage': { uri: '' },
    'mldoc/missingSections': { uri: '' },
    'mldoc/report': { uri: '' },
  };
  const withUri = (method: string) => JSON.parse(JSON.stringify(good[method]).replace(/"uri":""/, JSON.stringify({ uri }).slice(1, -1))) as Record<string, unknown>;
  /** Broken variants of a method's params: not an object, then each field missing, null or of the wrong type. */
  const broken = (method: string): unknown[] => {
    const ok = withUri(method);
    const out: unknown[] = [null, 'a string', 42, true, [ok], [], undefined];
    for (const key of Object.keys(ok)) {
      for (const bad of [undefined, null, 'x', 7, [], {}]) {
        if (bad !== undefined && key === 'textDocument' && typeof bad === 'object' && !Array.isArray(bad)) continue; // {} : covered by the uri cases
        if (key === 'uri' && typeof bad === 'string') continue; // any string is a uri (one not open gets an empty result)
        const p: Record<string, unknown> = { ...ok };
        if (bad === undefined) delete p[key];
        else p[key] = bad;
        out.push(p);
      }
    }
    if ('textDocument' in ok) out.push({ ...ok, textDocument: { uri: 5 } }, { ...ok, textDocument: {} });
    if ('position' in ok) out.push({ ...ok, position: { line: '1', character: 0 } }, { ...ok, position: { line: 1 } }, { ...ok, position: { line: 0.5, character: 0 } });
    if ('range' in ok) out.push({ ...ok, range: { start: pos } }, { ...ok, context: { diagnostics: 'none' } }, { ...ok, context: { diagnostics: [], only: 'quickfix' } });
    return out;
  };

  for (const method of Object.keys(good)) {
    it(`${method}: broken params are answered InvalidParams (-32602) with the reason; good ones still work`, async () => {
      for (const params of broken(method)) {
        const r = await peer.request(method, params);
        faults++;
        assert.equal(r.error?.code, -32602, `${method} ${JSON.stringify(params)}: ${JSON.stringify(r)}`);
        assert.match(r.error!.message, new RegExp(`Invalid params for ${method.replace('/', '\\/')}: .*params`));
      }
      const r = await peer.request(method, withUri(method));
      assert.equal(r.error, undefined, JSON.stringify(r.error));
      assert.notEqual(r.result, null, `${method} answers for the open document`);
      await stillServes();
    });
  }

  it('mldoc/template: params may be absent or null, but not a non-object', async () => {
    for (const params of [undefined, null, {}, { profile: 'design-doc' }]) {
      const r = await peer.request<{ text: string }>('mldoc/template', params);
      assert.equal(r.error, undefined, JSON.stringify(params));
      assert.match(r.result!.text, /#/);
    }
    for (const params of ['design-doc', 3, []]) {
      const r = await peer.request('mldoc/template', params);
      faults++;
      assert.equal(r.error?.code, -32602, JSON.stringify(params));
    }
  });

  it('notifications with broken params are dropped with one log line each, and change nothing', async () => {
    const notifications: [string, unknown][] = [
      ['textDocument/didOpen', null],
      ['textDocument/didOpen', { textDocument: { uri: fileUri(join(root, 'x-design.md')), languageId: 'markdown', version: 'one', text: DOC } }],
      ['textDocument/didOpen', { textDocument: { uri: fileUri(join(root, 'y-design.md')), languageId: 'markdown', version: 1, text: null } }],
      ['textDocument/didChange', null],
      ['textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: null }],
      ['textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: 5 }] }],
      ['textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: 'x', range: { start: 0, end: 1 } }] }],
      ['textDocument/didChange', { textDocument: { uri }, contentChanges: [{ text: 'x' }] }],
      ['textDocument/didClose', null],
      ['textDocument/didClose', { textDocument: 'churn-design.md' }],
      ['textDocument/didSave', []],
      ['workspace/didChangeConfiguration', null],
      ['workspace/didChangeWatchedFiles', { changes: 'all' }],
      ['workspace/didChangeWorkspaceFolders', { event: null }],
    ];
    const before = logs().length;
    const answersBefore = peer.received.filter((m) => m.id !== undefined && m.method === undefined).length;
    for (const [method, params] of notifications) {
      peer.notify(method, params);
      faults++;
    }
    await stillServes();
    const ignored = logs().slice(before).filter((l) => /ignored .*: params/.test(l));
    assert.equal(ignored.length, notifications.length, ignored.join('\n'));
    // No answers to notifications: only the two requests of stillServes were answered.
    assert.equal(peer.received.filter((m) => m.id !== undefined && m.method === undefined).length, answersBefore + 2);
    // The document is unchanged (version 1, same text): its report still names the problem section.
    const report = await peer.request<{ markdown: string }>('mldoc/report', { uri });
    assert.match(report.result!.markdown, /Problem Definition and Scope \| ✅|Problem Definition and Scope \| ⚠️|Problem Definition and Scope \| 📝/);
  });

  it('a body that is not JSON gets a ParseError with id null, and the next frames are read', async () => {
    for (const body of ['{"jsonrpc": "2.0", "id": 5, "method": ', 'not json at all', '{"a": 1,}']) {
      const p = peer.waitFor((m: Message) => m.id === null && m.error?.code === -32700 && !peer.received.slice(0, -1).includes(m), 5000, 'a ParseError');
      const seen = peer.received.filter((m) => m.error?.code === -32700).length;
      peer.write(frame(body));
      faults++;
      await peer.waitFor(() => peer.received.filter((m) => m.error?.code === -32700).length > seen, 5000, 'a ParseError');
      void p.catch(() => undefined);
      await stillServes();
    }
    assert.equal(peer.process.exitCode, null);
  });
});

// Generated documents through the BUILT server: every diagnostic, related location, hover range and code-action
// edit the server sends for them is a valid LSP range in the document (lines split at \r\n, \r and \n;
// characters in UTF-16 code units, never inside a surrogate pair or past the end of the line), every code-action
// edit has zero width (an insertion), and the server answers every request. This is the protocol-level twin of
// the engine's fuzz tests: it covers the conversion to LSP types (convert.ts) and the server's handlers.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { markdownDoc, noiseDoc, pathologicalDoc, splicedDoc } from '../fuzz/arbitraries';
import { fileUri, spawnServer, type Message, type RawPeer } from './abuse-helpers';

interface Pos {
  line: number;
  character: number;
}
interface Rng {
  start: Pos;
  end: Pos;
}

/** Lines as LSP counts them. */
function lspLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

function rangeProblem(text: string, lines: string[], r: Rng | undefined, what: string): string | undefined {
  if (!r) return `${what}: no range`;
  for (const p of [r.start, r.end]) {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0) return `${what}: ${JSON.stringify(p)} is not a position`;
    if (p.line >= lines.length) return `${what}: line ${p.line} past the last line ${lines.length - 1}`;
    const line = lines[p.line]!;
    if (p.character > line.length) return `${what}: character ${p.character} past the end of line ${p.line} (${line.length})`;
    const before = line.charCodeAt(p.character - 1);
    const at = line.charCodeAt(p.character);
    if (before >= 0xd800 && before <= 0xdbff && at >= 0xdc00 && at <= 0xdfff) return `${what}: ${JSON.stringify(p)} splits a surrogate pair`;
  }
  if (r.start.line > r.end.line || (r.start.line === r.end.line && r.start.character > r.end.character)) return `${what}: start after end`;
  void text;
  return undefined;
}

const DOCS = fc.sample(fc.oneof({ weight: 4, arbitrary: markdownDoc }, { weight: 2, arbitrary: splicedDoc }, { weight: 1, arbitrary: noiseDoc }, { weight: 1, arbitrary: pathologicalDoc }), { numRuns: 400, seed: 424242 });

describe('generated documents through the built server', () => {
  let root: string;
  let peer: RawPeer;
  const counts = { documents: 0, diagnostics: 0, actions: 0, requests: 0 };

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'mldoc-abuse-docs-'));
    peer = spawnServer({ cwd: root, env: { MLDOC_DEBOUNCE_MS: '0' } });
    await peer.initialize(root);
  });
  after(async () => {
    peer.kill();
    await peer.exited;
    rmSync(root, { recursive: true, force: true });
    console.log(`# abuse-documents: ${counts.documents} generated documents through the server, ${counts.diagnostics} diagnostics, ${counts.actions} code actions, ${counts.requests} requests: all ranges valid`);
  });

  it('diagnostics, hovers and code actions carry valid ranges; code actions only insert', async () => {
    for (const [i, text] of DOCS.entries()) {
      const uri = fileUri(join(root, `gen-${i}-design.md`));
      const lines = lspLines(text);
      const published = peer.waitFor((m: Message) => m.method === 'textDocument/publishDiagnostics' && (m.params as { uri: string; version?: number }).uri === uri && (m.params as { version?: number }).version === 1, 20_000, `diagnostics for document ${i}`);
      peer.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
      const { diagnostics } = (await published).params as { diagnostics: { range: Rng; code?: string; message: string; relatedInformation?: { location: { uri: string; range: Rng } }[] }[] };
      counts.documents++;
      const problems: string[] = [];
      for (const d of diagnostics) {
        counts.diagnostics++;
        const p = rangeProblem(text, lines, d.range, `diagnostic ${d.code}`);
        if (p) problems.push(p);
        for (const r of d.relatedInformation ?? []) {
          const q = rangeProblem(text, lines, r.location.range, `related of ${d.code}`);
          if (q) problems.push(q);
        }
      }
      // Hover and completion at a few places, including the very end.
      const last = { line: lines.length - 1, character: lines[lines.length - 1]!.length };
      for (const position of [{ line: 0, character: 0 }, last, { line: Math.floor(lines.length / 2), character: 1 }]) {
        const hover = await peer.request<{ range?: Rng } | null>('textDocument/hover', { textDocument: { uri }, position });
        counts.requests++;
        assert.equal(hover.error, undefined, JSON.stringify(hover.error));
        if (hover.result?.range) {
          const p = rangeProblem(text, lines, hover.result.range, 'hover');
          if (p) problems.push(p);
        }
        const completion = await peer.request<{ textEdit?: { range: Rng } }[] | null>('textDocument/completion', { textDocument: { uri }, position });
        counts.requests++;
        assert.equal(completion.error, undefined, JSON.stringify(completion.error));
        for (const item of completion.result ?? []) {
          const p = item.textEdit ? rangeProblem(text, lines, item.textEdit.range, 'completion') : undefined;
          if (p) problems.push(p);
        }
      }
      // Every code action for all the diagnostics at once, and the source actions.
      const actions = await peer.request<{ edit?: { changes?: Record<string, { range: Rng; newText: string }[]>; documentChanges?: { edits: { range: Rng }[] }[] } }[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: last },
        context: { diagnostics },
      });
      counts.requests++;
      assert.equal(actions.error, undefined, JSON.stringify(actions.error));
      for (const a of actions.result ?? []) {
        counts.actions++;
        const edits = [...(a.edit?.changes?.[uri] ?? []), ...(a.edit?.documentChanges ?? []).flatMap((c) => c.edits)];
        for (const e of edits) {
          const p = rangeProblem(text, lines, e.range, 'code action edit');
          if (p) problems.push(p);
          if (e.range.start.line !== e.range.end.line || e.range.start.character !== e.range.end.character) problems.push(`code action edit replaces ${JSON.stringify(e.range)}`);
        }
      }
      assert.deepEqual(problems, [], `document ${i}: ${JSON.stringify(text.slice(0, 400))}`);
      peer.notify('textDocument/didClose', { textDocument: { uri } });
    }
    assert.equal(peer.process.exitCode, null);
  });
});

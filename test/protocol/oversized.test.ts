// A document above mldoc.maxFileSize (default 5,000,000 characters) through the BUILT server: one informational
// diagnostic and nothing else, and the cheap outline (line scan, never remark) for the coverage tree, the status
// bar and hovers on headings, marked outline-only. Times to the diagnostic and to the coverage are printed as
// `# oversized:` lines (figures for docs/reliability.md); no timed assertions.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CoverageResult } from '../../server/src/protocol';
import { fileUri, spawnServer, type Message, type RawPeer } from './abuse-helpers';

/** About `size` characters: front matter, a title, four lifecycle sections (one with a fenced block whose
 * `# comment` lines are not headings), then filler paragraphs under an appendix. */
function hugeDoc(size: number): string {
  const head = [
    '---',
    'mldoc: true',
    '---',
    '# Card Fraud Scoring',
    '',
    '## Problem Definition and Scope',
    '',
    'We cut fraud losses on card payments.',
    '',
    '## Data Management',
    '',
    '```python',
    '# Deployment',
    'load()',
    '```',
    '',
    '## Model Selection and Training',
    '',
    'Gradient boosted trees on weekly snapshots.',
    '',
    '## Monitoring and Maintenance',
    '',
    'PSI on the top features, daily.',
    '',
    '### Appendix: traffic samples',
    '',
  ].join('\n');
  const filler = 'The scoring service reads features from the store and answers within fifty milliseconds for each card transaction.\n\n';
  return head + filler.repeat(Math.ceil((size - head.length) / filler.length));
}

const isDiagnostics = (uri: string, version: number) => (m: Message) =>
  m.method === 'textDocument/publishDiagnostics' && (m.params as { uri: string }).uri === uri && (m.params as { version?: number }).version === version;
const diagnosticsOf = (m: Message) => (m.params as { diagnostics: { message: string; severity?: number; code?: string }[] }).diagnostics;

describe('a document above mldoc.maxFileSize: one info diagnostic and the cheap outline', () => {
  let root: string;
  let peer: RawPeer;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'mldoc-oversized-'));
    peer = spawnServer({ cwd: root });
    await peer.initialize(root);
  });
  after(async () => {
    peer.kill();
    await peer.exited;
    rmSync(root, { recursive: true, force: true });
  });

  for (const size of [6_000_000, 20_000_000]) {
    it(`${size / 1e6} MB: diagnostics, coverage (outline only), hovers; nothing else`, async () => {
      const uri = fileUri(join(root, `huge-${size}-design.md`));
      const text = hugeDoc(size);
      const t0 = performance.now();
      const published = peer.waitFor(isDiagnostics(uri, 1), 60_000, 'diagnostics of the huge document');
      peer.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
      const diagnostics = diagnosticsOf(await published);
      const tDiagnostics = performance.now() - t0;
      assert.deepEqual(
        diagnostics.map((d) => [d.code, d.severity]),
        [['file-too-large', 3]],
      );
      assert.match(diagnostics[0]!.message, /maxFileSize/);

      const t1 = performance.now();
      const coverage = await peer.request<CoverageResult>('mldoc/coverage', { uri }, 60_000);
      const tCoverage = performance.now() - t1;
      assert.equal(coverage.error, undefined);
      const c = coverage.result!;
      assert.equal(c.enabled, true);
      assert.equal(c.outlineOnly, true);
      assert.match(c.note ?? '', /maxFileSize.*Outline only/s);
      assert.equal(c.readiness, undefined, 'no readiness from the outline');
      const status = Object.fromEntries(c.sections.map((s) => [s.id, s.status]));
      assert.deepEqual(status, {
        problem: 'covered',
        data: 'covered',
        model: 'covered',
        // '# Deployment' is a comment inside a fenced block, not a heading.
        deployment: 'missing',
        monitoring: 'covered',
        security: 'missing',
        collaboration: 'missing',
        ethics: 'missing',
      });
      assert.equal(c.present, 4);
      assert.ok(c.sections.find((s) => s.id === 'deployment')!.insert, 'a missing section still offers its insertion');
      assert.deepEqual(c.sections.find((s) => s.id === 'data')!.range?.start, { line: 9, character: 0 });

      const hover = await peer.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 20, character: 5 } });
      assert.match(hover.result!.contents.value, /Monitoring and Maintenance.*Outline only/s);
      const prose = await peer.request('textDocument/hover', { textDocument: { uri }, position: { line: 22, character: 3 } });
      assert.equal(prose.result, null, 'no ML-term hovers over prose: it is not read');
      const actions = await peer.request<unknown[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 30, character: 0 } }, context: { diagnostics: [] } });
      assert.deepEqual(actions.result, []);
      const completions = await peer.request<unknown[]>('textDocument/completion', { textDocument: { uri }, position: { line: 26, character: 0 } });
      assert.deepEqual(completions.result, []);
      const report = await peer.request<{ markdown: string }>('mldoc/report', { uri });
      assert.match(report.result!.markdown, /is not checked: .*maxFileSize/);

      // An edit: still one diagnostic, and the outline follows (a new heading counts).
      const changed = peer.waitFor(isDiagnostics(uri, 2), 60_000, 'diagnostics after the edit');
      const at = text.indexOf('### Appendix');
      const line = text.slice(0, at).split('\n').length - 1;
      const t2 = performance.now();
      peer.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '## Security and Privacy\n\n' }] });
      assert.equal(diagnosticsOf(await changed).length, 1);
      const again = await peer.request<CoverageResult>('mldoc/coverage', { uri }, 60_000);
      const tEdit = performance.now() - t2;
      assert.equal(again.result!.sections.find((s) => s.id === 'security')!.status, 'covered');
      assert.equal(again.result!.version, 2);
      console.log(`# oversized: ${text.length} characters: diagnostic after ${tDiagnostics.toFixed(0)} ms (open), coverage ${tCoverage.toFixed(0)} ms, edit to new coverage ${tEdit.toFixed(0)} ms`);
      peer.notify('textDocument/didClose', { textDocument: { uri } });
    });
  }
});

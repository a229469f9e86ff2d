// A byte order mark before the first line: remark reads the document without it, so a first line "\uFEFF```"
// opens a fence. The line scans that cut the document into chunks must read it the same way, or a heading inside
// the fence starts a chunk, the fence is closed early, and a fix lands inside code (found by the fix fuzz test:
// seed -1368371459).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine';
import { splitChunks, splitParagraphGroups } from '../../server/src/engine/parse';

const DOC = '\uFEFF```\n```\n## evaluation results\n```\nbusiness objective\n## business objective';

describe('byte order mark before a fence', () => {
  it('the chunk scan sees the fence the first line opens', () => {
    // The fence opened on line 1 closes on line 2; the one opened on line 4 runs to the end: no cut after it.
    assert.deepEqual(splitChunks(DOC).map((c) => c.start), [0, DOC.indexOf('## evaluation')]);
    const noBom = DOC.slice(1);
    assert.deepEqual(splitChunks(noBom).slice(1).map((c) => c.start + 1), splitChunks(DOC).slice(1).map((c) => c.start));
    assert.equal(splitParagraphGroups('\uFEFF```\na\n\nb\n```\n\nc\n', true).length, splitParagraphGroups('```\na\n\nb\n```\n\nc\n', true).length);
  });

  it('the blocks are those of the document without the mark, moved by one', () => {
    const withBom = analyze(DOC).blocks.map((b) => [b.kind, b.span.start - 1, b.span.end - 1]);
    const without = analyze(DOC.slice(1)).blocks.map((b) => [b.kind, b.span.start, b.span.end]);
    assert.deepEqual(withBom, without);
    assert.deepEqual(analyze(DOC).blocks.at(-1)!.kind, 'code');
  });

  it('no fix lands inside the unclosed fence', () => {
    const a = analyze(DOC);
    const code = a.blocks.filter((b) => b.kind === 'code');
    for (const f of a.findings) {
      for (const e of f.fix?.edits ?? []) {
        assert.ok(!code.some((c) => c.span.start < e.offset && e.offset < c.span.end), `${f.ruleId} inserts at ${e.offset}, inside code`);
      }
    }
  });
});

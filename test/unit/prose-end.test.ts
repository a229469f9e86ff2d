// unmeasurable-success-criteria places its quick fix at the end of a statement's last line of prose (proseEnd).
// It looks only at the blocks that start inside the statement, through an index by start; this compares it with
// the scan of every block it replaced, on the corpus, the examples, generated design docs and list items that
// hold code, HTML and tables, for the statements the rule sees and for arbitrary spans.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine';
import { proseEnd } from '../../server/src/engine/rules/unmeasurable-success-criteria';
import { computeSuccessStatements } from '../../server/src/engine/ml/success';
import { computeDocumentModel } from '../../server/src/engine/coverage';
import type { Block, Span } from '../../server/src/engine/types';
import { examplesAndCorpus } from './markdown-files';
// @ts-expect-error: the benchmark's generator is plain JavaScript, shared so that tests and bench agree.
import { designDoc, prng } from '../../bench/generate.mjs';

/** The scan of every block, as the rule did it before the index (do not "fix" it to follow the code). */
function reference(blocks: readonly Block[], span: Span): Span | undefined {
  let last: Span | undefined;
  const inside = (b: Block, outer: Span) => b.span.start >= outer.start && b.span.end <= outer.end;
  for (const b of blocks) {
    if (!inside(b, span) || (b.kind !== 'paragraph' && b.kind !== 'list-item')) continue;
    if (b.kind === 'list-item' && blocks.some((c) => (c.kind === 'code' || c.kind === 'html' || c.kind === 'table') && inside(c, b.span))) continue;
    if (last === undefined || b.span.end > last.end) last = b.span;
  }
  return last;
}

const NESTED = [
  '# Goals',
  '',
  '- Success metric: customers are happier',
  '  ```',
  '  code in the item',
  '  ```',
  '- KPIs: churn goes down',
  '  <div>html in the item</div>',
  '- Success criteria: the team likes it',
  '',
  '  | a | b |',
  '  |---|---|',
  '  | 1 | 2 |',
  '- Success is a calmer on-call rotation',
  '  - nested item',
  '',
  'Success means fewer tickets, see above.',
  '',
].join('\n');

describe('proseEnd', () => {
  // Many statements of every shape: lead-ins with the list they introduce, headings named for success.
  const MANY = Array.from({ length: 12 }, (_, i) =>
    [`## Success metrics ${i}`, '', NESTED, '**Success criteria:**', '', '- fewer escalations', '- calmer weeks', '', `Success is what the team says ${i}.`, ''].join('\n'),
  ).join('\n');
  const { examples, corpus } = examplesAndCorpus();
  const texts = [...examples, ...corpus, designDoc(60_000, 31), NESTED, MANY];

  it('gives what the scan of every block gives, for every success statement', () => {
    let statements = 0;
    let found = 0;
    for (const text of texts) {
      const a = analyze(text);
      const doc = computeDocumentModel(text, a.blocks, a.headings);
      for (const s of computeSuccessStatements({ text, doc })) {
        statements++;
        const want = reference(a.blocks, s.span);
        if (want) found++;
        assert.deepEqual(proseEnd(a.blocks, s.span), want, JSON.stringify(s.span));
      }
    }
    assert.ok(statements > 20 && found > 10, `${statements} statements, ${found} with a prose end: too few to compare`);
  });

  it('and for arbitrary spans, including empty ones, ones that cut blocks and the whole text', () => {
    const rnd = prng(5) as () => number;
    for (const text of texts) {
      const { blocks } = analyze(text);
      assert.deepEqual(proseEnd(blocks, { start: 0, end: text.length }), reference(blocks, { start: 0, end: text.length }));
      for (let n = 0; n < 40; n++) {
        const start = Math.floor(rnd() * text.length);
        const end = Math.min(text.length, start + Math.floor(rnd() * 3000));
        assert.deepEqual(proseEnd(blocks, { start, end }), reference(blocks, { start, end }));
      }
      for (const b of blocks.slice(0, 50)) assert.deepEqual(proseEnd(blocks, b.span), reference(blocks, b.span));
      // Blocks out of document order (the index sorts them then), ties in start included.
      const shuffled = [...blocks].sort(() => rnd() - 0.5);
      for (let n = 0; n < 20; n++) {
        const start = Math.floor(rnd() * text.length);
        const span = { start, end: Math.min(text.length, start + Math.floor(rnd() * 5000)) };
        assert.deepEqual(proseEnd(shuffled, span), reference(shuffled, span));
      }
    }
  });

  it('a list item holding code, HTML or a table is not a place for the clause', () => {
    const { blocks } = analyze(NESTED);
    const end = proseEnd(blocks, { start: 0, end: NESTED.length });
    assert.ok(end, 'the last paragraph is prose');
    assert.ok(NESTED.slice(end.start, end.end).startsWith('Success means'));
    const items = blocks.filter((b) => b.kind === 'list-item');
    assert.ok(items.length >= 4);
    // The first three items hold code, HTML and a table: none of them is a prose end of its own span.
    for (const item of items.slice(0, 3)) assert.equal(proseEnd(blocks, item.span), reference(blocks, item.span));
  });
});

// The shapes on which remark (micromark) or the engine is quadratic or worse, each at a size where a quadratic
// cost would take minutes: the engine's risk guard must route the remark-quadratic ones to the line scan
// (reported in analysis.degraded), and every one must be analysed in bounded time with ranges in the document.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine';
import { PATHOLOGICAL_SHAPES } from '../fuzz/arbitraries';
import { rangeProblems } from '../fuzz/invariants';

/** About this many characters per input. */
const SIZE = 130_000;
/** Per input. Linear work on 130,000 characters takes well under a second; the quadratic shapes took 10-100 s
 * before the guard saw them. Generous, for a busy CI machine. */
const BUDGET_MS = 15_000;
/** Shapes remark would parse in quadratic time: they must be read with the line scan. */
const MUST_DEGRADE = [
  'nested-quotes', 'bracket-pairs', 'emphasis-nest', 'star-a', 'star-a-lines', 'bracket-a-underscore', 'link-angle', 'closed-brackets',
  'ordered-one-line', 'quotes-in-list', 'comments-in-heading', 'closers', 'instructions-in-text', 'strikethrough',
  'failed-construct-starts',
];

function grow(make: (n: number) => string, size: number): string {
  let n = 1;
  while (make(n).length < size && n < 1e7) n *= 2;
  return make(n);
}

describe('pathological inputs, big', () => {
  for (const [name, make] of Object.entries(PATHOLOGICAL_SHAPES)) {
    it(`${name}: analysed in bounded time${MUST_DEGRADE.includes(name) ? ', by the line scan' : ''}`, () => {
      for (const wrap of [(s: string) => s, (s: string) => `# Design\n\n## Data\n\n${s}\n\n## Model\n\nText.\n`]) {
        const text = wrap(grow(make, SIZE));
        const t0 = performance.now();
        const a = analyze(text);
        const ms = performance.now() - t0;
        console.log(`# pathological: ${name} ${text.length} characters in ${ms.toFixed(0)} ms${a.degraded.length ? ' (line scan)' : ''}`);
        assert.ok(ms < BUDGET_MS, `${name}: ${ms.toFixed(0)} ms for ${text.length} characters`);
        assert.deepEqual(rangeProblems(text, a), []);
        if (MUST_DEGRADE.includes(name)) assert.ok(a.degraded.length > 0, `${name} was given to remark`);
      }
    });
  }

  it('realistic large shapes are not degraded: long tight lists with bold leads, big tables, paragraphs of links', () => {
    const list = Array.from({ length: 800 }, (_, i) => `- **Item ${i}**: uses \`feature_${i}\` and _note_ [link](http://x/${i})`).join('\n');
    const table = '| feature | source |\n|---|---|\n' + Array.from({ length: 3000 }, (_, i) => `| user_feature_${i}_days | **warehouse** |`).join('\n');
    const refs = Array.from({ length: 600 }, (_, i) => `[ref ${i}](https://example.com/${i})`).join(' ');
    const snake = Array.from({ length: 300 }, (_, i) => Array.from({ length: 10 }, (_, k) => `account_age_days_${i}_${k}`).join(', ')).join('\n');
    const htmlTable = '<table>\n' + Array.from({ length: 2000 }, (_, i) => `<tr><td>run ${i}</td><td>0.9${i}</td><td><b>ok</b></td></tr>`).join('\n') + '\n</table>';
    for (const [name, body] of Object.entries({ list, table, refs, snake, htmlTable })) {
      const a = analyze(`# Design\n\n## Data\n\n${body}\n`);
      assert.deepEqual(a.degraded, [], name);
    }
  });
});

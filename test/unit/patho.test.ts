// Pathological inputs: each family of shapes on which remark is quadratic or worse, at a size where remark
// takes seconds (measured: bench/remark-one.mjs; docs/performance.md), is analysed with the offending part
// reported as degraded (read by the line scan) and one informational degraded-parse finding. Assertions are on
// the result's shape, never on time; the benchmark measures time.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine';
import { assessRisk } from '../../server/src/engine/risk';
// @ts-expect-error: the benchmark's generator is plain JavaScript, shared so that tests and bench agree.
import { designDoc, pathological } from '../../bench/generate.mjs';

const families = pathological(200_000) as Record<string, string>;
/** Families that remark handles in (super)linear time at this size: they must not be degraded. */
const PARSED = new Set(['one-line', 'headings-20000', 'html-unclosed-tags', 'dotted-run-url', 'parens-heading']);

describe('pathological inputs', () => {
  for (const [name, body] of Object.entries(families)) {
    it(`${name}: ${PARSED.has(name) ? 'parsed' : 'read by the line scan, reported as degraded'}`, () => {
      const text = `# Design\n\n## Data\n\nSome text about the data.\n\n${body}\n\n## Model\n\nA gradient boosted tree.\n`;
      const a = analyze(text);
      const info = a.findings.filter((f) => f.ruleId === 'degraded-parse');
      if (PARSED.has(name)) {
        assert.deepEqual(a.degraded, []);
        assert.equal(info.length, 0);
        return;
      }
      assert.ok(a.degraded.length > 0, `${name} was given to remark`);
      for (const s of a.degraded) assert.ok(s.start >= 0 && s.start < s.end && s.end <= text.length);
      // Only the offending part: the sections around it are still parsed.
      assert.ok(a.headings.some((h) => h.text === 'Model'));
      assert.ok(a.degraded.every((s) => s.start >= text.indexOf(body.slice(0, 20)) - 1));
      assert.equal(info.length, 1);
      assert.equal(info[0]!.severity, 'info');
    });
  }

  it('a realistic large design doc is not degraded at all', () => {
    const a = analyze(designDoc(600_000, 5));
    assert.deepEqual(a.degraded, []);
    assert.equal(a.findings.filter((f) => f.ruleId === 'degraded-parse').length, 0);
  });

  it('large real-world shapes stay below the thresholds', () => {
    const tightList = Array.from({ length: 800 }, (_, i) => `- **Item ${i}**: uses \`feature_${i}\` and _note_ [link](http://x/${i})`).join('\n');
    const table = '| feature | source |\n|---|---|\n' + Array.from({ length: 3000 }, (_, i) => `| user_feature_${i}_days | **warehouse** |`).join('\n');
    const code = '```python\n' + Array.from({ length: 2000 }, (_, i) => `def f_${i}(**kwargs): return __x__[${i}]`).join('\n') + '\n```';
    // Lines of list or quote markers inside fenced code are text, not containers.
    const markersInCode = '```\n' + Array.from({ length: 50 }, () => '- '.repeat(40) + '> '.repeat(40)).join('\n') + '\n```';
    const htmlTable = '<table>\n' + Array.from({ length: 3000 }, (_, i) => `<tr><td>run ${i}</td><td>[0.9${i}]</td></tr>`).join('\n') + '\n</table>';
    const links = Array.from({ length: 600 }, (_, i) => `[ref ${i}](https://example.com/${i})`).join(' ');
    for (const [name, body] of Object.entries({ tightList, table, code, markersInCode, htmlTable, links })) assert.equal(assessRisk(body).risky, false, name);
  });

  it('a chunk that is only partly risky loses the full parse only where it is risky', () => {
    const risky = '>'.repeat(100) + ' deep';
    const text = `## Data\n\n- a list item\n- another\n\n${risky}\n\n| a | b |\n|---|---|\n| 1 | 2 |\n` + 'More text.\n\n'.repeat(6000);
    const a = analyze(text);
    assert.equal(a.degraded.length, 1);
    assert.ok(a.blocks.some((b) => b.kind === 'list-item'));
    assert.ok(a.blocks.some((b) => b.kind === 'table'));
  });
});

// Every rule against its fixtures: test/fixtures/<rule-id>/bad.md and good.md, each ending with
// `<!-- expect: rule@line[:section-or-subsection] ... -->`. Only the fixture's own rule (and any rule named in
// the comment) is compared, so a fixture tests one concern.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine';
import { RULES } from '../../server/src/engine/rules';
import { findingKey, listFixtures, parseExpect } from './engine-helpers';

const fixtures = listFixtures();

describe('rule fixtures', () => {
  it('every rule has a bad and a good fixture, and every fixture folder is a rule', () => {
    const folders = new Set(fixtures.map((f) => f.rule));
    for (const rule of RULES) {
      assert.ok(fixtures.some((f) => f.rule === rule.id && f.kind === 'bad'), `test/fixtures/${rule.id}/bad.md is missing`);
      assert.ok(fixtures.some((f) => f.rule === rule.id && f.kind === 'good'), `test/fixtures/${rule.id}/good.md is missing`);
    }
    for (const folder of folders) assert.ok(RULES.some((r) => r.id === folder), `test/fixtures/${folder} names no rule`);
  });

  for (const fx of fixtures) {
    it(`${fx.rule}/${fx.kind}.md gives exactly the expected findings`, () => {
      const expected = parseExpect(fx.text);
      assert.ok(expected, `${fx.path} has no trailing <!-- expect: ... --> comment`);
      const rules = new Set([fx.rule, ...expected.map((e) => e.split('@')[0]!)]);
      const actual = analyze(fx.text)
        .findings.filter((f) => rules.has(f.ruleId))
        .map((f) => findingKey(fx.text, f));
      assert.deepEqual([...actual].sort(), [...expected].sort());
      if (fx.kind === 'bad') assert.ok(expected.some((e) => e.startsWith(`${fx.rule}@`)), 'a bad fixture must expect its own rule');
      else assert.ok(!expected.some((e) => e.startsWith(`${fx.rule}@`)), 'a good fixture must not expect its own rule');
    });
  }
});

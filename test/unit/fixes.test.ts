// Fixes are data: insert-only edits. Applying any offered fix and analysing again must remove that finding and
// must not duplicate a heading; applying all of them at once ("fix all") must too. Checked on every fixture and
// on the same documents with CRLF, CR and BOM.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine';
import { applyEdits, identity, listFixtures, newDuplicateHeadings } from './engine-helpers';

const SKELETON_ONLY = '# Plan\n\n## Problem Definition\n\n## Deployment\n\n### Drift Detection\n';
const documents = [
  ...listFixtures().map((f) => ({ name: `${f.rule}/${f.kind}.md`, text: f.text })),
  { name: 'empty document', text: '' },
  { name: 'no trailing newline', text: '# Plan\n\n## Data Management\n\nTwo years of card transactions.' },
  { name: 'skeleton only', text: SKELETON_ONLY },
];
// Every document as written and with CRLF; the bad fixtures (where the fixes are) also with CR and a BOM.
const variants = documents.flatMap((d) => [
  d,
  { name: `${d.name} (CRLF)`, text: d.text.replace(/\n/g, '\r\n') },
  ...(d.name.endsWith('good.md')
    ? []
    : [
        { name: `${d.name} (CR)`, text: d.text.replace(/\n/g, '\r') },
        { name: `${d.name} (BOM)`, text: `\uFEFF${d.text}` },
      ]),
]);

describe('fixes', () => {
  it('some findings in these documents offer fixes (the test below is not vacuous)', () => {
    const fixes = variants.flatMap((d) => analyze(d.text).findings.filter((f) => f.fix));
    assert.ok(fixes.length > 50, `only ${fixes.length} fixes`);
    for (const rule of ['missing-section', 'missing-subsection', 'empty-section']) assert.ok(fixes.some((f) => f.ruleId === rule), rule);
  });

  for (const doc of variants) {
    it(`each fix removes its finding without duplicating headings: ${doc.name}`, () => {
      const before = analyze(doc.text);
      const eol = /\r\n/.test(doc.text) ? '\r\n' : /\r/.test(doc.text) ? '\r' : '\n';
      for (const f of before.findings.filter((x) => x.fix)) {
        for (const e of f.fix!.edits) {
          assert.ok(e.offset >= 0 && e.offset <= doc.text.length, 'the edit lies inside the document');
          const foreign = eol === '\n' ? /\r/ : eol === '\r' ? /\n/ : /\r(?!\n)|(?<!\r)\n/;
          assert.doesNotMatch(e.text, foreign, `${f.ruleId}: the inserted text uses the document's line ending`);
        }
        const fixed = applyEdits(doc.text, f.fix!.edits);
        const after = analyze(fixed);
        assert.ok(!after.findings.some((g) => identity(g) === identity(f)), `${f.ruleId} (${f.message.slice(0, 60)}) is still reported after its fix`);
        assert.deepEqual(newDuplicateHeadings(before, after), [], `${f.ruleId}: the fix duplicated a heading`);
        assert.ok(fixed.startsWith(doc.text.slice(0, f.fix!.edits[0]!.offset)), 'text before the insertion is untouched');
        assert.ok(fixed.endsWith(doc.text.slice(f.fix!.edits[0]!.offset)), 'text after the insertion is untouched');
      }
    });
  }

  for (const doc of documents) {
    it(`fix all removes every fixed finding at once: ${doc.name}`, () => {
      const before = analyze(doc.text);
      const fixable = before.findings.filter((f) => f.fix);
      const after = analyze(applyEdits(doc.text, fixable.flatMap((f) => f.fix!.edits)));
      const left = after.findings.filter((g) => fixable.some((f) => identity(f) === identity(g)));
      assert.deepEqual(left.map((g) => g.message), []);
      assert.deepEqual(newDuplicateHeadings(before, after), []);
    });
  }

  it('fixing every gap of an empty document gives all sections, in lifecycle order', () => {
    const before = analyze('');
    const after = analyze(applyEdits('', before.findings.filter((f) => f.ruleId === 'missing-section').flatMap((f) => f.fix!.edits)));
    assert.ok(after.sections.every((s) => s.status !== 'missing'));
    const order = after.sections.map((s) => s.headings[0]?.index ?? -1);
    assert.deepEqual([...order].sort((a, b) => a - b), order);
  });
});

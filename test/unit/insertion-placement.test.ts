// Where inserted sections land (issue 6, "no text lost" and "fixes that work"): never inside an unclosed code
// fence or HTML block that runs to the end of the document (the heading would be code or a comment), and a
// section inserted into a document without real headings is that section, not the document's title.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, type Analysis } from '../../server/src/engine';
import { fixAllEdits } from '../../server/src/features/code-actions';
import { missingSectionInsertions } from '../../server/src/features/insertions';
import { applyInsertions, insertionOnlyProblems, landsInsideBlock } from '../fuzz/invariants';

const missing = (a: Analysis) => a.findings.filter((f) => f.ruleId === 'missing-section').map((f) => f.sectionId);

/** Every missing-section fix, one at a time: insert only, and the section is found afterwards. */
function checkEachFix(text: string, profile = 'lifecycle'): Analysis {
  const before = analyze(text, { profile });
  const fixes = before.findings.filter((f) => f.ruleId === 'missing-section' && f.fix);
  assert.ok(fixes.length > 0, 'the document misses sections');
  for (const f of fixes) {
    const edits = f.fix!.edits;
    const fixed = applyInsertions(text, edits);
    assert.deepEqual(insertionOnlyProblems(text, fixed, edits), [], f.fix!.title);
    const later = analyze(fixed, { profile });
    assert.ok(!landsInsideBlock(later, edits[0]!.offset, edits[0]!.text), `${f.fix!.title} landed inside a block: ${JSON.stringify(fixed)}`);
    assert.ok(!missing(later).includes(f.sectionId), `${f.fix!.title}: still missing in ${JSON.stringify(fixed)}`);
    // Nothing else changed: the sections found before are still found.
    for (const s of before.sections) if (s.headings.length) assert.ok(later.sections.find((x) => x.id === s.id)!.headings.length > 0, `${s.id} lost after ${f.fix!.title}`);
  }
  return before;
}

/** Fix-all and insert-all (mldoc/missingSections): insert only, and no missing section is left. */
function checkAll(text: string, profile = 'lifecycle'): void {
  const before = analyze(text, { profile });
  for (const [name, edits] of [
    ['fix-all', fixAllEdits(before)],
    ['insert-all', missingSectionInsertions(before)],
  ] as const) {
    const fixed = applyInsertions(text, edits);
    assert.deepEqual(insertionOnlyProblems(text, fixed, edits), [], name);
    const later = analyze(fixed, { profile });
    assert.deepEqual(missing(later), [], `${name}: ${JSON.stringify(fixed)}`);
  }
}

describe('insertions at the end of a document that ends inside an unclosed block', () => {
  const tails: [string, string][] = [
    ['backtick fence', '```python\n# not a heading\nx = 1\n'],
    ['tilde fence', '~~~\ncode\n'],
    ['bare fence at the very end', '```'],
    ['fence with a shorter closing run', '````\ncode\n```\n'],
    ['HTML comment', '<!-- draft notes\n\n## not a heading either\n'],
    ['script block', '<script>\nlet a = 1;\n'],
  ];
  for (const [name, tail] of tails) {
    for (const eol of ['\n', '\r\n']) {
      it(`${name} (${JSON.stringify(eol)}): each fix and insert-all land before the block's opening line`, () => {
        const text = `---\nmldoc: true\n---\n## Problem Definition and Scope\n\nWe reduce fraud losses for card payments.\n\n${tail}`.replace(/\n/g, eol);
        const before = checkEachFix(text);
        const open = text.indexOf(tail.replace(/\n/g, eol).slice(0, 3));
        for (const f of before.findings.filter((x) => x.ruleId === 'missing-section')) assert.equal(f.fix!.edits[0]!.offset, open, f.fix!.title);
        checkAll(text);
      });
    }
  }

  it('a document of only an unclosed fence after its front matter', () => {
    const text = '---\nmldoc: true\n---\n```';
    checkEachFix(text);
    checkAll(text);
    assert.equal(analyze(text).findings.find((f) => f.ruleId === 'missing-section')!.fix!.edits[0]!.offset, text.indexOf('```'));
  });

  it('after a BOM: the insertion goes after it, at the start of the open block (found by the fuzz run)', () => {
    const text = '\uFEFF```\n<!--\nthe';
    checkEachFix(text);
    checkAll(text);
    const f = analyze(text).findings.find((x) => x.ruleId === 'missing-section')!;
    assert.equal(f.fix!.edits[0]!.offset, 1);
    assert.ok(f.fix!.edits[0]!.text.startsWith('## '), 'no blank lines before the first heading of the document');
  });

  it('mixed line endings: a lone \\r before the insertion does not swallow its blank line (found by the fuzz run)', () => {
    // The HTML block (<details>) ends at a blank line; "\r" + an inserted "\n" would make one line break.
    const text = '---\nmldoc: true\n<details>\n<summary>Data</summary>\r';
    checkEachFix(text);
    checkAll(text);
  });

  it('ML fixes that append to a section do not append inside the open block', () => {
    const text = '## Monitoring and Maintenance\n\nWe watch the dashboards every morning and page the owner.\n\n```\nalerts.yaml\n';
    const a = analyze(text);
    const f = a.findings.find((x) => x.ruleId === 'no-drift-detection');
    assert.ok(f?.fix, 'no-drift-detection offers its fix');
    const edits = f.fix.edits;
    assert.ok(edits[0]!.offset <= text.indexOf('```'), 'the line goes before the unclosed fence');
    const later = analyze(applyInsertions(text, edits));
    assert.equal(later.findings.some((x) => x.ruleId === 'no-drift-detection'), false);
  });

  it('closed blocks and blocks inside containers keep the insertion at the end', () => {
    for (const tail of ['```\ncode\n```\n', '<!-- closed -->\n', '> ```\n> quoted code\n', '- item\n\n  ```\n  code\n']) {
      const text = `## Problem Definition and Scope\n\nWe reduce fraud losses for card payments.\n\n${tail}`;
      const f = analyze(text).findings.find((x) => x.ruleId === 'missing-section')!;
      assert.equal(f.fix!.edits[0]!.offset, text.length, JSON.stringify(tail));
      checkEachFix(text);
    }
  });
});

describe('a measurable target is added to prose, never after a code fence', () => {
  it('a KPI section ending in a closed code block: the clause goes after its last paragraph', () => {
    const text = '## KPIs\n\nFewer chargebacks and happier customers.\n\n```\nquery.sql\n```\n';
    const f = analyze(text).findings.find((x) => x.ruleId === 'unmeasurable-success-criteria');
    assert.ok(f?.fix);
    assert.equal(f.fix.edits[0]!.offset, text.indexOf('customers.') + 'customers.'.length);
    const fixed = applyInsertions(text, f.fix.edits);
    assert.ok(fixed.endsWith('```\nquery.sql\n```\n'), 'the closing fence is untouched');
  });

  it('a KPI section of code only gets the finding without a fix', () => {
    const f = analyze('## KPIs\n\n```\ncheckout_rate\n```\n').findings.find((x) => x.ruleId === 'unmeasurable-success-criteria');
    assert.ok(f, 'still reported');
    assert.equal(f.fix, undefined);
  });
});

describe('a section inserted into a document without real headings', () => {
  it('is that section, not the title (single fix and insert-all)', () => {
    const text = '**Problem Definition**\n\nWe cut fraud.\n';
    const before = checkEachFix(text, 'design-doc');
    assert.ok(missing(before).includes('overview'));
    checkAll(text, 'design-doc');
    const f = before.findings.find((x) => x.ruleId === 'missing-section' && x.sectionId === 'overview')!;
    const later = analyze(applyInsertions(text, f.fix!.edits), { profile: 'design-doc' });
    assert.equal(later.titleIndex, undefined);
    assert.equal(later.headings[0]!.text, 'Overview');
  });

  it('a lone top-level heading that is exactly a section title is that section; any other lone heading is still the title', () => {
    const named = analyze('###### Problem Definition and Scope\n\n**Offline evaluation.** Dataset construction.\n');
    assert.equal(named.titleIndex, undefined);
    assert.ok(named.sections.find((s) => s.id === 'problem')!.headings.length > 0);
    const titled = analyze('# Fraud Scoring\n\n**Offline evaluation.** Dataset construction.\n');
    assert.equal(titled.titleIndex, 0);
  });
});

// Inline suppression comments: parsing, scope (line, range, file), rule lists, and where they are not directives.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine';
import { parseRuleList } from '../../server/src/engine/suppressions';

/** Three placeholders on lines 3, 5 and 7 (1-based) plus the comment lines given. */
function doc(lines: string[]): string {
  return lines.join('\n') + '\n';
}
const placeholderLines = (text: string) =>
  analyze(text)
    .findings.filter((f) => f.ruleId === 'placeholder-text')
    .map((f) => text.slice(0, f.span.start).split('\n').length);

describe('suppression comments', () => {
  it('parses the four kinds with their rule lists and lines', () => {
    const text = doc([
      '<!-- mldoc-disable-file thin-section -->',
      '<!-- mldoc-disable placeholder-text, empty-section -->',
      '<!-- mldoc-enable -->',
      '<!-- mldoc-disable-next-line placeholder-text duplicate-section -->',
    ]);
    const s = analyze(text).suppressions;
    assert.deepEqual(
      s.map((x) => [x.kind, x.rules, x.line]),
      [
        ['disable-file', ['thin-section'], 0],
        ['disable', ['placeholder-text', 'empty-section'], 1],
        ['enable', [], 2],
        ['disable-next-line', ['placeholder-text', 'duplicate-section'], 3],
      ],
    );
  });

  it('reads rule lists separated by commas and/or spaces, and ignores a -- reason', () => {
    assert.deepEqual(parseRuleList(' a-rule,b-rule  c-rule '), ['a-rule', 'b-rule', 'c-rule']);
    assert.deepEqual(parseRuleList(' placeholder-text -- the template keeps its markers '), ['placeholder-text']);
    assert.deepEqual(parseRuleList(' '), []);
    assert.deepEqual(parseRuleList(' -- only a reason '), []);
  });

  it('disable-next-line switches a rule off for the following line only', () => {
    const text = doc(['# T', '', 'TBD one', '<!-- mldoc-disable-next-line placeholder-text -->', 'TBD two', '', 'TBD three']);
    assert.deepEqual(placeholderLines(text), [3, 7]);
  });

  it('disable and enable switch a rule off and on again from their lines', () => {
    const text = doc(['# T', '', 'TBD one', '<!-- mldoc-disable placeholder-text -->', 'TBD two', '<!-- mldoc-enable placeholder-text -->', 'TBD three']);
    assert.deepEqual(placeholderLines(text), [3, 7]);
  });

  it('disable without rules switches every rule off, enable without rules switches them on', () => {
    const text = doc(['# T', '', '<!-- mldoc-disable -->', 'TBD one', '#### Skipped', '<!-- mldoc-enable -->', 'TBD two']);
    const a = analyze(text);
    const lines = a.findings.filter((f) => f.ruleId !== 'missing-section').map((f) => `${f.ruleId}@${text.slice(0, f.span.start).split('\n').length}`);
    assert.deepEqual(lines, ['placeholder-text@7']);
  });

  it('disable-file switches a rule off wherever the comment stands', () => {
    const text = doc(['# T', '', 'TBD one', '', 'TBD two', '<!-- mldoc-disable-file placeholder-text -->']);
    assert.deepEqual(placeholderLines(text), []);
    // Other rules stay on.
    assert.ok(analyze(text).findings.some((f) => f.ruleId === 'missing-section'));
  });

  it('names only the rules listed: other rules on the same line still report', () => {
    const text = doc(['# T', '', '<!-- mldoc-disable-next-line thin-section -->', 'TBD']);
    assert.deepEqual(placeholderLines(text), [4]);
  });

  it('takes several rules, comma or space separated', () => {
    const text = doc(['# T', '<!-- mldoc-disable-next-line skipped-heading-level,placeholder-text -->', '### TBD', '<!-- mldoc-disable-next-line skipped-heading-level placeholder-text -->', '##### TBD']);
    const a = analyze(text);
    assert.deepEqual(a.findings.filter((f) => f.ruleId === 'placeholder-text' || f.ruleId === 'skipped-heading-level'), []);
  });

  it('is not a directive inside a code fence, inline code or front matter', () => {
    const text = doc([
      '---',
      'note: <!-- mldoc-disable-file -->',
      '---',
      '# T',
      '',
      '```markdown',
      '<!-- mldoc-disable-file placeholder-text -->',
      '```',
      '',
      'Write `<!-- mldoc-disable-file placeholder-text -->` to turn it off.',
      '',
      'TBD',
    ]);
    const a = analyze(text);
    assert.deepEqual(a.suppressions, []);
    assert.deepEqual(placeholderLines(text), [12]);
  });

  it('ignores look-alike comments', () => {
    const text = doc(['# T', '<!-- mldoc-disable-line placeholder-text -->', 'TBD', '<!-- mldoc -->']);
    assert.deepEqual(analyze(text).suppressions, []);
    assert.deepEqual(placeholderLines(text), [3]);
  });

  it('works in CRLF documents', () => {
    const text = ['# T', '', 'TBD one', '<!-- mldoc-disable-next-line placeholder-text -->', 'TBD two', ''].join('\r\n');
    const a = analyze(text);
    assert.deepEqual(
      a.findings.filter((f) => f.ruleId === 'placeholder-text').map((f) => a.text.slice(f.span.start, f.span.end + 4)),
      ['TBD one'],
    );
  });
});

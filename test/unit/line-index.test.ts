// Offsets and LSP positions (0-based line, 0-based UTF-16 character) in every line-ending style, with BOM, tabs
// and characters outside the Basic Multilingual Plane.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, createLineIndex } from '../../server/src/engine';

function headingRanges(text: string) {
  const a = analyze(text);
  const li = createLineIndex(text);
  return a.headings.map((h) => ({ text: h.text, range: li.rangeOf(h.span) }));
}
const range = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });

describe('line index', () => {
  it('breaks lines at \\n, \\r\\n and \\r', () => {
    assert.deepEqual(createLineIndex('a\nb\r\nc\rd').lineStarts, Int32Array.of(0, 2, 5, 7));
    assert.deepEqual(createLineIndex('').lineStarts, Int32Array.of(0));
    assert.deepEqual(createLineIndex('\n').lineStarts, Int32Array.of(0, 1));
  });

  it('converts offsets to positions and back', () => {
    const text = 'ab\r\ncd\ref';
    const li = createLineIndex(text);
    for (let o = 0; o <= text.length; o++) {
      const p = li.positionAt(o);
      if (text[o] === '\n' && text[o - 1] === '\r') assert.deepEqual(p, li.positionAt(o - 1), 'never between \\r and \\n');
      else assert.equal(li.offsetAt(p), o);
    }
  });

  it('counts UTF-16 code units and never splits a surrogate pair', () => {
    const text = 'a😀b\nc';
    const li = createLineIndex(text);
    assert.deepEqual(li.positionAt(3), { line: 0, character: 3 });
    assert.deepEqual(li.positionAt(2), { line: 0, character: 1 });
    assert.deepEqual(li.positionAt(5), { line: 1, character: 0 });
  });

  it('clamps out-of-range input', () => {
    const li = createLineIndex('ab\ncd');
    assert.deepEqual(li.positionAt(-5), { line: 0, character: 0 });
    assert.deepEqual(li.positionAt(99), { line: 1, character: 2 });
    assert.equal(li.offsetAt({ line: 0, character: 99 }), 2);
    assert.equal(li.offsetAt({ line: 9, character: 0 }), 5);
    assert.equal(li.offsetAt({ line: -1, character: 3 }), 0);
  });
});

describe('positions of headings in documents', () => {
  const doc = ['# Title', '', '## Data', '', 'Text here.', ''];

  it('are the same with LF, CRLF and CR line endings', () => {
    const expected = [
      { text: 'Title', range: range(0, 0, 0, 7) },
      { text: 'Data', range: range(2, 0, 2, 7) },
    ];
    assert.deepEqual(headingRanges(doc.join('\n')), expected);
    assert.deepEqual(headingRanges(doc.join('\r\n')), expected);
    assert.deepEqual(headingRanges(doc.join('\r')), expected);
  });

  it('count a byte order mark as one code unit of the first line', () => {
    const r = headingRanges(`\uFEFF${doc.join('\n')}`);
    assert.deepEqual(r.map((h) => h.text), ['Title', 'Data']);
    assert.deepEqual(r[0]!.range, range(0, 1, 0, 8));
    assert.deepEqual(r[1]!.range, range(2, 0, 2, 7));
  });

  it('count emoji as two code units', () => {
    const r = headingRanges('# 🚀 Launch 😀\n\n## 😀 Data 🎉\n\nText.\n');
    assert.deepEqual(r[0]!.range, range(0, 0, 0, 14));
    assert.deepEqual(r[1]!.range, range(2, 0, 2, 13));
  });

  it('count a tab as one character', () => {
    const r = headingRanges('#\tTitle\n\n##\tData\n\n\tText here.\n');
    assert.deepEqual(r.map((h) => h.text), ['Title', 'Data']);
    assert.deepEqual(r[1]!.range, range(2, 0, 2, 7));
  });

  it('put findings on the right line in a CRLF document with emoji', () => {
    const text = '# 🚀 Plan\r\n\r\n## Deployment\r\n\r\nServing is 😀 TBD\r\n';
    const a = analyze(text);
    const f = a.findings.find((x) => x.ruleId === 'placeholder-text')!;
    assert.deepEqual(createLineIndex(text).rangeOf(f.span), range(4, 14, 4, 17));
  });
});

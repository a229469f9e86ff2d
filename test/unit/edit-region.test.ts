// A keystroke's parse takes the chunks before and after the edit from the previous version (parse.ts
// reuseAroundEdit), found through the two versions' common prefix and suffix (edit-region.ts). Both must give
// what the plain computation gives: the common prefix and suffix by character, and the chunks, blocks and
// degraded spans of a parse without a cache, on random edits made to move chunk cuts (heading marks typed and
// deleted, fences, comments and front matter opened and closed, line endings changed).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commonPrefix, commonSuffix } from '../../server/src/engine/edit-region';
import { createParseCache, parseDocument, splitChunks } from '../../server/src/engine/parse';
import { computeLineStarts, lineStartsAfterEdit } from '../../server/src/engine/line-index';
// @ts-expect-error: the benchmark's generator is plain JavaScript, shared so that tests and bench agree.
import { designDoc, prng } from '../../bench/generate.mjs';

function naivePrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function naiveSuffix(a: string, b: string, max: number): number {
  let k = 0;
  while (k < max && k < a.length && k < b.length && a[a.length - 1 - k] === b[b.length - 1 - k]) k++;
  return k;
}

/** Pieces that move chunk cuts when typed or deleted. */
const PIECES = [
  '#', '# ', '## Data\n', '\n### Model\n', '```\n', '```', '~~~\n', '<!--', '-->', '<!-- x -->\n', '---\n', '+++\n',
  '\n', '\r\n', '\r', '\n\n', 'x', '    ', '> ', '- ', '1. ', '\uFEFF', 'é', '𝐀', '`', '<pre>\n', '</pre>\n',
];

function edited(text: string, rnd: () => number): string {
  const at = Math.floor(rnd() * (text.length + 1));
  const r = rnd();
  if (r < 0.6) return text.slice(0, at) + PIECES[Math.floor(rnd() * PIECES.length)] + text.slice(at);
  if (r < 0.9) return text.slice(0, at) + text.slice(at + 1 + Math.floor(rnd() * 12));
  // A line start: where heading marks, fences and comments take effect.
  const line = text.lastIndexOf('\n', at) + 1;
  return text.slice(0, line) + PIECES[Math.floor(rnd() * 11)] + text.slice(line);
}

function plainParse(text: string) {
  const p = parseDocument(text);
  return { blocks: p.blocks, degraded: p.degraded, chunks: p.chunks.map((c) => ({ start: c.start, text: c.text })) };
}

describe('edit region', () => {
  it('finds the common prefix and suffix of two texts, as a character-by-character comparison does', () => {
    const rnd = prng(21) as () => number;
    const base = designDoc(300_000, 2) as string;
    for (let i = 0; i < 300; i++) {
      const a = i % 3 === 0 ? base.slice(0, Math.floor(rnd() * base.length)) : base;
      let b = a;
      for (let k = 0, n = 1 + Math.floor(rnd() * 3); k < n; k++) b = edited(b, rnd);
      if (i % 10 === 0) b = b.slice(0, Math.floor(rnd() * b.length));
      const p = commonPrefix(a, b);
      assert.equal(p, naivePrefix(a, b));
      const max = Math.min(a.length, b.length) - p;
      assert.equal(commonSuffix(a, b, max), naiveSuffix(a, b, max));
    }
    assert.equal(commonPrefix('', 'abc'), 0);
    assert.equal(commonSuffix('abc', 'abc', 3), 3);
    assert.equal(commonSuffix('xabc', 'yabc', 4), 3);
  });

  it('a parse with the previous version reused equals a parse from scratch, over 1,500 edits', () => {
    let compared = 0;
    let reusedAfter = 0;
    for (const seed of [1, 2, 3, 4, 5]) {
      const rnd = prng(100 + seed) as () => number;
      let text = designDoc(20_000, seed) as string;
      if (seed === 2) text = text.replace(/\n/g, '\r\n');
      if (seed === 3) text = '---\ntitle: x\n---\n' + text;
      const cache = createParseCache();
      parseDocument(text, cache);
      cache.roll();
      for (let i = 0; i < 300; i++) {
        const before = text;
        text = edited(text, rnd);
        if (i % 50 === 49) text = before; // undo
        const warm = parseDocument(text, cache);
        cache.roll();
        const cold = plainParse(text);
        assert.deepEqual(warm.chunks.map((c) => ({ start: c.start, text: c.text })), cold.chunks, `seed ${seed}, edit ${i}: chunks`);
        assert.deepEqual(warm.blocks, cold.blocks, `seed ${seed}, edit ${i}: blocks`);
        assert.deepEqual(warm.degraded, cold.degraded, `seed ${seed}, edit ${i}: degraded`);
        assert.equal(warm.slots?.length, warm.blocks.length);
        // The chunks are splitChunks' cuts of the whole text.
        assert.deepEqual(warm.chunks.map((c) => c.start), splitChunks(text).map((c) => c.start));
        compared++;
        // The chunks after an edit are taken from the previous version (moved), not cut again.
        const last = warm.chunks[warm.chunks.length - 1];
        if (last && cache.previous?.chunks[cache.previous.chunks.length - 1] === last) reusedAfter++;
      }
    }
    assert.equal(compared, 1500);
    assert.ok(reusedAfter > 0, 'some edits reuse the last chunk as it was');
  });

  it('takes the chunks before and after a one-character edit from the previous version', () => {
    const text = designDoc(60_000, 7) as string;
    const cache = createParseCache();
    const first = parseDocument(text, cache);
    cache.roll();
    const at = text.indexOf('\n\n', text.length >> 1);
    const second = parseDocument(text.slice(0, at) + 'x' + text.slice(at), cache);
    const k = second.chunks.findIndex((c) => c.start + c.text.length > at);
    assert.ok(k > 2 && k < second.chunks.length - 2);
    // Before the edit: the same chunk and block objects.
    for (let i = 0; i < k - 1; i++) assert.equal(second.chunks[i], first.chunks[i]);
    assert.equal(second.blocks[0], first.blocks[0]);
    // After it: the same chunk texts (the cache's own strings), one character further on.
    for (let i = k + 1; i < second.chunks.length; i++) {
      assert.equal(second.chunks[i]!.text, first.chunks[i]!.text);
      assert.equal(second.chunks[i]!.start, first.chunks[i]!.start + 1);
    }
  });

  it('line starts after an edit equal a scan of the whole text, with LF, CRLF and CR (a \\r\\n made or split)', () => {
    const rnd = prng(31) as () => number;
    let compared = 0;
    for (const ending of ['\n', '\r\n', '\r']) {
      let text = (designDoc(8_000, 9) as string).replace(/\n/g, ending);
      let starts = computeLineStarts(text);
      for (let i = 0; i < 400; i++) {
        const next = edited(text, rnd);
        const fast = lineStartsAfterEdit(text, starts, next);
        assert.deepEqual(fast, computeLineStarts(next), `${JSON.stringify(ending)}, edit ${i}`);
        text = next;
        starts = fast;
        compared++;
      }
    }
    // A \r and a \n brought together, and pulled apart.
    assert.deepEqual(lineStartsAfterEdit('a\rb\nc', computeLineStarts('a\rb\nc'), 'a\r\nc'), computeLineStarts('a\r\nc'));
    assert.deepEqual(lineStartsAfterEdit('a\r\nc', computeLineStarts('a\r\nc'), 'a\rx\nc'), computeLineStarts('a\rx\nc'));
    assert.deepEqual(lineStartsAfterEdit('ab', Int32Array.of(0), ''), Int32Array.of(0));
    assert.equal(compared, 1200);
  });
});

// Incremental analysis is exact: analysing with a warm cache (chunk parses, paragraph groups and derived data
// reused from the previous versions, as the language server does on every keystroke) gives exactly what a fresh
// analysis of the same text gives. Random edit sequences from a seeded PRNG, hundreds of edits.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, createParseCache, type Analysis } from '../../server/src/engine';
import { parseWithRemark, splitParagraphGroups } from '../../server/src/engine/parse';
import { compilePhrases } from '../../server/src/engine/ml/phrases';
import { READINESS_TESTS } from '../../server/src/engine/readiness';
// @ts-expect-error: the benchmark's generator is plain JavaScript, shared so that tests and bench agree.
import { designDoc, prng } from '../../bench/generate.mjs';

const PIECES = ['x', ' ', '\n', '\n\n', '# ', '## Monitoring\n', '### Drift\n', '```\n', '~~~', '<!--', '-->', '- ', '  - ', '1. ', '> ', '**', '_', '[', ']', '](', '|', '| a | b |\n|---|---|\n', '---\n', 'TBD', ' model training data ', ' latency p99 ', '<div>\n', '\r\n', '    code\n', '<!-- mldoc-disable-next-line -->\n'];

/** What must not differ between a warm and a fresh analysis. */
function essence(a: Analysis) {
  return { blocks: a.blocks, headings: a.headings, sections: a.sections, findings: a.findings, degraded: a.degraded, score: a.score, readiness: a.readiness, suppressions: a.suppressions };
}

function editOnce(text: string, rnd: () => number): string {
  const at = Math.floor(rnd() * (text.length + 1));
  const r = rnd();
  if (r < 0.6) return text.slice(0, at) + PIECES[Math.floor(rnd() * PIECES.length)] + text.slice(at);
  if (r < 0.9) return text.slice(0, at) + text.slice(at + 1 + Math.floor(rnd() * 40));
  // Move a line elsewhere: edits far apart in one step.
  const nl = text.indexOf('\n', at);
  const line = nl < 0 ? text.slice(at) : text.slice(at, nl + 1);
  const rest = text.slice(0, at) + text.slice(at + line.length);
  const to = Math.floor(rnd() * (rest.length + 1));
  return rest.slice(0, to) + line + rest.slice(to);
}

function runSequence(start: string, edits: number, seed: number): void {
  const rnd = prng(seed) as () => number;
  const cache = createParseCache();
  let text = start;
  for (let i = 0; i < edits; i++) {
    text = i === 0 ? text : editOnce(text, rnd);
    const warm = analyze(text, {}, { cache });
    cache.roll();
    const fresh = analyze(text);
    assert.deepEqual(essence(warm), essence(fresh), `edit ${i} (seed ${seed}) gave a different analysis`);
  }
}

describe('incremental analysis', () => {
  it('a warm cache gives exactly the fresh analysis over 300 random edits of a design doc', () => {
    runSequence(designDoc(6000, 11), 300, 1);
  });

  it('and over edits of a document with a section large enough to be cut into paragraph groups', () => {
    const big = designDoc(5000, 12) + '\n## Appendix\n\n' + 'A paragraph on the feature store and drift. '.repeat(4) + '\n\n' + Array.from({ length: 700 }, (_, i) => `- item ${i} on monitoring\n\nText ${i} about the **model**.\n`).join('\n');
    runSequence(big, 60, 2);
  });

  it('a document cut into paragraph groups parses to the same blocks as remark on the whole', () => {
    const rnd = prng(3) as () => number;
    for (let n = 0; n < 300; n++) {
      const lines = Array.from({ length: 1 + Math.floor(rnd() * 30) }, () => PIECES[Math.floor(rnd() * PIECES.length)]!.replace(/\n$/, ''));
      const text = lines.join('\n');
      if (/\]:/.test(text)) continue; // a reference definition may sit in another group
      const whole = parseWithRemark(text);
      const joined = splitParagraphGroups(text, true).flatMap((p) =>
        parseWithRemark(p.text, p.start === 0).map((b) => ({ ...b, span: { start: b.span.start + p.start, end: b.span.end + p.start } })),
      );
      assert.deepEqual(joined, whole, JSON.stringify(text));
    }
  });

  it('phrase search by heading segments (and its first-n form) finds exactly what one search over the text finds', () => {
    const text = designDoc(120_000, 13);
    for (const t of READINESS_TESTS) {
      for (const list of [t.strong, t.weak]) {
        if (!list.length) continue;
        // A '#' in a list turns segmenting off: the reference search over the whole text.
        const reference = compilePhrases([...list, '#no-such-phrase#']).find(text);
        assert.deepEqual(compilePhrases(list).find(text), reference, t.id);
        const odd = (start: number) => start % 2 === 1;
        assert.deepEqual(compilePhrases(list).first(text, 5, odd), reference.filter((h) => odd(h.span.start)).slice(0, 5), t.id);
        assert.deepEqual(compilePhrases(list).first(text.slice(0, 3000), 3), compilePhrases(list).find(text.slice(0, 3000)).slice(0, 3), t.id);
        const within = { start: 30_000, end: 70_000 };
        assert.deepEqual(compilePhrases(list).find(text, within), compilePhrases([...list, '#no-such-phrase#']).find(text, within), t.id);
      }
    }
  });

  it('remembered (packed) segment hits give the same hits after edits that move the segments, and in ranges cut anywhere', () => {
    let text = designDoc(120_000, 14);
    const lists = READINESS_TESTS.flatMap((t) => [t.strong, t.weak]).filter((l) => l.length > 0);
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    for (let round = 0; round < 30; round++) {
      const at = rand(text.length);
      // Insertions, deletions and same-length replacements (segments found by place must be compared by text).
      text =
        round % 3 === 1
          ? text.slice(0, at) + 'model drift\n\n## Notes\n' + text.slice(at)
          : round % 3 === 2
            ? text.slice(0, at) + (text[at] === 'e' ? 'a' : 'e') + text.slice(at + 1)
            : text.slice(0, at) + text.slice(at + 40);
      for (const list of lists) {
        const reference = compilePhrases([...list, '#no-such-phrase#']);
        const m = compilePhrases(list);
        assert.deepEqual(m.find(text), reference.find(text));
        const start = rand(text.length);
        const within = { start, end: start + rand(20_000) };
        assert.deepEqual(m.find(text, within), reference.find(text, within));
      }
    }
  });
});

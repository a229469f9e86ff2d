// Hits visited one at a time (PhraseMatcher.each, eachInProse, firstInProse) are exactly the hits that
// find / findInProse list, in the same order; the ML rules use the visitors to stop at the first hit they need
// instead of listing every hit of a large document on each keystroke. Checked on every phrase list the engine
// uses, on small texts, on large texts (the remembered-segment path) before and after edits, and in ranges.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine';
import {
  compiledPhraseLists,
  compilePhrases,
  eachInProse,
  findInProse,
  firstInProse,
  isTemplate,
  nonProseSpans,
  type PhraseHit,
  type PhraseMatcher,
} from '../../server/src/engine/ml/phrases';
import type { Block, Span } from '../../server/src/engine/types';
import { insideAny } from '../../server/src/engine/masks';
import { examplesAndCorpus } from './markdown-files';
// @ts-expect-error: the benchmark's generator is plain JavaScript, shared so that tests and bench agree.
import { designDoc } from '../../bench/generate.mjs';

const { examples, corpus } = examplesAndCorpus();

/** A large text with code, HTML and tables among the prose (the corpus and examples, then generated text). */
const LARGE = [...examples, ...corpus].join('\n\n') + '\n\n' + designDoc(140_000, 21);

/** Every list the engine searches with: compiled while analysing the texts below. */
function engineLists(): (readonly string[])[] {
  // Readiness is computed when read: read it, so that its lists are compiled too.
  void analyze(LARGE).readiness;
  for (const t of examples) void analyze(t).readiness;
  return compiledPhraseLists().filter((l) => l.length > 0);
}

type Visit = { phrase: number; start: number; end: number };
const asVisits = (hits: readonly PhraseHit[]): Visit[] => hits.map((h) => ({ phrase: h.phrase, start: h.span.start, end: h.span.end }));

function visits(m: PhraseMatcher, text: string, within?: Span, stopAfter = Infinity): Visit[] {
  const out: Visit[] = [];
  m.each(text, within, (phrase, start, end) => {
    out.push({ phrase, start, end });
    return out.length >= stopAfter;
  });
  return out;
}

/** findInProse as it was written before the visitors: find per range, then the prose filter. */
function referenceInProse(text: string, blocks: readonly Block[], m: PhraseMatcher, within?: readonly Span[]): PhraseHit[] {
  const excluded = insideAny(nonProseSpans(blocks, isTemplate(blocks)));
  return (within ?? [{ start: 0, end: text.length }]).flatMap((r) => m.find(text, r)).filter((h) => !excluded(h.span.start));
}

describe('phrase hits visited one at a time', () => {
  const lists = engineLists();

  it('the engine searches with enough lists for this test to mean something', () => {
    assert.ok(lists.length >= 40, `only ${lists.length} lists`);
    assert.ok(LARGE.length > 100_000);
  });

  it('each() visits exactly what find() lists, in order, on small and large texts and in ranges', () => {
    let total = 0;
    const texts = [...examples, examples[0]!.slice(0, 3000), LARGE];
    for (const list of lists) {
      const m = compilePhrases(list);
      for (const text of texts) {
        const found = m.find(text);
        total += found.length;
        assert.deepEqual(visits(m, text), asVisits(found), list.join('|'));
        for (const h of found.slice(0, 3)) assert.equal(text.slice(h.span.start, h.span.end), h.text);
      }
      // Ranges that cut segments anywhere, tiny ones (searched directly) and empty or reversed ones.
      for (const within of [
        { start: 1_000, end: 90_000 },
        { start: 12_345, end: 12_500 },
        { start: 50_000, end: 50_000 },
        { start: 70_000, end: 60_000 },
        { start: -5, end: LARGE.length + 10 },
      ]) {
        assert.deepEqual(visits(m, LARGE, within), asVisits(m.find(LARGE, within)), `${list.join('|')} in ${JSON.stringify(within)}`);
      }
    }
    assert.ok(total > 1000, `only ${total} hits: the comparison would be weak`);
  });

  it('firstHit() is find()[0] on headings, blocks, whole documents and the large text', () => {
    let hits = 0;
    let misses = 0;
    const texts = [...examples, LARGE, ''];
    for (const doc of examples) for (const line of doc.split('\n')) if (line.trim()) texts.push(line.replace(/^#+\s*/, ''));
    for (const list of lists) {
      const m = compilePhrases(list);
      for (const text of texts) {
        const want = m.find(text)[0];
        // Asked twice: the second answer comes from the memo of small texts.
        for (let k = 0; k < 2; k++) assert.deepEqual(m.firstHit(text), want, list.join('|'));
        if (want) hits++;
        else misses++;
      }
    }
    assert.ok(hits > 200 && misses > 200, `${hits} hits, ${misses} misses: the comparison would be weak`);
  });

  it('each() stops at the first visit that returns true', () => {
    for (const list of lists) {
      const m = compilePhrases(list);
      const all = m.find(LARGE);
      for (const n of [1, 2, 7]) assert.deepEqual(visits(m, LARGE, undefined, n), asVisits(all.slice(0, n)));
    }
  });

  it('after edits that move the remembered segments, each() still follows find()', () => {
    let text = LARGE;
    const sample = lists.filter((_, i) => i % 3 === 0);
    for (let round = 0; round < 12; round++) {
      const at = Math.floor(((round * 7919) % 97) * (text.length / 97));
      text = round % 2 ? text.slice(0, at) + ' data drift\n\n## Retraining\nlatency p99 ' + text.slice(at) : text.slice(0, at) + text.slice(at + 30);
      for (const list of sample) {
        const m = compilePhrases(list);
        assert.deepEqual(visits(m, text), asVisits(m.find(text)));
        assert.deepEqual(visits(m, text, { start: at - 5_000, end: at + 5_000 }), asVisits(m.find(text, { start: at - 5_000, end: at + 5_000 })));
      }
    }
  });

  it('findInProse, eachInProse and firstInProse agree with find plus the prose filter', () => {
    const { blocks } = analyze(LARGE);
    const ranges = [
      { start: 0, end: 5_000 },
      { start: 30_000, end: 80_000 },
      { start: 100_000, end: LARGE.length },
    ];
    let hits = 0;
    for (const list of lists) {
      const m = compilePhrases(list);
      for (const within of [undefined, ranges]) {
        const reference = referenceInProse(LARGE, blocks, m, within);
        hits += reference.length;
        assert.deepEqual(findInProse(LARGE, blocks, m, within), reference);
        const seen: Visit[] = [];
        eachInProse(LARGE, blocks, m, within, (phrase, start, end) => void seen.push({ phrase, start, end }));
        assert.deepEqual(seen, asVisits(reference));
        assert.deepEqual(firstInProse(LARGE, blocks, m, within), reference[0]);
        const odd = (h: PhraseHit) => h.span.start % 2 === 1;
        assert.deepEqual(firstInProse(LARGE, blocks, m, within, odd), reference.find(odd));
        // Stopping inside the second range: nothing after the stop is visited.
        const stopAt = reference.findIndex((h) => h.span.start >= 30_000);
        if (stopAt >= 0) {
          const upTo: number[] = [];
          eachInProse(LARGE, blocks, m, within, (_, start) => (upTo.push(start), upTo.length > stopAt));
          assert.deepEqual(upTo, reference.slice(0, stopAt + 1).map((h) => h.span.start));
        }
      }
    }
    assert.ok(hits > 1000, `only ${hits} prose hits`);
  });
});

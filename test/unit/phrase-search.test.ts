// The phrase search matches most lists against a word index of the text instead of one unicode regex per list
// (server/src/engine/ml/phrases.ts). The regex is the definition of a match: this test keeps the regex search as
// it was (REFERENCE below) and requires identical hits (phrase index, span, text) from compilePhrases on the
// corpus, the examples, every phrase list the engine uses, random lists and generated text with unicode,
// case-folding oddities, every separator, CRLF and the segment path for large texts.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyze } from '../../server/src/engine';
import { compiledPhraseLists, compilePhrases, type PhraseHit } from '../../server/src/engine/ml/phrases';
import { markdownDoc, noiseDoc, params } from '../fuzz/arbitraries';

// ---- REFERENCE: the regex search as it was before the word index (do not "fix" it to follow the code) ----
const SPECIAL = /[.+?^${}()|[\]\\]/g;
function phraseSource(phrase: string): string {
  const words = phrase.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return words
    .map((w) => {
      const wild = w.endsWith('*');
      const body = (wild ? w.slice(0, -1) : w).replace(SPECIAL, '\\$&');
      return wild ? `${body}[\\p{L}\\p{N}]*` : body;
    })
    .join('[\\s\\-/*_`]+');
}
function referenceFind(phrases: readonly string[], text: string, within?: { start: number; end: number }): PhraseHit[] {
  const out: PhraseHit[] = [];
  if (!phrases.length) return out;
  const order = phrases.map((_, i) => i).sort((a, b) => phrases[b]!.length - phrases[a]!.length);
  const source = order.map((i) => `(${phraseSource(phrases[i]!)})`).join('|');
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, 'giu');
  const start = within ? Math.max(0, within.start) : 0;
  const end = within ? Math.min(text.length, within.end) : text.length;
  const slice = text.slice(start, end);
  let m: RegExpExecArray | null;
  while ((m = re.exec(slice)) !== null) {
    if (m[0].length === 0) {
      // (was `re.lastIndex++`, which loops forever before an astral character under /u: the one change)
      re.lastIndex = m.index + ((slice.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1);
      continue;
    }
    let g = 1;
    while (g < m.length && m[g] === undefined) g++;
    out.push({ phrase: order[g - 1]!, span: { start: start + m.index, end: start + m.index + m[0].length }, text: m[0] });
  }
  return out;
}
// ---- end of REFERENCE ----

const root = process.cwd();
function markdownIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}
const DOCS = [...markdownIn(join(root, 'examples')), ...markdownIn(join(root, '..', 'shared', 'corpus', 'docs')), ...markdownIn(join(root, 'test', 'fixtures'))];

// Every list the engine searches with: analysing the documents compiles them all.
for (const d of DOCS.slice(0, 6)) analyze(d, {});
const ENGINE_LISTS = compiledPhraseLists().map((l) => [...l]);

function check(list: readonly string[], text: string, label: string): void {
  const expected = referenceFind(list, text);
  assert.deepEqual(compilePhrases(list).find(text), expected, `${label}: ${JSON.stringify(text.slice(0, 120))}`);
}

/** Text made of the lists' own words joined by every kind of gap, with case and unicode variations. */
const VOCAB = [...new Set(ENGINE_LISTS.flat().flatMap((p) => p.toLowerCase().split(/\s+/)).map((w) => w.replace(/\*$/, '')))];
const GAPS = [' ', '  ', '-', '/', '*', '_', '`', ' - ', '\r\n', '\n', '\t', '\u00a0', '\u3000', '.', ',', '#', "'", ' (', ') ', '**', '__', '- ', '\u2014', '|', '\r', ' \u0301', ''];
const ODD = ['\u017f', '\u212a', 'K', 'S', '\u0345', '\u00e9', 'e\u0301', '\u{1d400}', '\u{1f600}', '\ud800', '\u0130', '\u0131', 'ß', '٣', '²', 'x', 'ing', 's', 'ed', '1'];
const word = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...VOCAB) },
  { weight: 2, arbitrary: fc.constantFrom(...VOCAB).map((w) => w.toUpperCase()) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...VOCAB), fc.constantFrom(...ODD)).map(([w, o]) => w + o) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...ODD), fc.constantFrom(...VOCAB)).map(([o, w]) => o + w) },
  { weight: 1, arbitrary: fc.constantFrom(...VOCAB).map((w) => w.replace(/s/g, '\u017f').replace(/k/g, '\u212a')) },
);
const wordText = fc.array(fc.tuple(word, fc.constantFrom(...GAPS)), { maxLength: 80 }).map((ws) => ws.map(([w, g]) => w + g).join(''));

describe('phrase search: word index against the regex', () => {
  it('every engine list, every example, corpus and fixture document (whole, and within sections)', () => {
    assert.ok(ENGINE_LISTS.length > 20, `only ${ENGINE_LISTS.length} lists compiled`);
    assert.ok(DOCS.length >= 4);
    let hits = 0;
    for (const text of DOCS) {
      for (const list of ENGINE_LISTS) {
        const expected = referenceFind(list, text);
        hits += expected.length;
        assert.deepEqual(compilePhrases(list).find(text), expected, `list starting ${JSON.stringify(list[0])}`);
        const within = { start: Math.floor(text.length / 3), end: Math.floor((2 * text.length) / 3) };
        assert.deepEqual(compilePhrases(list).find(text, within), referenceFind(list, text, within));
      }
    }
    assert.ok(hits > 1000, `only ${hits} hits: the comparison would prove little`);
  });

  it('CRLF versions and a large text (the segment path)', () => {
    const big = DOCS.join('\n\n');
    assert.ok(big.length > 64 * 1024);
    for (const text of [big, big.replace(/\n/g, '\r\n'), DOCS[0]!.replace(/\n/g, '\r\n')]) {
      for (const list of ENGINE_LISTS) {
        assert.deepEqual(compilePhrases(list).find(text), referenceFind(list, text));
        assert.deepEqual(compilePhrases(list).first(text, 3), referenceFind(list, text).slice(0, 3));
      }
    }
  });

  it('generated text of the lists own words, odd gaps and unicode', () => {
    fc.assert(
      fc.property(wordText, fc.integer({ min: 0, max: ENGINE_LISTS.length - 1 }), (text, k) => {
        check(ENGINE_LISTS[k]!, text, `list ${k}`);
      }),
      params(3000),
    );
  });

  it('random lists: wildcards, shared first words, duplicates, inner punctuation, fallbacks', () => {
    const small = ['a', 'b', 'ab', 'data', 'drift', 'model', 'k', 's', 'e', 'mail', 'cross', 'entropy', 'test', 'set', '1', 'f1'];
    const phraseWord = fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...small) },
      { weight: 2, arbitrary: fc.constantFrom(...small).map((w) => w + '*') },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...small), fc.constantFrom('-', '.', '_', "'", '/', '+', '#', '&'), fc.constantFrom(...small)).map(([a, p, b]) => a + p + b) },
      { weight: 1, arbitrary: fc.constantFrom('C++', '.net', 'é', 'naïve', '*', 'a**', '#x', 'KELVIN') },
    );
    const phrase = fc.array(phraseWord, { minLength: 1, maxLength: 3 }).map((ws) => ws.join(' '));
    const smallText = fc
      .array(fc.tuple(fc.oneof(fc.constantFrom(...small), fc.constantFrom(...small).map((w) => w.toUpperCase() + 'ing'), fc.constantFrom(...ODD)), fc.constantFrom(...GAPS)), { maxLength: 40 })
      .map((ws) => ws.map(([w, g]) => w + g).join(''));
    fc.assert(
      fc.property(fc.array(phrase, { minLength: 1, maxLength: 8 }), smallText, (list, text) => check(list, text, JSON.stringify(list))),
      params(3000),
    );
  });

  it('generated Markdown and noise', () => {
    fc.assert(
      fc.property(fc.oneof(markdownDoc, noiseDoc), fc.integer({ min: 0, max: ENGINE_LISTS.length - 1 }), (text, k) => check(ENGINE_LISTS[k]!, text, `list ${k}`)),
      params(500),
    );
  });
});

// isNegated reads the sentence before a phrase hit without splitting a copy of the window (the ML rules ask it
// for every hit on every keystroke). This compares it with the split() it replaced on every position of the
// examples and the corpus, and on generated text dense with separators and negations.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isNegated, type PhraseHit } from '../../server/src/engine/ml/scope';
import type { RuleContext } from '../../server/src/engine/rules/types';
import { examplesAndCorpus } from './markdown-files';

/** The definition before (do not "fix" it to follow the code). */
function reference(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  const sentence = before.split(/[.!?;:\n]\s/).pop() ?? before;
  return /\b(?:no|not|non|without|never|nor|none|neither|avoid(?:s|ing)?)\b[^,]{0,25}$|n['’]t\b[^,]{0,25}$/i.test(sentence);
}

function check(text: string, starts: Iterable<number>): { yes: number; no: number } {
  const ctx = { text } as RuleContext;
  let yes = 0;
  let no = 0;
  for (const start of starts) {
    const hit: PhraseHit = { phrase: 0, span: { start, end: start + 1 }, text: text.slice(start, start + 1) } as unknown as PhraseHit;
    const want = reference(text, start);
    assert.equal(isNegated(ctx, hit), want, JSON.stringify(text.slice(Math.max(0, start - 45), start + 5)));
    if (want) yes++;
    else no++;
  }
  return { yes, no };
}

describe('isNegated', () => {
  it('agrees with the split-based reading at every word start of the examples and the corpus', () => {
    const { examples, corpus } = examplesAndCorpus();
    let yes = 0;
    let no = 0;
    for (const text of [...examples, ...corpus]) {
      const starts: number[] = [];
      for (const m of text.matchAll(/\b\w/g)) starts.push(m.index!);
      const r = check(text, starts);
      yes += r.yes;
      no += r.no;
    }
    assert.ok(yes > 200 && no > 10_000, `${yes} negated, ${no} not`);
  });

  it('agrees on text dense with separators, line breaks and negations, at every position', () => {
    const parts = ['no', 'not', ' ', '.', '. ', '.\n', ':\t', ';', '!', '?\n\n', '\n', 'x', "don't", 'won’t', ',', 'without', 'a', '\u00a0', 'never'];
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000);
    let yes = 0;
    for (let round = 0; round < 300; round++) {
      let text = '';
      while (text.length < 120) text += parts[Math.floor(rand() * parts.length)];
      const r = check(text, Array.from({ length: text.length + 1 }, (_, i) => i));
      yes += r.yes;
    }
    assert.ok(yes > 1000, `${yes} negated`);
  });
});

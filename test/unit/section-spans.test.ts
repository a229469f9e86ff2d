// sectionSpans (where the ML rules search a lifecycle section's text) merges the spans of the section's headings
// straight from its heading list; it used to go through lifecycleHeadings, which also ranks the headings by
// evidence (a sort of every evidence start of the section, on every keystroke). This compares both on the
// examples, the corpus and generated design docs of several sizes, for every lifecycle section.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine';
import { lifecycleHeadings, sectionSpans } from '../../server/src/engine/ml/scope';
import type { RuleContext } from '../../server/src/engine/rules/types';
import type { Span } from '../../server/src/engine/types';
import { examplesAndCorpus } from './markdown-files';
// @ts-expect-error: the benchmark's generator is plain JavaScript, shared so that tests and bench agree.
import { designDoc } from '../../bench/generate.mjs';

/** The definition before: lifecycleHeadings' spans, sorted by start and merged (do not "fix" it to follow). */
function reference(ctx: RuleContext, id: string): Span[] {
  const spans = lifecycleHeadings(ctx, id)
    .map((h) => h.sectionSpan)
    .sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) out[out.length - 1] = { start: last.start, end: Math.max(last.end, s.end) };
    else out.push(s);
  }
  return out;
}

/** The two fields sectionSpans and lifecycleHeadings read, from a real analysis. */
function contextOf(text: string): RuleContext {
  const a = analyze(text);
  return { text, doc: { headings: a.headings }, lifecycleSections: a.sections } as unknown as RuleContext;
}

function compare(texts: readonly string[]): number {
  let nonEmpty = 0;
  for (const text of texts) {
    const ctx = contextOf(text);
    for (const s of ctx.lifecycleSections) {
      const want = reference(ctx, s.id);
      assert.deepEqual(sectionSpans(ctx, s.id), want, s.id);
      // Asked twice in one analysis (the memo): the same, and a copy the caller may change.
      const again = sectionSpans(ctx, s.id);
      assert.deepEqual(again, want);
      again.pop();
      assert.deepEqual(sectionSpans(ctx, s.id), want);
      if (want.length > 0) nonEmpty++;
    }
  }
  return nonEmpty;
}

describe('sectionSpans', () => {
  const { examples, corpus } = examplesAndCorpus();

  it('matches the merge of lifecycleHeadings on the examples and the corpus', () => {
    assert.ok(examples.length > 0);
    assert.ok(compare([...examples, ...corpus]) > examples.length);
  });

  it('matches it on generated design docs, where sections repeat and nest', () => {
    const texts = [4_000, 40_000, 200_000].map((n, i) => designDoc(n, 11 + i) as string);
    assert.ok(compare(texts) > 0);
  });

  it('merges nested and adjacent section spans in document order', () => {
    const text = [
      '# Deployment', '', 'Served behind an API.', '',
      '## Serving infrastructure', '', 'Kubernetes.', '',
      '# Goals', '', 'Faster reviews.', '',
      '# Rollout', '', 'Canary release, then 100 %.', '',
    ].join('\n');
    const ctx = contextOf(text);
    const spans = sectionSpans(ctx, 'deployment');
    assert.ok(spans.length >= 1);
    for (let i = 1; i < spans.length; i++) assert.ok(spans[i]!.start > spans[i - 1]!.end, 'merged and sorted');
    assert.equal(spans[0]!.start, text.indexOf('# Deployment'));
    assert.deepEqual(spans, reference(ctx, 'deployment'));
  });
});

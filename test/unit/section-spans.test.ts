// sectionSpans (where the ML rules search a lifecycle section's text) merges the spans of the section's headings
// straight from its heading list; it used to go through lifecycleHeadings, which also ranks the headings by
// evidence (a sort of every evidence start of the section, on every keystroke). This compares both on the
// examples, the corpus and generated design docs of several sizes, for every lifecycle section. The rules anchor
// their findings at anchorHeading, the best-ranked heading found in one pass: it must be lifecycleHeadings' first.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, createParseCache } from '../../server/src/engine';
import { anchorHeading, hasSection, sectionSpans } from '../../server/src/engine/ml/scope';
import { countsFromStarts, evidenceCounterOf, evidenceStartsOf } from '../../server/src/engine/coverage';
import type { RuleContext } from '../../server/src/engine/rules/types';
import type { Heading, Span } from '../../server/src/engine/types';
import { examplesAndCorpus } from './markdown-files';
// @ts-expect-error: the benchmark's generator is plain JavaScript, shared so that tests and bench agree.
import { designDoc } from '../../bench/generate.mjs';

/**
 * The ranking the rules used before (do not "fix" it to follow the code): the section's headings sorted real
 * ones first, then by the evidence starts under each (two binary searches in the sorted starts), then by size,
 * then by place in the list.
 */
function lifecycleHeadings(ctx: RuleContext, id: string): Heading[] {
  const s = ctx.lifecycleSections.find((x) => x.id === id);
  const hs = (s?.headings ?? []).map((r) => ctx.doc.headings[r.index]).filter((h): h is Heading => h !== undefined);
  const evidence = s ? countsFromStarts(evidenceStartsOf(s)) : () => 0;
  return hs
    .map((h, i) => ({ h, i, real: h.kind === 'pseudo' ? 0 : 1, evidence: evidence(h), size: h.sectionSpan.end - h.span.end }))
    .sort((a, b) => b.real - a.real || b.evidence - a.evidence || b.size - a.size || a.i - b.i)
    .map((x) => x.h);
}

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
      assert.equal(anchorHeading(ctx, s.id), lifecycleHeadings(ctx, s.id)[0], `anchor of ${s.id}`);
    }
  }
  return nonEmpty;
}

describe('sectionSpans', () => {
  const { examples, corpus } = examplesAndCorpus();

  it('hasSection: a covered or thin section with a heading that names it (the definition, on every document)', () => {
    const texts = [...examples, ...corpus, ...[4_000, 40_000].map((n, i) => designDoc(n, 31 + i) as string)];
    let yes = 0;
    let no = 0;
    for (const text of texts) {
      const a = analyze(text);
      const ctx = { text, doc: { headings: a.headings }, lifecycleSections: a.sections, lifecycleMatches: a.matches } as unknown as RuleContext;
      for (const s of a.sections) {
        // The definition (do not "fix" it to follow the code): any of its headings with a match of 0.5 or more.
        const want = (s.status === 'covered' || s.status === 'thin') && s.headings.some((r) => a.matches.some((m) => m.headingIndex === r.index && m.sectionId === s.id && m.confidence >= 0.5));
        assert.equal(hasSection(ctx, s.id), want, s.id);
        if (want) yes++;
        else if (s.headings.length > 0) no++;
      }
    }
    assert.ok(yes > 50 && no > 5, `${yes} with a section, ${no} with headings but none naming it`);
  });

  it('matches the merge of lifecycleHeadings on the examples and the corpus', () => {
    assert.ok(examples.length > 0);
    assert.ok(compare([...examples, ...corpus]) > examples.length);
  });

  it('matches it on generated design docs, where sections repeat and nest', () => {
    const texts = [4_000, 40_000, 200_000].map((n, i) => designDoc(n, 11 + i) as string);
    assert.ok(compare(texts) > 0);
  });

  it("counts each heading's evidence from coverage's per-heading counts as the sorted starts do", () => {
    const texts = [...examples, ...corpus, ...[4_000, 40_000, 200_000].map((n, i) => designDoc(n, 21 + i) as string)];
    // Evidence before the first heading, and a heading whose section is the rest of the document.
    texts.push('Intro: we deploy a model behind an API endpoint on kubernetes.\n\n# Deployment\n\nCanary rollout, serving, latency.\n\n## Serving\n\nREST endpoint, replicas.\n');
    let positive = 0;
    for (const text of texts) {
      const a = analyze(text);
      for (const s of a.sections) {
        const want = countsFromStarts(evidenceStartsOf(s));
        const got = evidenceCounterOf(s);
        for (const h of a.headings) {
          const n = want(h);
          assert.equal(got(h), n, `${s.id} under '${h.text}'`);
          if (n > 0) positive++;
        }
      }
    }
    assert.ok(positive > 1000, `only ${positive} positive counts`);
  });

  it('counts the same from the counts kept in the slots of a warm cache, for every section, over edits', () => {
    const cache = createParseCache();
    let text = designDoc(60_000, 31) as string;
    let positive = 0;
    for (let i = 0; i < 12; i++) {
      // An edit every time, and a repeat of a version (every slot's counts known) every third.
      if (i % 3 !== 2) {
        const at = 50 + ((i * 7919) % (text.length - 100));
        text = text.slice(0, at) + (i % 2 ? ' model drift monitoring alert ' : '\n\n## Rollout\n\nCanary deploy, serving latency.\n\n') + text.slice(at);
      }
      // Another profile of at most 8 sections too, every other version: its keyword entries replace the
      // lifecycle's in the slots and back (the counts kept there are for the entries they were counted from).
      const a = analyze(text, i % 2 ? { profile: 'design-doc' } : {}, { cache });
      cache.roll();
      for (const s of [...a.sections, ...(a.profileSections ?? [])]) {
        const want = countsFromStarts(evidenceStartsOf(s));
        const got = evidenceCounterOf(s);
        for (const h of a.headings) {
          const n = want(h);
          assert.equal(got(h), n, `${s.id} under '${h.text}' (version ${i})`);
          if (n > 0) positive++;
        }
      }
    }
    assert.ok(positive > 1000, `only ${positive} positive counts`);
  });

  it('anchors at the best-ranked heading: a real one before a pseudo one, then the one with most evidence', () => {
    const text = [
      '# Design', '',
      '**Deployment:** behind an API, latency, endpoint, serving, kubernetes, canary, rollout, replicas, autoscaling.', '',
      '## Deployment', '', 'We deploy.', '',
      '## Serving', '', 'Served by a REST endpoint on kubernetes with a canary rollout, autoscaling replicas and a load balancer.', '',
    ].join('\n');
    const ctx = contextOf(text);
    const ranked = lifecycleHeadings(ctx, 'deployment');
    assert.ok(ranked.length >= 2, `${ranked.length} deployment headings`);
    assert.equal(anchorHeading(ctx, 'deployment'), ranked[0]);
    assert.notEqual(ranked[0]!.kind, 'pseudo');
  });

  it('anchors at the first of headings that rank the same', () => {
    const part = ['## Deployment', '', 'Served behind a REST endpoint with a canary rollout.', ''];
    const text = ['# Design', '', ...part, ...part, ...part].join('\n');
    const ctx = contextOf(text);
    const ranked = lifecycleHeadings(ctx, 'deployment');
    assert.equal(ranked.length, 3);
    assert.equal(anchorHeading(ctx, 'deployment'), ranked[0]);
    assert.equal(ranked[0]!.span.start, text.indexOf('## Deployment'));
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

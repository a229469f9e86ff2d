// Where the ML-aware rules look: the parts of a document that count for a lifecycle section (whatever profile
// is selected, they read ctx.lifecycleSections), phrase search in prose, and an insertion at the end of a
// section. The rules stay small: a list of phrases and a condition each.
import type { Heading, Span } from '../types';
import type { RuleContext } from '../rules/types';
import { insertionAt } from '../snippets';
import { evidenceCounterOf } from '../coverage';
import { byStart } from '../sorted';
import { openTailStart, visibleInsertionPoint } from '../open-tail';
import { compilePhrases, eachInProse, findInProse, firstInProse, type PhraseHit } from './phrases';

export type { PhraseHit } from './phrases';

/**
 * The lifecycle section's most telling heading, where a finding about the section anchors: real headings first,
 * then the one with most evidence of the topic under it (counted per heading by coverage), then the longest,
 * then the first. Found in one pass, without sorting them all (thousands at 4 MB, on every keystroke a rule
 * fires), and without a closure or an object per heading (see by-place.ts PlaceFinder).
 */
export function anchorHeading(ctx: RuleContext, sectionId: string): Heading | undefined {
  let perContext = anchorMemo.get(ctx);
  if (!perContext) anchorMemo.set(ctx, (perContext = new Map()));
  if (perContext.has(sectionId)) return perContext.get(sectionId);
  const s = lifecycleSection(ctx, sectionId);
  const evidence = s ? evidenceCounterOf(s) : undefined;
  let best: Heading | undefined;
  let bestReal = 0;
  let bestEvidence = 0;
  let bestSize = 0;
  for (const r of s?.headings ?? []) {
    const h = ctx.doc.headings[r.index];
    if (h === undefined) continue;
    const real = h.kind === 'pseudo' ? 0 : 1;
    const ev = evidence ? evidence(h) : 0;
    const size = h.sectionSpan.end - h.span.end;
    // Candidates come in index order: only a strictly better one replaces the best (ties keep the first).
    if (!best || real > bestReal || (real === bestReal && (ev > bestEvidence || (ev === bestEvidence && size > bestSize)))) {
      best = h;
      bestReal = real;
      bestEvidence = ev;
      bestSize = size;
    }
  }
  perContext.set(sectionId, best);
  return best;
}

function lifecycleSection(ctx: RuleContext, sectionId: string): RuleContext['lifecycleSections'][number] | undefined {
  for (const x of ctx.lifecycleSections) if (x.id === sectionId) return x;
  return undefined;
}

const anchorMemo = new WeakMap<RuleContext, Map<string, Heading | undefined>>();

/** Whether the document has a section of its own on this lifecycle topic: a heading that names it (not only a
 * generic heading whose text happens to be about it), with some substance under it. */
export function hasSection(ctx: RuleContext, sectionId: string): boolean {
  const s = lifecycleSection(ctx, sectionId);
  if (!s || (s.status !== 'covered' && s.status !== 'thin')) return false;
  const named = namingHeadings(ctx).get(sectionId);
  return named !== undefined && s.headings.some((r) => named.has(r.index));
}

/** Per lifecycle section, the headings that name it (a match of confidence 0.5 or more): one pass over the
 * matches per analysis, not one per heading of the section (thousands each in a large document). */
function namingHeadings(ctx: RuleContext): Map<string, Set<number>> {
  let named = namingMemo.get(ctx);
  if (!named) {
    named = new Map();
    for (const m of ctx.lifecycleMatches) {
      if (m.confidence < 0.5) continue;
      let set = named.get(m.sectionId);
      if (!set) named.set(m.sectionId, (set = new Set()));
      set.add(m.headingIndex);
    }
    namingMemo.set(ctx, named);
  }
  return named;
}

const namingMemo = new WeakMap<RuleContext, Map<string, Set<number>>>();

const SERVING_PHRASES = [
  'serv*', 'deploy*', 'endpoint*', 'api', 'apis', 'batch', 'real time', 'realtime', 'production', 'inference', 'release*',
  'service*', 'container*', 'kubernetes', 'cluster*', 'latency', 'requests',
] as const;

/** A deployment section of its own that talks about serving a system (a model card's "How to get started" is
 * about using the model, not releasing it). */
export function hasServingSection(ctx: RuleContext): boolean {
  return hasSection(ctx, 'deployment') && mentions(ctx, SERVING_PHRASES, sectionSpans(ctx, 'deployment'));
}

/** The spans of the section's headings, with everything under them (merged, in document order). */
export function sectionSpans(ctx: RuleContext, sectionId: string): Span[] {
  // Several rules ask for the same section's spans in one analysis: computed once per context and section.
  // The headings' ranking (anchorHeading's) does not matter here, so it is not computed for this.
  let perContext = spansMemo.get(ctx);
  if (!perContext) spansMemo.set(ctx, (perContext = new Map()));
  const hit = perContext.get(sectionId);
  if (hit) return [...hit];
  const s = lifecycleSection(ctx, sectionId);
  const spans: Span[] = [];
  for (const r of s?.headings ?? []) {
    const h = ctx.doc.headings[r.index];
    if (h) spans.push(h.sectionSpan);
  }
  spans.sort(byStart);
  const out: Span[] = [];
  for (const sp of spans) {
    const last = out[out.length - 1];
    if (last && sp.start <= last.end) out[out.length - 1] = { start: last.start, end: Math.max(last.end, sp.end) };
    else out.push(sp);
  }
  perContext.set(sectionId, out);
  return [...out];
}

const spansMemo = new WeakMap<RuleContext, Map<string, readonly Span[]>>();

/** Prose occurrences of any of `phrases`, in the whole document or only inside `within`. */
export function findPhrases(ctx: RuleContext, phrases: readonly string[], within?: readonly Span[]): PhraseHit[] {
  return findInProse(ctx.text, ctx.doc.blocks, compilePhrases(phrases), within);
}

/** The first of findPhrases' hits that `accept` takes (all: the first), without listing the others. */
export function firstPhrase(ctx: RuleContext, phrases: readonly string[], within?: readonly Span[], accept?: (hit: PhraseHit) => boolean): PhraseHit | undefined {
  return firstInProse(ctx.text, ctx.doc.blocks, compilePhrases(phrases), within, accept);
}

/** findPhrases' hits one at a time, as objects, until `visit` returns true. */
export function eachPhrase(ctx: RuleContext, phrases: readonly string[], within: readonly Span[] | undefined, visit: (hit: PhraseHit) => boolean | void): void {
  eachInProse(ctx.text, ctx.doc.blocks, compilePhrases(phrases), within, (phrase, start, end) => visit({ phrase, span: { start, end }, text: ctx.text.slice(start, end) }));
}

/** Whether any of `phrases` occurs in prose (in `within`, or anywhere): stops at the first hit. */
export function mentions(ctx: RuleContext, phrases: readonly string[], within?: readonly Span[]): boolean {
  return firstPhrase(ctx, phrases, within) !== undefined;
}

/** The prose block (paragraph, list item, table, heading) that holds `offset`: its text span. */
export function blockAt(ctx: RuleContext, offset: number): { span: Span; text: string; kind: string } | undefined {
  let best: { span: Span; text: string; kind: string } | undefined;
  for (const b of ctx.doc.blocks) {
    if (b.span.start > offset) break;
    if (offset < b.span.end && b.kind !== 'blockquote') best = { span: b.span, text: ctx.text.slice(b.span.start, b.span.end), kind: b.kind };
  }
  return best;
}

/** The end of the last line of content under a heading (before trailing blank lines). */
export function endOfSection(ctx: RuleContext, h: Heading): number {
  let i = Math.min(h.sectionSpan.end, ctx.text.length);
  while (i > h.span.end && /\s/.test(ctx.text[i - 1]!)) i--;
  return i;
}

/** An insertion of a Markdown line (snippet with tab stops) at the end of a section's content. */
export function appendToSection(ctx: RuleContext, h: Heading, snippet: string, text: string) {
  // Not inside an unclosed code block or comment that ends the document: the line would not count there.
  const at = Math.max(h.span.end, visibleInsertionPoint(openTailStart(ctx.text, ctx.doc.blocks), endOfSection(ctx, h)));
  return insertionAt(ctx.text, at, { snippet, text });
}

/** Whether a hit is negated in its sentence ("no real-time scoring is needed", "holds no personal data"). */
export function isNegated(ctx: RuleContext, hit: PhraseHit): boolean {
  return negatedIn(ctx.text, hit);
}

/** isNegated on a text of its own (a chunk's, for what a rule remembers per chunk). */
export function negatedIn(text: string, hit: PhraseHit): boolean {
  const from = Math.max(0, hit.span.start - 40);
  // The sentence is what follows the last separator (one of . ! ? ; : or a line break, then white space) in the
  // 40 characters before the hit, separators found left to right without overlap, as split() finds them; no copy
  // of the window but the sentence itself (the rules ask this for every hit of a phrase on every keystroke).
  let start = from;
  for (let i = from; i + 1 < hit.span.start; i++) {
    if (SENTENCE_END.has(text.charCodeAt(i)) && WHITE.test(text[i + 1]!)) {
      start = i + 2;
      i++;
    }
  }
  return NEGATION.test(text.slice(start, hit.span.start));
}

const SENTENCE_END = new Set([46, 33, 63, 59, 58, 10]); // . ! ? ; : \n
const WHITE = /\s/;
const NEGATION = /\b(?:no|not|non|without|never|nor|none|neither|avoid(?:s|ing)?)\b[^,]{0,25}$|n['’]t\b[^,]{0,25}$/i;

/**
 * Whether an offset lies in a heading that asks a question ("### Does the dataset contain data that might be
 * considered confidential (e.g., doctor-patient confidentiality)?", "## What is the latency budget?"): a
 * datasheet's or a template's prompt, which states nothing about the system.
 */
export function inQuestionHeading(ctx: Pick<RuleContext, 'doc'>, offset: number): boolean {
  const hs = ctx.doc.headings;
  let lo = 0;
  let hi = hs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hs[mid]!.span.start <= offset) lo = mid + 1;
    else hi = mid;
  }
  const h = hs[lo - 1];
  return h !== undefined && h.kind !== 'pseudo' && offset < h.span.end && QUESTION_END.test(h.text);
}

const QUESTION_END = /\?[\s*_)\]]*$/;

/** Neither negated nor asked: what a statement of the document says. */
function affirmed(this: RuleContext, h: PhraseHit): boolean {
  return !isNegated(this, h) && !inQuestionHeading(this, h.span.start);
}

/** The first of findAffirmed's hits, without listing the others. */
export function firstAffirmed(ctx: RuleContext, phrases: readonly string[], within?: readonly Span[]): PhraseHit | undefined {
  return firstPhrase(ctx, phrases, within, affirmed.bind(ctx));
}

/** Prose occurrences of `phrases` that are neither negated nor in a question heading. */
export function findAffirmed(ctx: RuleContext, phrases: readonly string[], within?: readonly Span[]): PhraseHit[] {
  return findPhrases(ctx, phrases, within).filter(affirmed, ctx);
}

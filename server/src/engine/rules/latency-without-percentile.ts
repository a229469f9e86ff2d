// latency-without-percentile: a latency requirement that cannot be checked: a number without a unit, or a
// number and unit without a percentile (an average hides the slow tail); or online serving with no latency
// budget at all.
// Bad:  The endpoint must answer within 100 ms.        (mean? median? p99?)
// Good: The endpoint must answer within 100 ms at p99, at 2,000 requests per second.
// One finding per statement; the "no budget" finding only when the deployment section serves online.
import type { RuleContext, RuleDef, RuleFinding } from './types';
import { eachPhrase, firstAffirmed, hasServingSection, negatedIn, anchorHeading, mentions, sectionSpans, type PhraseHit } from '../ml/scope';
import { compilePhrases, notProse, segmentSlot, segmentValues } from '../ml/phrases';

const LATENCY = ['latency', 'latencies', 'response time*', 'respond within', 'responds within', 'answer within', 'answers within', 'round trip'] as const;
/** Any of these says there is a latency budget. */
const ANY_BUDGET = [...LATENCY, 'sla', 'slo', 'p99', 'p95', 'p50', 'milliseconds', 'ms'];
const ONLINE = ['real time', 'realtime', 'online prediction*', 'online inference', 'online serving', 'rest api', 'grpc', 'endpoint*', 'synchronous', 'per request', 'at request time', 'low latency'] as const;
const UNIT = /\d\s*(?:ms|msec|milliseconds?|µs|us|microseconds?|s|sec|secs|seconds?|minutes?|mins?)\b/i;
const PERCENTILE = /\b(?:p\d{2,3}(?:\.\d+)?|\d{2}(?:\.\d+)?(?:th|st|nd|rd)?\s*percentile|percentiles?|median|tail latency|99(?:\.9)?%\s+of)\b/i;

/** The sentence around a hit, and whether it states a number for it (near the word, not a percentile's digits). */
/** The last of the separators at or before `at`. Looked for in a window first: a separator missing from a large
 * document made each lookup scan back to its start (quadratic over the hits). Exact: the largest found in the
 * window beats anything before it; only when the window has none is the whole text searched. */
function lastSeparator(text: string, at: number): number {
  const SEPARATORS = ['. ', '\n\n', '\n-', '\n*'];
  // Scanned back character by character (no copy of the window): the first separator met is the last one.
  const from = Math.max(0, at - 4096);
  for (let i = Math.min(at, text.length - 2); i >= from; i--) {
    const c = text.charCodeAt(i);
    if (c !== 46 && c !== 10) continue;
    const d = text.charCodeAt(i + 1);
    if (c === 46 ? d === 32 : d === 10 || d === 45 || d === 42) return i;
  }
  return Math.max(...SEPARATORS.map((s) => text.lastIndexOf(s, at)));
}

function statement(text: string, hit: PhraseHit): { sentence: string; number: boolean } {
  const start = lastSeparator(text, hit.span.start) + 1;
  const endDot = text.indexOf('. ', hit.span.end);
  const endPara = text.indexOf('\n\n', hit.span.end);
  const end = Math.min(endDot < 0 ? text.length : endDot, endPara < 0 ? text.length : endPara);
  const sentence = text.slice(start, end);
  const near = text.slice(Math.max(start, hit.span.start - 30), Math.min(end, hit.span.end + 60)).replace(/\bp\d{2,3}(?:\.\d+)?\b/gi, '');
  return { sentence, number: /\d/.test(near) };
}

/** What one hit says, from its own sentence: negated, or a statement that needs a unit or a percentile. */
interface Verdict {
  readonly negated: boolean;
  /** The sentence's length (a statement covers the hits inside it). */
  readonly length: number;
  /** A statement with a number, not a question, not a heading line. */
  readonly eligible: boolean;
  /** What it lacks: a unit, a percentile, or nothing. */
  readonly lacks: 'unit' | 'percentile' | undefined;
}

const NEGATED: Verdict = { negated: true, length: 0, eligible: false, lacks: undefined };

/** What a hit of `text` says (the whole document's, or a chunk's for a hit the chunk decides alone). */
function verdictOf(text: string, hit: PhraseHit): Verdict {
  if (negatedIn(text, hit)) return NEGATED;
  const { sentence, number } = statement(text, hit);
  const eligible = number && !/\?\s*$/.test(sentence.trim()) && !/^\s*#/.test(sentence);
  return { negated: false, length: sentence.length, eligible, lacks: !UNIT.test(sentence) ? 'unit' : !PERCENTILE.test(sentence) ? 'percentile' : undefined };
}

/** One hit of a chunk, with its verdict when the chunk's own text decides it (offsets relative to the chunk). */
interface ChunkHit {
  readonly phrase: number;
  readonly start: number;
  readonly end: number;
  /** Undefined when text before or after the chunk may change it: decided on the whole text. */
  readonly verdict: Verdict | undefined;
}

const NEGATION_WINDOW = 40;

/**
 * A chunk's hits that may be reported and what each says, from the chunk's text alone, remembered with the chunk
 * (ml/phrases.ts segmentValues): a keystroke decides again only the hits of the chunk it changed. A verdict is the chunk's own
 * when the 40 characters the negation test reads, the separator that starts the sentence and one that ends it are
 * all inside the chunk (a chunk starts at a heading line and ends with a line break, so no separator straddles
 * its edges, and the last separator before a hit that the chunk holds is the last one in the whole text too).
 * Other hits (a heading line's, whose sentence starts in the chunk before) are decided on the whole text.
 */
function chunkHits(chunk: string): readonly ChunkHit[] {
  const out: ChunkHit[] = [];
  for (const h of compilePhrases(LATENCY).findDirect(chunk)) {
    const local =
      h.span.start >= NEGATION_WINDOW &&
      lastSeparator(chunk, h.span.start) >= 0 &&
      (chunk.indexOf('. ', h.span.end) >= 0 || chunk.indexOf('\n\n', h.span.end) >= 0);
    const verdict = local ? verdictOf(chunk, h) : undefined;
    // A hit the chunk decides as negated or as no statement is never reported (see eachVerdict): not kept (the
    // chunks' hits live as long as the chunks, and every object in them is marked by each full collection).
    if (verdict !== undefined && (verdict.negated || !verdict.eligible)) continue;
    out.push({ phrase: h.phrase, start: h.span.start, end: h.span.end, verdict });
  }
  return out.length ? out : NO_CHUNK_HITS;
}

const NO_CHUNK_HITS: readonly ChunkHit[] = [];

const SLOT = segmentSlot();

type VerdictVisitor = (hit: PhraseHit, verdict: Verdict) => void;

/** The hits eachPhrase(ctx, LATENCY) visits, each decided on the whole text. */
function eachVerdictByHit(ctx: RuleContext, visit: VerdictVisitor): void {
  eachPhrase(ctx, LATENCY, undefined, (hit) => visit(hit, verdictOf(ctx.text, hit)));
}

/** The same hits and verdicts: per chunk on a large text, else one by one. */
function eachVerdict(ctx: RuleContext, visit: VerdictVisitor): void {
  const chunks = segmentValues(ctx.text, SLOT, chunkHits);
  if (!chunks) return eachVerdictByHit(ctx, visit);
  const excluded = notProse(ctx.doc.blocks);
  for (const chunk of chunks) {
    for (const x of chunk.value) {
      const start = chunk.start + x.start;
      if (excluded(start)) continue;
      const hit: PhraseHit = { phrase: x.phrase, span: { start, end: chunk.start + x.end }, text: chunk.text.slice(x.start, x.end) };
      visit(hit, x.verdict ?? verdictOf(ctx.text, hit));
    }
  }
}

/** The statements the rule reports, in text order: the reference, hit by hit over the whole text (tests). */
export function latencyFindingsByHit(ctx: RuleContext): RuleFinding[] {
  return statementFindings((visit) => eachVerdictByHit(ctx, visit));
}

/** The statements the rule reports, in text order (per chunk on a large text). */
export function latencyFindings(ctx: RuleContext): RuleFinding[] {
  return statementFindings((visit) => eachVerdict(ctx, visit));
}

function statementFindings(each: (visit: VerdictVisitor) => void): RuleFinding[] {
  const state: Statements = { out: [], last: -1 };
  // A bound module function, not a closure made per analysis (see by-place.ts PlaceFinder).
  each(takeStatement.bind(state));
  return state.out;
}

interface Statements {
  readonly out: RuleFinding[];
  /** Where the last reported statement ends. */
  last: number;
}

function takeStatement(this: Statements, hit: PhraseHit, v: Verdict): void {
  const { out } = this;
  if (v.negated) return;
  if (hit.span.start < this.last || !v.eligible) return;
  this.last = hit.span.start + v.length;
  if (v.lacks === 'unit') {
    out.push({ message: `Latency without a unit: '${hit.text}' comes with a number but no unit. Write it as e.g. 'p99 < 150 ms'.`, span: hit.span, sectionId: 'deployment', subsectionId: 'latency' });
  } else if (v.lacks === 'percentile') {
    out.push({
      message: `Latency without a percentile: the budget does not say which requests it holds for. Averages hide the slow tail: state it as p95 or p99 (e.g. 'p99 < 150 ms').`,
      span: hit.span,
      sectionId: 'deployment',
      subsectionId: 'latency',
    });
  }
}

export const latencyWithoutPercentile: RuleDef = {
  id: 'latency-without-percentile',
  description: 'A latency requirement lacks a percentile or a unit, or online serving has no latency budget.',
  defaultSeverity: 'info',
  tags: ['ml'],
  check(ctx) {
    const out = latencyFindings(ctx);
    const online = hasServingSection(ctx) && firstAffirmed(ctx, ONLINE, sectionSpans(ctx, 'deployment')) !== undefined;
    if (online && !mentions(ctx, ANY_BUDGET)) {
      const heading = anchorHeading(ctx, 'deployment')!;
      out.push({
        message: 'Online serving without a latency budget: the model answers requests, but the design gives no latency target. State it with a percentile and unit (p99 < 150 ms) and the load it must hold at.',
        span: heading.span,
        sectionId: 'deployment',
        subsectionId: 'latency',
      });
    }
    return out;
  },
};

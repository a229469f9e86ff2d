// latency-without-percentile: a latency requirement that cannot be checked: a number without a unit, or a
// number and unit without a percentile (an average hides the slow tail); or online serving with no latency
// budget at all.
// Bad:  The endpoint must answer within 100 ms.        (mean? median? p99?)
// Good: The endpoint must answer within 100 ms at p99, at 2,000 requests per second.
// One finding per statement; the "no budget" finding only when the deployment section serves online.
import type { RuleDef, RuleFinding } from './types';
import { eachPhrase, firstAffirmed, hasServingSection, isNegated, anchorHeading, mentions, sectionSpans, type PhraseHit } from '../ml/scope';

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

export const latencyWithoutPercentile: RuleDef = {
  id: 'latency-without-percentile',
  description: 'A latency requirement lacks a percentile or a unit, or online serving has no latency budget.',
  defaultSeverity: 'info',
  tags: ['ml'],
  check(ctx) {
    const out: RuleFinding[] = [];
    let last = -1;
    eachPhrase(ctx, LATENCY, undefined, (hit) => {
      if (isNegated(ctx, hit)) return;
      const { sentence: text, number } = statement(ctx.text, hit);
      if (hit.span.start < last || !number || /\?\s*$/.test(text.trim()) || /^\s*#/.test(text)) return;
      last = hit.span.start + text.length;
      if (!UNIT.test(text)) {
        out.push({ message: `Latency without a unit: '${hit.text}' comes with a number but no unit. Write it as e.g. 'p99 < 150 ms'.`, span: hit.span, sectionId: 'deployment', subsectionId: 'latency' });
      } else if (!PERCENTILE.test(text)) {
        out.push({
          message: `Latency without a percentile: the budget does not say which requests it holds for. Averages hide the slow tail: state it as p95 or p99 (e.g. 'p99 < 150 ms').`,
          span: hit.span,
          sectionId: 'deployment',
          subsectionId: 'latency',
        });
      }
    });
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

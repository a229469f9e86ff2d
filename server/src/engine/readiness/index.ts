// Design-time readiness: which of the ML Test Score's 28 tests a design doc plans for. A test scores 1 when a
// specific phrase shows the plan (or every `together` group occurs close together: in one block or in blocks
// at most two apart under the same heading), 0.5 when only a generic
// mention does, 0 otherwise. A group's score is the sum of its tests (0..7); the final score is the minimum
// of the four groups, as in the ML Test Score: the weakest area decides. Pure; evidence carries exact spans.
import type { Block, Evidence, Heading, Readiness, ReadinessGroupResult, ReadinessTestResult } from '../types';
import { compilePhrases, notProse, type PhraseHit } from '../ml/phrases';
import { READINESS_GROUPS, READINESS_TESTS, type ReadinessTestDef } from './tests';
import { bySpanStart } from '../sorted';

export { READINESS_GROUPS, READINESS_TESTS } from './tests';
export type { ReadinessTestDef } from './tests';

/** The input: an Analysis, or just the text and its blocks. */
export interface ReadinessInput {
  readonly text: string;
  readonly blocks: readonly Block[];
  /** Headings including pseudo ones (bold leads, numbered items used as titles); else heading blocks are used. */
  readonly headings?: readonly Heading[];
}

/** Hits this many blocks apart (or closer), under the same heading, count as said together. */
const NEAR_BLOCKS = 2;

function lastAtOrBefore(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= offset) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}

const MAX_EVIDENCE = 5;

export function computeReadiness(input: ReadinessInput): Readiness {
  const text = typeof input.text === 'string' ? input.text : '';
  const blocks = input.blocks ?? [];
  const excluded = notProse(blocks);
  const headingStarts = (input.headings ? input.headings.map((h) => h.span.start) : blocks.filter((b) => b.kind === 'heading').map((b) => b.span.start)).sort((a, b) => a - b);
  const blockStarts = blocks.map((b) => b.span.start);
  /** Where a hit is: the heading whose body holds it, and the block it is in. */
  const placeOf = (offset: number): Place => ({ owner: lastAtOrBefore(headingStarts, offset), block: lastAtOrBefore(blockStarts, offset) });
  const prose = (hits: PhraseHit[]) => hits.filter((h) => !excluded(h.span.start));

  const isProse = (offset: number) => !excluded(offset);
  const tests: ReadinessTestResult[] = READINESS_TESTS.map((def) => scoreTest(def, text, prose, isProse, placeOf));
  const groups: ReadinessGroupResult[] = READINESS_GROUPS.map((g) => {
    const mine = tests.filter((t) => t.group === g.id);
    return { id: g.id, title: g.title, score: mine.reduce((n, t) => n + t.score, 0), max: mine.length };
  });
  const score = groups.length ? Math.min(...groups.map((g) => g.score)) : 0;
  const max = groups.length ? Math.min(...groups.map((g) => g.max)) : 0;
  return { score, max, groups, tests };
}

interface Place {
  readonly owner: number;
  readonly block: number;
}

function scoreTest(
  def: ReadinessTestDef,
  text: string,
  prose: (hits: PhraseHit[]) => PhraseHit[],
  isProse: (offset: number) => boolean,
  placeOf: (offset: number) => Place,
): ReadinessTestResult {
  // Only the first MAX_EVIDENCE prose hits are ever shown (one list's hits never repeat a span, so de-duplication
  // keeps them all): asking for those alone spares copying every hit of a large document on each keystroke.
  const strong = compilePhrases(def.strong).first(text, MAX_EVIDENCE, isProse);
  let evidence: Evidence[] = strong.map(toEvidence);
  let score: 0 | 0.5 | 1 = strong.length ? 1 : 0;
  if (score === 0 && def.together?.length) {
    const found = togetherEvidence(def.together, text, prose, placeOf);
    if (found) {
      evidence = found;
      score = 1;
    }
  }
  if (score === 0) {
    const weak = compilePhrases(def.weak).first(text, MAX_EVIDENCE, isProse);
    if (weak.length) {
      evidence = weak.map(toEvidence);
      score = 0.5;
    }
  }
  return { id: def.id, group: def.group, title: def.title, description: def.description, score, evidence: dedupe(evidence).slice(0, MAX_EVIDENCE) };
}

/** The first hit of the first group near which every other group has a hit (same heading, blocks close). */
function togetherEvidence(
  groups: readonly (readonly string[])[],
  text: string,
  prose: (hits: PhraseHit[]) => PhraseHit[],
  placeOf: (offset: number) => Place,
): Evidence[] | undefined {
  const placed = (g: readonly string[]) => prose(compilePhrases(g).find(text)).map((h) => ({ h, at: placeOf(h.span.start) }));
  if (groups.length === 0) return undefined;
  const firsts = placed(groups[0]!);
  if (firsts.length === 0) return undefined; // the other groups need not be searched
  // The other groups' hits by the heading they sit under (in document order), so that a partner is looked for
  // among that heading's hits only.
  const others: Map<number, { h: PhraseHit; at: Place }[]>[] = [];
  for (const g of groups.slice(1)) {
    const hits = placed(g);
    if (hits.length === 0) return undefined; // no hit of the first group can have a partner
    const byOwner = new Map<number, { h: PhraseHit; at: Place }[]>();
    for (const x of hits) {
      const list = byOwner.get(x.at.owner);
      if (list) list.push(x);
      else byOwner.set(x.at.owner, [x]);
    }
    others.push(byOwner);
  }
  for (const first of firsts) {
    const partners = others.map((byOwner) => byOwner.get(first.at.owner)?.find((x) => Math.abs(x.at.block - first.at.block) <= NEAR_BLOCKS));
    if (partners.every((o) => o !== undefined)) return [first, ...partners].map((x) => toEvidence(x!.h)).sort(bySpanStart);
  }
  return undefined;
}

function toEvidence(h: PhraseHit): Evidence {
  return { span: h.span, keyword: h.text.replace(/\s+/g, ' ') };
}

function dedupe(list: readonly Evidence[]): Evidence[] {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const e of list) {
    const key = `${e.span.start}:${e.span.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
  }
  return out;
}

/** "2.5/7" style label of a score. */
export function formatReadinessScore(score: number, max: number): string {
  return `${Number.isInteger(score) ? score : score.toFixed(1)}/${max}`;
}

// Success criteria in a design doc: statements that say how success is measured ("Success metric: …",
// "KPIs: …") and the bodies of headings named for them. Shared by unmeasurable-success-criteria and
// metric-not-evaluated.
import type { Span } from '../types';
import type { RuleContext } from '../rules/types';
import { hasPlaceholder } from '../coverage';
import { insideAny } from '../masks';
import { bySpanStart } from '../sorted';
import { compilePhrases, notProse, segmentSlot, type PhraseMatcher } from './phrases';
import { headingForms } from '../outline';

export const SUCCESS_PHRASES = [
  'success metric*', 'success criteria', 'success criterion', 'success means', 'success is', 'success will be',
  'success would be', 'measure of success', 'measures of success', 'successful if', 'successful when', 'succeeds if',
  'considered a success', 'considered successful', 'kpi', 'kpis', 'key performance indicator*', 'key result*',
  'acceptance criteria', 'definition of done',
] as const;
const SUCCESS_HEADINGS = ['success metric*', 'success criteria', 'kpi', 'kpis', 'key results', 'measuring success', 'key performance indicator*', 'acceptance criteria'] as const;

export interface SuccessStatement {
  /** Where the statement is (the block, or a heading's body). */
  readonly span: Span;
  /** The phrase that makes it a success statement. */
  readonly anchor: Span;
  readonly text: string;
}

const MAX_FOLLOWING = 6;
/** What every SUCCESS_HEADINGS phrase holds, with the phrase search's case folding (u: "ſ" is "s", "K" "k"):
 * a heading without it is not searched (7,000 headings on every keystroke of a 4 MB document). */
const MAY_NAME_SUCCESS = /succe|kpi|key|accept/iu;

const memo = new WeakMap<object, SuccessStatement[]>();

/** Success statements: a block naming success (with the list it introduces), or a success heading's body.
 * Computed once per analysis (two rules read them). */
export function successStatements(ctx: RuleContext): SuccessStatement[] {
  const hit = memo.get(ctx.doc);
  if (hit) return hit;
  const out = computeSuccessStatements(ctx);
  memo.set(ctx.doc, out);
  return out;
}

const statedMemo = new WeakMap<object, SuccessStatement[]>();

/** The success statements that are not prompts (isPrompt): what both rules check. Once per analysis: the test is
 * a few regexes over each statement (~1,000 at 4 MB, twice per keystroke before). */
export function statedSuccess(ctx: RuleContext): SuccessStatement[] {
  const hit = statedMemo.get(ctx.doc);
  if (hit) return hit;
  const out: SuccessStatement[] = [];
  for (const s of successStatements(ctx)) if (!isPrompt(s.text)) out.push(s);
  statedMemo.set(ctx.doc, out);
  return out;
}

/** `searchEveryBlock`: search each block's text without the whole-text prefilter (the reference the tests
 * compare the prefilter with). */
export function computeSuccessStatements(ctx: Pick<RuleContext, 'text' | 'doc'>, searchEveryBlock = false): SuccessStatement[] {
  const { blocks, headings } = ctx.doc;
  const excluded = notProse(blocks);
  const matcher = compilePhrases(SUCCESS_PHRASES);
  const headingMatcher = compilePhrases(SUCCESS_HEADINGS);
  const out: SuccessStatement[] = [];
  const covered: Span[] = [];
  // Whether a heading names success is a function of its text: kept with its form (see outline.ts HeadingForm).
  const forms = headingForms(headings);
  for (const h of headings) {
    if (h.bodySpan.end <= h.bodySpan.start) continue;
    const form = forms?.[h.index];
    let names = form !== undefined ? form.namesSuccess : -1;
    if (names < 0) {
      names = MAY_NAME_SUCCESS.test(h.text) && headingMatcher.firstHit(h.text) ? 1 : 0;
      if (form !== undefined) form.namesSuccess = names;
    }
    if (names === 0) continue;
    const body = ctx.text.slice(h.bodySpan.start, h.sectionSpan.end);
    if (body.trim() === '') continue;
    out.push({ span: { start: h.bodySpan.start, end: h.sectionSpan.end }, anchor: h.span, text: body });
    covered.push({ start: h.span.start, end: h.sectionSpan.end });
  }
  const inCovered = insideAny(covered);
  // With a parse cache, each block's search is remembered in its slot (see parse.ts BlockSlot): on a keystroke
  // only the edited chunk's blocks are searched, each by itself; past FEW_UNSEARCHED of them (and without a
  // cache) the whole text is searched once and a block only when that search allows a hit in it (mayHold).
  const slots = ctx.doc.slots;
  const index = searchEveryBlock || slots ? undefined : hitIndex(ctx.text, matcher);
  // With the parse's chunks: a chunk whose blocks are all known to hold no success phrase (remembered with the
  // chunk, like its blocks' slots) is skipped whole, not block by block (28,000 blocks at 4 MB, on every
  // keystroke). A block's own text ends at the next block or its own end, so what a chunk's slots say is the
  // chunk's own business wherever it lies.
  const chunks = slots !== undefined ? ctx.doc.chunks : undefined;
  const chunkCount = chunks ? chunks.firstBlock.length : 1;
  const step: SuccessStep = { misses: 0, index };
  for (let c = 0; c < chunkCount; c++) {
    const from = chunks ? chunks.firstBlock[c]! : 0;
    const to = chunks ? (c + 1 < chunkCount ? chunks.firstBlock[c + 1]! : blocks.length) : blocks.length;
    const values = chunks ? chunks.chunks[c]!.values : undefined;
    if (values !== undefined && values[NONE_SLOT] === NONE) continue;
    let none = true;
    for (let i = from; i < to; i++) {
      const seen = blockStatement(ctx, i, slots, excluded, inCovered, matcher, searchEveryBlock, step, out);
      if (seen !== SEEN_NONE) none = false;
    }
    if (values !== undefined && none) values[NONE_SLOT] = NONE;
  }
  return out.sort(bySpanStart);
}

/** What a chunk's values hold at NONE_SLOT when every block of the chunk is known to hold no success phrase (a
 * chunk's values are its phrase segment's, so the slot comes from the same counter). */
const NONE = { none: true };
const NONE_SLOT = segmentSlot();

interface SuccessStep {
  misses: number;
  index: ReturnType<typeof hitIndex> | undefined;
}

/** blockStatement's answer for a block that is no statement wherever it lies: not a prose kind, or its slot
 * says its own text holds no success phrase. */
const SEEN_NONE = 0;
/** Its answer for any other block: a statement, one skipped as not prose or under a success heading (it may be
 * one elsewhere), or one without a slot. */
const SEEN_OTHER = 1;

/** Block i's success statement, if any, added to `out`. SEEN_NONE when its slot knows it holds no success
 * phrase (or it is no prose block at all, whatever its place). */
function blockStatement(
  ctx: Pick<RuleContext, 'text' | 'doc'>,
  i: number,
  slots: RuleContext['doc']['slots'],
  excluded: (at: number) => boolean,
  inCovered: (at: number) => boolean,
  matcher: PhraseMatcher,
  searchEveryBlock: boolean,
  step: SuccessStep,
  out: SuccessStatement[],
): number {
  const { blocks } = ctx.doc;
  const b = blocks[i]!;
  if (b.kind !== 'paragraph' && b.kind !== 'list-item' && !(b.kind === 'html' && b.comment)) return SEEN_NONE;
  const ownEnd = Math.min(b.span.end, blocks[i + 1]?.span.start ?? b.span.end);
  const slot = slots?.[i];
  // A block whose own text is known to hold no success phrase is no statement wherever it lies: skipped
  // before the two masks are asked (most blocks, on every keystroke).
  if (slot !== undefined && slot.successOwn === ownEnd - b.span.start && slot.successStart < 0) return SEEN_NONE;
  if (excluded(b.span.start) || inCovered(b.span.start)) return SEEN_OTHER;
  let hitStart: number;
  let hitEnd: number;
  if (slot !== undefined && slot.successOwn === ownEnd - b.span.start) {
    hitStart = slot.successStart;
    hitEnd = slot.successEnd;
  } else {
    if (step.index === undefined && !searchEveryBlock && ++step.misses > FEW_UNSEARCHED) step.index = hitIndex(ctx.text, matcher);
    const hit = step.index && !mayHold(step.index, b.span.start, ownEnd) ? null : matcher.firstHit(ctx.text.slice(b.span.start, ownEnd));
    hitStart = hit ? hit.span.start : -1;
    hitEnd = hit ? hit.span.end : -1;
    if (slot !== undefined) {
      slot.successOwn = ownEnd - b.span.start;
      slot.successStart = hitStart;
      slot.successEnd = hitEnd;
    }
  }
  if (hitStart < 0) return slot !== undefined ? SEEN_NONE : SEEN_OTHER;
  const own = ctx.text.slice(b.span.start, ownEnd);
  let end = b.span.end;
  // A lead-in ("Success metrics:") introduces the list that follows under the same heading.
  if (/:\s*$/.test(own.trim()) || own.trim().split(/\s+/).length <= 4) {
    const owner = ctx.doc.blockOwner[i];
    for (let j = i + 1; j < blocks.length && j <= i + MAX_FOLLOWING; j++) {
      const n = blocks[j]!;
      if (ctx.doc.blockOwner[j] !== owner || n.kind === 'heading') break;
      if (n.kind !== 'list-item' && n.kind !== 'table') break;
      end = Math.max(end, n.span.end);
    }
  }
  out.push({ span: { start: b.span.start, end }, anchor: { start: b.span.start + hitStart, end: b.span.start + hitEnd }, text: ctx.text.slice(b.span.start, end) });
  return SEEN_OTHER;
}

/** Up to this many blocks without a remembered search are searched one by one (a keystroke's chunk); past it,
 * the whole text is searched once for the rest (opening a document). */
const FEW_UNSEARCHED = 64;

const WORD_CHAR = /[\p{L}\p{N}]/u;
/** A letter or digit at `i`; half of a surrogate pair counts (it may be one). */
export const wordCharAt = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  // ASCII without the regex (nearly every block edge): its letters and digits are [A-Za-z0-9].
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return (c >= 0xd800 && c <= 0xdfff) || WORD_CHAR.test(text[i]!);
};

/**
 * Whether text.slice(start, end) may hold a phrase (mayHold), given the phrase's hits in the whole text (in text
 * order, not overlapping): a hit of the slice is a hit of the whole text or overlaps one, unless the slice's edge
 * cuts a word (then the slice's edge is a word boundary the whole text does not have, and the slice is searched).
 * One search of the whole text (remembered per segment) instead of one search per block on every keystroke; the
 * hits' spans are kept as numbers (no object per hit). A plain object and module functions, no closure made per
 * keystroke (see by-place.ts PlaceFinder).
 */
interface HitIndex {
  readonly text: string;
  readonly starts: number[];
  readonly ends: number[];
}

function hitIndex(text: string, matcher: PhraseMatcher): HitIndex {
  const index: HitIndex = { text, starts: [], ends: [] };
  matcher.each(text, undefined, collectHit.bind(index));
  return index;
}

function collectHit(this: HitIndex, _: number, start: number, end: number): boolean {
  this.starts.push(start);
  this.ends.push(end);
  return false;
}

function mayHold(index: HitIndex, start: number, end: number): boolean {
  const { text, starts, ends } = index;
  if (end <= start) return false;
  if ((start > 0 && wordCharAt(text, start - 1)) || (end < text.length && wordCharAt(text, end))) return true;
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid]! <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo < starts.length && starts[lo]! < end;
}

/** A question or a template prompt, not a statement of what success is. */
export function isPrompt(text: string): boolean {
  const t = text.trim();
  return /\?\s*(?:\*\*|_)?\s*$/.test(t) || /\?\s*\n/.test(t) || hasPlaceholder(t) || /\[[^\]]{3,}\]|<[^>]{3,}\\?>/.test(t) || /^<!--/.test(t);
}

const NUMBERISH =
  /\d|%|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|half|double|doubles|twice|triple|tenth|fifth|quarter|third|percent|percentage points?)\b/i;
const RELATIVE = /\b(?:than|vs\.?|versus|compared (?:to|with)|relative to|against)\b[^.]{0,60}\b(?:today|now|current|currently|baseline|control|last (?:year|quarter|month)|previous|existing|manual)\b/i;

/** Whether a statement gives a number, threshold or a comparison with a reference point. */
export function isMeasurable(text: string): boolean {
  return NUMBERISH.test(text) || RELATIVE.test(text);
}

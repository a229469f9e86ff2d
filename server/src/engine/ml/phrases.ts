// Phrase search over the prose of a design doc, with exact locations. Shared by the readiness score and the
// ML-aware rules, whose knowledge is lists of phrases (data) rather than code.
//
// Phrase syntax: words separated by spaces; case does not matter; a space also matches a hyphen, a slash or
// emphasis markers ("a b test" meets "A/B test", "shadow mode" meets "shadow-mode"); `*` at the end of a word
// matches any ending ("retrain*" meets "retraining", "retrained"). Phrases match whole words only.
// Code blocks, front matter and HTML are not prose; HTML comments are, in templates (their prompts live there).
import type { Block, Span } from '../types';
import { detach, type ChunkReuse } from '../parse';
import { findByPlace, findPlaced } from '../by-place';
import { insideAny } from '../masks';
import { isVisibleHtml } from '../html';
import { firstAtOrAfter } from '../sorted';

export interface PhraseHit {
  /** Index of the phrase in the list it was compiled from. */
  readonly phrase: number;
  readonly span: Span;
  /** The words as written in the document. */
  readonly text: string;
}

export interface PhraseMatcher {
  readonly phrases: readonly string[];
  /** Every occurrence of every phrase in `text` (longest phrase wins where two start together), in text order. */
  find(text: string, within?: Span): PhraseHit[];
  /** The first `count` occurrences (as `find` gives them) whose start `accept` takes. On a large text this stops
   * early and copies only what it returns: callers that need a few pieces of evidence or a yes/no use it. */
  first(text: string, count: number, accept?: (start: number) => boolean): PhraseHit[];
  /** find(text)[0], without the list: the first hit, or undefined. */
  firstHit(text: string): PhraseHit | undefined;
  /** What find(text) gives, searched afresh: no segments and no memo (for a piece of text that its caller
   * remembers itself, such as a chunk's values in segmentValues). */
  findDirect(text: string): PhraseHit[];
  /** The hits `find(text, within)` gives, in the same order, one at a time, without a list or (for a large text's
   * remembered segments) an object per hit: `visit` gets the phrase and the span, and returns true to stop. A hit's
   * text is `text.slice(start, end)`. Rules that need a yes/no or the first few hits of a large document use it. */
  each(text: string, within: Span | undefined, visit: HitVisitor): void;
}

/** Gets one hit: the phrase's index and its span in the text searched. True stops the search. */
export type HitVisitor = (phrase: number, start: number, end: number) => boolean | void;

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

const cache = new Map<string, PhraseMatcher>();
const byList = new WeakMap<readonly string[], PhraseMatcher>();

// Incremental search. The readiness score and the ML rules search the whole text with dozens of phrase lists on
// every keystroke; on a large document that is most of the analysis. A large text is therefore searched per
// segment (cut at heading lines: the analysed text's segments are the parser's chunks, see adoptSegments) and each
// segment's hits are remembered with it, so an edit re-searches only the segment it touched. Exact: a hit cannot
// cross into a line that starts with `#` (a phrase's words are letters and punctuation joined by spaces, hyphens,
// slashes or emphasis, never `#`), and the word-boundary checks see a line break or `#` at a segment's edge just
// as they see the string's edge. Another text's segments are remembered by text: two generations of
// SEGMENT_MEMO_SIZE segments.
const SEGMENT_TEXT_MIN = 64 * 1024;
const SEGMENT_MEMO_SIZE = 20_000;
const SMALL_TEXT_MAX = 4096;
/**
 * A list's memo of small texts turns over (the current generation becomes the previous one) past this many texts
 * or characters. One analysis of a large document searches some lists in every heading (7,000 at 4 MB): a bound
 * below that made the memo turn over on every keystroke, each text found in the previous generation and inserted
 * again (4,096 texts before: ~3 ms of a 4 MB keystroke). Characters bound the memory: at most two generations
 * of 500,000 characters per list (the 7,000 headings of the 4 MB document are ~175,000).
 */
const SMALL_MEMO_SIZE = 32_768;
const SMALL_MEMO_CHARS = 500_000;

/**
 * One list's hits in one segment, packed as (phrase, start, end) triples with offsets relative to the segment
 * (a hit's text is the segment's text between them). Packed because the memo holds every list's hits for every
 * segment of a large document: as objects (hit, span, string) they were ~90 bytes a hit and ~40 MB at 4 MB.
 */
type PackedHits = readonly number[];
const NO_HITS: PackedHits = [];
/** Lists that search segments get a slot (a small integer) on first use: a segment's hits, indexed by slot. */
let nextSlot = 0;

interface Segment {
  readonly start: number;
  readonly text: string;
  /** Hits per list slot (undefined: not searched yet); other per-segment values in slots of their own. */
  readonly values: unknown[];
}

interface SegmentMemo {
  /** The segment's text, detached from the document it was cut from (see detach): hits are views of it. */
  readonly text: string;
  readonly values: unknown[];
}
/** A small text searched by one list: the text (a detached copy) and its hits. */
interface SmallMemo {
  readonly text: string;
  readonly hits: readonly PhraseHit[];
}
const NO_HIT_OBJECTS: readonly PhraseHit[] = [];

let segmentMemo = new Map<string, SegmentMemo>();
let previousSegmentMemo = new Map<string, SegmentMemo>();
let lastText: string | undefined;
let lastSegments: readonly Segment[] = [];
/** Each new lastSegments gets the next number (what the lists' indexes are for: a number, so that an index
 * keeps no segments alive). */
let segmentsSeq = 0;
/** How lastSegments continue the ones numbered `previousSeq` (the parse's ChunkReuse), if they do. */
let lastReuse: { readonly previousSeq: number; readonly kept: number; readonly resumeOld: number; readonly resumeNew: number } | undefined;

/** Offsets where a line starting with up to three spaces and `#` begins. */
function headingLineStarts(text: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf('#'); i >= 0; i = text.indexOf('#', i + 1)) {
    let j = i;
    while (j > 0 && i - j < 3 && text.charCodeAt(j - 1) === 32) j--;
    const before = j === 0 ? 10 : text.charCodeAt(j - 1);
    if ((before === 10 || before === 13) && j > 0 && out[out.length - 1] !== j) out.push(j);
  }
  return out;
}

/**
 * The segments of `text` are the chunks the parser cut it into (parse.ts parseDocument: each starts at an ATX
 * heading line, so at a line that starts with up to three spaces and `#`, like the segments segmentsOf cuts; the
 * search is exact for any such cut, see above), with the values remembered with each cached chunk. The analysis
 * hands them over after parsing: no second cut of the text, no second copy of its text and of its hits in a memo
 * of its own, and no lookup of each segment on every keystroke. Another text gets segmentsOf's own cut.
 */
export function adoptSegments(text: string, chunks: readonly Segment[], reuse?: ChunkReuse): void {
  if (text.length < SEGMENT_TEXT_MIN) return;
  // Only the numbers are kept: the previous chunks are known by their number (the last adopted, or none).
  lastReuse = reuse !== undefined && reuse.previous === lastSegments ? { previousSeq: segmentsSeq, kept: reuse.kept, resumeOld: reuse.resumeOld, resumeNew: reuse.resumeNew } : undefined;
  lastText = text;
  lastSegments = chunks;
  segmentsSeq++;
}

/** A slot of its own in every segment, for a value that segmentValues computes once per segment text. */
export function segmentSlot(): number {
  return nextSlot++;
}

/**
 * For a text of at least SEGMENT_TEXT_MIN characters, its heading segments (cut where a line starts with up to
 * three spaces and `#`; together they are the text) with `compute(segment text)` for each, remembered with the
 * segment in `slot`. `compute` gets a detached copy and must return a value that does not keep the document:
 * offsets relative to the segment. Undefined for a shorter text.
 */
export function segmentValues<T extends object>(text: string, slot: number, compute: (segment: string) => T): { readonly start: number; readonly text: string; readonly value: T }[] | undefined {
  if (text.length < SEGMENT_TEXT_MIN) return undefined;
  const out: { readonly start: number; readonly text: string; readonly value: T }[] = [];
  for (const seg of segmentsOf(text)) {
    const slots = seg.values as (T | undefined)[];
    let value = slots[slot];
    if (value === undefined) slots[slot] = value = compute(seg.text);
    out.push({ start: seg.start, text: seg.text, value });
  }
  return out;
}

function segmentsOf(text: string): readonly Segment[] {
  if (text === lastText) return lastSegments;
  const cuts = [0, ...headingLineStarts(text), text.length];
  const segments: Segment[] = [];
  // Segments before and after an edit are found where they were (see by-place.ts), not hashed by their text.
  const known = findByPlace(lastSegments, text.length - (lastText?.length ?? 0));
  for (let k = 0; k + 1 < cuts.length; k++) {
    const start = cuts[k]!;
    const old = findPlaced(known, text, start, cuts[k + 1]! - start);
    if (old) {
      segments.push(old.start === start ? old : { start, text: old.text, values: old.values });
      continue;
    }
    const t = text.slice(cuts[k]!, cuts[k + 1]!);
    let memo = segmentMemo.get(t);
    if (!memo) {
      memo = previousSegmentMemo.get(t) ?? { text: detach(t), values: [] };
      // Keyed by the memo's own text, so that the key does not hold this version of the document either.
      segmentMemo.set(memo.text, memo);
    }
    segments.push({ start: cuts[k]!, text: memo.text, values: memo.values });
  }
  if (segmentMemo.size > SEGMENT_MEMO_SIZE) {
    previousSegmentMemo = segmentMemo;
    segmentMemo = new Map();
  }
  lastText = text;
  lastSegments = segments;
  lastReuse = undefined;
  segmentsSeq++;
  return segments;
}

/** The first segment that ends after `start` (the segments that [start, end) touches follow it while they start
 * before `end`): each is searched whole or in the part the range cuts out of it. */
function firstTouching(segments: readonly Segment[], start: number): number {
  // The last segment that starts at or before `start` (0 when none does).
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid]!.start <= start) lo = mid;
    else hi = mid - 1;
  }
  while (lo < segments.length && segments[lo]!.start + segments[lo]!.text.length <= start) lo++;
  return lo;
}

/** A segment's packed hits as hit objects, shifted by the segment's start, onto `out`. */
function unpack(seg: Segment, hits: PackedHits, out: PhraseHit[]): void {
  for (let i = 0; i < hits.length; i += 3) out.push(unpackAt(seg, hits, i));
}

function unpackAt(seg: Segment, hits: PackedHits, i: number): PhraseHit {
  const start = hits[i + 1]!;
  const end = hits[i + 2]!;
  return { phrase: hits[i]!, span: { start: start + seg.start, end: end + seg.start }, text: seg.text.slice(start, end) };
}

/** Compile a list of phrases once (cached by content: the lists are module-level data). */
export function compilePhrases(phrases: readonly string[]): PhraseMatcher {
  // The lists are module-level arrays: found by identity first, without joining a long list on every call.
  const same = byList.get(phrases);
  if (same) return same;
  const key = phrases.join('\u0000');
  const hit = cache.get(key);
  if (hit) {
    byList.set(phrases, hit);
    return hit;
  }
  // Longer phrases first, so that "data drift" wins over "data" where both start.
  const order = phrases.map((_, i) => i).sort((a, b) => phrases[b]!.length - phrases[a]!.length);
  const source = order.map((i) => `(${phraseSource(phrases[i]!)})`).join('|');
  const re = phrases.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, 'giu') : undefined;
  const words = re ? compileWordSearch(order.map((i) => phrases[i]!), order) : undefined;
  // The word index pays off when many lists search the same text (one tokenisation, shared through the words
  // memo); a large document's segments are each searched once per list and remembered with their hits, and there
  // tokenising every segment again for every list (the memo cannot hold a large document's segments) costs more
  // than the regex: segments use the regex. So do the parts of segments that a range (a section, a block) cuts
  // out of a large text: hundreds per keystroke, more text than the words memo holds, so every list re-tokenised
  // them (~15 MB of a 4 MB keystroke's allocation).
  const search = (slice: string, start: number, out: PhraseHit[]) => (words ? words(slice, start, out) : searchRegex(slice, start, out));
  const searchRegex = (slice: string, start: number, out: PhraseHit[]) => {
    if (!re) return;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(slice)) !== null) {
      if (m[0].length === 0) {
        // Past one code point: lastIndex inside a surrogate pair is moved back to its start under /u (a loop).
        re.lastIndex = m.index + ((slice.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1);
        continue;
      }
      let g = 1;
      while (g < m.length && m[g] === undefined) g++;
      out.push({ phrase: order[g - 1]!, span: { start: start + m.index, end: start + m.index + m[0].length }, text: m[0] });
    }
  };
  let slot = -1;
  /** The segment's hits for this list, searched with the regex on first use and remembered in the segment. */
  const segmentHits = (seg: Segment): PackedHits => {
    if (slot < 0) slot = segmentSlot();
    let packed = seg.values[slot] as PackedHits | undefined;
    if (!packed) {
      const found: PhraseHit[] = [];
      searchRegex(seg.text, 0, found);
      if (found.length === 0) packed = NO_HITS;
      else {
        const p: number[] = [];
        for (const h of found) p.push(h.phrase, h.span.start, h.span.end);
        packed = p;
      }
      seg.values[slot] = packed;
    }
    return packed;
  };
  // Which segments hold hits of this list, for the last segments searched whole, as far as they were searched:
  // the ascending indices of those with hits among segments [0, covered). A search of the whole text visits only
  // those, then searches on from `covered` (a search that stops at a first hit leaves the rest unsearched, as
  // before). The rules search a large document's whole text with a dozen lists on every keystroke, and reading
  // every segment's remembered hits (6,600 at 4 MB, most without a hit of a given list) was ~3 ms of it. After
  // an edit the index is carried over (lastReuse): the segments before and after the edit keep their places
  // (shifted after it), and only the segments cut again are searched.
  // (For lastSegments only, numbered segmentsSeq.)
  let indexed = -1;
  let withHits: number[] = [];
  let covered = 0;
  const indexFor = (segments: readonly Segment[]): void => {
    if (indexed === segmentsSeq) return;
    const r = lastReuse;
    const out: number[] = [];
    let to = 0;
    if (r !== undefined && indexed >= 0 && indexed === r.previousSeq) {
      let n = 0;
      while (n < withHits.length && withHits[n]! < r.kept) out.push(withHits[n++]!);
      to = Math.min(covered, r.kept);
      if (covered > r.kept) {
        // The index reached past the kept segments: the segments cut again are searched, and what it knew of the
        // moved ones is moved with them.
        for (let i = r.kept; i < r.resumeNew; i++) if (segmentHits(segments[i]!).length) out.push(i);
        to = r.resumeNew;
        if (covered > r.resumeOld) {
          while (n < withHits.length && withHits[n]! < r.resumeOld) n++;
          const shift = r.resumeNew - r.resumeOld;
          for (; n < withHits.length; n++) out.push(withHits[n]! + shift);
          to = covered + shift;
        }
      }
    }
    indexed = segmentsSeq;
    withHits = out;
    covered = to;
  };
  /** The first segment after `after` with hits (-1: none): from the index, else searching on from `covered`.
   * Asked per segment visited, so that a search made inside a visitor (which may index other segments) leaves
   * the outer search correct. */
  const nextWithHits = (segments: readonly Segment[], after: number): number => {
    if (segments !== lastSegments) {
      // Another text's segments were cut meanwhile (a search inside a visitor): no index, the next one by one.
      for (let i = after + 1; i < segments.length; i++) if (segmentHits(segments[i]!).length) return i;
      return -1;
    }
    indexFor(segments);
    const lo = firstAtOrAfter(withHits, after + 1);
    if (lo < withHits.length) return withHits[lo]!;
    while (covered < segments.length) {
      const i = covered++;
      if (segmentHits(segments[i]!).length) {
        withHits.push(i);
        if (i > after) return i;
      }
    }
    return -1;
  };
  // Per-segment search is exact only when no word of a phrase can match a `#` (see segmentsOf).
  const segmentable = re !== undefined && !phrases.some((p) => p.includes('#'));
  // Small texts (a block, a heading, a section body: the rules search those one by one on every keystroke)
  // are remembered whole: two generations of SMALL_MEMO_SIZE texts (SMALL_MEMO_CHARS characters) per phrase list.
  // Keys and hits are views of a detached copy, never of the caller's (possibly huge) text.
  let small = new Map<string, SmallMemo>();
  let previousSmall = new Map<string, SmallMemo>();
  let smallChars = 0;
  /** A small text's remembered hits (searched on first sight). */
  const smallEntry = (text: string): SmallMemo => {
    let entry = small.get(text);
    if (!entry) {
      entry = previousSmall.get(text);
      if (!entry) {
        const copy = detach(text);
        const found: PhraseHit[] = [];
        search(copy, 0, found);
        entry = { text: copy, hits: found.length ? found : NO_HIT_OBJECTS };
      }
      small.set(entry.text, entry);
      smallChars += entry.text.length;
      if (small.size > SMALL_MEMO_SIZE || smallChars > SMALL_MEMO_CHARS) {
        previousSmall = small;
        small = new Map();
        smallChars = 0;
      }
    }
    return entry;
  };
  const matcher: PhraseMatcher = {
    phrases,
    find(text, within) {
      const out: PhraseHit[] = [];
      if (!re) return out;
      const start = within ? Math.max(0, within.start) : 0;
      const end = within ? Math.min(text.length, within.end) : text.length;
      // Segments pay off on a large text, also for the small ranges (sections) the rules search in.
      if (!within && text.length <= SMALL_TEXT_MAX) {
        const entry = smallEntry(text);
        for (let i = 0; i < entry.hits.length; i++) out.push(entry.hits[i]!);
        return out;
      }
      if (!segmentable || text.length < SEGMENT_TEXT_MIN || end - start < 256) {
        search(text.slice(start, end), start, out);
        return out;
      }
      // Segment by segment (a loop, not callbacks: see by-place.ts PlaceFinder on closures made per keystroke).
      const segments = segmentsOf(text);
      if (!within) {
        // The whole text: the segments with hits, each whole.
        for (let i = nextWithHits(segments, -1); i >= 0; i = nextWithHits(segments, i)) unpack(segments[i]!, segmentHits(segments[i]!), out);
        return out;
      }
      for (let k = firstTouching(segments, start); k < segments.length && segments[k]!.start < end; k++) {
        const seg = segments[k]!;
        const segEnd = seg.start + seg.text.length;
        if (seg.start >= start && segEnd <= end) unpack(seg, segmentHits(seg), out);
        else {
          const from = Math.max(start, seg.start);
          searchRegex(text.slice(from, Math.min(end, segEnd)), from, out);
        }
      }
      return out;
    },
    each(text, within, visit) {
      if (!re) return;
      const start = within ? Math.max(0, within.start) : 0;
      const end = within ? Math.min(text.length, within.end) : text.length;
      if ((!within && text.length <= SMALL_TEXT_MAX) || !segmentable || text.length < SEGMENT_TEXT_MIN || end - start < 256) {
        // Small texts and ranges: find's own (remembered) hits.
        const hits = matcher.find(text, within);
        for (let i = 0; i < hits.length; i++) if (visit(hits[i]!.phrase, hits[i]!.span.start, hits[i]!.span.end)) return;
        return;
      }
      // As find does, segment by segment; whole segments from their packed hits, no object per hit.
      const segments = segmentsOf(text);
      if (!within) {
        for (let s = nextWithHits(segments, -1); s >= 0; s = nextWithHits(segments, s)) {
          const seg = segments[s]!;
          const hits = segmentHits(seg);
          for (let i = 0; i < hits.length; i += 3) if (visit(hits[i]!, hits[i + 1]! + seg.start, hits[i + 2]! + seg.start)) return;
        }
        return;
      }
      for (let k = firstTouching(segments, start); k < segments.length && segments[k]!.start < end; k++) {
        const seg = segments[k]!;
        const segEnd = seg.start + seg.text.length;
        if (seg.start >= start && segEnd <= end) {
          const hits = segmentHits(seg);
          for (let i = 0; i < hits.length; i += 3) if (visit(hits[i]!, hits[i + 1]! + seg.start, hits[i + 2]! + seg.start)) return;
        } else {
          const part: PhraseHit[] = [];
          const from = Math.max(start, seg.start);
          searchRegex(text.slice(from, Math.min(end, segEnd)), from, part);
          for (let i = 0; i < part.length; i++) if (visit(part[i]!.phrase, part[i]!.span.start, part[i]!.span.end)) return;
        }
      }
    },
    findDirect(text) {
      const out: PhraseHit[] = [];
      if (re) searchRegex(text, 0, out);
      return out;
    },
    firstHit(text) {
      if (!re) return undefined;
      // A small text: its remembered list's head, with no copy of the list (headings and blocks one by one).
      if (text.length <= SMALL_TEXT_MAX) return smallEntry(text).hits[0];
      let hit: PhraseHit | undefined;
      matcher.each(text, undefined, (phrase, start, end) => {
        hit = { phrase, span: { start, end }, text: text.slice(start, end) };
        return true;
      });
      return hit;
    },
    first(text, count, accept = () => true) {
      const out: PhraseHit[] = [];
      if (count <= 0) return out;
      matcher.each(text, undefined, (phrase, start, end) => {
        if (!accept(start)) return false;
        out.push({ phrase, span: { start, end }, text: text.slice(start, end) });
        return out.length >= count;
      });
      return out;
    },
  };
  if (cache.size > 500) cache.clear();
  cache.set(key, matcher);
  byList.set(phrases, matcher);
  return matcher;
}

// Word-index search. The regex above is the definition of a match; running ~70 such unicode regexes (one per
// phrase list) over every text is most of the cost of an analysis, so lists whose phrases are plain ASCII words
// are matched instead against the text's words, found once per text and shared by all lists:
//  - a word of the text is a maximal run of [\p{L}\p{N}] (as the regex's boundary checks see it, same flags);
//  - the regex can only start a match at a word's start (lookbehind) and only end one at a word's end (lookahead,
//    separators and literal gaps are never letters), so a phrase is a sequence of whole words, each equal to the
//    phrase's word (or starting with it, for `word*`), with only separators [\s\-/*_`] between phrase words and
//    exactly the literal punctuation inside one ("cross-entropy");
//  - case: under /iu a text character matches an ASCII letter when its simple case folding is that letter: the
//    ASCII upper case, U+017F (long s) for s and U+212A (Kelvin) for k; fold() maps exactly those;
//  - order: at each word, phrases are tried in the regex's alternation order and the first that matches wins;
//    the next match starts at or after its end.
// A list with any phrase outside that form (non-ASCII, punctuation at a word's edge, a bare `*`) keeps the regex.
// test/unit/phrase-search.test.ts compares both searches on corpus, examples and generated text.
const TOKEN = /[\p{L}\p{N}]+/giu;
const SEPARATORS = /[\s\-/*_`]+/uy;
/** A phrase word this search can express: ASCII letters and digits, inner punctuation, an optional final `*`. */
const WORD_FORM = /^[a-z0-9]+(?:[!-)+-\/:-@[-`{-~][a-z0-9]+)*\*?$/;

interface TextWords {
  readonly text: string;
  readonly starts: number[];
  readonly ends: number[];
  /** Folded words. */
  readonly words: string[];
  /** Folded word -> indices of its occurrences, built on first use. */
  byWord?: Map<string, number[]>;
  /** Prefix length -> prefix -> indices of the words that start with it, built on first use per length. */
  byPrefix?: Map<number, Map<string, number[]>>;
}

function fold(w: string): string {
  let ascii = true;
  for (let i = 0; i < w.length; i++) {
    if (w.charCodeAt(i) > 127) {
      ascii = false;
      break;
    }
  }
  if (ascii) return w.toLowerCase();
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 65 && c <= 90) out += String.fromCharCode(c + 32);
    else if (c === 0x017f) out += 's';
    else if (c === 0x212a) out += 'k';
    else out += w[i];
  }
  return out;
}

// Words of the texts searched lately, by text: every phrase list searches the same blocks, sections and
// documents. Two generations, each of at most WORDS_MEMO_CHARS characters of text; keys are detached copies,
// so that a section's text does not keep its document's version alive.
const WORDS_MEMO_CHARS = 1 << 16;
let wordsMemo = new Map<string, TextWords>();
let previousWordsMemo = new Map<string, TextWords>();
let wordsMemoChars = 0;

function wordsOf(text: string): TextWords {
  let tw = wordsMemo.get(text);
  if (tw) return tw;
  tw = previousWordsMemo.get(text);
  if (!tw) {
    const own = detach(text);
    const starts: number[] = [];
    const ends: number[] = [];
    const words: string[] = [];
    TOKEN.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = TOKEN.exec(own)) !== null) {
      starts.push(m.index);
      ends.push(m.index + m[0].length);
      words.push(fold(m[0]));
    }
    tw = { text: own, starts, ends, words };
  }
  if (wordsMemoChars + text.length > WORDS_MEMO_CHARS) {
    previousWordsMemo = wordsMemo;
    wordsMemo = new Map();
    wordsMemoChars = 0;
  }
  wordsMemo.set(tw.text, tw);
  wordsMemoChars += text.length;
  return tw;
}

function occurrences(tw: TextWords, word: string): number[] | undefined {
  if (!tw.byWord) {
    const by = new Map<string, number[]>();
    tw.words.forEach((w, i) => {
      const list = by.get(w);
      if (list) list.push(i);
      else by.set(w, [i]);
    });
    tw.byWord = by;
  }
  return tw.byWord.get(word);
}

function prefixOccurrences(tw: TextWords, prefix: string): number[] | undefined {
  tw.byPrefix ??= new Map();
  let by = tw.byPrefix.get(prefix.length);
  if (!by) {
    by = new Map();
    tw.words.forEach((w, i) => {
      if (w.length < prefix.length) return;
      const p = w.slice(0, prefix.length);
      const list = by!.get(p);
      if (list) list.push(i);
      else by!.set(p, [i]);
    });
    tw.byPrefix.set(prefix.length, by);
  }
  return by.get(prefix);
}

interface WordPhrase {
  /** The phrase's words split further at inner punctuation: each must be one word of the text. */
  readonly parts: readonly string[];
  /** Whether parts[k] may be followed by more letters (a final `*`). */
  readonly wild: readonly boolean[];
  /** What separates parts[k - 1] from parts[k]: the literal punctuation inside a phrase word, or undefined for
   * the gap between two phrase words (one or more separators). */
  readonly gaps: readonly (string | undefined)[];
}

function wordPhrase(phrase: string): WordPhrase | undefined {
  const parts: string[] = [];
  const wild: boolean[] = [];
  const gaps: (string | undefined)[] = [];
  const words = phrase.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return undefined;
  for (const w of words) {
    if (!WORD_FORM.test(w)) return undefined;
    const star = w.endsWith('*');
    const pieces = (star ? w.slice(0, -1) : w).split(/([^a-z0-9]+)/);
    for (let k = 0; k < pieces.length; k += 2) {
      gaps.push(parts.length === 0 ? undefined : k === 0 ? undefined : pieces[k - 1]);
      parts.push(pieces[k]!);
      wild.push(star && k === pieces.length - 1);
    }
  }
  return { parts, wild, gaps };
}

/**
 * The word-index search for a list (phrases in the regex's alternation order, `ids` their indices in the
 * list), or undefined when some phrase is not of the form it handles.
 */
function compileWordSearch(ordered: readonly string[], ids: readonly number[]): ((slice: string, start: number, out: PhraseHit[]) => void) | undefined {
  const compiled: WordPhrase[] = [];
  for (const p of ordered) {
    const wp = wordPhrase(p);
    if (!wp) return undefined;
    compiled.push(wp);
  }
  const n = compiled.length;
  // First part -> ranks (positions in `ordered`), ascending.
  const exact = new Map<string, number[]>();
  const prefixed = new Map<string, number[]>();
  const prefixLengths = new Set<number>();
  compiled.forEach((wp, rank) => {
    const table = wp.wild[0] ? prefixed : exact;
    if (wp.wild[0]) prefixLengths.add(wp.parts[0]!.length);
    const list = table.get(wp.parts[0]!);
    if (list) list.push(rank);
    else table.set(wp.parts[0]!, [rank]);
  });
  const keys = exact.size + prefixed.size;
  const lengths = [...prefixLengths];

  /** Index of the text's last word of phrase `rank` matched from word `at`, or -1. */
  const matchAt = (tw: TextWords, at: number, rank: number): number => {
    const wp = compiled[rank]!;
    const { words, starts, ends, text } = tw;
    for (let k = 1; k < wp.parts.length; k++) {
      const i = at + k;
      if (i >= words.length) return -1;
      const w = words[i]!;
      const part = wp.parts[k]!;
      if (wp.wild[k] ? !w.startsWith(part) : w !== part) return -1;
      const gap = wp.gaps[k];
      if (gap === undefined) {
        SEPARATORS.lastIndex = ends[i - 1]!;
        if (!SEPARATORS.test(text) || SEPARATORS.lastIndex !== starts[i]) return -1;
      } else if (starts[i]! - ends[i - 1]! !== gap.length || !text.startsWith(gap, ends[i - 1]!)) return -1;
    }
    return at + wp.parts.length - 1;
  };

  return (slice, start, out) => {
    const tw = wordsOf(slice);
    const { words, starts, ends } = tw;
    if (words.length === 0) return;
    // Candidates (word index * n + rank), gathered by the cheaper route: per word of a short text, per key of
    // the list for a longer one.
    const cands: number[] = [];
    const add = (i: number, ranks: readonly number[]) => {
      for (const r of ranks) cands.push(i * n + r);
    };
    if (words.length <= keys) {
      for (let i = 0; i < words.length; i++) {
        const w = words[i]!;
        const e = exact.get(w);
        if (e) add(i, e);
        for (const len of lengths) {
          if (w.length < len) continue;
          const p = prefixed.get(w.slice(0, len));
          if (p) add(i, p);
        }
      }
    } else {
      for (const [w, ranks] of exact) {
        const at = occurrences(tw, w);
        if (at) for (const i of at) add(i, ranks);
      }
      for (const [w, ranks] of prefixed) {
        const at = prefixOccurrences(tw, w);
        if (at) for (const i of at) add(i, ranks);
      }
    }
    if (cands.length === 0) return;
    cands.sort((a, b) => a - b);
    let lastEnd = -1;
    for (const c of cands) {
      const rank = c % n;
      const i = (c - rank) / n;
      if (starts[i]! < lastEnd) continue;
      const j = matchAt(tw, i, rank);
      if (j < 0) continue;
      const from = starts[i]!;
      lastEnd = ends[j]!;
      out.push({ phrase: ids[rank]!, span: { start: start + from, end: start + lastEnd }, text: slice.slice(from, lastEnd) });
    }
  };
}

/** The phrase lists compiled so far in this process (for tests that check the search on every list in use). */
export function compiledPhraseLists(): (readonly string[])[] {
  return [...cache.values()].map((m) => m.phrases);
}

/** Parts of the text that are not prose: code, front matter, HTML without visible text (see html.ts), and
 * comments (which count in templates). */
export function nonProseSpans(blocks: readonly Block[], templateMode: boolean): Span[] {
  const out: Span[] = [];
  for (const b of blocks) {
    if (b.kind === 'code' || b.kind === 'front-matter') out.push(b.span);
    else if (b.kind === 'html' && (b.comment ? !templateMode : !isVisibleHtml(b))) out.push(b.span);
  }
  return out;
}

/** Whether a document is a template: its prompts live in HTML comments (same test as coverage). */
export function isTemplate(blocks: readonly Block[]): boolean {
  let comments = 0;
  for (const b of blocks) if (b.kind === 'html' && b.comment) comments++;
  return comments >= 3;
}

const excludedMemo = new WeakMap<readonly Block[], (offset: number) => boolean>();

/** Whether an offset is outside prose (code, front matter, HTML): built once per list of blocks, because the
 * rules ask dozens of times per analysis with the same blocks. */
export function notProse(blocks: readonly Block[]): (offset: number) => boolean {
  let excluded = excludedMemo.get(blocks);
  if (!excluded) excludedMemo.set(blocks, (excluded = insideAny(nonProseSpans(blocks, isTemplate(blocks)))));
  return excluded;
}

/** Prose hits of `matcher` in `text`, optionally only inside `within` spans. */
export function findInProse(text: string, blocks: readonly Block[], matcher: PhraseMatcher, within?: readonly Span[]): PhraseHit[] {
  const out: PhraseHit[] = [];
  eachInProse(text, blocks, matcher, within, (phrase, start, end) => {
    out.push({ phrase, span: { start, end }, text: text.slice(start, end) });
  });
  return out;
}

/** The prose hits findInProse gives, in the same order, one at a time (see PhraseMatcher.each); true stops. */
export function eachInProse(text: string, blocks: readonly Block[], matcher: PhraseMatcher, within: readonly Span[] | undefined, visit: HitVisitor): void {
  const state: ProseVisit = { excluded: notProse(blocks), visit, stopped: false };
  // A bound module function, not a closure made per call (see by-place.ts PlaceFinder).
  const inProse: HitVisitor = visitInProse.bind(state);
  if (!within) return matcher.each(text, undefined, inProse);
  for (let r = 0; r < within.length && !state.stopped; r++) matcher.each(text, within[r], inProse);
}

interface ProseVisit {
  readonly excluded: (offset: number) => boolean;
  readonly visit: HitVisitor;
  stopped: boolean;
}

function visitInProse(this: ProseVisit, phrase: number, start: number, end: number): boolean {
  return this.excluded(start) ? false : (this.stopped = this.visit(phrase, start, end) === true);
}

/** The first prose hit (in findInProse's order) that `accept` takes, if any; a hit object only for those tried. */
export function firstInProse(
  text: string,
  blocks: readonly Block[],
  matcher: PhraseMatcher,
  within?: readonly Span[],
  accept?: (hit: PhraseHit) => boolean,
): PhraseHit | undefined {
  let found: PhraseHit | undefined;
  eachInProse(text, blocks, matcher, within, (phrase, start, end) => {
    const hit: PhraseHit = { phrase, span: { start, end }, text: text.slice(start, end) };
    if (accept && !accept(hit)) return false;
    found = hit;
    return true;
  });
  return found;
}

// Offsets <-> LSP positions. LSP lines break at \n, \r\n and \r; characters are UTF-16 code units, which is
// exactly how JavaScript strings index, so a position is (line, offset - lineStart).
import type { Position, Range, Span } from './types';
import { commonPrefix, commonSuffix } from './edit-region';

export interface LineIndex {
  /** The offset each line starts at, in order (a typed array: a 4 MB document has ~100,000 lines, and a keystroke
   * makes a new array of them that the collector need not scan). */
  readonly lineStarts: Int32Array;
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
  rangeOf(span: Span): Range;
  lineOf(offset: number): number;
}

export function computeLineStarts(text: string): Int32Array {
  return Int32Array.from(lineStartList(text));
}

function lineStartList(text: string): number[] {
  const starts = [0];
  // Without \r (the usual case) indexOf finds the breaks several times faster than a loop over characters;
  // this runs on every keystroke over the whole document.
  if (text.indexOf('\r') < 0) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** The last index built: the engine and the server both ask for the same text's index on each keystroke. */
let last: { readonly text: string; readonly index: LineIndex } | undefined;

export function createLineIndex(text: string): LineIndex {
  if (last && last.text === text) return last.index;
  const index = buildLineIndex(text, last ? lineStartsAfterEdit(last.text, last.index.lineStarts, text) : computeLineStarts(text));
  last = { text, index };
  return index;
}

/** Whether a line starts at `x` (0 < x <= text.length): after \n, or after a \r that no \n follows. */
function startsLine(text: string, x: number): boolean {
  const c = text.charCodeAt(x - 1);
  return c === 10 || (c === 13 && text.charCodeAt(x) !== 10);
}

/**
 * The line starts of `text` from those of an earlier version `old`: the starts inside the two versions' common
 * prefix are the old ones, those inside the common suffix the old ones moved by the change in length, and only
 * the text between is scanned (a keystroke: ~0.3 ms at 4 MB instead of a scan of the whole text). A start at x
 * depends on the characters at x - 1 and x (a \r followed by \n is one break), so a start is taken from the old
 * version only when both lie in the common part.
 */
export function lineStartsAfterEdit(old: string, oldStarts: Int32Array, text: string): Int32Array {
  const prefix = commonPrefix(old, text);
  const suffix = commonSuffix(old, text, Math.min(old.length, text.length) - prefix);
  const delta = text.length - old.length;
  // Two unrelated texts (the server's documents take turns): the whole scan is faster than the loop below.
  if (text.length - suffix - prefix > text.length / 4) return computeLineStarts(text);
  // Old starts at x <= prefix - 1 (x = 0 always): the first `kept`.
  let lo = 1;
  let hi = oldStarts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (oldStarts[mid]! <= prefix - 1) lo = mid + 1;
    else hi = mid;
  }
  const kept = Math.min(lo, oldStarts.length);
  const upTo = text.length - suffix;
  const between: number[] = [];
  for (let x = Math.max(1, prefix); x <= upTo; x++) if (startsLine(text, x)) between.push(x);
  // Old starts y whose new place y + delta is past upTo: both characters it depends on are in the suffix.
  let j = oldStarts.length;
  while (j > kept && oldStarts[j - 1]! + delta > upTo) j--;
  // The kept starts in one copy (a binary search and a block copy, not a push per line), then the ones between,
  // then the moved ones.
  const starts = new Int32Array(kept + between.length + (oldStarts.length - j));
  starts.set(oldStarts.subarray(0, kept));
  let n = kept;
  for (const x of between) starts[n++] = x;
  for (; j < oldStarts.length; j++) starts[n++] = oldStarts[j]! + delta;
  return starts;
}

function buildLineIndex(text: string, lineStarts: Int32Array): LineIndex {
  const clamp = (offset: number) => Math.max(0, Math.min(text.length, Math.floor(offset)));
  const lineOf = (offset: number): number => {
    const o = clamp(offset);
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const positionAt = (offset: number): Position => {
    let o = clamp(offset);
    // Never point between the halves of a surrogate pair or of a \r\n.
    const c = text.charCodeAt(o);
    if (o > 0 && c >= 0xdc00 && c <= 0xdfff) {
      const p = text.charCodeAt(o - 1);
      if (p >= 0xd800 && p <= 0xdbff) o--;
    }
    if (o > 0 && c === 10 && text.charCodeAt(o - 1) === 13) o--;
    const line = lineOf(o);
    return { line, character: o - lineStarts[line]! };
  };
  const lineEnd = (line: number): number => {
    const next = line + 1 < lineStarts.length ? lineStarts[line + 1]! : text.length;
    let end = next;
    if (end > lineStarts[line]! && text.charCodeAt(end - 1) === 10) end--;
    if (end > lineStarts[line]! && text.charCodeAt(end - 1) === 13) end--;
    return end;
  };
  const offsetAt = (position: Position): number => {
    if (position.line < 0) return 0;
    if (position.line >= lineStarts.length) return text.length;
    const start = lineStarts[position.line]!;
    return Math.max(start, Math.min(lineEnd(position.line), start + Math.max(0, position.character)));
  };
  return {
    lineStarts,
    positionAt,
    offsetAt,
    lineOf,
    rangeOf: (span: Span) => ({ start: positionAt(span.start), end: positionAt(Math.max(span.start, span.end)) }),
  };
}

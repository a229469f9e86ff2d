// Binary search over sorted offsets, shared by the passes that ask "how many before x" on every keystroke, and
// the comparators the per-keystroke sorts share (module constants: a comparator written inline is a new closure
// on every call, see by-place.ts PlaceFinder).

import type { Span } from './types';

/** Spans by start. */
export const byStart = (a: Span, b: Span): number => a.start - b.start;

/** Things with a span, by the span's start. */
export const bySpanStart = (a: { readonly span: Span }, b: { readonly span: Span }): number => a.span.start - b.span.start;

/** The index of the first element of `sorted` (ascending) that is >= x; sorted.length when none is. */
export function firstAtOrAfter(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

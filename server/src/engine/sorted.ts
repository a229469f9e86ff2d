// Binary search over sorted offsets, shared by the passes that ask "how many before x" on every keystroke.

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

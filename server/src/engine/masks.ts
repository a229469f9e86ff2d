// Parts of a Markdown text that are not rendered prose: code blocks (fenced and indented), inline code spans,
// HTML comments and front matter. Suppression comments and placeholder checks ignore what lies inside them.
import type { Block, Span } from './types';
import { byStart, firstAtOrAfter } from './sorted';

/** Inline code spans (CommonMark: a run of n backticks closed by the next run of exactly n), outside `skip`.
 * Linear apart from a sort: every run is visited once, and the closer is found through a per-length queue. */
export function codeSpans(text: string, skip: readonly Span[] = []): Span[] {
  const runs: { start: number; len: number }[] = [];
  const skipped = insideAny(skip);
  const re = /`+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (!skipped(m.index)) runs.push({ start: m.index, len: m[0].length });
  }
  const byLength = new Map<number, number[]>();
  runs.forEach((r, i) => {
    const list = byLength.get(r.len);
    if (list) list.push(i);
    else byLength.set(r.len, [i]);
  });
  const cursor = new Map<number, number>();
  const blankLines: number[] = [];
  const blank = /(?:\r\n|\n|\r)[ \t]*(?:\r\n|\n|\r)/g;
  while ((m = blank.exec(text)) !== null) {
    blankLines.push(m.index);
    blank.lastIndex = m.index + 1;
  }
  const blankBetween = (a: number, b: number) => {
    const lo = firstAtOrAfter(blankLines, a);
    return lo < blankLines.length && blankLines[lo]! < b;
  };
  const out: Span[] = [];
  let i = 0;
  while (i < runs.length) {
    const r = runs[i]!;
    const escaped = r.start > 0 && text[r.start - 1] === '\\';
    const same = byLength.get(r.len)!;
    let k = cursor.get(r.len) ?? 0;
    while (k < same.length && same[k]! <= i) k++;
    cursor.set(r.len, k);
    const closer = k < same.length ? runs[same[k]!]! : undefined;
    // A code span never crosses a blank line (it would cross a paragraph).
    if (escaped || !closer || blankBetween(r.start, closer.start)) {
      i++;
      continue;
    }
    out.push({ start: r.start, end: closer.start + closer.len });
    i = same[k]! + 1;
  }
  return out;
}

/** HTML comments anywhere in the text (an unclosed one runs to the end). */
export function commentSpans(text: string): Span[] {
  const out: Span[] = [];
  const re = /<!--[\s\S]*?(?:-->|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) break;
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

export function codeBlockSpans(blocks: readonly Block[]): Span[] {
  return blocks.filter((b) => b.kind === 'code').map((b) => b.span);
}

/** Everything that is not prose: code blocks, front matter, HTML comments and inline code. */
export function nonProseSpans(text: string, blocks: readonly Block[]): Span[] {
  const blockSpans = blocks.filter((b) => b.kind === 'code' || b.kind === 'front-matter').map((b) => b.span);
  const inBlock = insideAny(blockSpans);
  const comments = commentSpans(text).filter((c) => !inBlock(c.start));
  const skip = [...blockSpans, ...comments];
  return [...skip, ...codeSpans(text, skip)].sort(byStart);
}

/** A membership test for a set of spans: merged once, then a binary search per query. */
export function insideAny(spans: readonly Span[]): (offset: number) => boolean {
  const merged: Span[] = [];
  for (const s of [...spans].sort(byStart)) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, s.end) };
    else if (s.end > s.start) merged.push(s);
  }
  // A bound module function, not a closure: the test's optimised code outlives the analysis that made it (the
  // server's full collections drop the code of closures that died; see by-place.ts PlaceFinder).
  return insideMerged.bind(merged);
}

/** Whether `offset` lies inside one of the sorted, disjoint spans `this`. */
function insideMerged(this: readonly Span[], offset: number): boolean {
  const merged = this;
  let lo = 0;
  let hi = merged.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = merged[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return true;
  }
  return false;
}

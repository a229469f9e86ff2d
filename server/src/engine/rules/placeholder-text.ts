// placeholder-text: template filler left in the document: TBD, TODO, FIXME, `[More Information Needed]`,
// Jinja `{{ variable }}` / `{% tag %}`, "to be determined", "lorem ipsum".
// Bad:  ## Deployment  TBD
// Good: ## Deployment  Batch scoring nightly on Airflow; results written to the orders table.
// Anchored on the placeholder itself. Placeholders in code blocks, inline code, HTML comments and front matter
// are not reported (they are examples, notes to the author, or metadata). TBD/TODO/FIXME/TBA/XXX count only
// in capitals: "a todo list" is prose. The same patterns make a section's status `placeholder`.
import type { RuleDef, RuleFinding } from './types';
import { PLACEHOLDER } from '../coverage';
import { insideAny, nonProseSpans } from '../masks';
import { segmentSlot, segmentValues } from '../ml/phrases';

// The shared pattern with its open-ended `{{ … }}` runs bounded, so that a stray `{{` costs no more than a
// short look ahead (the whole text is scanned here, not one block at a time).
const PATTERN = PLACEHOLDER.source.replace(/\[\\s\\S\]\*\?/g, '[\\s\\S]{0,300}?');
const SHOUTED = /^(?:tbd|tba|todo|fixme|xxx)$/i;
const MAX_SHOWN = 40;

/** Every match of the pattern in `text`, as one scan from the start finds them (offsets in `text`). */
export function scan(text: string): readonly { readonly index: number; readonly found: string }[] {
  const re = new RegExp(PATTERN, 'gi');
  const out: { index: number; found: string }[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push({ index: m.index, found: m[0] });
  }
  return out;
}

const SLOT = segmentSlot();
/** The longest match that can run across a line: `{{`, at most 300 other characters, `}}`. */
const LONGEST_ACROSS_LINES = 304;

/**
 * Whether a match may start before `at` (a segment start, just after a line break) and end after it. Only the
 * `{{ … }}` and `{% … %}` forms can run across a line: `{{` followed by no brace up to `at`, or `{%` followed by
 * no `%` up to `at`, within the longest such match before it. A `{` in code (`f({"a": 1})`) does not count.
 */
function openerBefore(text: string, at: number): boolean {
  const lo = Math.max(1, at - LONGEST_ACROSS_LINES);
  // Both openers start with `{` (at lo - 1 at the earliest): without one in the window (most segment starts), the
  // answer is no, found by a native search instead of a loop over 304 characters for each of thousands of segments.
  if (text.slice(lo - 1, at).indexOf('{') < 0) return false;
  let braces = true; // no brace seen yet between here and `at`
  let percents = true; // no `%` seen yet
  for (let i = at - 1; i >= lo && (braces || percents); i--) {
    const c = text.charCodeAt(i);
    if (c === 123 || c === 125) {
      // `{`/`}`: a `{{` whose content reaches `at` must end here
      if (braces && c === 123 && text.charCodeAt(i - 1) === 123) return true;
      braces = false;
    } else if (c === 37) {
      if (percents && text.charCodeAt(i - 1) === 123) return true;
      percents = false;
    }
  }
  return false;
}

/** A segment's matches, and whether a `{{`/`{%` opener is open at its end (openerBefore at its length), when the
 * segment holds all that openerBefore reads there (undefined when it is shorter). Remembered with the segment:
 * asking the text at every segment start was a copy of 305 characters each, ~6,600 per keystroke at 4 MB. */
function scanSegment(segment: string): { readonly matches: ReturnType<typeof scan>; readonly openAtEnd: boolean | undefined } {
  return { matches: scan(segment), openAtEnd: segment.length > LONGEST_ACROSS_LINES ? openerBefore(segment, segment.length) : undefined };
}

/**
 * What `scan(text)` gives, from the matches of each heading segment remembered by its text (a large document is
 * scanned again only where it changed). Exact: only a `{{ }}` or `{% %}` match can run across a line, and at most
 * 304 characters, so where no `{{` or `{%` opens in the 304 characters before a segment's start, no match crosses it and
 * a scan from the start would start afresh there (the character before is a line break in both cases, so word
 * boundaries are seen alike). Segments with an open `{{` or `{%` just before their start are scanned together.
 */
export function placeholderMatches(text: string): readonly { readonly index: number; readonly found: string }[] {
  const segments = segmentValues(text, SLOT, scanSegment);
  if (!segments) return scan(text);
  const out: { index: number; found: string }[] = [];
  for (let k = 0; k < segments.length; ) {
    let j = k;
    // Whether an opener is open where segment j + 1 starts: segment j's own answer when it is long enough to hold
    // the whole window (the segments are contiguous), else asked of the text.
    while (j + 1 < segments.length && (segments[j]!.value.openAtEnd ?? openerBefore(text, segments[j + 1]!.start))) j++;
    const start = segments[k]!.start;
    const found = j === k ? segments[k]!.value.matches : scan(text.slice(start, segments[j]!.start + segments[j]!.text.length));
    for (const x of found) out.push({ index: x.index + start, found: x.found });
    k = j + 1;
  }
  return out;
}

export const placeholderText: RuleDef = {
  id: 'placeholder-text',
  description: 'Template placeholder text (TBD, TODO, [More Information Needed], {{ … }}) is left in the document.',
  defaultSeverity: 'warning',
  tags: ['content'],
  check(ctx) {
    // The masks are built at the first candidate (a document without placeholders needs none).
    let maskTest: ((offset: number) => boolean) | undefined;
    const masked = (offset: number): boolean => (maskTest ??= insideAny(nonProseSpans(ctx.text, ctx.doc.blocks)))(offset);
    const out: RuleFinding[] = [];
    for (const { index, found } of placeholderMatches(ctx.text)) {
      if (masked(index)) continue;
      if (SHOUTED.test(found) && found !== found.toUpperCase()) continue;
      const shown = found.length > MAX_SHOWN ? `${found.slice(0, MAX_SHOWN - 1)}…` : found;
      out.push({
        message: `Placeholder '${shown.replace(/\s+/g, ' ')}' left in the document: replace it with the real content.`,
        span: { start: index, end: index + found.length },
      });
    }
    return out;
  },
};

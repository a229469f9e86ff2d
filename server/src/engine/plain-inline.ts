// The inline content of a plain group (see parse.ts plainGroupBlocks) read without a parse: text whose only
// inline syntax is emphasis, `*` and `_`. The group's lines exclude the characters that start code, links,
// escapes, hard breaks and strikethrough, and plainInline refuses the `&` and `<` that may start a character
// reference, inline HTML or an autolink. The delimiter runs are matched exactly as micromark 4's attention
// construct matches them (micromark-core-commonmark/lib/attention.js: the flanking rules with micromark's
// character classes, the rule of three on the runs' current sizes, delimiters between a matched pair turned into
// text), so that the text and the leading bold run are what the engine reads from remark's tree.

export interface PlainInline {
  /** The text remark's nodes hold (emphasis markers removed, literal `*` and `_` kept), trimmed. */
  readonly text: string;
  /** The text of a leading strong node (`**Data** ...`), trimmed; undefined when the content does not start with
   * one, or it is empty. */
  readonly strongLead: string | undefined;
}

const STAR = 42;
const UNDERSCORE = 95;
const WHITESPACE = 1;
const PUNCTUATION = 2;
const UNICODE_WHITESPACE = /\s/;
const UNICODE_PUNCTUATION = /\p{P}|\p{S}/u;

/**
 * micromark's classifyCharacter for the UTF-16 code unit at `i` (micromark reads code units, so each half of a
 * surrogate pair is "other"): whitespace before the start and after the end of the content, at line endings,
 * spaces and tabs and Unicode whitespace; punctuation for Unicode punctuation and symbols; 0 otherwise.
 */
function classify(s: string, i: number): number {
  if (i < 0 || i >= s.length) return WHITESPACE;
  const c = s.charCodeAt(i);
  if (c === 32 || c === 9 || c === 10 || c === 13) return WHITESPACE;
  if (c < 128) {
    // ASCII without the regexes: letters and digits are "other", the rest of the printable range punctuation.
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return 0;
    if (c > 32 && c < 127) return PUNCTUATION;
  }
  const ch = s[i]!;
  if (UNICODE_WHITESPACE.test(ch)) return WHITESPACE;
  return UNICODE_PUNCTUATION.test(ch) ? PUNCTUATION : 0;
}

/** A delimiter run: `size` is what is left of it (micromark shrinks a sequence as matches use it). */
interface Run {
  readonly pos: number;
  readonly marker: number;
  readonly length: number;
  size: number;
  /** Characters used as closing markers (from the run's start) and as opening markers (from its end). */
  usedStart: number;
  usedEnd: number;
  readonly open: boolean;
  readonly close: boolean;
  /** False once it sits between a matched pair (micromark turns such sequences into data). */
  live: boolean;
}

function runsOf(s: string): Run[] {
  const runs: Run[] = [];
  for (let i = 0; i < s.length; i++) {
    const marker = s.charCodeAt(i);
    if (marker !== STAR && marker !== UNDERSCORE) continue;
    let end = i + 1;
    while (end < s.length && s.charCodeAt(end) === marker) end++;
    const before = classify(s, i - 1);
    const after = classify(s, end);
    // attention.js tokenizeAttention (the GFM `~` marker never occurs in a plain group).
    const open = !after || (after === PUNCTUATION && before !== 0);
    const close = !before || (before === PUNCTUATION && after !== 0);
    runs.push({
      pos: i,
      marker,
      length: end - i,
      size: end - i,
      usedStart: 0,
      usedEnd: 0,
      open: marker === STAR ? open : open && (before !== 0 || !close),
      close: marker === STAR ? close : close && (after !== 0 || !open),
      live: true,
    });
    i = end - 1;
  }
  return runs;
}

/** What may be a character reference (`&amp;`, `&#35;`, `&#x23;`): a superset of micromark's. */
const CHARACTER_REFERENCE = /&#?[A-Za-z0-9]+;/;

/**
 * Text and leading strong run of inline content `s` whose only syntax is emphasis; undefined when it may hold
 * other syntax that a plain line lets through: a character reference, or a `<` with a `>` after it (inline HTML
 * or an autolink; without a `>` after it, a `<` is text, as is an `&` that starts no reference).
 */
export function plainInline(s: string): PlainInline | undefined {
  if (s.indexOf('&') >= 0 && CHARACTER_REFERENCE.test(s)) return undefined;
  const lt = s.indexOf('<');
  if (lt >= 0 && s.indexOf('>', lt) >= 0) return undefined;
  if (s.indexOf('*') < 0 && s.indexOf('_') < 0) return { text: s.trim(), strongLead: undefined };
  const runs = runsOf(s);
  // The outermost match made with the first run as its opener: [use, closing marker's offset].
  let leadUse = 0;
  let leadEnd = -1;
  // attention.js resolveAllAttention: each closer, in order, takes the nearest opener of its marker before it.
  for (let i = 0; i < runs.length; i++) {
    const closer = runs[i]!;
    while (closer.live && closer.close && closer.size > 0) {
      let j = i - 1;
      for (; j >= 0; j--) {
        const o = runs[j]!;
        if (!o.live || !o.open || o.size === 0 || o.marker !== closer.marker) continue;
        if ((o.close || closer.open) && closer.size % 3 && !((o.size + closer.size) % 3)) continue;
        break;
      }
      if (j < 0) break;
      const opener = runs[j]!;
      const use = opener.size > 1 && closer.size > 1 ? 2 : 1;
      for (let k = j + 1; k < i; k++) runs[k]!.live = false;
      if (j === 0) {
        leadUse = use;
        leadEnd = closer.pos + closer.usedStart;
      }
      opener.size -= use;
      opener.usedEnd += use;
      closer.size -= use;
      closer.usedStart += use;
    }
  }
  const text = withoutMarkers(s, runs, 0, s.length).trim();
  const first = runs[0]!;
  // The content starts with a strong node when its first run starts it, is used up as markers (nothing literal
  // is left of it before the node) and its outermost (last) match took two characters.
  const strongLead = first.pos === 0 && first.size === 0 && leadUse === 2 ? withoutMarkers(s, runs, leadUse, leadEnd).trim() || undefined : undefined;
  return { text, strongLead };
}

/** s[from, to) without the characters the matches used as markers. */
function withoutMarkers(s: string, runs: readonly Run[], from: number, to: number): string {
  let out = '';
  let at = from;
  for (const r of runs) {
    if (r.pos + r.length <= from) continue;
    if (r.pos >= to) break;
    // The run's literal characters are its middle: [pos + usedStart, pos + length - usedEnd).
    const litStart = r.pos + r.usedStart;
    const litEnd = r.pos + r.length - r.usedEnd;
    out += s.slice(at, Math.max(at, Math.min(r.pos, to)));
    const a = Math.max(litStart, from);
    const b = Math.min(litEnd, to);
    if (b > a) out += s.slice(a, b);
    at = Math.min(r.pos + r.length, to);
  }
  if (at < to) out += s.slice(at, to);
  return out;
}

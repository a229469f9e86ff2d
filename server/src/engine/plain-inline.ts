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
  /** The last (outermost) match that used it as an opener: how many characters, and where its closing marker
   * starts. */
  leadUse: number;
  leadEnd: number;
}

/**
 * An inline link `[text](destination)` or image `![alt](destination)` of the one simple form plain content may
 * hold: no brackets inside the text, a destination without spaces, parentheses, `<`, `>` or `\`, and no title.
 * `start` is the `[` (the `!` of an image), `close` the `]`, `end` just past the `)`.
 */
interface Link {
  readonly start: number;
  readonly close: number;
  readonly end: number;
  readonly image: boolean;
}

const DESTINATION = /\(([^\s()<>\\]*)\)/y;

/**
 * The links and images of `s`, or undefined when a bracket may start anything else: a footnote call (`[^`), a
 * reference (`][`), brackets inside a link's text, or a `](` not followed by a simple destination. Brackets that
 * start nothing are text: the engine reads a chunk holding a definition (`]:`) with the parser, so no reference
 * here has a definition.
 */
function linksOf(s: string): Link[] | undefined {
  const links: Link[] = [];
  for (let i = s.indexOf('['); i >= 0; i = s.indexOf('[', i + 1)) {
    if (s.charCodeAt(i + 1) === 94 /* ^ */) return undefined;
    const close = s.indexOf(']', i + 1);
    if (close < 0) break; // no `]` after it: this and every later `[` are text
    const inner = s.indexOf('[', i + 1);
    if (inner >= 0 && inner < close) return undefined;
    const next = s.charCodeAt(close + 1);
    if (next === 91 /* [ */) return undefined;
    if (next !== 40 /* ( */) {
      i = close;
      continue;
    }
    DESTINATION.lastIndex = close + 1;
    if (!DESTINATION.test(s)) return undefined;
    const image = i > 0 && s.charCodeAt(i - 1) === 33; /* ! */
    links.push({ start: image ? i - 1 : i, close, end: DESTINATION.lastIndex, image });
    i = DESTINATION.lastIndex - 1;
  }
  return links;
}

/** The delimiter runs of `s` outside link destinations and images, each in its scope: the text of the link that
 * holds it, or the content around the links (micromark resolves a link's text on its own). */
function runsOf(s: string, links: readonly Link[] | undefined): Run[][] {
  const scopes: Run[][] = [[]];
  let k = 0; // the first link that does not end before i
  for (let i = 0; i < s.length; i++) {
    const marker = s.charCodeAt(i);
    if (marker !== STAR && marker !== UNDERSCORE) continue;
    let scope = 0;
    if (links) {
      while (k < links.length && links[k]!.end <= i) k++;
      const l = links[k];
      if (l && l.start <= i) {
        // In an image, or in a link's destination: not a delimiter (skip past it); in a link's text: its scope.
        if (l.image || i > l.close) {
          i = l.end - 1;
          continue;
        }
        scope = k + 1;
      }
    }
    let end = i + 1;
    while (end < s.length && s.charCodeAt(end) === marker) end++;
    if (links && scope > 0) end = Math.min(end, links[scope - 1]!.close);
    const before = classify(s, i - 1);
    const after = classify(s, end);
    // attention.js tokenizeAttention (the GFM `~` marker never occurs in a plain group).
    const open = !after || (after === PUNCTUATION && before !== 0);
    const close = !before || (before === PUNCTUATION && after !== 0);
    (scopes[scope] ??= []).push({
      pos: i,
      marker,
      length: end - i,
      size: end - i,
      usedStart: 0,
      usedEnd: 0,
      open: marker === STAR ? open : open && (before !== 0 || !close),
      close: marker === STAR ? close : close && (after !== 0 || !open),
      live: true,
      leadUse: 0,
      leadEnd: -1,
    });
    i = end - 1;
  }
  return scopes;
}

/** attention.js resolveAllAttention on one scope's runs: each closer, in order, takes the nearest opener of its
 * marker before it (the rule of three on the current sizes); the runs between a matched pair become text. */
function resolve(runs: readonly Run[]): void {
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
      opener.leadUse = use;
      opener.leadEnd = closer.pos + closer.usedStart;
      opener.size -= use;
      opener.usedEnd += use;
      closer.size -= use;
      closer.usedStart += use;
    }
  }
}

/** What may be a character reference (`&amp;`, `&#35;`, `&#x23;`): a superset of micromark's. */
const CHARACTER_REFERENCE = /&#?[A-Za-z0-9]+;/;

/**
 * Text and leading strong run of inline content `s` whose only syntax is emphasis and simple links and images;
 * undefined when it may hold other syntax that a plain line lets through: a character reference, a `<` with a
 * `>` after it (inline HTML or an autolink; without a `>` after it, a `<` is text, as is an `&` that starts no
 * reference), or brackets that linksOf leaves to the parser.
 */
export function plainInline(s: string): PlainInline | undefined {
  if (s.indexOf('&') >= 0 && CHARACTER_REFERENCE.test(s)) return undefined;
  const lt = s.indexOf('<');
  if (lt >= 0 && s.indexOf('>', lt) >= 0) return undefined;
  let links: Link[] | undefined;
  if (s.indexOf('[') >= 0) {
    links = linksOf(s);
    if (!links) return undefined;
    if (links.length === 0) links = undefined;
  }
  if (!links && s.indexOf('*') < 0 && s.indexOf('_') < 0) return { text: s.trim(), strongLead: undefined };
  const scopes = runsOf(s, links);
  for (const scope of scopes) if (scope) resolve(scope);
  // Every character that is markup: the markers the matches used, a link's brackets and destination, an image.
  const cuts: number[] = [];
  for (const scope of scopes) {
    if (!scope) continue;
    for (const r of scope) {
      if (r.usedStart) cuts.push(r.pos, r.pos + r.usedStart);
      if (r.usedEnd) cuts.push(r.pos + r.length - r.usedEnd, r.pos + r.length);
    }
  }
  if (links) {
    for (const l of links) {
      if (l.image) cuts.push(l.start, l.end);
      else cuts.push(l.start, l.start + 1, l.close, l.end);
    }
  }
  const order = sortedCuts(cuts);
  const text = withoutCuts(s, order, 0, s.length).trim();
  // The content starts with a strong node when its first run starts it, is used up as markers (nothing literal
  // is left of it before the node) and its outermost (last) match took two characters.
  const first = scopes[0]![0];
  const strongLead =
    first && first.pos === 0 && first.size === 0 && first.leadUse === 2 ? withoutCuts(s, order, first.leadUse, first.leadEnd).trim() || undefined : undefined;
  return { text, strongLead };
}

/** [start, end) pairs sorted by start (they do not overlap). */
function sortedCuts(cuts: number[]): number[] {
  const idx: number[] = [];
  for (let i = 0; i < cuts.length; i += 2) idx.push(i);
  idx.sort((a, b) => cuts[a]! - cuts[b]!);
  const out: number[] = [];
  for (const i of idx) out.push(cuts[i]!, cuts[i + 1]!);
  return out;
}

/** s[from, to) without the cut ranges. */
function withoutCuts(s: string, cuts: readonly number[], from: number, to: number): string {
  let out = '';
  let at = from;
  for (let i = 0; i < cuts.length && cuts[i]! < to; i += 2) {
    const a = cuts[i]!;
    const b = cuts[i + 1]!;
    if (b <= at) continue;
    if (a > at) out += s.slice(at, a);
    at = Math.min(b, to);
  }
  if (at < to) out += s.slice(at, to);
  return out;
}

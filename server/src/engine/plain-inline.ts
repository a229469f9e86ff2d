// The inline content of a plain group (see parse.ts plainGroupBlocks) read without a parse: text whose inline
// syntax is emphasis (`*`, `_`), simple links and images, code spans, backslash escapes, hard breaks and
// character references. The group's lines exclude `~` (strikethrough), and plainInline refuses what it does not
// read: `<` that may start inline HTML or an autolink, brackets it cannot pair, escaped brackets or backticks,
// code spans next to brackets. The delimiter runs are matched exactly as micromark 4's attention construct matches
// them (micromark-core-commonmark/lib/attention.js: the flanking rules with micromark's character classes, the
// rule of three on the runs' current sizes, delimiters between a matched pair turned into text), so that the text
// and the leading bold run are what the engine reads from remark's tree.
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { decodeNumericCharacterReference } from 'micromark-util-decode-numeric-character-reference';

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
function linksOf(s: string, escaped: readonly number[] | undefined): Link[] | undefined {
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
    const image = i > 0 && s.charCodeAt(i - 1) === 33 /* ! */ && !(escaped && escaped.includes(i - 1)); // `\![a](b)` is a link
    links.push({ start: image ? i - 1 : i, close, end: DESTINATION.lastIndex, image });
    i = DESTINATION.lastIndex - 1;
  }
  return links;
}

/** The delimiter runs of `s` outside link destinations and images, each in its scope: the text of the link that
 * holds it, or the content around the links (micromark resolves a link's text on its own). */
function runsOf(s: string, links: readonly Link[] | undefined, escaped: readonly number[] | undefined, code: readonly number[] | undefined): Run[][] {
  const scopes: Run[][] = [[]];
  let k = 0; // the first link that does not end before i
  let e = 0; // the first escaped character at or after i
  for (let i = 0; i < s.length; i++) {
    const marker = s.charCodeAt(i);
    if (marker !== STAR && marker !== UNDERSCORE) continue;
    if (escaped) {
      while (e < escaped.length && escaped[e]! < i) e++;
      if (escaped[e] === i) continue; // `\*` is a literal `*`
    }
    if (code && inside(code, i)) continue; // in a code span: text
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
    while (end < s.length && s.charCodeAt(end) === marker && !(escaped && escaped.includes(end))) end++;
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

/** A character reference as micromark reads one (a named one only when the name is an entity's). */
const CHARACTER_REFERENCE = /&(?:#([xX])([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([A-Za-z0-9]{1,31}));/g;
/** ASCII punctuation: what a backslash escapes. */
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
/** CommonMark's open and closing tags, and autolinks (URI and email): a `<` that starts none of these is text. */
const OPEN_TAG = /<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>/y;
const CLOSING_TAG = /<\/[A-Za-z][A-Za-z0-9-]*\s*>/y;
const URI_AUTOLINK = /<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>/y;
const EMAIL_AUTOLINK = /<[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*>/y;

/** Whether the `<` at `i` may start inline HTML (a tag, comment, processing instruction, declaration or CDATA) or
 * an autolink. */
const HTML_OR_AUTOLINK = [OPEN_TAG, CLOSING_TAG, URI_AUTOLINK, EMAIL_AUTOLINK];

function mayStartHtml(s: string, i: number): boolean {
  const c = s.charCodeAt(i + 1);
  if (c === 33 /* ! */ || c === 63 /* ? */) return s.indexOf('>', i) >= 0;
  for (const re of HTML_OR_AUTOLINK) {
    re.lastIndex = i;
    if (re.test(s)) return true;
  }
  return false;
}

/**
 * Text and leading strong run of inline content `s` (its lines without their indentation, joined by their line
 * endings); undefined when it may hold syntax that plainInline does not read (see the top of this file).
 */
export function plainInline(s: string, spacesStripped = false): PlainInline | undefined {
  if (s.indexOf('*') < 0 && s.indexOf('_') < 0 && s.indexOf('[') < 0 && s.indexOf('\\') < 0 && s.indexOf('&') < 0 && s.indexOf('<') < 0 && s.indexOf('`') < 0) {
    return { text: s.trim(), strongLead: undefined };
  }
  // Edits that turn the source into the text remark's nodes hold: [start, end, replacement] (in any order).
  const edits: (number | string)[] = [];
  let code: number[] | undefined;
  if (s.indexOf('`') >= 0) {
    // Code spans next to brackets (a `]` inside one closes no link; backticks may sit in a destination), or
    // across a line whose trailing spaces were dropped (a code span keeps them): left to the parser.
    if (spacesStripped || s.indexOf('[') >= 0 || s.indexOf(']') >= 0) return undefined;
    code = codeSpans(s, edits);
  }
  let escaped: number[] | undefined;
  for (let i = s.indexOf('\\'); i >= 0; i = s.indexOf('\\', i + 1)) {
    if (code && inside(code, i)) continue; // a code span's backslash is text
    const next = s.charCodeAt(i + 1);
    if (next === 10 || next === 13) {
      // A hard break: it and its line ending read as one space.
      edits.push(i, i + (next === 13 && s.charCodeAt(i + 2) === 10 ? 3 : 2), ' ');
      i++;
    } else if (i + 1 < s.length && ASCII_PUNCTUATION.test(s[i + 1]!)) {
      if (next === 91 || next === 93 || next === 96) return undefined; // `\[`, `\]`, `\``: left to the parser
      edits.push(i, i + 1, '');
      (escaped ??= []).push(i + 1);
      i++;
    }
  }
  for (let i = s.indexOf('<'); i >= 0; i = s.indexOf('<', i + 1)) {
    if (!(escaped && escaped.includes(i)) && !(code && inside(code, i)) && mayStartHtml(s, i)) return undefined;
  }
  if (s.indexOf('&') >= 0) {
    CHARACTER_REFERENCE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = CHARACTER_REFERENCE.exec(s)) !== null) {
      if ((escaped && escaped.includes(m.index)) || (code && inside(code, m.index))) continue;
      const value = m[4] !== undefined ? decodeNamedCharacterReference(m[4]) : decodeNumericCharacterReference(m[2] ?? m[3]!, m[2] !== undefined ? 16 : 10);
      if (value === false) continue; // not an entity's name: text
      edits.push(m.index, m.index + m[0].length, value);
    }
  }
  let links: Link[] | undefined;
  if (s.indexOf('[') >= 0) {
    links = linksOf(s, escaped);
    if (!links) return undefined;
    if (links.length === 0) links = undefined;
  }
  const scopes = runsOf(s, links, escaped, code);
  for (const scope of scopes) if (scope) resolve(scope);
  // The markup: the markers the matches used, a link's brackets and destination, an image.
  for (const scope of scopes) {
    if (!scope) continue;
    for (const r of scope) {
      if (r.usedStart) edits.push(r.pos, r.pos + r.usedStart, '');
      if (r.usedEnd) edits.push(r.pos + r.length - r.usedEnd, r.pos + r.length, '');
    }
  }
  if (links) {
    for (const l of links) {
      if (l.image) edits.push(l.start, l.end, '');
      else edits.push(l.start, l.start + 1, '', l.close, l.end, '');
    }
  }
  const order = sortedEdits(edits);
  if (!order) return undefined;
  const text = edited(s, order, 0, s.length).trim();
  // The content starts with a strong node when its first run starts it, is used up as markers (nothing literal
  // is left of it before the node) and its outermost (last) match took two characters.
  const first = scopes[0]![0];
  const strongLead =
    first && first.pos === 0 && first.size === 0 && first.leadUse === 2 ? edited(s, order, first.leadUse, first.leadEnd).trim() || undefined : undefined;
  return { text, strongLead };
}

/** Edits sorted by start; undefined if two overlap (an escape or reference inside an image or a destination:
 * left to the parser). */
function sortedEdits(edits: readonly (number | string)[]): (number | string)[] | undefined {
  const idx: number[] = [];
  for (let i = 0; i < edits.length; i += 3) idx.push(i);
  idx.sort((a, b) => (edits[a] as number) - (edits[b] as number));
  const out: (number | string)[] = [];
  let end = -1;
  for (const i of idx) {
    if ((edits[i] as number) < end) return undefined;
    out.push(edits[i]!, edits[i + 1]!, edits[i + 2]!);
    end = edits[i + 1] as number;
  }
  return out;
}

/** s[from, to) with the edits (sorted, not overlapping) applied; an edit that straddles an end is cut at it. */
function edited(s: string, edits: readonly (number | string)[], from: number, to: number): string {
  let out = '';
  let at = from;
  for (let i = 0; i < edits.length && (edits[i] as number) < to; i += 3) {
    const a = edits[i] as number;
    const b = edits[i + 1] as number;
    if (b <= at) continue;
    if (a > at) out += s.slice(at, a);
    if (a >= from && b <= to) out += edits[i + 2] as string;
    at = Math.min(b, to);
  }
  if (at < to) out += s.slice(at, to);
  return out;
}

/** Whether offset i lies in one of the [start, end) pairs. */
function inside(pairs: readonly number[], i: number): boolean {
  for (let k = 0; k < pairs.length; k += 2) if (i >= pairs[k]! && i < pairs[k + 1]!) return true;
  return false;
}

const ALL_PADDING = /^[ \r\n]*$/;
const isPadding = (c: number): boolean => c === 32 || c === 10 || c === 13;

/**
 * The code spans of `s` (micromark code-text.js): a run of n backticks opens one that the next run of exactly n
 * backticks closes; a run that nothing closes is text. Each span's edit (its value: the content, less one space
 * or line ending at each end when both ends have one and it is not all spaces) goes onto `edits`; the spans are
 * returned as [start, end) pairs.
 */
function codeSpans(s: string, edits: (number | string)[]): number[] {
  const spans: number[] = [];
  let i = s.indexOf('`');
  while (i >= 0) {
    let j = i;
    while (s.charCodeAt(j) === 96) j++;
    const n = j - i;
    // The next run of exactly n backticks.
    let close = -1;
    for (let k = s.indexOf('`', j); k >= 0; ) {
      let e = k;
      while (s.charCodeAt(e) === 96) e++;
      if (e - k === n) {
        close = k;
        break;
      }
      k = s.indexOf('`', e);
    }
    if (close < 0) {
      i = s.indexOf('`', j);
      continue;
    }
    let value = s.slice(j, close);
    if (value.length >= 2 && isPadding(value.charCodeAt(0)) && isPadding(value.charCodeAt(value.length - 1)) && !ALL_PADDING.test(value)) {
      // One padding character each side; a CRLF counts as one.
      const from = value.startsWith('\r\n') ? 2 : 1;
      const to = value.endsWith('\r\n') ? value.length - 2 : value.length - 1;
      value = value.slice(from, Math.max(from, to));
    }
    edits.push(i, close + n, value);
    spans.push(i, close + n);
    i = s.indexOf('`', close + n);
  }
  return spans;
}

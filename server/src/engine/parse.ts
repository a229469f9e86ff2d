// Markdown -> flat list of blocks. The document is first cut into chunks at ATX heading lines by a fence-,
// comment- and front-matter-aware line scan; each chunk is parsed by remark on its own. That keeps remark's
// superlinear cost bounded by the largest section, lets a caller reuse the parse of unchanged chunks (cache
// keyed by chunk text), and lets a chunk whose shape is risky for remark fall back to the line scan.
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { frontmatter } from 'micromark-extension-frontmatter';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { createMarkdownReader } from './markdown-reader';
import type { Block, Span } from './types';
import { findByPlace, findPlaced } from './by-place';
import type { PhraseEntry } from './match';
import { assessRisk } from './risk';
import { htmlBlockNames, htmlRawNames } from 'micromark-util-html-tag-name';
import { plainInline } from './plain-inline';
import { commonPrefix, commonSuffix } from './edit-region';

export interface Chunk {
  readonly start: number;
  readonly text: string;
}

/** A parsed chunk: its blocks, placed at `shift` (offsets relative to the chunk start plus `shift`). */
export interface ParsedChunk {
  /**
   * The blocks where the chunk last sat in a document (made relative to the chunk: shift 0). A cached chunk keeps
   * one copy, moved when the chunk moves (a new copy: an earlier analysis keeps its own blocks unchanged), not the
   * parse's relative blocks and a placed copy besides.
   */
  blocks: readonly Block[];
  shift: number;
  /** Parts of the chunk (relative offsets) that were read with the line scan only. */
  readonly degraded: readonly Span[];
  /** One slot per block, made on first use by parseDocument with a cache (see BlockSlot). */
  slots?: BlockSlot[];
  /** Values computed from the chunk's text alone (phrase hits per list, per-segment values: see
   * ml/phrases.ts segmentSlot), relative to the chunk, kept with it while it is cached. */
  segmentValues?: unknown[];
}

/** A chunk of the parsed text where it sits, with its text and the values remembered for that text: what the
 * phrase search uses as the text's segments (see ml/phrases.ts adoptSegments). */
export interface PlacedChunk {
  readonly start: number;
  /** The chunk's text: with a cache, the cache's own (detached) key. */
  readonly text: string;
  readonly values: unknown[];
}

/**
 * What the analysis remembers of one parsed block, kept with the cached chunk: the same slot for the block in
 * every version of the document while its chunk is unchanged (moved or not), read by position instead of a
 * lookup by text. Each value is a function of the block's own text (and of the `owner` it was computed for),
 * which a cached chunk's block never changes.
 */
export interface BlockSlot {
  /** Keyword entries of the block's text, for the compiled profile `keywordsOwner`. */
  keywordsOwner: unknown;
  keywords: readonly PhraseEntry[] | undefined;
  /** Body statistics of `statsText` (the block's text as coverage counts it). */
  statsText: string | undefined;
  stats: { readonly words: number; readonly placeholder: boolean } | undefined;
  /**
   * The first success phrase in the block's own text (ml/success.ts): the length of that text (up to the next
   * block of the chunk) when searched, -1 before; the hit's offsets in it, -1 when none. A function of the
   * chunk's text, like the rest.
   */
  successOwn: number;
  successStart: number;
  successEnd: number;
  /** The heading the block makes (outline.ts headingOf): its text, kind and normal form. */
  heading: unknown;
  /** Distinct phrases per section in the keyword entries `distinctOf` (coverage.ts distinctInSlot): 7 bits per
   * section, sections 0-3 in `distinctLo` and 4-7 in `distinctHi` (small integers: no number object per slot);
   * -1 when a count does not fit. */
  distinctOf: unknown;
  distinctLo: number;
  distinctHi: number;
  /** For the keyword entries `sectionsOf` (coverage.ts gatherBlocks): the sections they name, one bit per section
   * place, and the subsections, one bit per subsection place (small integers; -1 before). */
  sectionsOf: unknown;
  sectionBits: number;
  subsectionBits: number;
}

const newSlot = (): BlockSlot => ({ keywordsOwner: undefined, keywords: undefined, statsText: undefined, stats: undefined, successOwn: -1, successStart: -1, successEnd: -1, heading: undefined, distinctOf: undefined, distinctLo: -1, distinctHi: -1, sectionsOf: undefined, sectionBits: -1, subsectionBits: -1 });

/**
 * A copy of `s` that does not keep the string it was cut from alive. V8 represents a slice as a view of its
 * parent: a cached chunk (or anything parsed from it) would hold the whole version of the document it was cut
 * from, and a long editing session would keep one full text per edit. Concatenating flattens into a new
 * string, and the slice is then a view of that copy only.
 */
export function detach(s: string): string {
  return (s + ' ').slice(0, -1);
}

/** Derived data keyed by a string (a block's keyword evidence, a heading's normal form), computed once. */
export type MemoTable<T> = (key: string, compute: (key: string) => T) => T;
export interface Memo {
  /** The table for one kind of derived data; `owner` names it (a string, or e.g. the compiled profile). */
  table<T>(owner: unknown): MemoTable<T>;
}

/** Reuse of chunk parses between analyses of successive versions of a document. */
export interface ParseCache {
  get(text: string): ParsedChunk | undefined;
  set(text: string, parsed: ParsedChunk): void;
  /** The chunks of the last document parsed with this cache (set by parseDocument). */
  previous?: PreviousChunks;
  /** Derived data of blocks and headings, kept as long as the chunk parses are. */
  readonly memo?: Memo;
}

/** Where the chunks of the last parsed version were: their texts are the cache's own (detached) strings. */
export interface PreviousChunks {
  readonly chunks: readonly PlacedChunk[];
  /** The text parsed, its chunks' parses (parallel to `chunks`), and where each chunk's blocks start in the
   * document's blocks and slots. */
  readonly text: string;
  readonly parsed: readonly ParsedChunk[];
  readonly firstBlock: readonly number[];
  readonly blocks: readonly Block[];
  readonly slots: readonly BlockSlot[];
}

/** Stale entries (unused by the last two analyses) are dropped once there are this many, or a sixteenth of the
 * entries the last analysis used, whichever is more. */
const STALE_MIN = 64;

/**
 * What the last two analyses used (at least; some older entries until they are dropped). One map: each entry
 * carries the analysis (generation) that last used it, and roll() drops the entries that neither of the last two
 * used once there are enough of them. A keystroke on a large document uses nearly every entry, so carrying each
 * hit from the previous generation's map into a fresh one (two maps) cost a Map insertion per entry and its
 * garbage on every keystroke.
 */
function createGenerations<V>() {
  const map = new Map<string, { readonly value: V; used: number }>();
  let generation = 0;
  let used = 0; // entries used in this generation
  return {
    get(key: string): V | undefined {
      const e = map.get(key);
      if (e === undefined) return undefined;
      if (e.used !== generation) {
        e.used = generation;
        used++;
      }
      return e.value;
    },
    set(key: string, value: V): void {
      const e = map.get(key);
      if (e === undefined || e.used !== generation) used++;
      map.set(key, { value, used: generation });
    },
    roll() {
      if (map.size - used > Math.max(STALE_MIN, used >> 4)) {
        for (const [key, e] of map) if (e.used < generation - 1) map.delete(key);
      }
      generation++;
      used = 0;
    },
  };
}

/** A memo whose tables live as long as the caller keeps it (one analysis, unless it belongs to a cache). */
export function createMemo(): Memo & { roll(): void } {
  // Per owner, its generations and one lookup function for the memo's life, not one per call (see by-place.ts
  // PlaceFinder on closures).
  const tables = new Map<unknown, { readonly gens: ReturnType<typeof createGenerations<unknown>>; readonly lookup: MemoTable<unknown> }>();
  return {
    table<T>(owner: unknown): MemoTable<T> {
      let t = tables.get(owner);
      if (!t) {
        const gens = createGenerations<unknown>();
        const lookup: MemoTable<unknown> = (key, compute) => {
          let v = gens.get(key);
          if (v === undefined) {
            v = compute(key);
            gens.set(key, v);
          }
          return v;
        };
        tables.set(owner, (t = { gens, lookup }));
      }
      return t.lookup as MemoTable<T>;
    },
    roll() {
      for (const t of tables.values()) t.gens.roll();
    },
  };
}

/**
 * A cache that keeps the chunks (and the derived data) seen in the last two analyses. The owner calls roll()
 * after each analysis, so memory follows the document instead of its history.
 */
export function createParseCache(): ParseCache & { readonly memo: Memo; roll(): void } {
  const chunks = createGenerations<ParsedChunk>();
  const memo = createMemo();
  return {
    get: (text) => chunks.get(text),
    set: (text, parsed) => chunks.set(text, parsed),
    previous: undefined,
    memo,
    roll() {
      chunks.roll();
      memo.roll();
    },
  };
}

const ATX = /^ {0,3}#{1,6}(?:[ \t]|$)/;
/** The lines that close front matter opened by `---` (YAML) and by `+++` (TOML). */
const YAML_CLOSE = /^---[ \t]*$/;
const TOML_CLOSE = /^\+\+\+[ \t]*$/;
/** A fence line. The info string is anything up to the line's end: `s`, so that a U+2028 or U+2029 (not line
 * endings in Markdown) does not hide a fence from the scans. */
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/s;
/** What may follow a closing fence: spaces and tabs only (not `trim()`, which also drops U+2028 and the like). */
const CLOSING_FENCE_REST = /^[ \t]*$/;

/** End of the line starting at `pos` (the offset of its \r or \n, or the text length). */
function lineEndAt(text: string, pos: number, hasCR: boolean): number {
  if (!hasCR) {
    const nl = text.indexOf('\n', pos);
    return nl < 0 ? text.length : nl;
  }
  let nl = pos;
  while (nl < text.length && text.charCodeAt(nl) !== 10 && text.charCodeAt(nl) !== 13) nl++;
  return nl;
}

function nextLineAt(text: string, nl: number): number {
  if (text.charCodeAt(nl) === 13) return text.charCodeAt(nl + 1) === 10 ? nl + 2 : nl + 1;
  return nl < text.length ? nl + 1 : nl;
}

/** The first character of a line after up to three spaces (-1 when the line is blank there or indented more). */
function leadChar(text: string, pos: number, nl: number): number {
  let i = pos;
  while (i < nl && i - pos < 4 && text.charCodeAt(i) === 32) i++;
  return i < nl && i - pos <= 3 ? text.charCodeAt(i) : -1;
}

const BACKTICK = 96;
const TILDE = 126;

/** The line from `pos` to `nl` (a function, not a closure per line: this runs for every line on every keystroke). */
function lineAt(text: string, pos: number, nl: number): string {
  return text.slice(pos, nl);
}

/**
 * Cut the text into chunks, each starting at an ATX heading line (the first may start anywhere). Linear, and
 * cheap per line: only lines that start with `#`, a fence character or `<` are looked at closely, because this
 * runs over the whole document on every keystroke.
 */
export function splitChunks(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  const starts = chunkStarts(text, 0).starts;
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i]!;
    chunks.push({ start, text: text.slice(start, i + 1 < starts.length ? starts[i + 1]! : text.length) });
  }
  return chunks;
}

/**
 * Where splitChunks cuts the text, from `at` on: `at` itself, then each cut. `at` must be 0 or a cut of the
 * whole text's scan (the scan's state there is clean: no fence, comment or front matter open), so that the cuts
 * after it are those of the whole text. With `stopAt`, each cut after `at` is checked (resumesAt); at the first
 * that passes the cut is the last one returned and `stopped` is true.
 */
export function chunkStarts(text: string, at: number, stopAt?: ResumeAt): { starts: number[]; stopped: boolean } {
  const starts = [at];
  const hasCR = text.indexOf('\r') >= 0;
  let chunkStart = at;
  let pos = at;
  let fence: { char: string; len: number } | undefined;
  /** The end (past its end marker) of the HTML block of kinds 1-5 we are in (a comment's `-->`; -1: none). */
  let commentClose = -1;
  let lineNo = at === 0 ? 0 : 1;
  let inFrontMatter = false;
  let frontMatterClose = YAML_CLOSE;
  // Where the scan cannot tell what remark reads, it cuts less (a chunk read whole is read as remark reads it):
  /** A line starting with a tag may open an HTML block of kinds 6-7, which runs to the next blank line. */
  let htmlUntilBlank = false;
  /** A fence or an HTML block of kinds 1-5 that opens inside what may be an HTML block of kinds 6-7: whether it
   * opens depends on what the scan does not track, so no more cuts. */
  let opaque = false;
  while (pos < text.length && !opaque) {
    const nl = lineEndAt(text, pos, hasCR);
    const next = nextLineAt(text, nl);
    // remark reads the document without its byte order mark: a first line "\uFEFF```" opens a fence.
    const from = pos === 0 && text.charCodeAt(0) === 0xfeff ? 1 : pos;
    const c = leadChar(text, from, nl);

    if (lineNo === 0 && /^(---|\+\+\+)\s*$/.test(lineAt(text, from, nl))) {
      inFrontMatter = true;
      frontMatterClose = text.charCodeAt(from) === 43 /* + */ ? TOML_CLOSE : YAML_CLOSE;
    } else if (inFrontMatter) {
      // Only the opening marker closes it, as remark-frontmatter reads it (see frontMatterLength): a `...` or
      // `+++` line inside YAML front matter does not, and a cut after it would split what remark reads whole.
      if (frontMatterClose.test(lineAt(text, pos, nl))) inFrontMatter = false;
    } else if (fence) {
      if (c === BACKTICK || c === TILDE) {
        const m = FENCE.exec(lineAt(text, from, nl));
        if (m && m[1]![0] === fence.char && m[1]!.length >= fence.len && CLOSING_FENCE_REST.test(m[2]!)) fence = undefined;
      }
    } else if (commentClose >= 0) {
      // The block ends on the line that holds its end marker.
      if (commentClose <= nl) commentClose = -1;
    } else if (htmlUntilBlank) {
      if (isBlankLine(text, pos, nl)) htmlUntilBlank = false;
      else if ((c === BACKTICK || c === TILDE) && FENCE.test(lineAt(text, from, nl))) opaque = true;
      else if (c === 60) {
        // A block of kinds 1-5 that also ends on this line (`<!-- note -->`) changes nothing either way.
        const l = lineAt(text, from, nl);
        const raw = rawHtmlOpener(l);
        if (raw >= 0 && rawHtmlEnd(text, raw, from, l) > nl) opaque = true;
      }
    } else if (c === BACKTICK || c === TILDE || c === 60 /* < */ || c === 35 /* # */) {
      const l = lineAt(text, from, nl);
      const f = c === BACKTICK || c === TILDE ? FENCE.exec(l) : null;
      const raw = c === 60 ? rawHtmlOpener(l) : -1;
      if (f && !(f[1]![0] === '`' && f[2]!.includes('`'))) {
        fence = { char: f[1]![0]!, len: f[1]!.length };
      } else if (raw >= 0) {
        const end = rawHtmlEnd(text, raw, from, l);
        if (end > nl) commentClose = end;
      } else if (c === 60) {
        if (/^ {0,3}<[A-Za-z/]/.test(l)) htmlUntilBlank = true;
      } else if (c === text.charCodeAt(from) && ATX.test(l) && pos > chunkStart) {
        // Only a heading line in column 0: an indented one may belong to a list item above it (as a heading, or
        // as a line of a fence or HTML block the item holds), and a line in column 0 ends every list item and
        // block quote.
        starts.push(pos);
        chunkStart = pos;
        if (stopAt !== undefined && resumesAt(stopAt, pos)) return { starts, stopped: true };
      }
    }
    pos = next;
    lineNo++;
  }
  return { starts, stopped: false };
}

/** Which of HTML_OPEN's blocks (kinds 1-5) the line opens: its index, -1 for none. */
function rawHtmlOpener(line: string): number {
  for (let k = 0; k < HTML_OPEN.length; k++) if (HTML_OPEN[k]![0].test(line)) return k;
  return -1;
}

/**
 * The end of the HTML block of kind HTML_OPEN[k] opened on the line starting at `from`: the offset just past the
 * first end marker after its `<` and the next character (as micromark reads it: `<!-->` is a whole comment), or
 * Infinity when there is none (it runs to the end). It ends on its opening line when that is at most the line's
 * end. Found once per block: an unclosed one must not make the scans quadratic.
 */
function rawHtmlEnd(text: string, k: number, from: number, line: string): number {
  const end = HTML_OPEN[k]![1];
  end.lastIndex = from + line.indexOf('<') + 2;
  const m = end.exec(text);
  return m === null ? Infinity : m.index + m[0].length;
}

/** HTML blocks that, unlike the others, do not end at a blank line (CommonMark kinds 1-5), with their end. */
const HTML_OPEN: readonly (readonly [RegExp, RegExp])[] = [
  // Kind 1 ends at any of the four end tags, not only at its own.
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/gi],
  [/^ {0,3}<!--/, /-->/g],
  [/^ {0,3}<\?/, /\?>/g],
  [/^ {0,3}<![A-Za-z]/, />/g],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/g],
];

/** A line whose content, after list item and block quote markers or an indentation of 4 columns or more, opens
 * a fence or an HTML block of kinds 1-5 (see splitParagraphGroups). Each marker is one character or a number and
 * its delimiter, and only the spaces after it are optional, so that a long run of markers cannot backtrack. */
const CONTAINED_OPENER = /^[ \t]*(?:(?:[-*+>]|\d{1,9}[.)])[ \t]*)+(?:`{3,}|~{3,}|<(?:!--|\?|![A-Za-z]|!\[CDATA\[|(?:script|pre|style|textarea)(?:[\s>]|$)))|^(?: {4}|\t)[ \t]*(?:`{3,}|~{3,}|<(?:!--|\?|![A-Za-z]|!\[CDATA\[|(?:script|pre|style|textarea)(?:[\s>]|$)))/i;

/** A line that starts an ordered list item (any number). */
const ORDERED_START = /^\d{1,9}[.)](?:[ \t]|$)/;

/** Length of the front matter as remark-frontmatter reads it: a `---` (or `+++`) first line up to the next line
 * with the same marker; 0 when there is none. */
function frontMatterLength(text: string): number {
  const open = /^\uFEFF?(---|\+\+\+)[ \t]*(\r\n|\r|\n)/.exec(text);
  if (!open) return 0;
  const close = open[1] === '---' ? /(?:\r\n|\r|\n)---[ \t]*(?:\r\n|\r|\n|$)/g : /(?:\r\n|\r|\n)\+\+\+[ \t]*(?:\r\n|\r|\n|$)/g;
  close.lastIndex = open[0].length - open[2]!.length; // from the opening line's own line break
  const m = close.exec(text);
  return m ? m.index + m[0].length : 0;
}

function isBlankLine(text: string, pos: number, nl: number): boolean {
  let i = pos;
  while (i < nl && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return i === nl;
}

/**
 * Cut a chunk further, at blank lines that no Markdown construct continues across: a blank line followed by a
 * line that starts in column 0 (so it cannot belong to a list item, a block quote or indented code), outside
 * fenced code, front matter and the HTML blocks that run across blank lines. remark gives the same blocks for
 * the parts as for the whole (apart from reference links whose definition sits in another part), in time that
 * follows the parts' sizes instead of the section's, and an edit re-parses only its part.
 * A line scan cannot see containers, so where it cannot tell whether a fence opens (a fence line indented
 * 1-3 spaces, which may sit in a list item, or one inside what may be an HTML block) it stops cutting and
 * leaves the rest of the chunk whole.
 */
export function splitParagraphGroups(text: string, atDocumentStart: boolean): Chunk[] {
  const parts: Chunk[] = [];
  const hasCR = text.indexOf('\r') >= 0;
  let partStart = 0;
  let pos = 0;
  let fence: { char: string; len: number } | undefined;
  /** Offset just past the end marker of the HTML block (kinds 1-5) we are in (-1: not in one). */
  let htmlEnd = -1;
  /** Since the last blank line, a line starting with `<` that may open an HTML block of kind 6 or 7. */
  let maybeHtml = false;
  /** Offset just past the front matter's closing line (0: none). */
  const frontMatterEnd = atDocumentStart ? frontMatterLength(text) : 0;
  // An unclosed `---` first line confuses remark-frontmatter about what follows: do not cut such a chunk.
  if (atDocumentStart && frontMatterEnd === 0 && /^\uFEFF?(?:---|\+\+\+)[ \t]*(?:\r|\n|$)/.test(text)) return [{ start: 0, text }];
  let prevBlank = false;
  /** Whether the last line that is not blank was indented 4 columns or more (or by a tab). */
  let lastIndented = false;
  while (pos < text.length) {
    const nl = lineEndAt(text, pos, hasCR);
    const next = nextLineAt(text, nl);
    // Without the document's byte order mark, as remark reads it (see splitChunks).
    const from = pos === 0 && atDocumentStart && text.charCodeAt(0) === 0xfeff ? 1 : pos;
    const blank = isBlankLine(text, from, nl);
    const c = leadChar(text, from, nl);
    if (pos < frontMatterEnd) {
      // inside the front matter
    } else if (fence) {
      if (c === BACKTICK || c === TILDE) {
        const m = FENCE.exec(lineAt(text, from, nl));
        if (m && m[1]![0] === fence.char && m[1]!.length >= fence.len && CLOSING_FENCE_REST.test(m[2]!)) fence = undefined;
      }
    } else if (htmlEnd >= 0) {
      // The block ends on the line that holds its end marker.
      if (htmlEnd <= nl) htmlEnd = -1;
    } else if (blank) {
      maybeHtml = false;
    } else {
      const first = text.charCodeAt(from);
      // Not before a byte order mark: remark would drop it as the start of a text (the part's), not read it as
      // a character (the whole's).
      // Nor before an ordered list item after a line indented 4 columns or more: after indented code, micromark
      // reads an ordered item that does not start at 1 as a paragraph ("    x\n\n2) y"), as if it interrupted one.
      if (prevBlank && first !== 32 && first !== 9 && first !== 0xfeff && pos > partStart && !(lastIndented && ORDERED_START.test(lineAt(text, from, nl)))) {
        parts.push({ start: partStart, text: text.slice(partStart, pos) });
        partStart = pos;
      }
      lastIndented = c === -1 || c === 9;
      // A fence or an HTML block of kinds 1-5 opened inside a list item (after a list marker, or indented 4
      // columns or more) may still be open at a blank line: the item, and the block, then end before the blank
      // line in the whole but take it in with them in a part ("- ```\n  code\n\nx"). A line scan cannot see
      // where an item ends: leave the rest whole.
      if ((c === -1 || c === 9 || c === 45 /* - */ || c === 42 /* * */ || c === 43 /* + */ || c === 62 /* > */ || (c >= 48 && c <= 57)) && CONTAINED_OPENER.test(lineAt(text, from, nl))) break;
      if (c === BACKTICK || c === TILDE) {
        const f = FENCE.exec(lineAt(text, from, nl));
        if (f && !(f[1]![0] === '`' && f[2]!.includes('`'))) {
          if (c !== first || maybeHtml) break; // cannot tell: leave the rest whole
          fence = { char: f[1]![0]!, len: f[1]!.length };
        }
      } else if (c === 60 /* < */) {
        const l = lineAt(text, from, nl);
        const open = rawHtmlOpener(l);
        if (open >= 0) {
          if (maybeHtml) break; // cannot tell: leave the rest whole
          const end = rawHtmlEnd(text, open, from, l);
          if (end > nl) htmlEnd = end;
        } else {
          maybeHtml = true;
        }
      }
    }
    prevBlank = blank && !fence && htmlEnd < 0 && pos >= frontMatterEnd;
    pos = next;
  }
  parts.push({ start: partStart, text: text.slice(partStart) });
  return parts;
}

/** The GFM constructs the engine reads (see remarkGfmBlocks), for both ways of running remark-parse below. */
const GFM_BLOCKS = [gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem()];
const GFM_BLOCKS_MDAST = [gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown()];

/**
 * GFM as remark-gfm reads it (tables, strikethrough, footnotes, task lists) minus autolink literals: a bare URL
 * or e-mail address becomes a link node whose text is the address as written, so the blocks are the same without
 * it (test/unit/parse-gfm.test.ts compares both on the corpus, the examples and the docs), while its tokenizer and
 * its tree transform were about a third of remark's time per document.
 */
export function remarkGfmBlocks(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(...GFM_BLOCKS);
  (data.fromMarkdownExtensions ??= []).push(...GFM_BLOCKS_MDAST);
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfmBlocks);
/** For text that does not start the document, where a `---` line is a thematic break, not front matter. */
const bodyProcessor = unified().use(remarkParse).use(remarkGfmBlocks);

/**
 * The same two parsers, set up once (markdown-reader.ts): the trees are remark-parse's, without its set-up on
 * every chunk. The extensions are those the plugins above add, in the same order.
 */
const readDocument = createMarkdownReader([frontmatter(['yaml', 'toml']), ...GFM_BLOCKS], [frontmatterFromMarkdown(['yaml', 'toml']), ...GFM_BLOCKS_MDAST]);
const readBody = createMarkdownReader(GFM_BLOCKS, GFM_BLOCKS_MDAST);

/** The mdast tree of `text` as remark-parse (with front matter at the document start, and GFM blocks) gives it. */
export function readMarkdown(text: string, atDocumentStart: boolean): unknown {
  try {
    return (atDocumentStart ? readDocument : readBody)(text);
  } catch {
    // Not expected (the reader is remark-parse's own code set up once); remark-parse decides, and throws if it must.
    return (atDocumentStart ? processor : bodyProcessor).parse(text);
  }
}

/** remark-parse itself, as the plugins set it up (the reference readMarkdown is tested against). */
export function parseWithProcessor(text: string, atDocumentStart: boolean): unknown {
  return (atDocumentStart ? processor : bodyProcessor).parse(text);
}

interface MdNode {
  type: string;
  value?: string;
  depth?: number;
  ordered?: boolean | null;
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

function plainText(node: MdNode): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value ?? '';
  if (node.type === 'html') return '';
  if (node.type === 'break') return ' ';
  if (!node.children) return '';
  return node.children.map(plainText).join('');
}

/**
 * A block. Every block has the same shape (the same fields in the same order, absent ones undefined), whether
 * made from the syntax tree, by the line scan or shifted to a new offset: the code that reads blocks on every
 * keystroke sees one hidden class. (Spread copies `{ ...b, span }` have a hidden class of their own; coverage and
 * the rules were deoptimised when the first shifted copies reached them: ~78 deoptimisations in 100 edits of a
 * 400 KB document before, ~45 after, no measurable change in time.)
 */
export function makeBlock(kind: Block['kind'], depth: number, text: string, span: Span, strongLead?: string, ordered?: boolean, comment?: boolean): Block {
  return { kind, depth, text, span, strongLead, ordered, comment };
}

/** The block moved by `by` characters (same shape, same text). */
export function shiftedBlock(b: Block, by: number): Block {
  return makeBlock(b.kind, b.depth, b.text, { start: b.span.start + by, end: b.span.end + by }, b.strongLead, b.ordered, b.comment);
}

function spanOf(node: MdNode): Span {
  return { start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 };
}

function leadingStrong(children: readonly MdNode[] | undefined): string | undefined {
  if (!children) return undefined;
  const first = children.find((c) => !(c.type === 'text' && (c.value ?? '').trim() === ''));
  if (!first || first.type !== 'strong') return undefined;
  const t = plainText(first).trim();
  return t || undefined;
}

const COMMENT_ONLY = /^\s*<!--[\s\S]*-->\s*$/;

function flatten(node: MdNode, out: Block[], listDepth: number): void {
  for (const child of node.children ?? []) {
    switch (child.type) {
      case 'heading':
        out.push(makeBlock('heading', child.depth ?? 1, plainText(child).trim(), spanOf(child), leadingStrong(child.children)));
        break;
      case 'paragraph':
        out.push(makeBlock('paragraph', 0, plainText(child).trim(), spanOf(child), leadingStrong(child.children)));
        break;
      case 'list':
        for (const item of child.children ?? []) {
          const [first, ...rest] = item.children ?? [];
          const lead = first && first.type === 'paragraph' ? first : undefined;
          out.push(makeBlock('list-item', listDepth + 1, lead ? plainText(lead).trim() : '', spanOf(item), lead ? leadingStrong(lead.children) : undefined, child.ordered === true));
          flatten({ type: 'root', children: lead ? rest : item.children ?? [] }, out, listDepth + 1);
        }
        break;
      case 'blockquote':
        out.push(makeBlock('blockquote', 0, '', spanOf(child)));
        flatten(child, out, listDepth);
        break;
      case 'code':
        out.push(makeBlock('code', 0, child.value ?? '', spanOf(child)));
        break;
      case 'html': {
        const value = child.value ?? '';
        out.push(makeBlock('html', 0, value, spanOf(child), undefined, undefined, COMMENT_ONLY.test(value)));
        break;
      }
      case 'table':
        out.push(makeBlock('table', 0, (child.children ?? []).map((row) => (row.children ?? []).map(plainText).join(' | ')).join('\n'), spanOf(child)));
        break;
      case 'yaml':
      case 'toml':
        out.push(makeBlock('front-matter', 0, child.value ?? '', spanOf(child)));
        break;
      case 'thematicBreak':
        out.push(makeBlock('thematic-break', 0, '', spanOf(child)));
        break;
      case 'definition':
      case 'footnoteDefinition':
        out.push(makeBlock('definition', 0, plainText(child), spanOf(child)));
        break;
      default:
        break;
    }
  }
}

/** The blocks of an mdast tree (exported for the test that compares parsers). */
export function blocksOfTree(tree: unknown): Block[] {
  const out: Block[] = [];
  flatten(tree as MdNode, out, 0);
  return out;
}

export function parseWithRemark(text: string, atDocumentStart = true): Block[] {
  const out = blocksOfTree(readMarkdown(text, atDocumentStart));
  // micromark drops a leading BOM and counts offsets from the character after it: shift back into the text.
  if (text.charCodeAt(0) === 0xfeff) return out.map((b) => shiftedBlock(b, 1));
  return out;
}

/** The cheap outline: ATX headings and paragraphs by lines. Used when a chunk is too risky for remark. */
export function parseWithLineScan(text: string): Block[] {
  const out: Block[] = [];
  const re = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  let m: RegExpExecArray | null;
  let para: { start: number; end: number; lines: string[] } | undefined;
  const flush = () => {
    if (para) out.push(makeBlock('paragraph', 0, para.lines.join(' ').trim(), { start: para.start, end: para.end }));
    para = undefined;
  };
  while ((m = re.exec(text)) !== null) {
    if (m[0] === '') break;
    const raw = m[0].replace(/[\r\n]+$/, '');
    const start = m.index;
    const end = start + raw.length;
    const h = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(raw);
    if (h) {
      flush();
      out.push(makeBlock('heading', h[1]!.length, (h[2] ?? '').replace(/[*_`]/g, '').trim(), { start, end }));
    } else if (raw.trim() === '') {
      flush();
    } else if (para) {
      para.lines.push(raw);
      para.end = end;
    } else {
      para = { start, end, lines: [raw] };
    }
  }
  flush();
  return out;
}

/** Chunks larger than this are cut into paragraph groups before parsing (see splitParagraphGroups). */
export const GROUP_CHUNKS_ABOVE = 64 * 1024;

/** `checked`: the caller has already found the text's shape safe (assessRisk), so it is not assessed again. */
function parseRiskAware(text: string, atDocumentStart: boolean, checked = false): { blocks: Block[]; degraded: boolean } {
  if (!checked && assessRisk(text).risky) return { blocks: parseWithLineScan(text), degraded: true };
  try {
    return { blocks: parseWithPlainGroups(text, atDocumentStart), degraded: false };
  } catch {
    return { blocks: parseWithLineScan(text), degraded: true };
  }
}

/**
 * A line of a plain paragraph (without its trailing spaces). It starts with a character that cannot start a block:
 * not a space or tab (indented code, or indentation into a container), not `# > - + = * _` (headings, quotes,
 * lists, thematic breaks, setext underlines), not a digit run followed by `.` or `)` (ordered lists), not
 * one of `\ \` ~ |`, and not a `<` that may start an HTML block (htmlBlockMayStart); a run of `*` or `_` may
 * come first when a character other than a space follows it (`**Data**`: no list marker or thematic break). It
 * holds no backtick or `~` (code, strikethrough), no tab and
 * no control character; `\`, `&`, `<`, `[`, `]` and `|` may occur where plain-inline.ts can read them (escapes,
 * character references, text, simple links; a `|` only where no line of the group could make a table). Such
 * lines can only be paragraph text or continue a paragraph (a line starting with `[` may be a definition: the
 * engine parses a chunk that holds `]:` whole).
 */
const PLAIN_LINE = /^(?:[*_]+[^\s*_\\`~|\x00-\x1f\x7f]|[^\s#>\-+=*_\d\\`~|\x00-\x1f\x7f]|\d+(?![\d.)]))[^~\t\x00-\x08\x0b\x0c\x0e-\x1f]*$/u;
/** Whitespace other than a space that may end a line: micromark keeps it in the text, trim() does not. */
const ODD_TRAILING = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\ufeff]$/;
/** An ATX heading line with plain text: no `#` in the text (no closing sequence) and nothing inline but
 * emphasis. Its content is the text after the marks and the spaces or tabs after them, without the spaces and
 * tabs that may end the line. */
const PLAIN_HEADING = /^(#{1,6})[ \t]+([^\s#\\~|\x00-\x1f](?:[^#~\t\x00-\x08\x0b\x0c\x0e-\x1f]*[^\s#\\~|\x00-\x1f])?)[ \t]*$/u;
/** A list item's first line: indented by spaces, `- `, `* `, `+ `, `1. ` or `1) ` and one to four spaces, then
 * text that starts as a plain line does (more spaces would make the text indented code). */
const PLAIN_ITEM = /^( *)([-*+]|\d{1,9}([.)]))( {1,4})(?=[*_]+[^\s*_]|[^\s#>\-+=*_\d\\`~[\]|<]|\d+(?![\d.)]))/u;
/** A line that could be a GFM table's delimiter row (which would make the line above it a table's header). */
const DELIMITER_ROW_LIKE = /^[ \t]*[-:|][-:| \t]*$/m;
/** The spaces that end a line (two or more before a line ending make a hard break). */
const TRAILING_SPACES = / +$/;

const TAG_NAME = /^<\/?([A-Za-z][A-Za-z0-9-]*)/;

/**
 * Whether the line (starting with `<`) may start an HTML block of kinds 1-6 (micromark-core-commonmark
 * html-flow.js): `<!` or `<?` (comments, declarations, CDATA, processing instructions), or a raw or block tag
 * name. Kind 7 (a line starting with any complete open or closing tag) needs a tag, which plainInline refuses
 * wherever it is. Any other `<` at a line's start is text.
 */
function htmlBlockMayStart(line: string): boolean {
  const c = line.charCodeAt(1);
  if (c === 33 /* ! */ || c === 63 /* ? */) return true;
  const name = TAG_NAME.exec(line);
  if (!name) return false;
  const lower = name[1]!.toLowerCase();
  return htmlRawNames.includes(lower) || htmlBlockNames.includes(lower);
}

/** A paragraph's inline content gathered line by line: each line without its leading and trailing spaces, joined
 * by its line ending, or by the one space a hard break reads as (mdast-util-to-string: a break is " "). */
interface PlainContent {
  text: string;
  /** The spaces that ended the last line so far. */
  spaces: number;
  /** Whether a line before the last ended in spaces that the join dropped. */
  stripped: boolean;
}

/** The line `line` (without leading spaces) added to `c` after the line ending `eol` (unless it is the first);
 * false when the line is not plain or ends in other whitespace. */
function addPlainLine(c: PlainContent, line: string, eol: string): boolean {
  const spaces = TRAILING_SPACES.exec(line)?.[0].length ?? 0;
  const own = spaces ? line.slice(0, line.length - spaces) : line;
  if (!PLAIN_LINE.test(own) || ODD_TRAILING.test(own)) return false;
  if (own.charCodeAt(0) === 60 /* < */ && htmlBlockMayStart(own)) return false;
  // `a\ ` + line ending: the backslash is text (a space follows it), not the hard break it would seem once the
  // space is gone.
  if (spaces === 1 && own.endsWith('\\')) return false;
  if (c.text !== '' && c.spaces > 0) c.stripped = true;
  c.text = c.text === '' ? own : c.text + (c.spaces >= 2 ? ' ' : eol) + own;
  c.spaces = spaces;
  return true;
}

/** A list item of a plain group: where it starts and ends (its nested items' and continuation lines included). */
interface PlainItem {
  readonly start: number;
  end: number;
  readonly depth: number;
  readonly content: PlainContent;
  readonly ordered: boolean;
}

/** An open list of a plain group: its items' marker (bullet character, or `.` or `)`), the content column of its
 * last item, and that item's position in the group's items. */
interface PlainLevel {
  readonly marker: string;
  readonly content: number;
  readonly item: number;
}

const COMMENT_START = '<!--';
const COMMENT_END = '-->';

/**
 * remark's blocks for the group text[start, end) (lines, then blank lines: see splitParagraphGroups) when it is
 * plain: an HTML comment alone (from `<!--` in column 0 to the end of the line holding `-->`), or optionally a
 * plain ATX heading line, then a paragraph of plain lines, a list whose items hold one paragraph of plain lines
 * (blank lines may separate its items), or a paragraph that such a list interrupts. Items nest as CommonMark
 * nests them: an item whose marker is indented to at least an open item's content column (and less than four
 * columns past it) is a child of that item, and one indented less closes it;
 * a plain line that starts no item continues the last item's paragraph, indented or not (lazily). A change of
 * marker within a list (another list starts, and an ordered one not numbered 1 would be read as the paragraph's
 * continuation), or a nested ordered list that does not start at 1 (it cannot interrupt the parent's
 * paragraph), is not plain. Undefined for anything else.
 */
export function plainGroupBlocks(text: string, start: number, end: number): Block[] | undefined {
  if (text.startsWith(COMMENT_START, start)) return commentGroupBlocks(text, start, end);
  let pos = start;
  let blankSeen = false;
  let kind: 'paragraph' | 'list' | undefined;
  let paraStart = -1;
  let textEnd = -1; // end of the last line of text so far
  let lineEnd = -1; // end of the previous line (its line ending follows)
  const out: Block[] = [];
  const para: PlainContent = { text: '', spaces: 0, stripped: false };
  const items: PlainItem[] = [];
  const levels: PlainLevel[] = [];
  while (pos < end) {
    let nl = pos;
    while (nl < end && text.charCodeAt(nl) !== 10 && text.charCodeAt(nl) !== 13) nl++;
    if (isBlankLine(text, pos, nl)) {
      if (textEnd < 0) return undefined;
      blankSeen = true;
    } else {
      const line = text.slice(pos, nl);
      if (blankSeen) {
        // After a blank line, only another item of the list (it makes the list loose: the same blocks); other
        // text would be another group, or a paragraph or code inside an item (not plain).
        if (kind !== 'list' || !PLAIN_ITEM.test(line)) return undefined;
        blankSeen = false;
      }
      const eol = lineEnd < 0 ? '' : text.slice(lineEnd, pos);
      if (textEnd < 0 && line.charCodeAt(0) === 35 /* # */) {
        const h = PLAIN_HEADING.exec(line);
        if (!h) return undefined;
        const inline = plainInline(h[2]!);
        if (!inline) return undefined;
        out.push(makeBlock('heading', h[1]!.length, inline.text, { start: pos, end: nl }, inline.strongLead));
        textEnd = nl;
        lineEnd = nl;
        pos = nextLineAt(text, nl);
        continue;
      }
      if (kind === undefined) {
        kind = PLAIN_ITEM.test(line) ? 'list' : 'paragraph';
        paraStart = pos;
      }
      // A continuation line's leading spaces are not in the paragraph's text.
      let lead = 0;
      if (paraStart < pos) while (text.charCodeAt(pos + lead) === 32) lead++;
      if (kind === 'paragraph' && PLAIN_ITEM.test(line)) {
        // A list interrupts the paragraph, which ends here.
        const p = paragraphBlock(para, paraStart, textEnd);
        if (!p || !addPlainItem(line, pos, nl, items, levels, true)) return undefined;
        out.push(p);
        kind = 'list';
      } else if (kind === 'paragraph') {
        if (!addPlainLine(para, lead ? line.slice(lead) : line, eol)) return undefined;
      } else if (PLAIN_ITEM.test(line)) {
        if (!addPlainItem(line, pos, nl, items, levels, false)) return undefined;
      } else {
        // A continuation of the last (innermost open) item's paragraph, indented or lazy: every open item now
        // ends here.
        if (!addPlainLine(items[items.length - 1]!.content, line.slice(lead), eol)) return undefined;
        for (const level of levels) items[level.item]!.end = nl;
      }
      textEnd = nl;
      lineEnd = nl;
    }
    pos = nextLineAt(text, nl);
  }
  if (textEnd < 0) return undefined;
  // A `|` is text unless a line could be a table's delimiter row (only `-`, `:`, `|`, spaces and tabs).
  const pipe = text.indexOf('|', start);
  if (pipe >= 0 && pipe < end && DELIMITER_ROW_LIKE.test(text.slice(start, end))) return undefined;
  if (kind === 'paragraph') {
    // (A paragraph that a list interrupted is already out.)
    const p = paragraphBlock(para, paraStart, textEnd);
    if (!p) return undefined;
    out.push(p);
  }
  for (const it of items) {
    const inline = plainInline(it.content.text, it.content.stripped);
    if (!inline) return undefined;
    out.push(makeBlock('list-item', it.depth, inline.text, { start: it.start, end: it.end }, inline.strongLead, it.ordered));
  }
  return out;
}

/** The paragraph of a plain group; its position takes in the last line's trailing spaces, as micromark's does. */
function paragraphBlock(para: PlainContent, start: number, end: number): Block | undefined {
  const inline = plainInline(para.text, para.stripped);
  return inline && makeBlock('paragraph', 0, inline.text, { start, end }, inline.strongLead);
}

/** An HTML comment group: the comment (its lines, blank ones included, to the end of the line that closes it),
 * then only blank lines. `<!-->`, `<!--->` and a comment holding a NUL are left to the parser. */
function commentGroupBlocks(text: string, start: number, end: number): Block[] | undefined {
  const after = start + COMMENT_START.length;
  if (text.startsWith('>', after) || text.startsWith('->', after)) return undefined;
  const close = text.indexOf(COMMENT_END, after);
  if (close < 0 || close + COMMENT_END.length > end) return undefined;
  let nl = close + COMMENT_END.length;
  while (nl < end && text.charCodeAt(nl) !== 10 && text.charCodeAt(nl) !== 13) nl++;
  for (let pos = nl; pos < end; ) {
    const next = nextLineAt(text, pos);
    let lineEnd = next;
    while (lineEnd < end && text.charCodeAt(lineEnd) !== 10 && text.charCodeAt(lineEnd) !== 13) lineEnd++;
    if (next >= end) break;
    if (!isBlankLine(text, next, lineEnd)) return undefined;
    pos = lineEnd;
  }
  const value = text.slice(start, nl);
  // micromark reads a NUL as U+FFFD.
  if (value.includes('\0')) return undefined;
  return [makeBlock('html', 0, value, { start, end: nl }, undefined, undefined, COMMENT_ONLY.test(value))];
}

/**
 * Add the item on the line text[pos, nl) to a plain group's list; false when the line is not such an item.
 * `interrupting`: the line follows the group's paragraph. A list that interrupts a paragraph (that one, or a
 * nested list its parent item's) must be a bullet list or an ordered one numbered 1.
 */
function addPlainItem(line: string, pos: number, nl: number, items: PlainItem[], levels: PlainLevel[], interrupting: boolean): boolean {
  const m = PLAIN_ITEM.exec(line);
  if (!m) return false;
  const indent = m[1]!.length;
  const marker = m[3] ?? m[2]!;
  const ordered = m[3] !== undefined;
  const mayInterrupt = !ordered || m[2] === '1.' || m[2] === '1)';
  const content: PlainContent = { text: '', spaces: 0, stripped: false };
  if (!addPlainLine(content, line.slice(m[0].length), '')) return false;
  // The open items the line continues: those whose content column it reaches.
  let k = 0;
  while (k < levels.length && levels[k]!.content <= indent) k++;
  if (indent - (k > 0 ? levels[k - 1]!.content : 0) > 3) return false;
  if (k < levels.length) {
    // Another item of the list at that level (closing the deeper ones).
    if (levels[k]!.marker !== marker) return false;
    levels.length = k;
  } else if (k === 0) {
    // The first item: at the margin, as splitParagraphGroups starts groups.
    if (indent !== 0 || (interrupting && !mayInterrupt)) return false;
  } else if (!mayInterrupt) {
    // A nested list interrupts its parent's paragraph.
    return false;
  }
  for (const level of levels) items[level.item]!.end = nl;
  levels.push({ marker, content: indent + m[2]!.length + m[4]!.length, item: items.length });
  items.push({ start: pos + indent, end: nl, depth: levels.length, content, ordered });
  return true;
}

/**
 * remark's blocks for a chunk, with its plain groups (see plainGroupBlocks) read directly: the chunk is cut into
 * paragraph groups (splitParagraphGroups: remark gives the same blocks for the parts as for the whole), the
 * runs of groups between plain ones are parsed as one text each, and the plain ones become blocks without a
 * parse. Plain prose is most of a design doc's text and the tokenizer's slowest case per character. A chunk
 * with a reference or footnote definition (`]:`) is parsed whole, since a definition in one run would not be
 * seen from another.
 */
function parseWithPlainGroups(text: string, atDocumentStart: boolean): Block[] {
  if (text.includes(']:')) return parseWithRemark(text, atDocumentStart);
  const parts = splitParagraphGroups(text, atDocumentStart);
  if (parts.length < 2) return (parts.length === 1 && plainGroupBlocks(text, 0, text.length)) || parseWithRemark(text, atDocumentStart);
  const out: Block[] = [];
  let runStart = 0; // start of the text not yet parsed (a run of groups that are not plain)
  for (const part of parts) {
    const end = part.start + part.text.length;
    const plain = plainGroupBlocks(text, part.start, end);
    if (!plain) continue;
    parseRun(text, runStart, part.start, atDocumentStart, out);
    for (const b of plain) out.push(b);
    runStart = end;
  }
  parseRun(text, runStart, text.length, atDocumentStart, out);
  return out;
}

/** remark's blocks for text[start, end), placed in the text, added to `out` (a module function, not a closure per
 * call: see by-place.ts PlaceFinder). */
function parseRun(text: string, start: number, end: number, atDocumentStart: boolean, out: Block[]): void {
  if (end <= start) return;
  const blocks = parseWithRemark(text.slice(start, end), atDocumentStart && start === 0);
  for (const b of blocks) out.push(start === 0 ? b : shiftedBlock(b, start));
}

/**
 * One chunk: remark when its shape is safe, the line scan when not. A large or risky chunk is cut into
 * paragraph groups first, so that only the groups that are risky themselves lose the full parse.
 */
export function parseChunk(text: string, atDocumentStart = false): ParsedChunk {
  if (text.length <= GROUP_CHUNKS_ABOVE && !assessRisk(text).risky) {
    const whole = parseRiskAware(text, atDocumentStart, true);
    return { blocks: whole.blocks, shift: 0, degraded: whole.degraded ? [{ start: 0, end: text.length }] : NO_SPANS, slots: undefined, segmentValues: undefined };
  }
  const blocks: Block[] = [];
  const degraded: Span[] = [];
  for (const part of splitParagraphGroups(text, atDocumentStart)) {
    const parsed = parseRiskAware(part.text, atDocumentStart && part.start === 0);
    const end = part.start + part.text.length;
    if (parsed.degraded) {
      const last = degraded[degraded.length - 1];
      if (last && last.end === part.start) degraded[degraded.length - 1] = { start: last.start, end };
      else degraded.push({ start: part.start, end });
    }
    for (const b of parsed.blocks) blocks.push(part.start === 0 ? b : shiftedBlock(b, part.start));
  }
  return { blocks, shift: 0, degraded: degraded.length ? degraded : NO_SPANS, slots: undefined, segmentValues: undefined };
}

/** The degraded parts of a chunk read in full (nearly all): one shared empty list, not one per cached chunk (a
 * full collection marks every object the cache holds; see heap-trim.ts). */
const NO_SPANS: readonly Span[] = [];

export interface ParsedDocument {
  readonly blocks: readonly Block[];
  readonly degraded: readonly Span[];
  /** Where derived data of blocks and headings is kept: the cache's memo (none without a cache: a one-off
   * analysis, as in the CLI, would only pay for filling it). */
  readonly memo?: Memo;
  /** With a cache: each block's slot (parallel to `blocks`), kept with its chunk across versions. */
  readonly slots?: readonly BlockSlot[];
  /** The chunks the text was cut into, in order (together they are the text). */
  readonly chunks: readonly PlacedChunk[];
  /** For each chunk, the index in `blocks` of its first block (its blocks run up to the next chunk's first). */
  readonly firstBlock: readonly number[];
  /** With a cache, after an edit: how `chunks` continue the previous version's (see ChunkReuse). */
  readonly reuse?: ChunkReuse;
}

/**
 * How a version's chunks continue the previous version's (reuseAroundEdit): chunks [0, kept) are the previous
 * ones (the same objects), and the chunks from `resumeNew` on are the previous ones from `resumeOld` on, moved
 * (the same texts and values). Those between were cut again. What is remembered per chunk and indexed by chunk
 * (ml/phrases.ts, which chunks hold a list's hits) is carried over with it.
 */
export interface ChunkReuse {
  readonly previous: readonly PlacedChunk[];
  readonly kept: number;
  readonly resumeOld: number;
  readonly resumeNew: number;
}

/** Text newly parsed between two calls of parseDocument's checkpoint. */
const CHECKPOINT_EVERY = 256 * 1024;

export function parseDocument(text: string, cache?: ParseCache, checkpoint?: () => void): ParsedDocument {
  const run: DocumentRun = { text, cache, checkpoint, parsedSince: 0, blocks: [], slots: cache ? [] : undefined, degraded: [], placed: [], parsed: [], firstBlock: [], reuse: undefined };
  const previous = cache?.previous;
  if (previous) reuseAroundEdit(run, previous);
  else for (const chunk of splitChunks(text)) addChunk(run, chunk.start, chunk.text, undefined);
  if (cache) cache.previous = { chunks: run.placed, text, parsed: run.parsed, firstBlock: run.firstBlock, blocks: run.blocks, slots: run.slots! };
  return { blocks: run.blocks, degraded: run.degraded, memo: cache?.memo, slots: run.slots, chunks: run.placed, firstBlock: run.firstBlock, ...(run.reuse ? { reuse: run.reuse } : {}) };
}

/** One parseDocument call's state (a plain object and module functions: see by-place.ts PlaceFinder). */
interface DocumentRun {
  readonly text: string;
  readonly cache: ParseCache | undefined;
  readonly checkpoint: (() => void) | undefined;
  parsedSince: number;
  readonly blocks: Block[];
  readonly slots: BlockSlot[] | undefined;
  readonly degraded: Span[];
  readonly placed: PlacedChunk[];
  readonly parsed: ParsedChunk[];
  readonly firstBlock: number[];
  reuse: ChunkReuse | undefined;
}

/**
 * With the previous version's chunks: the text before the edit (the common prefix) and after it (the common
 * suffix) is the previous version's, so its chunks are taken as they were (before the edit, the same objects;
 * after it, moved by the change in length), and only the text between is cut into chunks again. The cutting
 * starts at the last chunk wholly before the edit but one (its end may move: the edit may touch the heading line
 * that ends it) and stops at the first cut that is the start of a chunk wholly after the edit (from there the
 * scan sees the previous version's text, from a clean state, so it cuts where it did). The chunks are those of
 * splitChunks on the whole text, in every case: when the edit opens a fence or a comment, the scan goes on until
 * the cuts agree again, or to the end.
 */
function reuseAroundEdit(run: DocumentRun, previous: PreviousChunks): void {
  const { text } = run;
  const old = previous.chunks;
  const oldText = previous.text;
  const prefix = commonPrefix(oldText, text);
  const suffix = commonSuffix(oldText, text, Math.min(oldText.length, text.length) - prefix);
  const delta = text.length - oldText.length;
  // Chunks wholly inside the common prefix: 0..same-1.
  let same = 0;
  while (same < old.length && old[same]!.start + old[same]!.text.length <= prefix) same++;
  const kept = Math.max(0, same - 1);
  // Chunks wholly inside the common suffix: moved..old.length-1 (never one of the kept ones).
  let moved = old.length;
  while (moved > kept + 1 && old[moved - 1]!.start >= oldText.length - suffix) moved--;
  if (kept > 0) {
    const upTo = previous.firstBlock[kept]!;
    for (let i = 0; i < upTo; i++) run.blocks.push(previous.blocks[i]!);
    if (run.slots) for (let i = 0; i < upTo; i++) run.slots.push(previous.slots[i]!);
    for (let i = 0; i < kept; i++) {
      run.placed.push(old[i]!);
      run.parsed.push(previous.parsed[i]!);
      run.firstBlock.push(previous.firstBlock[i]!);
      addDegraded(run, previous.parsed[i]!, old[i]!.start);
    }
  }
  const from = kept > 0 ? old[kept]!.start : 0;
  const resume: ResumeAt = { old, delta, next: moved };
  const cut = chunkStarts(text, from, resume);
  const starts = cut.starts;
  const last = cut.stopped ? starts.length - 1 : starts.length;
  const finder = findByPlace(old, delta);
  for (let i = 0; i < last; i++) {
    const start = starts[i]!;
    const end = i + 1 < starts.length ? starts[i + 1]! : text.length;
    const placed = findPlaced(finder, text, start, end - start);
    addChunk(run, start, placed ? placed.text : text.slice(start, end), placed?.text);
  }
  if (!cut.stopped) {
    run.reuse = { previous: old, kept, resumeOld: old.length, resumeNew: run.placed.length };
    return;
  }
  // The rest are the previous version's chunks from resume.next on, moved by delta.
  run.reuse = { previous: old, kept, resumeOld: resume.next, resumeNew: run.placed.length };
  for (let k = resume.next; k < old.length; k++) {
    const chunk = old[k]!;
    const start = chunk.start + delta;
    const parsed = previous.parsed[k]!;
    run.placed.push(delta === 0 ? chunk : { start, text: chunk.text, values: chunk.values });
    run.parsed.push(parsed);
    run.firstBlock.push(run.blocks.length);
    addDegraded(run, parsed, start);
    const from = previous.firstBlock[k]!;
    const to = k + 1 < old.length ? previous.firstBlock[k + 1]! : previous.blocks.length;
    if (run.slots) for (let i = from; i < to; i++) run.slots.push(previous.slots[i]!);
    if (delta === 0) {
      for (let i = from; i < to; i++) run.blocks.push(previous.blocks[i]!);
      continue;
    }
    const movedBlocks: Block[] = [];
    for (let i = from; i < to; i++) movedBlocks.push(shiftedBlock(previous.blocks[i]!, delta));
    // The cache keeps one copy of a chunk's blocks: this placement's.
    parsed.blocks = movedBlocks;
    parsed.shift = start;
    for (const b of movedBlocks) run.blocks.push(b);
  }
}

/** Where the cutting may stop: at the start of one of the previous version's chunks from `next` on, moved by
 * `delta` (see reuseAroundEdit). */
interface ResumeAt {
  readonly old: readonly PlacedChunk[];
  readonly delta: number;
  next: number;
}

function resumesAt(r: ResumeAt, cut: number): boolean {
  while (r.next < r.old.length && r.old[r.next]!.start + r.delta < cut) r.next++;
  return r.next < r.old.length && r.old[r.next]!.start + r.delta === cut;
}

function addDegraded(run: DocumentRun, parsed: ParsedChunk, shift: number): void {
  const { degraded } = run;
  for (const d of parsed.degraded) {
    const last = degraded[degraded.length - 1];
    if (last && last.end === d.start + shift) degraded[degraded.length - 1] = { start: last.start, end: d.end + shift };
    else degraded.push({ start: d.start + shift, end: d.end + shift });
  }
}

/** Add one chunk at `start`: its parse from the cache (under `key`, the previous version's text of it, when found
 * by place; else by its text) or parsed now. */
function addChunk(run: DocumentRun, start: number, chunkText: string, key: string | undefined): void {
  const { cache, blocks, slots } = run;
  let parsed = key !== undefined ? cache!.get(key) : undefined;
  if (!parsed) {
    parsed = cache?.get(chunkText);
    key = undefined;
  }
  if (!parsed) {
    // Cached under a detached copy: `chunkText` is a slice that keeps this version of the whole document.
    key = cache ? detach(chunkText) : chunkText;
    parsed = parseChunk(key, start === 0);
    cache?.set(key, parsed);
    run.parsedSince += key.length;
    if (run.checkpoint && run.parsedSince >= CHECKPOINT_EVERY) {
      run.parsedSince = 0;
      try {
        run.checkpoint();
      } catch {
        // the host's business: the analysis goes on
      }
    }
  }
  // A chunk found by its text (not by its place) is remembered under a detached copy for the next version.
  run.placed.push({ start, text: key ?? (cache ? detach(chunkText) : chunkText), values: (parsed.segmentValues ??= []) });
  run.parsed.push(parsed);
  run.firstBlock.push(blocks.length);
  addDegraded(run, parsed, start);
  if (slots) {
    let own = parsed.slots;
    if (!own || own.length !== parsed.blocks.length) {
      own = [];
      for (let i = 0; i < parsed.blocks.length; i++) own.push(newSlot());
      parsed.slots = own;
    }
    for (let i = 0; i < own.length; i++) slots.push(own[i]!);
  }
  // A cached chunk at the same offset as in the last analysis (everything before the edit) gives the same
  // block objects: no copies, and what is remembered per block object stays valid.
  if (parsed.shift !== start) {
    const by = start - parsed.shift;
    const moved: Block[] = [];
    for (const b of parsed.blocks) moved.push(shiftedBlock(b, by));
    if (cache) {
      parsed.blocks = moved;
      parsed.shift = start;
    }
    for (const b of moved) blocks.push(b);
    return;
  }
  for (const b of parsed.blocks) blocks.push(b);
}


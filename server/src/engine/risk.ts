// Shapes of input on which remark (micromark) is quadratic or worse. A part of the document that shows one is
// read with the line scan instead of being parsed, so that no input can hang the engine; the analysis reports
// it as degraded. Cheap: one pass over the text, counting per paragraph (runs of lines without a blank line),
// because micromark resolves emphasis, links and brackets per paragraph.
// Thresholds sit far above what real documents do and well below where remark takes seconds (measured with
// bench/patho-sizes.mjs; see docs/performance.md).
export interface Risk {
  readonly risky: boolean;
  readonly reason?: string;
}

/** Largest text remark is given at all (a part of a chunk; parse.ts cuts large chunks at blank lines). */
export const MAX_REMARK_CHUNK = 256 * 1024;
/** Block quotes nested this deep (`> > > ...`): micromark re-checks every open container on every line. */
export const MAX_QUOTE_DEPTH = 32;
/** `[` still open in one paragraph: link resolution looks back over every open bracket. */
export const MAX_OPEN_BRACKETS = 128;
/** `*`, `_` and `~` in one paragraph: emphasis and strikethrough resolution pair delimiters in quadratic time
 * (40 KB of `~~x`: 1.2 s). */
export const MAX_EMPHASIS_MARKERS = 1200;
/** `](<` (link destinations in angle brackets) in one paragraph: an unclosed one rescans to its end. */
export const MAX_ANGLE_DESTINATIONS = 64;
/** `]` that do not start a link destination (`[a] [b] ...`, references without definitions) in one paragraph. */
export const MAX_BARE_LABELS = 256;
/** List items indented this far (about 30 nesting levels), and how many such lines make a shape. */
export const MAX_LIST_INDENT = 64;
export const MAX_DEEP_LIST_LINES = 16;
/** Containers opened on one line (`1. 1. 1. ...`, `- > - > ...`, `- >>>>...`): each list item or quote marker
 * after the previous one opens a container inside it, and mdast's list preparation is quadratic in the depth
 * (measured: 17,000 on one 50 KB line took 52 s). */
export const MAX_LINE_CONTAINERS = 32;
/** `]` with no `[` open in one paragraph (`](](...`): the footnote extension looks back for a label start from
 * each one (20 KB: 0.4 s, 50 KB: 2 s). */
export const MAX_UNMATCHED_CLOSERS = 256;
/** HTML comments (`<!--`), processing instructions (`<?`) and declarations (`<!x`, `<![CDATA[`) opened inside
 * text (a paragraph's line, a heading, a table cell) and not yet closed, in one paragraph: each rescans to the
 * end for its closing marker (50 KB of `<!--` in a heading: 5 s; 20 KB of `?<`: 1.6 s). */
export const MAX_OPEN_COMMENTS = 64;
/** `<`, `[`, `]`, `!`, `&`, `\` and backticks in one paragraph: each that does not start a construct becomes a
 * piece of text that micromark's text resolver merges with its neighbours by an array splice, a copy of the
 * paragraph's events (160 KB of `]([a`: 5.5 s). Real paragraphs hold a few dozen; 600 links hold 1,200. */
export const MAX_TEXT_CONSTRUCT_STARTS = 4096;

/** The first line of an HTML block (CommonMark kinds 1-6): its lines, up to the next blank line, are raw HTML,
 * not text micromark resolves, so nothing in them counts (an HTML table of a thousand rows is not a risk). */
const HTML_BLOCK_START =
  /^<(?:[!?]|(?:script|pre|style|textarea)(?:[\s>]|$)|\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[\s/>]|$))/i;

/** A list item's marker followed by a space, a tab or the line end. */
const isListItem = (text: string, i: number): boolean => {
  if (!isListMarker(text, i)) return false;
  let j = i;
  while (j < text.length && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
  const after = text.charCodeAt(j + 1);
  return j + 1 >= text.length || after === 32 || after === 9 || after === 10 || after === 13;
};

const isListMarker = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  if (c === 45 || c === 42 || c === 43) return true; // - * +
  let j = i;
  while (j < text.length && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
  return j > i && (text.charCodeAt(j) === 46 || text.charCodeAt(j) === 41); // 1. 1)
};

const isWordChar = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * How many containers a line opens: its leading quote markers (`quote`, already counted) plus every list item
 * marker or `>` that follows them on the same line, each after optional spaces. Stops at the first other
 * character, so it looks at a line's prefix only.
 */
function lineContainers(text: string, from: number, quote: number): number {
  let n = quote;
  let i = from;
  for (;;) {
    while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
    const c = text.charCodeAt(i);
    if (c === 62 /* > */) {
      n++;
      i++;
    } else if (isListItem(text, i)) {
      n++;
      while (text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
      i++;
    } else {
      return n;
    }
    if (n > MAX_LINE_CONTAINERS) return n;
  }
}

export function assessRisk(text: string): Risk {
  if (text.length > MAX_REMARK_CHUNK) return { risky: true, reason: `a block of ${text.length} characters without a blank line to cut at` };
  let maxQuote = 0;
  let deepListLines = 0;
  // Per paragraph.
  let brackets = 0;
  let emphasis = 0;
  let angles = 0;
  let labels = 0;
  let unmatched = 0;
  let comments = 0;
  let starts = 0;
  /** The paragraph (run of lines) is an HTML block. */
  let htmlBlock = false;
  let blankLine = true;
  /** Inside fenced code (opened at the line start, as in parse.ts): nothing there is parsed as inline. */
  let fence = '';
  let i = 0;
  while (i < text.length) {
    // Line start: container prefix (spaces, `>`), then the rest of the line.
    let quote = 0;
    let indent = 0;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 62 /* > */) quote++;
      else if (c === 32) indent++;
      else if (c === 9) indent += 4;
      else break;
      i++;
    }
    if (quote > maxQuote) maxQuote = quote;
    if (quote > MAX_QUOTE_DEPTH) return { risky: true, reason: `block quotes nested ${quote} deep` };
    if (indent >= MAX_LIST_INDENT && isListMarker(text, i) && ++deepListLines >= MAX_DEEP_LIST_LINES) return { risky: true, reason: `list items nested ${indent} columns deep` };
    // Containers opened further on the same line: list markers and quote markers after the first container
    // (not inside fenced code, where such a line is text).
    const containers = fence ? quote : lineContainers(text, i, quote);
    if (containers > MAX_LINE_CONTAINERS) return { risky: true, reason: `${containers} lists or quotes opened on one line` };
    const lineStart = i;
    const first = text.charCodeAt(i);
    if (blankLine) htmlBlock = indent <= 3 && first === 60 && HTML_BLOCK_START.test(text.slice(i, i + 16));
    if (indent <= 3 && (first === 96 || first === 126) && text.startsWith(String.fromCharCode(first).repeat(3), i)) {
      let n = 3;
      while (text.charCodeAt(i + n) === first) n++;
      const marker = String.fromCharCode(first).repeat(n);
      if (!fence) fence = marker;
      else if (marker.length >= fence.length && marker[0] === fence[0]) fence = '';
    }
    // Fenced code and HTML blocks are not parsed as inline text: nothing in them counts.
    if (fence || htmlBlock) {
      while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
    }
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) break;
      if ((c === 60 || c === 91 || c === 93 || c === 33 || c === 38 || c === 92 || c === 96) && ++starts > MAX_TEXT_CONSTRUCT_STARTS) {
        return { risky: true, reason: `${starts} characters that may start a construct (< [ ] ! & \\ \`) in one paragraph` };
      }
      if (c === 91 /* [ */) {
        if (++brackets > MAX_OPEN_BRACKETS) return { risky: true, reason: `${brackets} open brackets in one paragraph` };
      } else if (c === 93 /* ] */) {
        if (brackets > 0) brackets--;
        else if (++unmatched > MAX_UNMATCHED_CLOSERS) return { risky: true, reason: `${unmatched} closing brackets without an opening one in one paragraph` };
        if (text.charCodeAt(i + 1) !== 40 && ++labels > MAX_BARE_LABELS) return { risky: true, reason: `${labels} bracketed labels in one paragraph` };
        if (text.charCodeAt(i + 1) === 40 && text.charCodeAt(i + 2) === 60 && ++angles > MAX_ANGLE_DESTINATIONS) return { risky: true, reason: `${angles} link destinations in angle brackets in one paragraph` };
      } else if (c === 60 /* < */ && (text.charCodeAt(i + 1) === 33 /* ! */ || text.charCodeAt(i + 1) === 63 /* ? */)) {
        if (i > lineStart && ++comments > MAX_OPEN_COMMENTS) return { risky: true, reason: `${comments} unclosed HTML comments or instructions in one paragraph` };
      } else if (c === 62 /* > */ && comments > 0 && (text.charCodeAt(i - 1) === 45 || text.charCodeAt(i - 1) === 63 || text.charCodeAt(i - 1) === 93)) {
        // -->, ?> or ]]> (a declaration's plain > is not counted: a paragraph may hold many a > b).
        comments--;
      } else if (c === 42 /* * */ || c === 126 /* ~ */ || (c === 95 /* _ */ && !(isWordChar(text.charCodeAt(i - 1)) && isWordChar(text.charCodeAt(i + 1))))) {
        // (An `_` inside a word, as in snake_case, can neither open nor close emphasis.)
        if (++emphasis > MAX_EMPHASIS_MARKERS) return { risky: true, reason: `${emphasis} emphasis markers in one paragraph` };
      }
      i++;
    }
    const blank = i === lineStart && quote === 0;
    // A table row's cells, and each list item, are parsed on their own: they end what counts together.
    if ((blank && !blankLine) || first === 124 /* | */ || isListItem(text, lineStart)) {
      brackets = 0;
      emphasis = 0;
      angles = 0;
      labels = 0;
      unmatched = 0;
      comments = 0;
      starts = 0;
    }
    blankLine = blank;
    if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10) i += 2;
    else if (i < text.length) i++;
  }
  return { risky: false };
}

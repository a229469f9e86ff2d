// Where text appended at the end of a document is still read as Markdown of its own. When the document ends
// inside an unclosed fenced code block or an unclosed HTML block (`<!--` without `-->`, `<script>` without
// `</script>`, …), everything after the opening line belongs to that block: a section heading appended there
// would be code or a comment, not a heading. Insertions that would land there go to the start of the block's
// opening line instead (nothing the user wrote moves or changes: the insertion only comes earlier).
import type { Block } from './types';

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** The start of the line holding `offset` (after a leading BOM: an insertion goes after it, where the line's
 * Markdown starts). */
const lineStartOf = (text: string, offset: number): number => {
  const first = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let i = offset;
  while (i > first && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
};

/** Whether the block's source (from the start of its first line) runs to the end without closing. */
function isUnclosed(source: string, kind: Block['kind']): boolean {
  const firstBreak = source.search(/\r\n|\r|\n/);
  const first = firstBreak < 0 ? source : source.slice(0, firstBreak);
  const rest = firstBreak < 0 ? '' : source.slice(firstBreak);
  if (kind === 'code') {
    const open = FENCE.exec(first);
    if (!open) return false; // indented code ends at the first line that is not indented
    const c = open[1]![0]!;
    const closing = new RegExp(`^ {0,3}${c === '`' ? '`' : '~'}{${open[1]!.length},}[ \\t]*$`);
    // The last line that is not blank (without splitting a possibly long block into lines).
    const body = rest.trimEnd();
    if (body.trim() === '') return true;
    const last = body.slice(Math.max(body.lastIndexOf('\n'), body.lastIndexOf('\r')) + 1);
    return !closing.test(last);
  }
  const lead = first.trimStart();
  const after = (i: number, end: string) => source.indexOf(end, source.length - source.trimStart().length + i) < 0;
  if (lead.startsWith('<!--')) return after(2, '-->');
  if (/^<(?:script|pre|style|textarea)(?:[\s>]|$)/i.test(lead)) return !/<\/(?:script|pre|style|textarea)>/i.test(source);
  if (lead.startsWith('<?')) return after(2, '?>');
  if (lead.startsWith('<![CDATA[')) return after(9, ']]>');
  if (/^<![A-Za-z]/.test(lead)) return after(2, '>');
  return false; // the other HTML blocks end at a blank line, which every insertion starts with
}

/**
 * The start of the line that opens an unclosed code or HTML block running to the end of `text` (a top-level
 * one: containers end at the blank line an insertion starts with), or undefined when the text ends in the open.
 */
export function openTailStart(text: string, blocks: readonly Block[]): number | undefined {
  let contentEnd = text.length;
  while (contentEnd > 0 && /\s/.test(text[contentEnd - 1]!)) contentEnd--;
  let tail: Block | undefined;
  for (const b of blocks) {
    if ((b.kind === 'code' || b.kind === 'html') && b.span.end >= contentEnd && b.span.start < contentEnd && (!tail || b.span.start < tail.span.start)) tail = b;
  }
  if (!tail) return undefined;
  const t = tail;
  if (blocks.some((c) => (c.kind === 'blockquote' || c.kind === 'list-item') && c.span.start <= t.span.start && c.span.end >= t.span.end)) return undefined;
  const start = lineStartOf(text, t.span.start);
  return isUnclosed(text.slice(start, Math.max(t.span.end, contentEnd)), t.kind) ? start : undefined;
}

/** `offset`, or the start of the open tail's first line when `offset` lies inside the open tail. */
export function visibleInsertionPoint(openTail: number | undefined, offset: number): number {
  return openTail !== undefined && offset > openTail ? openTail : offset;
}

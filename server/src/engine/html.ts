// Raw HTML in a Markdown document: what a reader sees of it. GitHub and VS Code render an HTML block (an
// `<ol>` of `<li>` items, a `<table>`, `<details>`) as text, so its text is content like a paragraph's; a
// comment, and a `<script>`, `<style>`, `<pre>` or `<textarea>` block, are not prose.
import type { Block } from './types';

const NOT_PROSE_OPENER = /^\s*<(?:script|style|pre|textarea)(?:[\s>]|$)/i;
const COMMENTS = /<!--[\s\S]*?(?:-->|$)/g;
// `[^<>]*`, not `[^>]*`: a `<` that never closes must not make every later `<` scan to the end of the block
// (quadratic: 2.9 s for 100 KB of "<a"); a tag cannot hold a bare `<` anyway.
const TAGS = /<\/?[A-Za-z][^<>]*>/g;
const ENTITIES = /&(?:nbsp|amp|lt|gt|quot|#39);/g;
const ENTITY_TEXT: Readonly<Record<string, string>> = { '&nbsp;': ' ', '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** The text of an HTML block as rendered: comments and tags dropped, the common entities decoded. */
export function visibleHtmlText(html: string): string {
  // Coverage and the rules ask for every HTML block on every keystroke: remembered by the block's text (the
  // same string while its chunk is unchanged), forgotten wholesale past a bound on the texts it holds.
  let text = memo.get(html);
  if (text === undefined) {
    if (memoChars + html.length > MEMO_CHARS) {
      memo.clear();
      memoChars = 0;
    }
    text = NOT_PROSE_OPENER.test(html) ? '' : html.replace(COMMENTS, ' ').replace(TAGS, ' ').replace(ENTITIES, (e) => ENTITY_TEXT[e] ?? ' ');
    memo.set(html, text);
    memoChars += html.length;
  }
  return text;
}

const MEMO_CHARS = 1 << 20;
const memo = new Map<string, string>();
let memoChars = 0;

/** An HTML block (not a comment) with text a reader sees. */
export function isVisibleHtml(b: Block): boolean {
  return b.kind === 'html' && !b.comment && visibleHtmlText(b.text).trim() !== '';
}

/** The text coverage reads of a block: an HTML block's visible text, any other block's own text. */
export function readableText(b: Block): string {
  return b.kind === 'html' && !b.comment ? visibleHtmlText(b.text) : b.text;
}

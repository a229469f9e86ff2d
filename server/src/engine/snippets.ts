// Skeleton text for sections and subsections, as LSP snippets (tab stops) and as plain text (the same with
// the placeholders' default words). Insertions are always separated from the text around them by blank lines.
import type { SectionDef, SubsectionDef } from './profiles/types';

/** Replace `${n:default}` with `default` and `$n` / `${n}` with nothing. */
export function snippetToText(snippet: string): string {
  let out = snippet;
  for (let i = 0; i < 5; i++) {
    const next = out.replace(/\$\{\d+:([^{}$]*)\}/g, '$1');
    if (next === out) break;
    out = next;
  }
  return out.replace(/\$\{\d+\}|\$\d+/g, '').replace(/\\([$}\\])/g, '$1');
}

/** Renumber tab stops so that snippets can be concatenated (each part's stops come after the previous). */
function renumber(snippet: string, offset: number): { text: string; max: number } {
  let max = 0;
  const text = snippet.replace(/\$\{(\d+)(:|\})|\$(\d+)/g, (_m, a: string | undefined, sep: string | undefined, b: string | undefined) => {
    const n = Number(a ?? b) + offset;
    max = Math.max(max, n);
    return a !== undefined ? `\${${n}${sep}` : `$${n}`;
  });
  return { text, max };
}

export interface Skeleton {
  readonly text: string;
  readonly snippet: string;
}

export function joinSnippets(parts: readonly string[]): string {
  let offset = 0;
  const out: string[] = [];
  for (const p of parts) {
    const r = renumber(p, offset);
    out.push(r.text);
    offset = Math.max(offset, r.max);
  }
  return out.join('');
}

export function sectionSkeleton(section: SectionDef, depth: number, subsections: readonly SubsectionDef[] = section.subsections): Skeleton {
  const hashes = '#'.repeat(Math.max(1, Math.min(6, depth)));
  const subHashes = '#'.repeat(Math.max(1, Math.min(6, depth + 1)));
  const parts = [`${hashes} ${section.title}\n\n`, `${section.snippet}\n`];
  for (const sub of subsections) parts.push(`\n${subHashes} ${sub.title}\n\n`, `${sub.snippet}\n`);
  const snippet = joinSnippets(parts);
  return { snippet, text: snippetToText(snippet) };
}

export function subsectionSkeleton(sub: SubsectionDef, depth: number): Skeleton {
  const snippet = `${'#'.repeat(Math.max(1, Math.min(6, depth)))} ${sub.title}\n\n${sub.snippet}\n`;
  return { snippet, text: snippetToText(snippet) };
}

/** Pad an insertion at `offset` with the newlines it needs, in the document's own line ending. */
export function padInsertion(text: string, offset: number): { prefix: string; suffix: string; eol: string } {
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const before = text.slice(Math.max(0, offset - 4), offset).replace(/\r\n/g, '\n');
  let prefix = '';
  if (offset > 0) {
    if (!before.endsWith('\n')) prefix = '\n\n';
    else if (!before.endsWith('\n\n')) prefix = '\n';
  }
  const suffix = offset < text.length ? '\n' : '';
  return { prefix: prefix.replace(/\n/g, eol), suffix: suffix.replace(/\n/g, eol), eol };
}

/** An insertion of `skeleton` at `offset`, padded and in the document's line ending. */
export function insertionAt(text: string, offset: number, skeleton: Skeleton): { offset: number; text: string; snippet: string } {
  const { prefix, suffix, eol } = padInsertion(text, offset);
  const conv = (s: string) => (eol === '\n' ? s : s.replace(/\n/g, eol));
  return { offset, text: prefix + conv(skeleton.text) + suffix, snippet: prefix + conv(skeleton.snippet) + suffix };
}

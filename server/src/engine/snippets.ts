// Skeleton text for sections and subsections, as LSP snippets (tab stops) and as plain text (the same with
// the placeholders' default words). Insertions are always separated from the text around them by blank lines.
import type { ProfileDef, SectionDef, SubsectionDef } from './profiles/types';

/** The plain text a snippet stands for: `${n:default}` becomes its default (placeholders may nest),
 * `${n|a,b|}` its first choice, `$n` and `${n}` nothing, and `\\$`, `\\}`, `\\\\` the character escaped. */
const TAB_STOP = /\$(?:(\d+)|\{(\d+)\}|\{(\d+):|\{(\d+)\|([^|]*)\|\})/y;

export function snippetToText(snippet: string): string {
  let out = '';
  let depth = 0;
  let i = 0;
  while (i < snippet.length) {
    const c = snippet[i]!;
    if (c === '\\' && i + 1 < snippet.length && '$}\\'.includes(snippet[i + 1]!)) {
      out += snippet[i + 1];
      i += 2;
      continue;
    }
    if (c === '$') {
      TAB_STOP.lastIndex = i;
      const m = TAB_STOP.exec(snippet);
      if (m) {
        if (m[3] !== undefined) depth++;
        if (m[5] !== undefined) out += m[5].split(',')[0]!.replace(/\\([$}\\,|])/g, '$1');
        i += m[0].length;
        continue;
      }
    }
    if (c === '}' && depth > 0) {
      depth--;
      i++;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

/** Renumber tab stops so that snippets can be concatenated (each part's stops come after the previous). */
function renumber(snippet: string, offset: number): { text: string; max: number } {
  let max = 0;
  const text = snippet.replace(/(?<!\\)\$\{(\d+)(:|\}|\|)|(?<!\\)\$(\d+)/g, (_m, a: string | undefined, sep: string | undefined, b: string | undefined) => {
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

/** What goes under a section heading: its prompt, then a skeleton for each of `subsections` one level deeper. */
export function sectionBodySkeleton(section: SectionDef, depth: number, subsections: readonly SubsectionDef[] = section.subsections): Skeleton {
  const subHashes = '#'.repeat(Math.max(1, Math.min(6, depth + 1)));
  const parts = [`${section.snippet}\n`];
  for (const sub of subsections) parts.push(`\n${subHashes} ${sub.title}\n\n`, `${sub.snippet}\n`);
  const snippet = joinSnippets(parts);
  return { snippet, text: snippetToText(snippet) };
}

/** A section heading at `depth` with its body skeleton. */
export function sectionSkeleton(section: SectionDef, depth: number, subsections: readonly SubsectionDef[] = section.subsections): Skeleton {
  const body = sectionBodySkeleton(section, depth, subsections);
  const heading = `${'#'.repeat(Math.max(1, Math.min(6, depth)))} ${section.title}\n\n`;
  return { snippet: heading + body.snippet, text: heading + body.text };
}

/** What goes under a subsection heading. */
export function subsectionBodySkeleton(sub: SubsectionDef): Skeleton {
  const snippet = `${sub.snippet}\n`;
  return { snippet, text: snippetToText(snippet) };
}

export function subsectionSkeleton(sub: SubsectionDef, depth: number): Skeleton {
  const heading = `${'#'.repeat(Math.max(1, Math.min(6, depth)))} ${sub.title}\n\n`;
  const body = subsectionBodySkeleton(sub);
  return { snippet: heading + body.snippet, text: heading + body.text };
}

export interface TemplateOptions {
  /** The document's title; without one the title is a tab stop ("System name: ML design doc"). */
  readonly title?: string;
  /** Start with the `<!-- mldoc -->` marker that opts the file in whatever its name (default true). */
  readonly marker?: boolean;
}

/** Escape text for use inside an LSP snippet. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** A whole new design doc for `profile`: the opt-in marker, a title, a summary prompt, then every section with
 * its subsections, in profile order. The snippet numbers its tab stops across the whole document. */
export function templateSkeleton(profile: ProfileDef, options: TemplateOptions = {}): Skeleton {
  const marker = options.marker === false ? '' : '<!-- mldoc -->\n';
  const title = options.title !== undefined ? escapeSnippet(options.title.replace(/[\r\n]+/g, ' ').trim()) : '${1:System name}: ML design doc';
  const summaryStop = options.title !== undefined ? 1 : 2;
  const parts = [`${marker}# ${title}\n\n\${${summaryStop}:One paragraph: what the system does, for whom, and the decision this document asks for.}\n`];
  for (const section of profile.sections) parts.push('\n', sectionSkeleton(section, 2).snippet);
  const snippet = joinSnippets(parts);
  return { snippet, text: snippetToText(snippet) };
}

/** The full document template as plain text (for `mldoc init` and the New Design Doc command). */
export function renderTemplate(profile: ProfileDef, options: TemplateOptions = {}): string {
  return templateSkeleton(profile, options).text;
}

/** The document's own line ending: \r\n, \r (old Mac) or \n. */
export function lineEnding(text: string): string {
  const m = /\r\n|\r|\n/.exec(text);
  return m ? m[0] : '\n';
}

/** Pad an insertion at `offset` with the newlines it needs, in the document's own line ending, so that the
 * inserted block is separated from the text before and after it by one blank line. */
export function padInsertion(text: string, offset: number): { prefix: string; suffix: string; eol: string } {
  const eol = lineEnding(text);
  const before = text.slice(Math.max(0, offset - 4), offset).replace(/\r\n?/g, '\n');
  let prefix = '';
  // Right after a leading BOM is the start of the document too.
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (offset > start) {
    if (!before.endsWith('\n')) prefix = '\n\n';
    else if (!before.endsWith('\n\n')) prefix = '\n';
  }
  // The skeleton ends with a line break; one more makes the blank line before what follows, unless the
  // insertion point already starts a blank line (or is the end of the text).
  const atLineStart = offset <= start || before.endsWith('\n');
  const blankAhead = /^[ \t]*(?:\r\n|\r|\n|$)/.test(text.slice(offset, offset + 200));
  // An empty document gets the blank line too, so that several insertions there stay apart.
  const suffix = text.length === 0 ? '\n' : offset >= text.length || (atLineStart && blankAhead) ? '' : '\n';
  let pre = prefix.replace(/\n/g, eol);
  let post = suffix.replace(/\n/g, eol);
  // In a document with mixed line endings, a lone \r before the insertion and a \n starting it (or a \r ending
  // it and a \n after it) would make one \r\n: a line break would be lost, and with it the blank line.
  if (pre.startsWith('\n') && text[offset - 1] === '\r') pre = eol + pre;
  if (eol === '\r' && text[offset] === '\n') post += eol;
  return { prefix: pre, suffix: post, eol };
}

/** An insertion of `skeleton` at `offset`, padded and in the document's line ending. */
export function insertionAt(text: string, offset: number, skeleton: Skeleton): { offset: number; text: string; snippet: string } {
  const { prefix, suffix, eol } = padInsertion(text, offset);
  const conv = (s: string) => (eol === '\n' ? s : s.replace(/\n/g, eol));
  return { offset, text: prefix + conv(skeleton.text) + suffix, snippet: prefix + conv(skeleton.snippet) + suffix };
}

// Insertions (offset + plain text + snippet) for sections and subsections, computed from the current analysis,
// and the merging of several insertions at one offset into one well-spaced block.
import { insertionAt, joinSnippets, padInsertion, sectionSkeleton, snippetToText, subsectionSkeleton } from '../engine/snippets';
import type { Analysis, SectionCoverage, SubsectionCoverage } from '../engine/types';
import { outlineOf, sectionDef, sectionDepth, eolOf } from './common';

export interface Insertion {
  readonly offset: number;
  readonly text: string;
  readonly snippet: string;
}

/** The skeleton of a missing (or mentioned-only) section, where it belongs. */
export function sectionInsertion(analysis: Analysis, section: SectionCoverage, depth = sectionDepth(analysis)): Insertion | undefined {
  const def = sectionDef(analysis, section.id);
  if (!def) return undefined;
  return insertionAt(analysis.text, clamp(analysis, section.insertAt), sectionSkeleton(def, depth));
}

/** The skeleton of a missing subsection, at the end of its section (only when the section has a heading). */
export function subsectionInsertion(analysis: Analysis, section: SectionCoverage, sub: SubsectionCoverage): Insertion | undefined {
  const ref = section.headings[0];
  const heading = ref ? analysis.headings[ref.index] : undefined;
  const def = sectionDef(analysis, section.id)?.subsections.find((s) => s.id === sub.id);
  if (!heading || !def) return undefined;
  const depth = Math.min(6, (heading.kind === 'pseudo' ? sectionDepth(analysis) : heading.depth) + 1);
  return insertionAt(analysis.text, clamp(analysis, sub.insertAt), subsectionSkeleton(def, depth));
}

/** A body for an empty section: the section's own prompt, on the line after its heading. */
export function bodyInsertion(analysis: Analysis, section: SectionCoverage): Insertion | undefined {
  const ref = section.headings[0];
  const heading = ref ? analysis.headings[ref.index] : undefined;
  const def = sectionDef(analysis, section.id);
  if (!heading || !def) return undefined;
  const text = analysis.text;
  let at = heading.span.end;
  while (at < text.length && text[at] !== '\n' && text[at] !== '\r') at++;
  if (text[at] === '\r') at++;
  if (text[at] === '\n') at++;
  const body = `${def.snippet}\n`;
  return insertionAt(text, at, { snippet: body, text: snippetToText(body) });
}

function clamp(analysis: Analysis, offset: number): number {
  return Math.max(0, Math.min(analysis.text.length, offset));
}

const trimBreaks = (s: string) => s.replace(/^(?:\r?\n)+/, '').replace(/(?:\r?\n)+$/, '');

/**
 * Merge insertions that share an offset into one (in the order given), re-spaced with one blank line between
 * parts, and sort by offset. Applying the result inserts every part exactly once.
 */
export function mergeInsertions(text: string, list: readonly Insertion[]): Insertion[] {
  const groups = new Map<number, Insertion[]>();
  for (const ins of list) {
    const g = groups.get(ins.offset) ?? [];
    g.push(ins);
    groups.set(ins.offset, g);
  }
  const eol = eolOf(text);
  const out: Insertion[] = [];
  for (const [offset, group] of [...groups.entries()].sort((a, b) => a[0] - b[0])) {
    if (group.length === 1) {
      out.push(group[0]!);
      continue;
    }
    const { prefix, suffix } = padInsertion(text, offset);
    const sep = eol + eol;
    const plain = group.map((g) => trimBreaks(g.text)).join(sep);
    const parts: string[] = [];
    group.forEach((g, i) => {
      if (i > 0) parts.push(sep);
      parts.push(trimBreaks(g.snippet));
    });
    out.push({ offset, text: prefix + plain + eol + suffix, snippet: prefix + joinSnippets(parts) + eol + suffix });
  }
  return out;
}

/** Every missing lifecycle section, as merged insertions in document order. */
export function missingSectionInsertions(analysis: Analysis): Insertion[] {
  const depth = sectionDepth(analysis);
  const list = outlineOf(analysis)
    .filter((s) => s.status === 'missing')
    .map((s) => sectionInsertion(analysis, s, depth))
    .filter((x): x is Insertion => x !== undefined);
  return mergeInsertions(analysis.text, list);
}

// Completions. On a heading line (`#`, `##`, `## Dep`): the lifecycle sections still missing, in lifecycle
// order, at the depth the document uses; deeper than that inside a section: that section's missing
// subsections. Each inserts a skeleton with tab stops in place of what was typed. In front matter: the keys
// mldoc, profile and status, and their values. Nothing on ordinary prose lines or in code.
import { sectionSkeleton, snippetToText, subsectionSkeleton } from '../engine/snippets';
import { PROFILES } from '../engine/profiles';
import type { Analysis, SectionCoverage, Span } from '../engine/types';
import { enclosingSection, lineAround, outlineOf, profileOf, sectionDepth, type LineInfo } from './common';
import { provideMlTermCompletions } from './ml-terms';

export type CompletionKind = 'section' | 'subsection' | 'key' | 'value' | 'term';

export interface CompletionEntry {
  readonly label: string;
  readonly kind: CompletionKind;
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  /** The text the completion replaces (what was typed). */
  readonly replace: Span;
  readonly snippet: string;
  readonly text: string;
  readonly filterText?: string;
  readonly sortText: string;
}

const HEADING_PREFIX = /^( {0,3})(#{1,6})(?:[ \t]+(.*))?$/;
export const STATUS_VALUES = ['draft', 'review', 'approved'] as const;

export function computeCompletions(analysis: Analysis, offset: number): CompletionEntry[] {
  const text = analysis.text;
  const line = lineAround(text, offset);
  const frontMatter = analysis.blocks.find((b) => b.kind === 'front-matter');
  if (frontMatter && offset > frontMatter.span.start && offset <= frontMatter.span.end) {
    return frontMatterCompletions(analysis, line, offset, frontMatter.span);
  }
  // Inside a fenced block or an HTML block a `#` line is not a heading.
  const inside = (b: Analysis['blocks'][number]) => (b.kind === 'code' && b.span.start <= line.start) || (b.kind === 'html' && b.span.start < line.start);
  if (analysis.blocks.some((b) => inside(b) && offset <= b.span.end)) return [];
  const before = text.slice(line.start, offset);
  const m = HEADING_PREFIX.exec(before);
  // On a prose line: the ML terms of the lifecycle section around it (metrics, drift tests, …).
  if (!m) return provideMlTermCompletions(analysis, offset);
  if (text.slice(offset, line.end).trim() !== '') return [];
  const typedDepth = m[2]!.length;
  const replace = { start: line.start + m[1]!.length, end: offset };
  const hashes = m[2]!;
  const onThisLine = (index: number | undefined) => {
    const h = index !== undefined ? analysis.headings[index] : undefined;
    return h !== undefined && h.span.start >= line.start && h.span.start <= line.end;
  };
  // A heading being typed on this line may already match a section: it does not count as present here.
  const absent = (s: SectionCoverage) => s.status === 'missing' || s.status === 'mentioned' || (s.headings.length > 0 && s.headings.every((r) => onThisLine(r.index)));
  const depth = sectionDepth(analysis);
  const profile = profileOf(analysis);
  if (typedDepth > depth) {
    const enclosing = enclosingSection(analysis, line.start, typedDepth);
    if (enclosing) {
      const def = profile.sections.find((d) => d.id === enclosing.section.id);
      if (!def) return [];
      return enclosing.section.subsections
        .filter((sub) => sub.status === 'missing' || sub.status === 'mentioned' || onThisLine(sub.headingIndex))
        .map((sub) => {
          const subDef = def.subsections.find((d) => d.id === sub.id)!;
          const snippet = trimEnd(subsectionSkeleton(subDef, typedDepth).snippet);
          return {
            label: subDef.title,
            kind: 'subsection' as const,
            detail: `${sub.status === 'mentioned' ? 'Mentioned, no heading of its own' : 'Missing'}: subsection of ${def.title}`,
            documentation: subDef.guidance,
            replace,
            snippet,
            text: snippetToText(snippet),
            filterText: `${hashes} ${subDef.title}`,
            sortText: String(def.subsections.indexOf(subDef)).padStart(3, '0'),
          };
        });
    }
  }
  return outlineOf(analysis).filter(absent).map((s) => {
    const def = profile.sections.find((d) => d.id === s.id)!;
    const snippet = trimEnd(sectionSkeleton(def, depth).snippet);
    const subs = def.subsections.map((x) => `- ${x.title}`).join('\n');
    return {
      label: def.title,
      kind: 'section' as const,
      detail: s.status === 'mentioned' ? 'Lifecycle section (mentioned, no heading of its own)' : 'Missing lifecycle section',
      documentation: subs ? `${def.guidance}\n\nInserts the section with its subsections:\n\n${subs}` : def.guidance,
      replace,
      snippet,
      text: snippetToText(snippet),
      filterText: `${hashes} ${def.title}`,
      sortText: String(profile.sections.indexOf(def)).padStart(3, '0'),
    };
  });
}

const trimEnd = (s: string) => s.replace(/\s+$/, '');

const KEYS: readonly { key: string; snippet: string; doc: string }[] = [
  { key: 'mldoc', snippet: 'mldoc: ${1|true,false|}', doc: 'Treat this file as an ML design doc, whatever its name.' },
  { key: 'profile', snippet: `profile: \${1|${PROFILES.map((p) => p.id).join(',')}|}`, doc: 'The outline this document is checked against.' },
  { key: 'status', snippet: 'status: ${1|draft,review,approved|}', doc: 'Where the document is in its review: draft, review or approved.' },
];

function frontMatterCompletions(analysis: Analysis, line: LineInfo, offset: number, fm: Span): CompletionEntry[] {
  const before = analysis.text.slice(line.start, offset);
  if (line.start === fm.start || /^(---|\.\.\.|\+\+\+)\s*$/.test(line.text)) return [];
  const keyTyping = /^([A-Za-z_-]*)$/.exec(before);
  if (keyTyping) {
    const present = new Set(Object.keys(analysis.frontMatter ?? {}));
    return KEYS.filter((k) => !present.has(k.key) || k.key === keyTyping[1]).map((k, i) => ({
      label: k.key,
      kind: 'key' as const,
      detail: 'ML Design Doc front matter',
      documentation: k.doc,
      replace: { start: line.start, end: offset },
      snippet: k.snippet,
      text: snippetToText(k.snippet.replace(/\$\{1\|([^,|]*)[^}]*\}/, '$1')),
      sortText: String(i).padStart(3, '0'),
    }));
  }
  const valueTyping = /^(mldoc|profile|status)[ \t]*:[ \t]*([\w-]*)$/.exec(before);
  if (!valueTyping) return [];
  const key = valueTyping[1]!;
  const values: readonly { value: string; doc: string }[] =
    key === 'mldoc'
      ? [
          { value: 'true', doc: 'Check this document as an ML design doc.' },
          { value: 'false', doc: 'Do not opt in through front matter.' },
        ]
      : key === 'profile'
        ? PROFILES.map((p) => ({ value: p.id, doc: `**${p.title}**: ${p.description}` }))
        : STATUS_VALUES.map((v) => ({ value: v, doc: `The document is ${v === 'review' ? 'in review' : v}.` }));
  const start = offset - valueTyping[2]!.length;
  return values.map((v, i) => ({
    label: v.value,
    kind: 'value' as const,
    documentation: v.doc,
    replace: { start, end: offset },
    snippet: v.value,
    text: v.value,
    sortText: String(i).padStart(3, '0'),
  }));
}

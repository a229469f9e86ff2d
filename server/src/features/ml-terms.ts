// Completions and hovers that know ML: inside a lifecycle section's prose, the metrics, drift tests, validation
// schemes, serving and release patterns, privacy controls and fairness measures that belong there (data in
// engine/ml-terms.ts); over such a term, what it is. Pure functions of an Analysis and an offset.
import { ML_TERMS, mlTermAt, mlTermsFor, type MlTerm, type MlTermKind } from '../engine/ml-terms';
import type { Analysis, SectionCoverage, Span } from '../engine/types';
import { lineAround } from './common';

export interface MlTermCompletion {
  readonly label: string;
  readonly kind: 'term';
  readonly detail: string;
  readonly documentation: string;
  readonly replace: Span;
  readonly snippet: string;
  readonly text: string;
  readonly filterText: string;
  readonly sortText: string;
}

export interface MlTermHover {
  readonly markdown: string;
  readonly span: Span;
}

const KIND_LABEL: Readonly<Record<MlTermKind, string>> = {
  metric: 'Metric',
  'drift-test': 'Drift test',
  validation: 'Validation',
  serving: 'Serving',
  release: 'Release',
  privacy: 'Privacy control',
  fairness: 'Fairness measure',
};

/** The innermost lifecycle section whose heading encloses `offset` (whatever profile is selected). */
function lifecycleSectionAt(analysis: Analysis, offset: number): SectionCoverage | undefined {
  let best: { s: SectionCoverage; start: number } | undefined;
  for (const s of analysis.sections) {
    for (const ref of s.headings) {
      const h = analysis.headings[ref.index];
      if (!h || offset < h.span.end || offset > h.sectionSpan.end) continue;
      if (!best || h.span.start > best.start) best = { s, start: h.span.start };
    }
  }
  return best?.s;
}

/** Whether `offset` is in prose: not in a heading line, code, front matter or HTML. */
function inProse(analysis: Analysis, offset: number): boolean {
  return !analysis.blocks.some(
    (b) => (b.kind === 'code' || b.kind === 'front-matter' || b.kind === 'html' || b.kind === 'heading') && b.span.start <= offset && offset <= b.span.end,
  );
}

const WORD_BEFORE = /[\p{L}\p{N}@\-/]*$/u;

/** ML terms for the lifecycle section around the cursor, replacing the word being typed. */
export function provideMlTermCompletions(analysis: Analysis, offset: number): MlTermCompletion[] {
  if (offset < 0 || offset > analysis.text.length || !inProse(analysis, offset)) return [];
  const line = lineAround(analysis.text, offset);
  if (/^\s{0,3}#/.test(line.text) || /^\s*(```|~~~)/.test(line.text)) return [];
  const section = lifecycleSectionAt(analysis, offset);
  if (!section) return [];
  const typed = WORD_BEFORE.exec(analysis.text.slice(line.start, offset))?.[0] ?? '';
  const replace = { start: offset - typed.length, end: offset };
  // `#` is the trigger for section completions: "issue #", "#tag" in prose get nothing.
  if (analysis.text.slice(line.start, replace.start).endsWith('#')) return [];
  return mlTermsFor(section.id).map((t, i) => ({
    label: t.term,
    kind: 'term' as const,
    detail: `${KIND_LABEL[t.kind]} · ${section.title}`,
    documentation: t.explanation,
    replace,
    snippet: t.term,
    text: t.term,
    filterText: [t.term, ...t.aliases].join(' '),
    // After the section and subsection snippets, in the data's order.
    sortText: `z${String(i).padStart(3, '0')}`,
  }));
}

/** What an ML term under the cursor means, and where it belongs. */
export function provideMlTermHover(analysis: Analysis, offset: number): MlTermHover | undefined {
  if (!inProse(analysis, offset) && !analysis.headings.some((h) => h.span.start <= offset && offset <= h.span.end)) return undefined;
  const found = mlTermAt(analysis.text, offset);
  if (!found) return undefined;
  return { markdown: renderTerm(found.term), span: found.span };
}

export function renderTerm(t: MlTerm): string {
  const sections = t.sections.map((id) => ML_SECTION_TITLES[id] ?? id).join(', ');
  return `**${t.term}** (${KIND_LABEL[t.kind].toLowerCase()})\n\n${t.explanation}\n\n_Belongs in: ${sections}._`;
}

const ML_SECTION_TITLES: Readonly<Record<string, string>> = {
  problem: 'Problem Definition',
  data: 'Data',
  model: 'Model',
  deployment: 'Deployment',
  monitoring: 'Monitoring',
  security: 'Security and Privacy',
  collaboration: 'Collaboration',
  ethics: 'Ethics',
};

export { ML_TERMS };

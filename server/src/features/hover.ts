// Hover over a heading: which lifecycle section it counts as and why, its status, what is still missing and
// the guidance; over a heading that counts as nothing, the closest lifecycle section, or that it is none.
import type { Analysis, Span, Status } from '../engine/types';
import { enclosingSection, outlineOf, profileOf, sectionsOfHeading, titleIndex } from './common';
import { isPresent } from './coverage';
import { closestSection } from './similarity';
import { provideMlTermHover } from './ml-terms';
import { formatReadinessScore } from '../engine/readiness';

export interface HoverResult {
  /** Markdown. */
  readonly markdown: string;
  readonly span: Span;
}

export const STATUS_TEXT: Readonly<Record<Status, string>> = {
  covered: 'covered',
  thin: 'thin: needs more substance',
  placeholder: 'placeholder text only',
  empty: 'empty',
  mentioned: 'mentioned, but no section of its own',
  missing: 'missing',
};

export const OUTLINE_ONLY_NOTE = '_Outline only: this document is larger than `mldoc.maxFileSize`, so sections are recognised by their headings and their content is not checked._';

export function computeHover(analysis: Analysis, offset: number): HoverResult | undefined {
  const heading = analysis.headings.find((h) => h.span.start <= offset && offset <= h.span.end);
  // Over prose: what an ML term means (metric, drift test, serving pattern, privacy control, …).
  if (!heading) return analysis.outlineOnly ? undefined : provideMlTermHover(analysis, offset);
  const profile = profileOf(analysis);
  const parts: string[] = [];
  for (const { section, reason } of sectionsOfHeading(analysis, heading.index)) {
    const def = profile.sections.find((d) => d.id === section.id);
    parts.push(`**${section.title}** (lifecycle section) — ${STATUS_TEXT[section.status]}`, `_${reason}_`);
    if (section.subsections.length) {
      const present = section.subsections.filter((s) => isPresent(s.status)).length;
      const missing = section.subsections.filter((s) => s.status === 'missing').map((s) => s.title);
      const mentioned = section.subsections.filter((s) => s.status === 'mentioned').map((s) => s.title);
      let line = `Subsections: ${present}/${section.subsections.length} present.`;
      if (missing.length) line += ` Missing: ${missing.join(', ')}.`;
      if (mentioned.length) line += ` Mentioned only: ${mentioned.join(', ')}.`;
      parts.push(line);
    }
    if (def?.guidance) parts.push(def.guidance);
  }
  for (const s of outlineOf(analysis)) {
    for (const sub of s.subsections) {
      if (sub.headingIndex !== heading.index) continue;
      const match = analysis.matches.find((m) => m.headingIndex === heading.index && m.sectionId === s.id && m.subsectionId === sub.id);
      const def = profile.sections.find((d) => d.id === s.id)?.subsections.find((d) => d.id === sub.id);
      if (parts.length) parts.push('---');
      parts.push(`**${s.title} › ${sub.title}** (subsection) — ${STATUS_TEXT[sub.status]}`);
      if (match) parts.push(`_${match.reason}_`);
      if (def?.guidance) parts.push(def.guidance);
    }
  }
  if (parts.length === 0) {
    if (heading.index === titleIndex(analysis)) {
      parts.push(`**${heading.text}** is the document's title; lifecycle sections sit below it. Coverage score: ${analysis.score}/100.`);
      if (!analysis.outlineOnly) parts.push(readinessLine(analysis));
    } else if (heading.kind !== 'pseudo' && enclosingSection(analysis, heading.span.start, heading.depth)) {
      const { section, heading: parent } = enclosingSection(analysis, heading.span.start, heading.depth)!;
      parts.push(`'${heading.text}' is part of **${section.title}** (it sits under '${parent.text}'), which is ${STATUS_TEXT[section.status]}.`);
    } else {
      const weak = analysis.matches.filter((m) => m.headingIndex === heading.index);
      const closest = closestSection(heading.text, profile);
      parts.push(`'${heading.text}' is not counted as a lifecycle section.`);
      if (weak.length) {
        parts.push(`${weak.map((m) => `_${m.reason}_`).join('; ')}, but the name is too generic to decide alone: the text under it decides.`);
      } else if (closest) {
        parts.push(`Closest lifecycle section: **${closest.title}** (shares '${closest.shared.join("', '")}' with '${closest.phrase}').`);
      }
    }
  }
  if (analysis.outlineOnly) parts.push(OUTLINE_ONLY_NOTE);
  return { markdown: parts.join('\n\n'), span: heading.span };
}

/** The design-time readiness score (ML Test Score) with its four groups: the weakest group decides. */
export function readinessLine(analysis: Analysis): string {
  const r = analysis.readiness;
  const groups = r.groups.map((g) => `${g.title.toLowerCase()} ${formatReadinessScore(g.score, g.max)}`).join(' · ');
  const planned = r.tests.filter((t) => t.score === 1).length;
  return `Readiness (ML Test Score, design time): **${formatReadinessScore(r.score, r.max)}**, the lowest of ${groups}. ${planned} of ${r.tests.length} tests planned; \`mldoc score\` lists them.`;
}

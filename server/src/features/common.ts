// Small pure helpers the features share: the profile of an analysis, the heading depth a document uses for
// lifecycle sections, which section a heading counts as, and the line around an offset.
import { getProfile, DEFAULT_PROFILE, type ProfileDef, type SectionDef, type SubsectionDef } from '../engine/profiles';
import type { Analysis, Heading, SectionCoverage, Span } from '../engine/types';

export function profileOf(analysis: Analysis): ProfileDef {
  return analysis.profileDef ?? getProfile(analysis.profile) ?? getProfile(DEFAULT_PROFILE)!;
}

/** The sections the features present: the selected profile's (analysis.sections are always the lifecycle's). */
export function outlineOf(analysis: Analysis): readonly SectionCoverage[] {
  return analysis.profileSections ?? analysis.sections;
}

export function sectionDef(analysis: Analysis, id: string): SectionDef | undefined {
  return profileOf(analysis).sections.find((s) => s.id === id);
}

export function subsectionDef(analysis: Analysis, sectionId: string, subId: string): SubsectionDef | undefined {
  return sectionDef(analysis, sectionId)?.subsections.find((s) => s.id === subId);
}

/** The document's title heading (computed once by the engine). */
export function titleIndex(analysis: Analysis): number | undefined {
  return analysis.titleIndex;
}

/** The heading depth the document uses for its sections (computed once by the engine). */
export function sectionDepth(analysis: Analysis): number {
  return analysis.sectionDepth;
}

/** The lifecycle sections a heading counts as (the heading is one of the section's own headings). */
export function sectionsOfHeading(analysis: Analysis, index: number): { section: SectionCoverage; reason: string }[] {
  const out: { section: SectionCoverage; reason: string }[] = [];
  for (const s of outlineOf(analysis)) {
    const ref = s.headings.find((h) => h.index === index);
    if (ref) out.push({ section: s, reason: ref.reason });
  }
  return out;
}

/** The innermost lifecycle section whose heading encloses `offset` and is shallower than `depth`. */
export function enclosingSection(analysis: Analysis, offset: number, depth: number): { section: SectionCoverage; heading: Heading } | undefined {
  let best: { section: SectionCoverage; heading: Heading } | undefined;
  for (const s of outlineOf(analysis)) {
    for (const ref of s.headings) {
      const h = analysis.headings[ref.index];
      if (!h || h.kind === 'pseudo' || h.depth >= depth) continue;
      if (h.span.start <= offset && offset <= h.sectionSpan.end) {
        if (!best || h.span.start > best.heading.span.start) best = { section: s, heading: h };
      }
    }
  }
  return best;
}

export interface LineInfo {
  /** Offset of the line's first character. */
  readonly start: number;
  /** Offset of the line's end (before its line break). */
  readonly end: number;
  readonly text: string;
}

export function lineAround(text: string, offset: number): LineInfo {
  const o = Math.max(0, Math.min(text.length, offset));
  let start = o;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  let end = o;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return { start, end, text: text.slice(start, end) };
}

export function inSpan(span: Span, offset: number): boolean {
  return span.start <= offset && offset < span.end;
}

export function blockAt(analysis: Analysis, offset: number, kinds: readonly string[]): Analysis['blocks'][number] | undefined {
  return analysis.blocks.find((b) => kinds.includes(b.kind) && b.span.start <= offset && offset <= b.span.end);
}

/** Line break the document uses. */
export function eolOf(text: string): string {
  return /\r\n/.test(text) ? '\r\n' : '\n';
}

// The lifecycle section (or subsection) closest to a heading that matches none: token overlap (Jaccard) with
// the section's titles and aliases, after the engine's own normalisation.
import { contentTokens, normalizeHeading } from '../engine/normalize';
import type { ProfileDef } from '../engine/profiles';

export interface Closest {
  readonly sectionId: string;
  readonly subsectionId?: string;
  readonly title: string;
  readonly phrase: string;
  readonly score: number;
  readonly shared: readonly string[];
}

function tokensOf(s: string): string[] {
  return [...new Set(contentTokens(normalizeHeading(s, true)))];
}

export function closestSection(headingText: string, profile: ProfileDef): Closest | undefined {
  const words = tokensOf(headingText);
  if (words.length === 0) return undefined;
  let best: Closest | undefined;
  const consider = (phrase: string, sectionId: string, title: string, subsectionId?: string) => {
    const p = tokensOf(phrase);
    const shared = words.filter((w) => p.includes(w));
    if (shared.length === 0) return;
    const score = shared.length / new Set([...words, ...p]).size;
    if (!best || score > best.score) best = { sectionId, subsectionId, title, phrase, score, shared };
  };
  for (const s of profile.sections) {
    for (const phrase of [s.title, ...s.aliases, ...s.keywords]) consider(phrase, s.id, s.title);
    for (const sub of s.subsections) for (const phrase of [sub.title, ...sub.aliases, ...sub.keywords]) consider(phrase, s.id, `${s.title} › ${sub.title}`, sub.id);
  }
  return best;
}

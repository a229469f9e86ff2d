// The text of a new design doc: a title and every section of the profile as a skeleton with its subsections.
// TODO(engine): switch to the engine's renderTemplate once snippets.ts exports one, so editor and CLI agree.
import type { ProfileDef } from '../engine/profiles';
import { sectionSkeleton } from '../engine/snippets';

export function renderDesignDoc(profile: ProfileDef, title: string, marker: boolean): string {
  const parts = [`# ${title}\n`];
  if (marker) parts.push('\n<!-- mldoc -->\n');
  for (const section of profile.sections) parts.push('\n' + sectionSkeleton(section, 2).text);
  return parts.join('');
}

/** "churn-prediction-design.md" -> "Churn Prediction Design". */
export function titleFromFileName(base: string): string {
  const words = base.replace(/\.[^.]+$/, '').replace(/\.mldoc$/, '').split(/[-_.\s]+/).filter(Boolean);
  const title = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ');
  return title && title.toLowerCase() !== 'design doc' ? title : 'ML System Design Doc';
}

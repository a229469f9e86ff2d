// A new design doc from a profile: front matter that opts in, a title, and every section's skeleton.
// Uses the engine's renderTemplate when it exists; otherwise builds the same from the profile's sections.
import * as snippets from '../engine/snippets';
import { getProfile, DEFAULT_PROFILE, PROFILES } from '../engine/profiles';

export function renderNewDocument(profileId?: string): string {
  const profile = getProfile(profileId) ?? getProfile(DEFAULT_PROFILE)!;
  const render = (snippets as Record<string, unknown>)['renderTemplate'];
  if (typeof render === 'function') {
    try {
      const out: unknown = render(profile);
      if (typeof out === 'string' && out.trim()) return out;
    } catch {
      // fall through to the local template
    }
  }
  const parts = [
    `---\nmldoc: true\nprofile: ${profile.id}\nstatus: draft\n---\n\n# Title of the ML system\n\n`,
    profile.sections.map((s) => snippets.sectionSkeleton(s, 2).text).join('\n'),
  ];
  return parts.join('').replace(/\n+$/, '\n');
}

export function knownProfiles(): readonly string[] {
  return PROFILES.map((p) => p.id);
}

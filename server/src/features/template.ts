// A new design doc from a profile, as the engine renders it (the same template `mldoc init` writes).
import { renderTemplate } from '../engine/snippets';
import { getProfile, DEFAULT_PROFILE } from '../engine/profiles';

export function renderNewDocument(profileId?: string): string {
  return renderTemplate(getProfile(profileId) ?? getProfile(DEFAULT_PROFILE)!);
}

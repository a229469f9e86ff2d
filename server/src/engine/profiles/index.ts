// The profile registry. Profiles are data; this file only lists them.
import type { ProfileDef } from './types';
import { lifecycle } from './lifecycle';

export const PROFILES: readonly ProfileDef[] = [lifecycle];
export const DEFAULT_PROFILE = lifecycle.id;

export function getProfile(id: string | undefined): ProfileDef | undefined {
  return PROFILES.find((p) => p.id === (id ?? DEFAULT_PROFILE));
}
export type { ProfileDef, SectionDef, SubsectionDef, LifecycleId } from './types';
export { LIFECYCLE_IDS } from './types';

// The profile registry. Profiles are data; this file only lists them.
import type { ProfileDef } from './types';
import { lifecycle } from './lifecycle';
import { mlsd9Step } from './mlsd-9-step';
import { designDoc } from './design-doc';
import { modelCard } from './model-card';
import { datasheet } from './datasheet';

export const PROFILES: readonly ProfileDef[] = [lifecycle, mlsd9Step, designDoc, modelCard, datasheet];
export const DEFAULT_PROFILE = lifecycle.id;

export function getProfile(id: string | undefined): ProfileDef | undefined {
  return PROFILES.find((p) => p.id === (id ?? DEFAULT_PROFILE));
}
/** The lifecycle profile itself: every analysis computes lifecycle coverage with it, whatever is selected. */
export const LIFECYCLE_PROFILE: ProfileDef = lifecycle;

/** A profile by id: custom profiles (from configuration) first, then the built-in ones. */
export function resolveProfile(id: string | undefined, custom: readonly ProfileDef[] = []): ProfileDef | undefined {
  return custom.find((p) => p.id === id) ?? getProfile(id);
}
export type { ProfileDef, SectionDef, SubsectionDef, LifecycleId } from './types';
export { LIFECYCLE_IDS } from './types';

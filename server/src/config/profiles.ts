// Custom profiles in the configuration: data only, validated field by field and reported at their line.
//
//   "profiles": {
//     "team-rfc": {
//       "extends": "design-doc",              // optional: start from a built-in profile's sections
//       "omit": ["appendix"],                 // optional: drop some of them
//       "sections": [                         // add sections, or refine inherited ones by id
//         { "id": "rollout", "title": "Rollout", "aliases": ["launch plan"], "lifecycle": ["deployment"] },
//         { "id": "motivation", "aliases": ["why now"] }
//       ]
//     }
//   }
//
// A refined section keeps every field it does not set (aliases given are added to the inherited ones).
import { PROFILES, LIFECYCLE_IDS, getProfile, type LifecycleId, type ProfileDef, type SectionDef } from '../engine/profiles';
import { describe, type ConfigNode, type Pos } from './tree';

export interface CustomSectionConfig {
  id: string;
  title?: string;
  aliases?: string[];
  keywords?: string[];
  guidance?: string;
  snippet?: string;
  lifecycle?: LifecycleId[];
}

export interface CustomProfileConfig {
  extends?: string;
  title?: string;
  description?: string;
  omit?: string[];
  sections: CustomSectionConfig[];
}

type Report = (pos: Pos, message: string, severity?: 'error' | 'warning') => void;

const ID = /^[a-z][a-z0-9-]*$/;
const PROFILE_KEYS = ['extends', 'title', 'description', 'omit', 'sections'] as const;
const SECTION_KEYS = ['id', 'title', 'aliases', 'keywords', 'guidance', 'snippet', 'lifecycle'] as const;

/** The `profiles` value -> custom profiles by id. Bad entries are reported and left out. */
export function parseProfiles(value: ConfigNode, report: Report): Record<string, CustomProfileConfig> | undefined {
  if (value.kind !== 'object') {
    report(value.pos, `'profiles' must be an object of profile id to profile definition, not ${describe(value)}`);
    return undefined;
  }
  const out: Record<string, CustomProfileConfig> = {};
  for (const { key, keyPos, value: v } of value.entries) {
    if (!ID.test(key)) {
      report(keyPos, `Profile id '${key}' must be lower-case letters, digits and hyphens, starting with a letter`);
      continue;
    }
    if (PROFILES.some((p) => p.id === key)) {
      report(keyPos, `'${key}' is a built-in profile; give the custom profile another id and use "extends": "${key}"`);
      continue;
    }
    const p = parseProfile(key, v, report);
    if (p) out[key] = p;
  }
  return out;
}

function parseProfile(id: string, node: ConfigNode, report: Report): CustomProfileConfig | undefined {
  if (node.kind !== 'object') {
    report(node.pos, `Profile '${id}' must be an object with "sections" (and optionally "extends", "omit", "title", "description"), not ${describe(node)}`);
    return undefined;
  }
  const out: CustomProfileConfig = { sections: [] };
  let base: ProfileDef | undefined;
  let sectionsNode: ConfigNode | undefined;
  for (const { key, keyPos, value } of node.entries) {
    switch (key as (typeof PROFILE_KEYS)[number]) {
      case 'extends': {
        const s = str(value, `profiles.${id}.extends`, report);
        if (s === undefined) break;
        base = getProfile(s);
        if (!base) report(value.pos, `Profile '${id}' extends '${s}', which is not a built-in profile. Built-in profiles: ${PROFILES.map((p) => p.id).join(', ')}`);
        else out.extends = s;
        break;
      }
      case 'title':
      case 'description': {
        const s = str(value, `profiles.${id}.${key}`, report);
        if (s !== undefined) out[key as 'title' | 'description'] = s;
        break;
      }
      case 'omit': {
        const list = strList(value, `profiles.${id}.omit`, report);
        if (list) out.omit = list;
        break;
      }
      case 'sections':
        sectionsNode = value;
        break;
      default:
        report(keyPos, `Unknown key '${key}' in profile '${id}'. Known keys: ${PROFILE_KEYS.join(', ')}`, 'warning');
    }
  }
  for (const o of out.omit ?? []) {
    if (!base?.sections.some((s) => s.id === o)) report(node.pos, `Profile '${id}' omits '${o}', which ${base ? `'${base.id}' has no section named` : 'needs "extends" to name'}`, 'warning');
  }
  if (sectionsNode === undefined) {
    if (!base) {
      report(node.pos, `Profile '${id}' needs "sections" (a list of sections) or "extends" (a built-in profile to start from)`);
      return undefined;
    }
  } else if (sectionsNode.kind !== 'array') {
    report(sectionsNode.pos, `'profiles.${id}.sections' must be a list of sections, not ${describe(sectionsNode)}`);
    if (!base) return undefined;
  } else {
    const seen = new Set<string>();
    for (const item of sectionsNode.items) {
      const s = parseSection(id, item, base, report);
      if (!s) continue;
      if (seen.has(s.id)) {
        report(item.pos, `Profile '${id}' lists section '${s.id}' twice`);
        continue;
      }
      seen.add(s.id);
      out.sections.push(s);
    }
  }
  const total = (base?.sections.filter((s) => !out.omit?.includes(s.id)).length ?? 0) + out.sections.filter((s) => !base?.sections.some((b) => b.id === s.id)).length;
  if (total === 0) {
    report(node.pos, `Profile '${id}' has no sections left`);
    return undefined;
  }
  return out;
}

function parseSection(profileId: string, node: ConfigNode, base: ProfileDef | undefined, report: Report): CustomSectionConfig | undefined {
  const where = `a section of profile '${profileId}'`;
  if (node.kind !== 'object') {
    report(node.pos, `Each entry of 'profiles.${profileId}.sections' must be an object with "id" and "title", not ${describe(node)}`);
    return undefined;
  }
  const idEntry = node.entries.find((e) => e.key === 'id');
  const id = idEntry ? str(idEntry.value, 'id', report) : undefined;
  if (id === undefined) {
    if (!idEntry) report(node.pos, `${where[0]!.toUpperCase()}${where.slice(1)} needs an "id"`);
    return undefined;
  }
  if (!ID.test(id)) {
    report(idEntry!.value.pos, `Section id '${id}' must be lower-case letters, digits and hyphens, starting with a letter`);
    return undefined;
  }
  const out: CustomSectionConfig = { id };
  for (const { key, keyPos, value } of node.entries) {
    switch (key as (typeof SECTION_KEYS)[number]) {
      case 'id':
        break;
      case 'title':
      case 'guidance':
      case 'snippet': {
        const s = str(value, key, report);
        if (s !== undefined) out[key as 'title' | 'guidance' | 'snippet'] = s;
        break;
      }
      case 'aliases':
      case 'keywords': {
        const list = strList(value, key, report);
        if (list) out[key as 'aliases' | 'keywords'] = list;
        break;
      }
      case 'lifecycle': {
        const list = strList(value, key, report);
        if (!list) break;
        const bad = list.filter((l) => !(LIFECYCLE_IDS as readonly string[]).includes(l));
        if (bad.length) report(value.pos, `Unknown lifecycle section ${bad.map((b) => `'${b}'`).join(', ')}. Lifecycle sections: ${LIFECYCLE_IDS.join(', ')}`);
        out.lifecycle = list.filter((l): l is LifecycleId => (LIFECYCLE_IDS as readonly string[]).includes(l));
        break;
      }
      default:
        report(keyPos, `Unknown key '${key}' in section '${id}'. Known keys: ${SECTION_KEYS.join(', ')}`, 'warning');
    }
  }
  if (!base?.sections.some((s) => s.id === id) && out.title === undefined) {
    report(node.pos, `Section '${id}' of profile '${profileId}' is new${base ? ` (not a section of '${base.id}')` : ''} and needs a "title"`);
    return undefined;
  }
  return out;
}

/** Custom profile configs -> engine profiles: the base's sections (minus `omit`), refined and extended. */
export function toProfileDefs(profiles: Readonly<Record<string, CustomProfileConfig>> | undefined): ProfileDef[] {
  if (!profiles) return [];
  return Object.entries(profiles).map(([id, c]) => {
    const base = c.extends ? getProfile(c.extends) : undefined;
    const byId = new Map(c.sections.map((s) => [s.id, s]));
    const inherited: SectionDef[] = (base?.sections ?? []).filter((s) => !c.omit?.includes(s.id)).map((s) => refine(s, byId.get(s.id)));
    const added: SectionDef[] = c.sections.filter((s) => !base?.sections.some((b) => b.id === s.id)).map((s) => refine(undefined, s));
    return {
      id,
      title: c.title ?? id,
      description: c.description ?? (base ? `${base.title}, customised.` : 'A custom profile.'),
      sections: [...inherited, ...added],
    };
  });
}

function refine(base: SectionDef | undefined, s: CustomSectionConfig | undefined): SectionDef {
  const title = s?.title ?? base?.title ?? s?.id ?? '';
  return {
    id: base?.id ?? s!.id,
    title,
    aliases: [...(base?.aliases ?? []), ...(s?.aliases ?? [])],
    keywords: [...(base?.keywords ?? []), ...(s?.keywords ?? [])],
    ...(base?.strongKeywords ? { strongKeywords: base.strongKeywords } : {}),
    guidance: s?.guidance ?? base?.guidance ?? `What the ${title} section should say.`,
    snippet: s?.snippet ?? base?.snippet ?? `\${1:${title.replace(/[$}\\]/g, '')}}`,
    subsections: base?.subsections ?? [],
    ...((s?.lifecycle ?? base?.lifecycle) ? { lifecycle: s?.lifecycle ?? base?.lifecycle } : {}),
  };
}

function str(value: ConfigNode, key: string, report: Report): string | undefined {
  if (value.kind === 'scalar' && typeof value.value === 'string' && value.value.trim() !== '') return value.value.trim();
  report(value.pos, `'${key}' must be a non-empty string, not ${describe(value)}`);
  return undefined;
}

function strList(value: ConfigNode, key: string, report: Report): string[] | undefined {
  if (value.kind !== 'array') {
    report(value.pos, `'${key}' must be a list of strings, not ${describe(value)}`);
    return undefined;
  }
  const out: string[] = [];
  for (const item of value.items) {
    if (item.kind === 'scalar' && typeof item.value === 'string' && item.value.trim() !== '') out.push(item.value.trim());
    else report(item.pos, `Each entry of '${key}' must be a non-empty string, not ${describe(item)}`);
  }
  return out;
}

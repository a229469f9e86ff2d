// Untrusted config text -> UserConfig, field by field. Pure: no file system. Never throws: a bad field is
// reported at its line and dropped, the rest of the configuration still applies.
import { RULES } from '../engine/rules';
import { PROFILES } from '../engine/profiles';
import { readJsonTree } from './json';
import { readYamlTree } from './yaml-tree';
import { describe, type ConfigEntry, type ConfigNode, type Pos } from './tree';
import { parseProfiles } from './profiles';
import { RULE_SEVERITIES, type ConfigError, type RuleSeverity, type UserConfig } from './types';

export type { ConfigError, RuleSeverity, UserConfig } from './types';

const KNOWN_KEYS = ['$schema', 'profile', 'profiles', 'rules', 'include', 'exclude', 'thinWords', 'maxFileSize', 'extends'] as const;

export function isYamlFileName(fileName: string): boolean {
  return /\.ya?ml$/i.test(fileName);
}

export function parseConfigText(text: string, fileName: string): { config: UserConfig; errors: ConfigError[] } {
  const errors: ConfigError[] = [];
  const config: UserConfig = {};
  const report = (pos: Pos, message: string, severity: ConfigError['severity'] = 'error') =>
    errors.push({ message, line: pos.line, column: pos.column, severity });
  try {
    const input = typeof text === 'string' ? text.replace(/^\uFEFF/, '') : '';
    const tree = isYamlFileName(String(fileName)) ? readYamlTree(input) : readJsonTree(input);
    for (const p of tree.problems) report(p.pos, p.message);
    if (!tree.root) return { config, errors };
    if (tree.root.kind !== 'object') {
      report(tree.root.pos, `The configuration must be an object of settings, not ${describe(tree.root)}`);
      return { config, errors };
    }
    const seen = new Map<string, ConfigEntry>();
    for (const entry of tree.root.entries) {
      if (seen.has(entry.key)) report(entry.keyPos, `Duplicate key '${entry.key}': this one wins`, 'warning');
      seen.set(entry.key, entry);
    }
    const pending: PendingProfile = {};
    for (const entry of seen.values()) applyEntry(entry, config, report, pending);
    settleProfile(pending, config, report);
  } catch (e) {
    // Defensive: a bug here must not take the editor or the CLI down.
    report({ line: 0, column: 0 }, `Could not read the configuration: ${e instanceof Error ? e.message : String(e)}`);
  }
  return { config, errors };
}

type Report = (pos: Pos, message: string, severity?: ConfigError['severity']) => void;

/** A `profile` that is not built in: it may name a custom profile of this file (or of the file it extends). */
interface PendingProfile {
  id?: string;
  pos?: Pos;
}

function settleProfile(pending: PendingProfile, config: UserConfig, report: Report): void {
  if (pending.id === undefined) return;
  // With `extends`, the profile may be defined further down the chain: files.ts checks the merged result.
  if (config.profiles?.[pending.id] || config.extends !== undefined) {
    config.profile = pending.id;
    return;
  }
  const custom = Object.keys(config.profiles ?? {});
  report(pending.pos!, `Unknown profile '${pending.id}'. Known profiles: ${[...PROFILES.map((p) => p.id), ...custom].join(', ')}`);
}

function applyEntry(entry: ConfigEntry, config: UserConfig, report: Report, pending: PendingProfile = {}): void {
  const { keyPos, value } = entry;
  const key = entry.key as (typeof KNOWN_KEYS)[number];
  switch (key) {
    case '$schema':
      return;
    case 'profile': {
      const s = stringOf(value, key, report);
      if (s === undefined) return;
      if (!PROFILES.some((p) => p.id === s)) {
        pending.id = s;
        pending.pos = value.pos;
        return;
      }
      config.profile = s;
      return;
    }
    case 'profiles': {
      const profiles = parseProfiles(value, report);
      if (profiles) config.profiles = profiles;
      return;
    }
    case 'extends': {
      const s = stringOf(value, key, report);
      if (s === undefined) return;
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) {
        report(value.pos, `'extends' must be a path to a local .mldoc.json or .mldoc.yaml file, not a URL`);
        return;
      }
      if (!/\.(json|ya?ml)$/i.test(s)) {
        report(value.pos, `'extends' must name a .json, .yaml or .yml file`);
        return;
      }
      config.extends = s;
      return;
    }
    case 'include':
    case 'exclude': {
      const list = stringListOf(value, key, report);
      if (list) config[key] = list;
      return;
    }
    case 'thinWords':
    case 'maxFileSize': {
      const n = numberOf(value, key, report, key === 'thinWords');
      if (n !== undefined) config[key] = n;
      return;
    }
    case 'rules':
      applyRules(value, config, report);
      return;
    default:
      report(keyPos, `Unknown setting '${entry.key}'. Known settings: ${KNOWN_KEYS.filter((k) => k !== '$schema').join(', ')}`, 'warning');
  }
}

function applyRules(value: ConfigNode, config: UserConfig, report: Report): void {
  if (value.kind !== 'object') {
    report(value.pos, `'rules' must be an object of rule id to severity (off, hint, info, warning, error), not ${describe(value)}`);
    return;
  }
  const rules: Record<string, RuleSeverity> = {};
  for (const { key, keyPos, value: v } of value.entries) {
    if (!RULES.some((r) => r.id === key)) {
      const near = closest(key, RULES.map((r) => r.id));
      report(keyPos, `Unknown rule '${key}'${near ? `. Did you mean '${near}'?` : ''}`);
      continue;
    }
    const sev = v.kind === 'scalar' && typeof v.value === 'string' ? v.value.trim().toLowerCase() : undefined;
    // `false` is a common way to say "off"; accept it quietly as markdownlint does.
    if (v.kind === 'scalar' && v.value === false) {
      rules[key] = 'off';
      continue;
    }
    const normalized = sev === 'warn' ? 'warning' : sev === 'information' ? 'info' : sev;
    if (normalized === undefined || !(RULE_SEVERITIES as readonly string[]).includes(normalized)) {
      report(v.pos, `Rule '${key}': severity must be one of ${RULE_SEVERITIES.join(', ')}, not ${describe(v)}`);
      continue;
    }
    rules[key] = normalized as RuleSeverity;
  }
  config.rules = rules;
}

function stringOf(value: ConfigNode, key: string, report: Report): string | undefined {
  if (value.kind === 'scalar' && typeof value.value === 'string' && value.value.trim() !== '') return value.value.trim();
  report(value.pos, `'${key}' must be a non-empty string, not ${describe(value)}`);
  return undefined;
}

function stringListOf(value: ConfigNode, key: string, report: Report): string[] | undefined {
  if (value.kind !== 'array') {
    report(value.pos, `'${key}' must be a list of glob patterns, not ${describe(value)}`);
    return undefined;
  }
  const out: string[] = [];
  for (const item of value.items) {
    if (item.kind === 'scalar' && typeof item.value === 'string' && item.value.trim() !== '') out.push(item.value.trim());
    else report(item.pos, `Each entry of '${key}' must be a non-empty glob pattern string, not ${describe(item)}`);
  }
  return out;
}

function numberOf(value: ConfigNode, key: string, report: Report, integer: boolean): number | undefined {
  if (value.kind !== 'scalar' || typeof value.value !== 'number' || !Number.isFinite(value.value)) {
    report(value.pos, `'${key}' must be a number, not ${describe(value)}`);
    return undefined;
  }
  if (value.value < 0 || (integer && !Number.isInteger(value.value))) {
    report(value.pos, `'${key}' must be a ${integer ? 'whole number' : 'number'} of 0 or more, not ${value.value}`);
    return undefined;
  }
  return value.value;
}

/** The known id nearest to a misspelt one, if it is close enough to be a likely typo. */
function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDist = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c);
    if (d < bestDist) {
      best = c;
      bestDist = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 10) return Infinity;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur.push(Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = cur;
  }
  return prev[b.length]!;
}

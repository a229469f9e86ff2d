// Untrusted editor settings (the `mldoc` section of workspace/configuration, or didChangeConfiguration's
// payload) -> typed Settings, field by field. Never throws: a bad field falls back to its default.
import type { SeveritySetting } from './engine/types';

export interface Settings {
  readonly enable: boolean;
  readonly include: readonly string[];
  /** Only the rules the user set: the default is an empty object, so every key here was set on purpose. */
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  /** undefined when not set or not a string. */
  readonly profile: string | undefined;
  readonly maxFileSize: number;
}

export const DEFAULT_SETTINGS: Settings = {
  enable: true,
  include: ['**/*design*.md', '**/design-docs/**', '**/*.mldoc.md'],
  rules: {},
  profile: undefined,
  maxFileSize: 5_000_000,
};

const SEVERITIES: readonly SeveritySetting[] = ['off', 'hint', 'info', 'warning', 'error'];
/** Spellings people write in settings for our severities. */
const SEVERITY_ALIASES: Readonly<Record<string, SeveritySetting>> = {
  information: 'info',
  warn: 'warning',
  none: 'off',
  false: 'off',
  ignore: 'off',
  disabled: 'off',
};

function read(obj: unknown, key: string): unknown {
  if (obj === null || typeof obj !== 'object') return undefined;
  try {
    return (obj as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

export function parseSeverity(value: unknown): SeveritySetting | undefined {
  if (value === false) return 'off';
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  return (SEVERITIES as readonly string[]).includes(v) ? (v as SeveritySetting) : SEVERITY_ALIASES[v];
}

function parseRules(value: unknown): Record<string, SeveritySetting> {
  const out: Record<string, SeveritySetting> = {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return out;
  let keys: string[];
  try {
    keys = Object.keys(value);
  } catch {
    return out;
  }
  for (const key of keys) {
    if (!/^[a-z0-9][a-z0-9-]*$/i.test(key)) continue;
    const sev = parseSeverity(read(value, key));
    if (sev) out[key.toLowerCase()] = sev;
  }
  return out;
}

function parseInclude(value: unknown): readonly string[] {
  if (typeof value === 'string' && value.trim()) return [value.trim()];
  if (!Array.isArray(value)) return DEFAULT_SETTINGS.include;
  const list = value.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
  return list.length || value.length === 0 ? list : DEFAULT_SETTINGS.include;
}

export function parseSettings(raw: unknown): Settings {
  try {
    // Clients send either the section itself or the whole settings object with an `mldoc` key.
    const section = read(raw, 'mldoc');
    const src = section !== null && typeof section === 'object' ? section : raw;
    const enable = read(src, 'enable');
    const profile = read(src, 'profile');
    const max = read(src, 'maxFileSize');
    return {
      enable: typeof enable === 'boolean' ? enable : enable === 'false' ? false : DEFAULT_SETTINGS.enable,
      include: parseInclude(read(src, 'include')),
      rules: parseRules(read(src, 'rules')),
      profile: typeof profile === 'string' && profile.trim() ? profile.trim() : undefined,
      maxFileSize: typeof max === 'number' && Number.isFinite(max) && max >= 0 ? Math.floor(max) : DEFAULT_SETTINGS.maxFileSize,
    };
  } catch {
    return DEFAULT_SETTINGS;
  }
}

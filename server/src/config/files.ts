// Finding and loading the workspace config file for a document. The only part of config/ that touches the
// file system; parsing and validation live in parse.ts.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { EngineConfig } from '../engine/types';
import { parseConfigText } from './parse';
import { toProfileDefs } from './profiles';
import { PROFILES } from '../engine/profiles';
import { CONFIG_FILE_NAMES, type ConfigError, type UserConfig } from './types';

export interface LoadedConfig {
  /** Absolute path of the config file that applies, if any. */
  file?: string;
  config: UserConfig;
  /** Problems in the config file (or a file it extends: then `file` on the error says which). */
  errors: LoadedConfigError[];
}
export interface LoadedConfigError extends ConfigError {
  /** The file the problem is in. */
  file: string;
}

const MAX_CONFIG_BYTES = 1_000_000;
const MAX_EXTENDS_DEPTH = 10;

/** Walk upward from `startDir` to the file-system root; the first folder with a config file wins. */
export function findConfigFile(startDir: string): string | undefined {
  let dir = resolve(startDir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const p = join(dir, name);
      if (isFile(p)) return p;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The configuration that applies to the document at `filePath` (found by walking up from its folder). */
export function loadConfigFor(filePath: string): LoadedConfig {
  const file = findConfigFile(dirname(resolve(filePath)));
  return file ? loadConfigFile(file) : { config: {}, errors: [] };
}

/** Read and validate one config file, following `extends` (relative to the file; local files only). */
export function loadConfigFile(file: string): LoadedConfig {
  const abs = resolve(file);
  const errors: LoadedConfigError[] = [];
  const config = loadChain(abs, errors, [], 0);
  return { file: abs, config, errors };
}

function loadChain(file: string, errors: LoadedConfigError[], seen: string[], depth: number): UserConfig {
  const at = (message: string): LoadedConfigError => ({ file, message, line: 0, column: 0, severity: 'error' });
  let text: string;
  try {
    const size = statSync(file).size;
    if (size > MAX_CONFIG_BYTES) {
      errors.push(at(`The configuration file is too large (${size} bytes)`));
      return {};
    }
    text = readFileSync(file, 'utf8');
  } catch (e) {
    errors.push(at(`Cannot read the configuration file: ${(e as NodeJS.ErrnoException).code ?? String(e)}`));
    return {};
  }
  const parsed = parseConfigText(text, file);
  errors.push(...parsed.errors.map((e) => ({ ...e, file })));
  const own = parsed.config;
  if (own.extends === undefined) return own;
  const target = isAbsolute(own.extends) ? own.extends : resolve(dirname(file), own.extends);
  const line = locateKey(text, 'extends');
  if (seen.includes(target) || target === file || depth >= MAX_EXTENDS_DEPTH) {
    errors.push({ file, message: `'extends' makes a cycle: ${[...seen, file, target].join(' -> ')}`, line, column: 0, severity: 'error' });
    return checkProfile(withoutExtends(own), file, text, errors);
  }
  if (!existsSync(target)) {
    errors.push({ file, message: `'extends' names a file that does not exist: ${own.extends}`, line, column: 0, severity: 'error' });
    return checkProfile(withoutExtends(own), file, text, errors);
  }
  const base = loadChain(target, errors, [...seen, file], depth + 1);
  return checkProfile(mergeConfigs(base, withoutExtends(own)), file, text, errors);
}

/** After `extends` is resolved: the selected profile must be built in or defined somewhere in the chain. */
function checkProfile(config: UserConfig, file: string, text: string, errors: LoadedConfigError[]): UserConfig {
  const id = config.profile;
  if (id === undefined || PROFILES.some((p) => p.id === id) || config.profiles?.[id]) return config;
  const known = [...PROFILES.map((p) => p.id), ...Object.keys(config.profiles ?? {})];
  errors.push({ file, message: `Unknown profile '${id}'. Known profiles: ${known.join(', ')}`, line: locateKey(text, 'profile'), column: 0, severity: 'error' });
  const { profile: _dropped, ...rest } = config;
  return rest;
}

/** `over` wins field by field; rule severities are merged rule by rule. */
export function mergeConfigs(base: UserConfig, over: UserConfig): UserConfig {
  const out: UserConfig = { ...base, ...over };
  if (base.rules || over.rules) out.rules = { ...base.rules, ...over.rules };
  if (base.profiles || over.profiles) out.profiles = { ...base.profiles, ...over.profiles };
  return out;
}

/** The engine's part of a user configuration: only the fields that are set. */
export function toEngineConfig(user: UserConfig): Partial<EngineConfig> {
  const out: { -readonly [K in keyof EngineConfig]?: EngineConfig[K] } = {};
  if (user.profile !== undefined) out.profile = user.profile;
  if (user.rules !== undefined) out.rules = { ...user.rules };
  if (user.thinWords !== undefined) out.thinWords = user.thinWords;
  if (user.profiles !== undefined) out.customProfiles = toProfileDefs(user.profiles);
  return out;
}

function withoutExtends(c: UserConfig): UserConfig {
  const { extends: _ignored, ...rest } = c;
  return rest;
}

function locateKey(text: string, key: string): number {
  const lines = text.split(/\r\n|\r|\n/);
  const i = lines.findIndex((l) => new RegExp(`^\\s*["']?${key}["']?\\s*:`).test(l));
  return Math.max(0, i);
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

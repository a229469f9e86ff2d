// Which configuration applies to each document: --config FILE for all, or the nearest config file above the
// document (one lookup per folder). Config problems are collected once per config file.
import { statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import picomatch from 'picomatch';
import { findConfigFile, loadConfigFile, toEngineConfig, type LoadedConfigError } from '../config/files';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE, DEFAULT_MAX_FILE_SIZE, type UserConfig } from '../config/types';
import { PROFILES } from '../engine/profiles';
import type { EngineConfig } from '../engine/types';
import { UsageError } from './io';

export interface ResolvedConfig {
  /** Absolute path of the config file, if any. */
  readonly file?: string;
  readonly user: UserConfig;
  readonly engine: Partial<EngineConfig>;
  readonly maxFileSize: number;
  /** Whether a file (absolute path) matches the config's include globs (relative to the config's folder). */
  isIncluded(abs: string): boolean;
  isExcluded(abs: string): boolean;
}

export interface ConfigResolver {
  forFile(abs: string): ResolvedConfig;
  /** Problems found in every config file loaded so far. */
  problems(): readonly LoadedConfigError[];
}

export function createConfigResolver(cwd: string, opts: { config?: string; profile?: string }): ConfigResolver {
  const problems: LoadedConfigError[] = [];
  const byFile = new Map<string, ResolvedConfig>();
  const byDir = new Map<string, ResolvedConfig>();
  // Resolved only when a document has no config file: --profile may name a custom profile that a config defines.
  let none: ResolvedConfig | undefined;

  const load = (file: string): ResolvedConfig => {
    let r = byFile.get(file);
    if (!r) {
      const loaded = loadConfigFile(file);
      problems.push(...loaded.errors);
      r = resolveOne(file, loaded.config, dirname(file), opts.profile);
      byFile.set(file, r);
    }
    return r;
  };

  let fixed: ResolvedConfig | undefined;
  if (opts.config !== undefined) {
    const file = resolve(cwd, opts.config);
    if (!isReadableFile(file)) throw new UsageError(`Config file not found: ${opts.config}`);
    fixed = load(file);
  }
  return {
    forFile(abs) {
      if (fixed) return fixed;
      const dir = dirname(abs);
      let r = byDir.get(dir);
      if (!r) {
        const file = findConfigFile(dir);
        r = file ? load(file) : (none ??= resolveOne(undefined, {}, cwd, opts.profile));
        byDir.set(dir, r);
      }
      return r;
    },
    problems: () => problems,
  };
}

function resolveOne(file: string | undefined, user: UserConfig, baseDir: string, profile: string | undefined): ResolvedConfig {
  // --profile names a built-in profile or one defined in the config that applies.
  if (profile !== undefined && !PROFILES.some((p) => p.id === profile) && !user.profiles?.[profile]) {
    const known = [...PROFILES.map((p) => p.id), ...Object.keys(user.profiles ?? {})];
    throw new UsageError(`Unknown profile '${profile}'${file ? ` (for ${file})` : ''}. Profiles: ${known.join(', ')}`);
  }
  const engine = toEngineConfig(profile !== undefined ? { ...user, profile } : user);
  const include = picomatch(user.include?.length ? user.include : [...DEFAULT_INCLUDE], { dot: true });
  const exclude = picomatch([...DEFAULT_EXCLUDE, ...(user.exclude ?? [])], { dot: true });
  const rel = (abs: string) => relative(baseDir, abs).split('\\').join('/');
  return {
    file,
    user,
    engine,
    maxFileSize: user.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    isIncluded: (abs) => include(rel(abs)) || include(abs.split('\\').join('/')),
    isExcluded: (abs) => exclude(rel(abs)) || exclude(abs.split('\\').join('/')),
  };
}

function isReadableFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

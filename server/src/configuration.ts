// Effective configuration per document: editor settings (pulled per resource with workspace/configuration,
// coerced, cached) merged with the workspace config file (.mldoc.json / .mldoc.yaml, found by walking up from
// the document). Merge policy, documented in docs/editors.md:
//   - rules: the config file's severities, then the editor's `mldoc.rules` on top (the setting's default is an
//     empty object, so every rule in it was set on purpose and wins for that rule);
//   - profile, include, maxFileSize: the config file wins when it sets them (editor settings always report a
//     default, so they cannot say whether the user chose it); front matter `profile:` beats both;
//   - enable: the editor setting only.
// A broken config file gets diagnostics at the right line and the rest of it (or the defaults) still applies.
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Connection, Diagnostic } from 'vscode-languageserver';
import { findConfigFile, loadConfigFile, toEngineConfig, type LoadedConfig } from './config/files';
import { parseConfigText } from './config/parse';
import { DEFAULT_EXCLUDE } from './config/types';
import { toConfigDiagnostic } from './convert';
import type { EngineConfig } from './engine/types';
import { parseSettings, DEFAULT_SETTINGS, type Settings } from './settings';

export interface Effective {
  readonly enable: boolean;
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  readonly maxFileSize: number;
  readonly engine: Partial<EngineConfig>;
  /** Folders include globs are matched relative to: the config file's folder, then the workspace folders. */
  readonly roots: readonly string[];
}

export const CONFIG_FILE = /(^|[\\/])\.mldoc\.(json|ya?ml)$/i;

export function uriToPath(uri: string): string | undefined {
  try {
    if (uri.startsWith('file:')) return fileURLToPath(uri);
  } catch {
    return undefined;
  }
  return undefined;
}

export interface ConfigStoreDeps {
  readonly connection: Connection;
  readonly pullSupported: () => boolean;
  readonly folders: () => readonly string[];
  readonly log: (message: string) => void;
}

export function createConfigStore(deps: ConfigStoreDeps) {
  let pushed: Settings = DEFAULT_SETTINGS;
  const settingsCache = new Map<string, Promise<Settings>>();
  const fileCache = new Map<string, LoadedConfig>();
  /** Folder -> the config file that applies there (walking up costs a few stats; edits come per keystroke). */
  const lookupCache = new Map<string, string | undefined>();
  /** Diagnostics published per config file uri; `stale` ones are cleared when no load reports them again. */
  const published = new Map<string, Diagnostic[]>();
  let stale = new Set<string>();
  /** Config files open in the editor: their diagnostics come from the buffer. */
  const openBuffers = new Map<string, string>();

  const publish = (uri: string, diagnostics: Diagnostic[]) => {
    stale.delete(uri);
    const before = published.get(uri);
    if (before && JSON.stringify(before) === JSON.stringify(diagnostics)) return;
    published.set(uri, diagnostics);
    void deps.connection.sendDiagnostics({ uri, diagnostics }).catch(() => undefined);
  };

  const settingsFor = (uri: string): Promise<Settings> => {
    let hit = settingsCache.get(uri);
    if (!hit) {
      hit = deps.pullSupported()
        ? deps.connection.workspace.getConfiguration({ scopeUri: uri, section: 'mldoc' }).then(parseSettings, (e: unknown) => {
            deps.log(`workspace/configuration failed: ${String(e)}`);
            return pushed;
          })
        : Promise.resolve(pushed);
      settingsCache.set(uri, hit);
    }
    return hit;
  };

  const loadFile = (file: string): LoadedConfig => {
    let loaded = fileCache.get(file);
    if (!loaded) {
      try {
        loaded = loadConfigFile(file);
      } catch (e) {
        loaded = { file, config: {}, errors: [{ file, message: `Cannot load the configuration: ${String(e)}`, line: 0, column: 0, severity: 'error' }] };
      }
      fileCache.set(file, loaded);
      const byFile = new Map<string, Diagnostic[]>([[file, []]]);
      for (const err of loaded.errors) {
        const list = byFile.get(err.file) ?? [];
        list.push(toConfigDiagnostic(err));
        byFile.set(err.file, list);
      }
      for (const [f, diags] of byFile) {
        const uri = pathToFileURL(f).toString();
        if (!openBuffers.has(uri)) publish(uri, diags);
      }
    }
    return loaded;
  };

  const fileFor = (uri: string): LoadedConfig => {
    const path = uriToPath(uri);
    const start = path ? dirname(path) : deps.folders()[0];
    if (!start) return { config: {}, errors: [] };
    let file = lookupCache.get(start);
    if (!lookupCache.has(start)) {
      try {
        file = findConfigFile(start);
      } catch {
        file = undefined;
      }
      lookupCache.set(start, file);
    }
    return file ? loadFile(file) : { config: {}, errors: [] };
  };

  return {
    async effectiveFor(uri: string): Promise<Effective> {
      const settings = await settingsFor(uri);
      const loaded = fileFor(uri);
      const user = loaded.config;
      const engine: Partial<EngineConfig> = toEngineConfig(user);
      const rules = { ...(user.rules ?? {}), ...settings.rules };
      const profile = user.profile ?? settings.profile;
      return {
        enable: settings.enable,
        include: user.include ?? settings.include,
        exclude: user.exclude ?? DEFAULT_EXCLUDE,
        maxFileSize: user.maxFileSize ?? settings.maxFileSize,
        engine: { ...engine, rules, ...(profile ? { profile } : {}) },
        roots: [...(loaded.file && user.include ? [dirname(loaded.file)] : []), ...deps.folders()],
      };
    },
    /** didChangeConfiguration: remember pushed settings (for clients that cannot be asked) and forget the cache. */
    settingsChanged(raw: unknown): void {
      if (raw !== null && raw !== undefined) pushed = parseSettings(raw);
      settingsCache.clear();
    },
    /** A config file changed on disk (or was saved): forget every loaded file; diagnostics are re-published on load. */
    filesChanged(): void {
      fileCache.clear();
      lookupCache.clear();
      stale = new Set([...published.keys()].filter((u) => !openBuffers.has(u)));
    },
    /** After re-analysing: config files no load reported on any more (deleted, fixed, no longer used) are cleared. */
    flushStale(): void {
      for (const uri of stale) publish(uri, []);
      stale.clear();
    },
    /** An open config buffer: validate its text as typed. */
    bufferChanged(uri: string, text: string): void {
      openBuffers.set(uri, text);
      const { errors } = parseConfigText(text, uriToPath(uri) ?? uri);
      publish(uri, errors.map(toConfigDiagnostic));
    },
    /** A closed config buffer: its diagnostics come from the file on disk again (on the next load). */
    bufferClosed(uri: string): void {
      openBuffers.delete(uri);
      publish(uri, []);
      fileCache.clear();
      lookupCache.clear();
    },
  };
}

export type ConfigStore = ReturnType<typeof createConfigStore>;

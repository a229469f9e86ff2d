// The workspace configuration (.mldoc.json / .mldoc.yaml): the same shape for the CLI and the editor.
// Everything here is untrusted input: parsed field by field, never thrown on.
import type { CustomProfileConfig } from './profiles';

export type RuleSeverity = 'off' | 'hint' | 'info' | 'warning' | 'error';
export const RULE_SEVERITIES: readonly RuleSeverity[] = ['off', 'hint', 'info', 'warning', 'error'];

export interface UserConfig {
  profile?: string;
  /** Custom profiles by id (data; see config/profiles.ts). */
  profiles?: Record<string, CustomProfileConfig>;
  rules?: Record<string, RuleSeverity>;
  include?: string[];
  exclude?: string[];
  thinWords?: number;
  maxFileSize?: number;
  extends?: string;
}

export interface ConfigError {
  message: string;
  /** 0-based line in the config file. */
  line: number;
  /** 0-based column (UTF-16 code units). */
  column: number;
  severity: 'error' | 'warning';
}

/** Where the CLI and the editor agree a Markdown file is a design doc when no config says otherwise. */
export const DEFAULT_INCLUDE: readonly string[] = ['**/*design*.md', '**/design-docs/**', '**/*.mldoc.md'];
export const DEFAULT_EXCLUDE: readonly string[] = ['**/node_modules/**', '**/.git/**'];
/** Characters; larger documents get one info finding and are not analysed. */
export const DEFAULT_MAX_FILE_SIZE = 5_000_000;
export const CONFIG_FILE_NAMES: readonly string[] = ['.mldoc.json', '.mldoc.yaml', '.mldoc.yml'];

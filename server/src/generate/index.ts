// Generated files, as data: each target says where it lives and how to render it from what is there now.
// scripts/generate.ts writes them; test/unit/generated.test.ts fails when one drifts. Pure: no file I/O here.
import { getProfile } from '../engine/profiles';
import { RULES } from '../engine/rules';
import { renderSnippets, SNIPPETS_PATH } from './snippets';
import { README_PATH, renderReadme } from './readme';
import { PACKAGE_JSON_PATH, renderPackageJson } from './package-json';
import { renderConfigSchema, SCHEMA_PATH } from '../config/schema';

export interface GeneratedFile {
  readonly path: string;
  /** The file's content as it should be, given its current content (undefined when it does not exist). */
  render(current: string | undefined): string;
  /** Whether the file is JSON that other tools also edit: compare values, not formatting. */
  readonly json?: boolean;
}

export const GENERATED_FILES: readonly GeneratedFile[] = [
  { path: SNIPPETS_PATH, render: () => renderSnippets(getProfile('lifecycle')!, RULES) },
  { path: README_PATH, render: (current) => renderReadme(current, RULES) },
  // The JSON Schema of .mldoc.json / .mldoc.yaml (owned by the configuration code; test/unit/config.test.ts checks it).
  { path: SCHEMA_PATH, render: () => renderConfigSchema() },
  {
    path: PACKAGE_JSON_PATH,
    json: true,
    render: (current) => {
      if (current === undefined) throw new Error('package.json is missing');
      return renderPackageJson(current, RULES);
    },
  },
];

export { renderSnippets } from './snippets';
export { renderReadme, renderRulesTable, RULES_START, RULES_END } from './readme';
export { renderPackageJson, renderRuleSettings } from './package-json';

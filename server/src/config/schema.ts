// The JSON Schema of .mldoc.json / .mldoc.yaml, rendered from the rule and profile registries so that it
// cannot drift: schemas/mldoc.schema.json is this function's output (a unit test compares them).
import { RULES } from '../engine/rules';
import { PROFILES } from '../engine/profiles';
import { DEFAULT_CONFIG } from '../engine';
import { DEFAULT_INCLUDE, DEFAULT_MAX_FILE_SIZE, RULE_SEVERITIES } from './types';

export const SCHEMA_PATH = 'schemas/mldoc.schema.json';

export function renderConfigSchema(): string {
  const severity = (defaultSeverity: string) => ({
    type: 'string',
    enum: [...RULE_SEVERITIES],
    default: defaultSeverity,
  });
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'ML Design Doc configuration',
    description:
      'Configuration for mldoc (.mldoc.json, .mldoc.yaml or .mldoc.yml). The nearest file above a document applies, in the editor and on the command line.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string', description: 'The JSON Schema this file follows (for editors).' },
      extends: {
        type: 'string',
        pattern: '\\.(json|ya?ml)$',
        description: 'Path (relative to this file) of another mldoc configuration file whose settings this file builds on. Local files only.',
      },
      profile: {
        type: 'string',
        enum: PROFILES.map((p) => p.id),
        default: PROFILES[0]?.id,
        description: `The outline documents are checked against. ${PROFILES.map((p) => `${p.id}: ${p.description}`).join(' ')}`,
      },
      rules: {
        type: 'object',
        description: 'Severity per rule id: off, hint, info, warning or error. Rules not listed keep their default severity.',
        additionalProperties: false,
        properties: Object.fromEntries(
          RULES.map((r) => [r.id, { ...severity(r.defaultSeverity), description: `${r.description} Documentation: docs/rules/${r.id}.md` }]),
        ),
      },
      include: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        default: [...DEFAULT_INCLUDE],
        description:
          'Glob patterns (relative to this file) of Markdown files treated as ML design docs when a folder is checked. Files named on the command line, and files whose front matter or a <!-- mldoc --> marker opts in, are always checked.',
      },
      exclude: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        default: [],
        description: 'Glob patterns (relative to this file) of files never checked. node_modules and .git are always skipped.',
      },
      thinWords: {
        type: 'integer',
        minimum: 0,
        default: DEFAULT_CONFIG.thinWords,
        description: 'Minimum words of substance for a section to count as covered rather than thin.',
      },
      maxFileSize: {
        type: 'number',
        minimum: 0,
        default: DEFAULT_MAX_FILE_SIZE,
        description: 'Documents larger than this many characters get one info finding and are not analysed.',
      },
    },
  };
  return JSON.stringify(schema, null, 2) + '\n';
}

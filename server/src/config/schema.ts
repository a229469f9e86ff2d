// The JSON Schema of .mldoc.json / .mldoc.yaml, rendered from the rule and profile registries so that it
// cannot drift: schemas/mldoc.schema.json is this function's output (a unit test compares them).
import { RULES } from '../engine/rules';
import { LIFECYCLE_IDS, PROFILES } from '../engine/profiles';
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
        anyOf: [
          { enum: PROFILES.map((p) => p.id), description: 'A built-in profile.' },
          { pattern: '^[a-z][a-z0-9-]*$', not: { enum: PROFILES.map((p) => p.id) }, description: 'A custom profile defined under "profiles".' },
        ],
        default: PROFILES[0]?.id,
        description: `The outline documents are checked against: a built-in profile or one defined under "profiles". ${PROFILES.map((p) => `${p.id}: ${p.description}`).join(' ')}`,
      },
      profiles: renderProfilesSchema(),
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

/** Custom profiles (config/profiles.ts): data only, so the schema can say everything the parser checks. */
function renderProfilesSchema() {
  const strings = (description: string) => ({ type: 'array', items: { type: 'string', minLength: 1 }, description });
  const section = {
    type: 'object',
    additionalProperties: false,
    required: ['id'],
    properties: {
      id: { type: 'string', pattern: '^[a-z][a-z0-9-]*$', description: 'Section id (also used in findings). The id of an inherited section refines it.' },
      title: { type: 'string', minLength: 1, description: 'Heading title; required for a new section.' },
      aliases: strings('Other heading names that count as this section (added to inherited ones).'),
      keywords: strings('Phrases in body text that show the topic is addressed (added to inherited ones).'),
      guidance: { type: 'string', minLength: 1, description: 'What a good section answers (Markdown), shown in hovers and findings.' },
      snippet: { type: 'string', minLength: 1, description: 'Skeleton body inserted by quick fixes; ${1:placeholder} tab stops.' },
      lifecycle: { type: 'array', items: { type: 'string', enum: [...LIFECYCLE_IDS] }, description: 'The lifecycle sections this section addresses.' },
    },
  };
  return {
    type: 'object',
    description: 'Custom profiles by id: a built-in profile to start from ("extends"), sections to drop ("omit"), and sections to add or refine.',
    propertyNames: { pattern: '^[a-z][a-z0-9-]*$', not: { enum: PROFILES.map((p) => p.id) } },
    additionalProperties: {
      type: 'object',
      additionalProperties: false,
      properties: {
        extends: { type: 'string', enum: PROFILES.map((p) => p.id), description: 'The built-in profile whose sections this one starts from.' },
        title: { type: 'string', minLength: 1, description: 'Name of the profile.' },
        description: { type: 'string', minLength: 1, description: 'One line about the profile.' },
        omit: strings('Ids of inherited sections to leave out.'),
        sections: { type: 'array', items: section, description: 'Sections to add, or inherited sections (same id) to refine.' },
      },
      anyOf: [{ required: ['extends'] }, { required: ['sections'] }],
    },
  };
}

// Config parsing: JSON(C) and YAML, positions of problems, field-by-field coercion, and the JSON Schema kept in
// sync with the rule and profile registries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseConfigText } from '../../server/src/config/parse';
import { findConfigFile, loadConfigFor, toEngineConfig } from '../../server/src/config/files';
import { renderConfigSchema, SCHEMA_PATH } from '../../server/src/config/schema';
import { RULES } from '../../server/src/engine/rules';
import { PROFILES } from '../../server/src/engine/profiles';
import { tempDir } from '../temp-dir';

const ROOT = resolve(__dirname, '../../..');
const RULE = RULES[0]!.id;

test('JSON: a valid config is read completely', () => {
  const r = parseConfigText(
    JSON.stringify({ $schema: './schemas/mldoc.schema.json', profile: 'lifecycle', rules: { [RULE]: 'error' }, include: ['docs/**/*.md'], exclude: ['drafts/**'], thinWords: 12, maxFileSize: 1000 }),
    '.mldoc.json',
  );
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.config, { profile: 'lifecycle', rules: { [RULE]: 'error' }, include: ['docs/**/*.md'], exclude: ['drafts/**'], thinWords: 12, maxFileSize: 1000 });
});

test('JSON: comments and trailing commas are tolerated (JSONC), a BOM is ignored', () => {
  const r = parseConfigText('\uFEFF{\n  // line comment\n  /* block */ "thinWords": 3,\n  "include": ["a/*design*.md",],\n}\n', '.mldoc.json');
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.config, { thinWords: 3, include: ['a/*design*.md'] });
});

test('JSON: malformed syntax is an error at the line where it is detected', () => {
  const r = parseConfigText('{\n  "profile": "lifecycle"\n  "thinWords": 3\n}\n', '.mldoc.json');
  assert.equal(r.errors.length, 1);
  assert.equal(r.errors[0]!.severity, 'error');
  assert.equal(r.errors[0]!.line, 2);
  assert.equal(r.errors[0]!.column, 2);
  assert.match(r.errors[0]!.message, /Invalid JSON: Expected ',' or '}'/);
  assert.deepEqual(r.config, {});
});

test('JSON: unterminated string and single quotes are reported, never thrown', () => {
  assert.equal(parseConfigText('{"profile": "life\n}', '.mldoc.json').errors[0]!.line, 0);
  assert.match(parseConfigText("{'profile': 1}", '.mldoc.json').errors[0]!.message, /double quotes/);
  assert.equal(parseConfigText('[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[['.repeat(10), '.mldoc.json').errors.length, 1);
});

test('YAML: a valid config, with the key line of each problem', () => {
  const text = ['profile: lifecycle', 'rules:', `  ${RULE}: warn`, '  no-such-rule: error', 'thinWords: many', 'colour: blue', ''].join('\n');
  const r = parseConfigText(text, '.mldoc.yaml');
  assert.deepEqual(r.config, { profile: 'lifecycle', rules: { [RULE]: 'warning' } });
  const byLine = Object.fromEntries(r.errors.map((e) => [e.line, e]));
  assert.match(byLine[3]!.message, /Unknown rule 'no-such-rule'/);
  assert.equal(byLine[3]!.column, 2);
  assert.equal(byLine[3]!.severity, 'error');
  assert.match(byLine[4]!.message, /'thinWords' must be a number, not the string "many"/);
  assert.equal(byLine[4]!.column, 11);
  assert.match(byLine[5]!.message, /Unknown setting 'colour'/);
  assert.equal(byLine[5]!.severity, 'warning');
});

test('YAML: malformed syntax is an error at its line; .yml is YAML too', () => {
  const r = parseConfigText('profile: lifecycle\nrules:\n  a: b\n c: [\n', '.mldoc.yml');
  assert.ok(r.errors.length >= 1);
  assert.equal(r.errors[0]!.severity, 'error');
  assert.match(r.errors[0]!.message, /^Invalid YAML/);
  assert.ok(r.errors[0]!.line >= 2, `line ${r.errors[0]!.line}`);
});

test('YAML: alias expansion is bounded', () => {
  const bomb = ['a: &a [1,1,1,1,1,1,1,1,1,1]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]'].join('\n');
  const r = parseConfigText(bomb, '.mldoc.yaml');
  assert.equal(r.errors.length, 1);
  assert.deepEqual(r.config, {});
});

test('a misspelt rule id gets a suggestion; unknown profile and bad severities are errors; the rest applies', () => {
  const r = parseConfigText(JSON.stringify({ profile: 'nope', rules: { [RULE.slice(0, -1)]: 'error', [RULE]: 'loud' }, thinWords: -1, maxFileSize: 10 }, null, 2), '.mldoc.json');
  assert.deepEqual(r.config, { rules: {}, maxFileSize: 10 });
  const messages = r.errors.map((e) => e.message).join('\n');
  assert.match(messages, new RegExp(`Did you mean '${RULE}'`));
  assert.match(messages, /Unknown profile 'nope'\. Known profiles: /);
  assert.match(messages, /severity must be one of off, hint, info, warning, error, not the string "loud"/);
  assert.match(messages, /'thinWords' must be a whole number of 0 or more/);
  assert.ok(r.errors.every((e) => e.severity === 'error'));
});

test('wrong types are reported at the value and dropped', () => {
  const r = parseConfigText('{\n "include": "*.md",\n "exclude": ["ok", 3],\n "rules": [],\n "extends": "https://example.com/x.json"\n}', '.mldoc.json');
  assert.deepEqual(r.config, { exclude: ['ok'] });
  assert.deepEqual(r.errors.map((e) => e.line), [1, 2, 3, 4]);
});

test('a config that is not an object is an error; an empty file is an empty config', () => {
  assert.match(parseConfigText('[1]', '.mldoc.json').errors[0]!.message, /must be an object/);
  assert.match(parseConfigText('just text', '.mldoc.yaml').errors[0]!.message, /must be an object/);
  assert.deepEqual(parseConfigText('', '.mldoc.json'), { config: {}, errors: [] });
  assert.deepEqual(parseConfigText('# nothing\n', '.mldoc.yaml'), { config: {}, errors: [] });
});

test('findConfigFile walks upward; loadConfigFor follows extends; toEngineConfig keeps only engine fields', () => {
  const dir = tempDir('mldoc-config-');
  mkdirSync(join(dir, 'a', 'b'), { recursive: true });
  writeFileSync(join(dir, 'base.mldoc.json'), JSON.stringify({ thinWords: 9, rules: { [RULE]: 'info' } }));
  writeFileSync(join(dir, 'a', '.mldoc.yaml'), `extends: ../base.mldoc.json\nprofile: lifecycle\ninclude: ["**/*.md"]\n`);
  assert.equal(findConfigFile(join(dir, 'a', 'b')), join(dir, 'a', '.mldoc.yaml'));
  const loaded = loadConfigFor(join(dir, 'a', 'b', 'doc.md'));
  assert.equal(loaded.file, join(dir, 'a', '.mldoc.yaml'));
  assert.deepEqual(loaded.errors, []);
  assert.deepEqual(loaded.config, { thinWords: 9, rules: { [RULE]: 'info' }, profile: 'lifecycle', include: ['**/*.md'] });
  assert.deepEqual(toEngineConfig(loaded.config), { profile: 'lifecycle', rules: { [RULE]: 'info' }, thinWords: 9 });
  writeFileSync(join(dir, 'a', '.mldoc.yaml'), `extends: ./.mldoc.yaml\n`);
  assert.match(loadConfigFor(join(dir, 'a', 'doc.md')).errors[0]!.message, /cycle/);
});

test(`${SCHEMA_PATH} is in sync with the rule and profile registries`, () => {
  const schema = JSON.parse(readFileSync(join(ROOT, SCHEMA_PATH), 'utf8'));
  const rules = schema.properties.rules;
  assert.equal(rules.additionalProperties, false);
  assert.deepEqual(Object.keys(rules.properties).sort(), RULES.map((r) => r.id).sort(), 'schema rules differ from the registry');
  for (const r of RULES) assert.equal(rules.properties[r.id].default, r.defaultSeverity, r.id);
  assert.deepEqual(schema.properties.profile.anyOf[0].enum, PROFILES.map((p) => p.id));
  const walk = (node: Record<string, unknown>, path: string): void => {
    for (const [k, v] of Object.entries((node['properties'] ?? {}) as Record<string, Record<string, unknown>>)) {
      assert.ok(typeof v['description'] === 'string' && v['description'].length > 10, `${path}.${k} has no description`);
      walk(v, `${path}.${k}`);
    }
  };
  walk(schema, '$');
  assert.equal(readFileSync(join(ROOT, SCHEMA_PATH), 'utf8'), renderConfigSchema(), `${SCHEMA_PATH} is stale: run npm run generate`);
});

// Configuration faults, generated: whatever the text of a .mldoc.json or .mldoc.yaml, parseConfigText returns
// (never throws), reports each problem at a line and column inside the file, keeps only well-typed values, and
// stays fast (no alias bomb or deep nesting takes it down). Printed: the number of config texts tried.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { parseConfigText, type UserConfig } from '../../server/src/config/parse';
import { PROFILES } from '../../server/src/engine/profiles';
import { RULES } from '../../server/src/engine/rules';
import { params } from '../fuzz/arbitraries';

const tried = { texts: 0, errors: 0 };
const SEVERITIES = ['off', 'hint', 'info', 'warning', 'error'];

const key = fc.constantFrom('profile', 'rules', 'include', 'exclude', 'thinWords', 'maxFileSize', 'extends', 'profiles', '$schema', '__proto__', 'constructor', 'unknownKey', '', 'rules.x');
const scalar = fc.oneof(
  fc.constantFrom(...PROFILES.map((p) => p.id), ...RULES.map((r) => r.id), ...SEVERITIES, 'nope', '', '**/*.md', '../other.mldoc.json', 'https://example.com/x.json'),
  fc.integer({ min: -5, max: 10_000_000 }),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.string({ unit: 'binary', maxLength: 12 }),
);
/** A JSON-ish value tree (serialised as JSON, or as YAML flow/block below). */
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, fc.array(tie('v'), { maxLength: 4 }), fc.dictionary(fc.oneof(key, fc.constantFrom(...RULES.map((r) => r.id))), tie('v'), { maxKeys: 4 })),
})).v;
const config = fc.dictionary(key, value, { maxKeys: 6 });

function toYaml(v: unknown, indent = ''): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return v.length ? v.map((x) => `\n${indent}- ${toYaml(x, `${indent}  `)}`).join('') : '[]';
  const entries = Object.entries(v);
  return entries.length ? entries.map(([k, x]) => `\n${indent}${JSON.stringify(k)}: ${toYaml(x, `${indent}  `)}`).join('') : '{}';
}

/** Corruptions: cut the text, splice in a character that breaks the syntax, or tabs/BOM/CRLF. */
const corrupt = fc.tuple(fc.nat(), fc.constantFrom('', '{', '}', '[', ']', ',', ':', '"', "'", '\t', '\uFEFF', '\r\n', '\n', '&a', '*a', '!!js/function ', '<<: ', '#', '/*', '//', '\u0000', '- ', '? '), fc.boolean());
const jsonText = fc.tuple(config, corrupt, fc.boolean()).map(([c, [at, ins, cut], pretty]) => {
  const t = JSON.stringify(c, null, pretty ? 2 : 0);
  const i = at % (t.length + 1);
  return cut ? t.slice(0, i) : t.slice(0, i) + ins + t.slice(i);
});
const yamlText = fc.tuple(config, corrupt).map(([c, [at, ins, cut]]) => {
  const t = toYaml(c).replace(/^\n/, '');
  const i = at % (t.length + 1);
  return cut ? t.slice(0, i) : t.slice(0, i) + ins + t.slice(i);
});
const noise = fc.string({ unit: 'binary', maxLength: 200 });

function check(text: string, fileName: string): void {
  tried.texts++;
  const t0 = performance.now();
  let r: { config: UserConfig; errors: { line: number; column: number; message: string; severity: string }[] };
  try {
    r = parseConfigText(text, fileName);
  } catch (e) {
    assert.fail(`parseConfigText threw on ${JSON.stringify(text)}: ${String(e)}`);
  }
  assert.ok(performance.now() - t0 < 2000, `slow on ${JSON.stringify(text.slice(0, 200))}`);
  const lines = text.split(/\r\n|\r|\n/).length;
  tried.errors += r.errors.length;
  for (const e of r.errors) {
    assert.ok(Number.isInteger(e.line) && e.line >= 0 && e.line < lines, `line ${e.line} of ${lines}: ${e.message} in ${JSON.stringify(text)}`);
    assert.ok(Number.isInteger(e.column) && e.column >= 0, `column ${e.column}: ${e.message}`);
    assert.ok(e.message.length > 0 && (e.severity === 'error' || e.severity === 'warning'));
  }
  const c = r.config;
  assert.equal(Object.getPrototypeOf(c), Object.prototype);
  if (c.profile !== undefined) assert.equal(typeof c.profile, 'string');
  if (c.rules !== undefined) for (const [id, sev] of Object.entries(c.rules)) assert.ok(RULES.some((x) => x.id === id) && SEVERITIES.includes(sev), `${id}: ${sev}`);
  for (const list of [c.include, c.exclude]) if (list !== undefined) assert.ok(Array.isArray(list) && list.every((g) => typeof g === 'string' && g.length > 0));
  for (const n of [c.thinWords, c.maxFileSize]) if (n !== undefined) assert.ok(Number.isFinite(n) && n >= 0);
  if (c.extends !== undefined) assert.match(c.extends, /\.(json|ya?ml)$/i);
}

describe('configuration faults, generated (fast-check)', () => {
  after(() => console.log(`# config-fuzz: ${tried.texts} configuration texts tried, ${tried.errors} problems reported, none thrown`));

  it('.mldoc.json: never throws, problems at lines inside the file, only well-typed values kept', () => {
    fc.assert(fc.property(fc.oneof(jsonText, noise), (t) => check(t, '.mldoc.json')), params(2500));
  });

  it('.mldoc.yaml: the same', () => {
    fc.assert(fc.property(fc.oneof(yamlText, noise), (t) => check(t, '.mldoc.yaml')), params(2500));
  });

  it('deep nesting and long texts stay bounded', () => {
    check(`${'['.repeat(100_000)}${']'.repeat(100_000)}`, '.mldoc.json');
    check(`${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`, '.mldoc.json');
    check(`${'- '.repeat(5_000)}x`, '.mldoc.yaml');
    check(`a: ${'['.repeat(5_000)}`, '.mldoc.yaml');
    check(`{"include": [${Array.from({ length: 50_000 }, (_, i) => `"**/${i}.md"`).join(',')}]}`, '.mldoc.json');
  });
});

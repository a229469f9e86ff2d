// Generated files must match what the rule registry and the profile data render today (run `npm run generate`
// after changing either). Also: every rule has its file and its documentation page, written the house way.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { GENERATED_FILES, renderReadme, renderRuleSettings, renderRulesTable, RULES_END, RULES_START } from '../../server/src/generate';
import { renderSnippets } from '../../server/src/generate/snippets';
import { getProfile } from '../../server/src/engine/profiles';
import { RULES } from '../../server/src/engine/rules';
import { snippetToText } from '../../server/src/engine/snippets';

const ROOT = process.cwd();
const read = (path: string) => (existsSync(join(ROOT, path)) ? readFileSync(join(ROOT, path), 'utf8') : undefined);
const STALE = 'is out of date with the rule registry or the profile data: run `npm run generate`';

describe('generated files', () => {
  for (const file of GENERATED_FILES) {
    it(`${file.path} is up to date`, () => {
      const current = read(file.path);
      assert.ok(current !== undefined, `${file.path} does not exist: run \`npm run generate\``);
      const expected = file.render(current);
      if (file.json) assert.deepEqual(JSON.parse(current), JSON.parse(expected), `${file.path} ${STALE}`);
      else assert.equal(current, expected, `${file.path} ${STALE}`);
    });
  }

  it('package.json declares one setting per rule with its default severity and documentation link', () => {
    const pkg = JSON.parse(read('package.json')!);
    const rules = pkg.contributes.configuration.properties['mldoc.rules'];
    assert.equal(rules.type, 'object');
    assert.deepEqual(rules.default, {});
    assert.deepEqual(Object.keys(rules.properties), RULES.map((r) => r.id));
    for (const r of RULES) {
      const p = rules.properties[r.id];
      assert.deepEqual(p.enum, ['off', 'hint', 'info', 'warning', 'error']);
      assert.equal(p.default, r.defaultSeverity);
      assert.match(p.markdownDescription, new RegExp(`docs/rules/${r.id}\\.md\\)$`));
    }
  });

  it('the README lists every rule between its markers, linked to its page', () => {
    const readme = read('README.md')!;
    const table = readme.slice(readme.indexOf(RULES_START), readme.indexOf(RULES_END));
    for (const r of RULES) assert.ok(table.includes(`[\`${r.id}\`](docs/rules/${r.id}.md) | ${r.defaultSeverity} |`), r.id);
  });

  it('the snippets file has a snippet per section, the template and the suppression comments', () => {
    const snippets = JSON.parse(read('snippets/mldoc.code-snippets')!) as Record<string, { prefix: string; body: string[]; scope: string }>;
    const prefixes = Object.values(snippets).map((s) => s.prefix);
    for (const s of getProfile('lifecycle')!.sections) assert.ok(prefixes.includes(`mldoc-${s.id}`), s.id);
    for (const p of ['mldoc-template', 'mldoc-disable', 'mldoc-disable-next-line', 'mldoc-disable-file', 'mldoc-enable']) assert.ok(prefixes.includes(p), p);
    assert.ok(Object.values(snippets).every((s) => s.scope === 'markdown'));
    const disable = Object.values(snippets).find((s) => s.prefix === 'mldoc-disable-next-line')!;
    assert.equal(snippetToText(disable.body.join('\n')), `<!-- mldoc-disable-next-line ${RULES[0]!.id} -->`);
  });
});

describe('render functions', () => {
  it('keep the README text around the markers and add a Rules section when there are none', () => {
    const table = renderRulesTable(RULES);
    assert.equal(renderReadme(undefined, RULES), `## Rules\n\n${RULES_START}\n${table}\n${RULES_END}\n`);
    assert.equal(renderReadme('# Title\n\nIntro.\n', RULES), `# Title\n\nIntro.\n\n## Rules\n\n${RULES_START}\n${table}\n${RULES_END}\n`);
    const withMarkers = `# T\n\n${RULES_START}\nold\n${RULES_END}\n\nAfter.\n`;
    assert.equal(renderReadme(withMarkers, RULES), `# T\n\n${RULES_START}\n${table}\n${RULES_END}\n\nAfter.\n`);
    assert.equal(renderReadme(renderReadme(withMarkers, RULES), RULES), renderReadme(withMarkers, RULES));
  });

  it('escape pipes in table cells', () => {
    const table = renderRulesTable([{ id: 'a-rule', description: 'x | y', defaultSeverity: 'info', tags: [], check: () => [] }]);
    assert.match(table, /x \\\| y/);
  });

  it('render settings and snippets deterministically', () => {
    assert.deepEqual(renderRuleSettings(RULES), renderRuleSettings(RULES));
    assert.equal(renderSnippets(getProfile('lifecycle')!, RULES), renderSnippets(getProfile('lifecycle')!, RULES));
  });
});

describe('rule files and documentation', () => {
  for (const rule of RULES) {
    it(`${rule.id}: its file opens with what it checks and a good/bad example`, () => {
      const src = read(`server/src/engine/rules/${rule.id}.ts`);
      assert.ok(src !== undefined, `server/src/engine/rules/${rule.id}.ts is missing: a rule file is named after its id`);
      const header = src.split('\n').filter((l) => l.startsWith('//')).slice(0, 8).join('\n');
      assert.ok(src.startsWith(`// ${rule.id}: `), `the file must open with "// ${rule.id}: what it checks"`);
      assert.match(header, /\/\/ Bad:/);
      assert.match(header, /\/\/ Good:/);
      assert.match(src, new RegExp(`id: '${rule.id}'`));
    });

    it(`${rule.id}: docs/rules/${rule.id}.md documents it`, () => {
      const doc = read(`docs/rules/${rule.id}.md`);
      assert.ok(doc !== undefined, `docs/rules/${rule.id}.md is missing`);
      assert.ok(doc.startsWith(`# ${rule.id}\n`));
      assert.ok(doc.includes(`Default severity: **${rule.defaultSeverity}**`), 'the page states the default severity of the registry');
      for (const heading of ['## What it checks', '## Why', '## Examples', '## How to fix', '## Configuration and suppression', '## False positives']) {
        assert.ok(doc.includes(`\n${heading}\n`), `missing "${heading}"`);
      }
      assert.match(doc, /Bad/);
      assert.match(doc, /Good/);
      assert.ok(doc.includes(rule.id) && /mldoc-disable/.test(doc), 'it shows how to suppress the rule');
    });
  }
});

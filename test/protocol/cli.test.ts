// The mldoc CLI as a process: commands, formats, exit codes (0/1/2), config errors with file:line, files,
// folders and globs, init, the coverage JSON contract, --min-score and non-UTF-8 input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../server/src/engine/rules';
import { LIFECYCLE_IDS } from '../../server/src/engine/profiles';
import { COMPLETE_DOC, mldoc, ROOT, scratch } from './cli-helpers';

const FINDING_LINE = /^(\S+):(\d+):(\d+) (error|warning|info) ([a-z0-9-]+) (.+)$/;
const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;

test('--version, --help, per-command help', () => {
  assert.deepEqual(mldoc(['--version']), { code: 0, stdout: `${version}\n`, stderr: '' });
  const help = mldoc(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /mldoc check PATH\|GLOB/);
  assert.equal(mldoc([]).code, 0);
  for (const cmd of ['check', 'coverage', 'init']) {
    const r = mldoc([cmd, '--help']);
    assert.equal(r.code, 0, cmd);
    assert.match(r.stdout, new RegExp(`^Usage: mldoc ${cmd}`));
    assert.equal(mldoc(['help', cmd]).stdout, r.stdout);
  }
});

test('usage errors exit 2 with a message and no stack trace', () => {
  for (const args of [['frobnicate'], ['check'], ['check', '--format', 'xml', 'examples'], ['check', '--bogus', 'examples'], ['check', '--max-warnings', 'many', 'examples'], ['check', '--min-score', '101', 'examples'], ['coverage', '--format', 'sarif', 'examples'], ['check', '--profile', 'nope', 'examples'], ['init', 'a.md', 'b.md']]) {
    const r = mldoc(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, /^mldoc: /, args.join(' '));
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'stack trace');
    assert.equal(r.stdout, '');
  }
});

test('check examples: findings as file:line:col severity rule-id message, a summary line, exit 1', () => {
  const r = mldoc(['check', 'examples']);
  assert.equal(r.code, 1, r.stderr);
  const lines = r.stdout.trimEnd().split('\n');
  const summary = lines.pop()!;
  assert.match(summary, /^✖ \d+ problems? \(\d+ errors?, \d+ warnings?.*\) in 3 files\.$/);
  assert.ok(lines.length > 0);
  for (const l of lines) assert.match(l, FINDING_LINE);
  const errors = lines.filter((l) => l.includes(' error missing-section '));
  assert.ok(errors.every((l) => l.startsWith('examples/churn-prediction-design.md:')), 'the churn doc has the error-level gaps');
  assert.ok(errors.some((l) => l.includes('Security and Privacy')) && errors.some((l) => l.includes('Ethics and Bias')));
  assert.doesNotMatch(r.stdout, /\x1b\[/, 'no colours when not on a terminal');
  const good = mldoc(['check', 'examples/fraud-detection-design.md', 'examples/credit-limit-model-card-design.md', '--max-warnings', '0']);
  assert.equal(good.code, 0, `the complete examples have no errors or warnings (examples/README.md says so):\n${good.stdout}${good.stderr}`);
});

test('a complete document exits 0; hints are not reported', () => {
  const dir = scratch({ 'forecast-design.md': COMPLETE_DOC });
  const r = mldoc(['check', 'forecast-design.md'], { cwd: dir });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.doesNotMatch(r.stdout, / hint /);
  assert.match(r.stdout.trimEnd().split('\n').pop()!, /in 1 file\.$/);
});

test('colours: only with --color (not on a pipe), never with --no-color', () => {
  assert.match(mldoc(['check', 'examples', '--color']).stdout, /\x1b\[31merror\x1b\[39m/);
  assert.doesNotMatch(mldoc(['check', 'examples', '--color', '--no-color']).stdout, /\x1b\[/);
  assert.doesNotMatch(mldoc(['check', 'examples'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout, /\x1b\[/);
});

test('--format json: files with findings (1-based positions) and a summary', () => {
  const r = mldoc(['check', 'examples', '--format', 'json']);
  assert.equal(r.code, 1);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(out.files.map((f: { file: string }) => f.file).sort(), ['examples/churn-prediction-design.md', 'examples/credit-limit-model-card-design.md', 'examples/fraud-detection-design.md']);
  const churn = out.files.find((f: { file: string }) => f.file.includes('churn'));
  assert.equal(typeof churn.score, 'number');
  const f = churn.findings.find((x: { ruleId: string }) => x.ruleId === 'missing-section');
  assert.ok(f.line >= 1 && f.column >= 1 && f.endLine >= f.line);
  assert.equal(f.severity, 'error');
  assert.equal(out.summary.files, 3);
  assert.ok(out.summary.errors >= 2);
});

test('--format sarif: SARIF 2.1.0 with the driver rules, ruleIndex, %SRCROOT%-relative URIs and 1-based regions', () => {
  const r = mldoc(['check', 'examples', '--format', 'sarif']);
  assert.equal(r.code, 1);
  const log = JSON.parse(r.stdout);
  assert.equal(log.version, '2.1.0');
  const run = log.runs[0];
  const driver = run.tool.driver;
  assert.equal(driver.name, 'mldoc');
  assert.equal(driver.version, version);
  assert.match(driver.informationUri, /^https:\/\//);
  for (const rule of RULES) assert.ok(driver.rules.some((x: { id: string }) => x.id === rule.id), rule.id);
  for (const d of driver.rules) {
    assert.ok(d.shortDescription.text.length > 0);
    assert.match(d.helpUri, new RegExp(`^https://.*docs/rules/${d.id}\\.md$`));
    assert.ok(['none', 'note', 'warning', 'error'].includes(d.defaultConfiguration.level));
  }
  assert.ok(run.results.length > 0);
  for (const res of run.results) {
    assert.equal(driver.rules[res.ruleIndex].id, res.ruleId);
    assert.ok(['note', 'warning', 'error'].includes(res.level));
    assert.ok(res.message.text.length > 0);
    const loc = res.locations[0].physicalLocation;
    assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
    assert.match(loc.artifactLocation.uri, /^examples\/[a-z-]+\.md$/);
    const { startLine, startColumn, endLine, endColumn } = loc.region;
    assert.ok(startLine >= 1 && startColumn >= 1 && endLine >= startLine && endColumn >= 1);
  }
  assert.ok(run.results.some((x: { level: string }) => x.level === 'error'));
});

test('--format github: workflow annotations with escaped properties and data', () => {
  const dir = scratch({ 'a,b: c-design.md': '# Title\n\n## Problem\n\nTBD\n' });
  const r = mldoc(['check', '.', '--format', 'github'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trimEnd().split('\n');
  assert.ok(lines.length > 0);
  for (const l of lines) assert.match(l, /^::(error|warning|notice) file=a%2Cb%3A c-design\.md,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z0-9-]+::[^\n]+$/);
  const ex = mldoc(['check', 'examples', '--format', 'github']);
  assert.equal(ex.code, 1);
  assert.match(ex.stdout, /^::error file=examples\/churn-prediction-design\.md,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=missing-section::Missing section: Security and Privacy\./m);
});

test('missing files and globs without a match exit 2 and say which; the other files are still checked', () => {
  const r = mldoc(['check', 'examples/fraud-detection-design.md', 'no/such-design.md', 'nothing/**/*.md']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /No such file or directory: no\/such-design\.md/);
  assert.match(r.stderr, /No files match the pattern 'nothing\/\*\*\/\*\.md'/);
  assert.match(r.stdout, /in 1 file\.$/m);
});

test('folders: Markdown files matching the include globs or opting in; node_modules and .git skipped', () => {
  const dir = scratch({
    'docs/a-design.md': COMPLETE_DOC,
    'docs/deep/design-docs/plan.md': COMPLETE_DOC,
    'docs/README.md': '# Readme\n',
    'docs/notes.md': '<!-- mldoc -->\n# Notes\n\n## Problem\n\nWe need a forecast.\n',
    'docs/front.md': '---\nmldoc: true\n---\n# Front\n',
    'docs/node_modules/pkg/x-design.md': '# x\n',
    'docs/.git/y-design.md': '# y\n',
    'docs/other-design.txt': '# not markdown\n',
  });
  const r = mldoc(['check', 'docs', '--format', 'json'], { cwd: dir });
  const files = JSON.parse(r.stdout).files.map((f: { file: string }) => f.file).sort();
  assert.deepEqual(files, ['docs/a-design.md', 'docs/deep/design-docs/plan.md', 'docs/front.md', 'docs/notes.md']);
  const custom = scratch({
    'repo/.mldoc.yaml': 'include:\n  - "notes/**/*.md"\n',
    'repo/notes/q3/plan.md': COMPLETE_DOC,
    'repo/other/x-design.md': COMPLETE_DOC,
  });
  const inc = mldoc(['check', 'repo', '--format', 'json'], { cwd: custom });
  assert.deepEqual(JSON.parse(inc.stdout).files.map((f: { file: string }) => f.file), ['repo/notes/q3/plan.md'], 'include globs are relative to the config file');
  const none = scratch({ 'README.md': '# Readme\n' });
  const empty = mldoc(['check', '.'], { cwd: none });
  assert.equal(empty.code, 2);
  assert.match(empty.stderr, /no design docs found in \./);
});

test('globs select files (quoted, matched by mldoc itself) and respect config excludes', () => {
  const dir = scratch({
    'docs/one.md': COMPLETE_DOC,
    'docs/sub/two.md': COMPLETE_DOC,
    'docs/sub/drafts/three.md': COMPLETE_DOC,
    'docs/node_modules/four.md': COMPLETE_DOC,
    '.mldoc.json': JSON.stringify({ exclude: ['**/drafts/**'] }),
  });
  const r = mldoc(['coverage', 'docs/**/*.md', '--format', 'json'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).files.map((f: { file: string }) => f.file), ['docs/one.md', 'docs/sub/two.md']);
  const one = mldoc(['coverage', 'docs/*.md', '--format', 'json'], { cwd: dir });
  assert.deepEqual(JSON.parse(one.stdout).files.map((f: { file: string }) => f.file), ['docs/one.md']);
});

test('config errors: malformed JSON, malformed YAML, wrong types and unknown rules give file:line:col and exit 2', () => {
  const cases: [string, string, RegExp][] = [
    ['.mldoc.json', '{\n  "profile": "lifecycle"\n  "thinWords": 3\n}\n', /^\.mldoc\.json:3:3 error Invalid JSON: Expected ',' or '}'/m],
    ['.mldoc.yaml', 'profile: lifecycle\nrules:\n  missing-section: [\n', /^\.mldoc\.yaml:\d+:\d+ error Invalid YAML/m],
    ['.mldoc.yml', 'profile: lifecycle\nthinWords: lots\n', /^\.mldoc\.yml:2:12 error 'thinWords' must be a number/m],
    ['.mldoc.yaml', 'rules:\n  missing-section: error\n  no-such-rule: warning\n', /^\.mldoc\.yaml:3:3 error Unknown rule 'no-such-rule'/m],
    ['.mldoc.json', '{"rules": {"missing-section": "loud"}}', /^\.mldoc\.json:1:31 error Rule 'missing-section': severity must be one of/m],
  ];
  for (const [name, text, expected] of cases) {
    const dir = scratch({ [name]: text, 'x-design.md': COMPLETE_DOC });
    for (const cmd of ['check', 'coverage']) {
      const r = mldoc([cmd, 'x-design.md'], { cwd: dir });
      assert.equal(r.code, 2, `${name}: ${text}`);
      assert.match(r.stderr, expected);
      assert.match(r.stderr, /nothing was checked/);
      assert.equal(r.stdout, '');
    }
  }
});

test('config: unknown keys are warnings (the check goes on); --config FILE; severities and --profile apply', () => {
  const dir = scratch({ '.mldoc.yaml': 'colour: blue\n', 'x-design.md': '# X\n\n## Problem\n\nWe forecast demand per store and product every day.\n', 'strict.json': '{"rules": {"missing-section": "error"}}' });
  const r = mldoc(['check', 'x-design.md'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /^\.mldoc\.yaml:1:1 warning Unknown setting 'colour'/m);
  const strict = mldoc(['check', 'x-design.md', '--config', 'strict.json'], { cwd: dir });
  assert.equal(strict.code, 1);
  assert.match(strict.stdout, / error missing-section /);
  assert.equal(mldoc(['check', 'x-design.md', '--config', 'missing.json'], { cwd: dir }).code, 2);
  assert.equal(mldoc(['check', 'x-design.md', '--profile', 'lifecycle', '--config', 'strict.json'], { cwd: dir }).code, 1);
});

test('--quiet reports errors only; --max-warnings fails on too many warnings', () => {
  const quiet = mldoc(['check', 'examples', '--quiet']);
  assert.equal(quiet.code, 1);
  for (const l of quiet.stdout.trimEnd().split('\n').slice(0, -1)) assert.match(l, / error /);
  const dir = scratch({ 'x-design.md': '# X\n\n## Problem\n\nWe forecast demand per store and product every day.\n' });
  const lax = mldoc(['check', 'x-design.md'], { cwd: dir });
  assert.equal(lax.code, 0);
  assert.equal(mldoc(['check', 'x-design.md', '--max-warnings', '1000'], { cwd: dir }).code, 0);
  const tight = mldoc(['check', 'x-design.md', '--max-warnings', '0'], { cwd: dir });
  assert.equal(tight.code, 1);
  assert.match(tight.stderr, /too many warnings \(\d+; maximum: 0\)/);
});

test('--min-score fails documents below the score, in check and coverage', () => {
  const low = mldoc(['check', 'examples/churn-prediction-design.md', '--min-score', '90', '--config', 'examples/.mldoc.yaml', '--quiet']);
  assert.equal(low.code, 1);
  assert.match(low.stderr, /examples\/churn-prediction-design\.md: coverage score \d+ is below --min-score 90/);
  const dir = scratch({ 'x-design.md': COMPLETE_DOC });
  assert.equal(mldoc(['check', 'x-design.md', '--min-score', '10'], { cwd: dir }).code, 0);
  assert.equal(mldoc(['coverage', 'x-design.md', '--min-score', '10'], { cwd: dir }).code, 0);
  assert.equal(mldoc(['coverage', 'x-design.md', '--min-score', '100', '--format', 'json'], { cwd: dir }).code, 1);
});

test('coverage --format json: exactly {files:[{file, sections}]} with the 8 lifecycle ids in order, for many files', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 12; i++) files[`d${i}.md`] = i % 2 ? COMPLETE_DOC : '# Empty\n';
  const dir = scratch(files);
  const names = Object.keys(files).map((n) => `./${n}`);
  const r = mldoc(['coverage', '--format', 'json', ...names], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(out), ['files']);
  assert.deepEqual(out.files.map((f: { file: string }) => f.file), names, 'paths as given, in order');
  for (const f of out.files) {
    assert.deepEqual(Object.keys(f), ['file', 'profile', 'sections'], 'profileSections only when the profile is not lifecycle');
    assert.deepEqual(f.sections.map((s: { id: string }) => s.id), [...LIFECYCLE_IDS]);
    for (const s of f.sections) {
      assert.ok(['covered', 'thin', 'placeholder', 'empty', 'mentioned', 'missing'].includes(s.status));
      assert.equal(typeof s.title, 'string');
      assert.ok(s.score >= 0 && s.score <= 100);
      assert.ok(s.line === null || s.line >= 1);
      assert.ok(Array.isArray(s.headings) && Array.isArray(s.subsections));
    }
  }
  assert.ok(out.files[1].sections.every((s: { status: string }) => s.status === 'covered'), JSON.stringify(out.files[1].sections.map((s: { status: string }) => s.status)));
  assert.ok(out.files[0].sections.every((s: { status: string }) => s.status === 'missing'));
});

test('coverage text: a table of sections x status with the score', () => {
  const r = mldoc(['coverage', 'examples/churn-prediction-design.md']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^examples\/churn-prediction-design\.md {2}score \d+\/100$/m);
  assert.match(r.stdout, /^ {2}Security and Privacy +✖ missing +-$/m);
  assert.match(r.stdout, /^ {2}Data Management +✔ covered +\d+ {2}Data$/m);
});

test('the corpus evaluation script runs the coverage command', { skip: !existsSync(join(ROOT, '..', 'shared', 'eval', 'corpus-eval.mjs')) && 'shared/eval not beside the repository' }, () => {
  const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
  const r = spawnSync(process.execPath, [join(ROOT, '..', 'shared', 'eval', 'corpus-eval.mjs'), '--', process.execPath, join(ROOT, 'dist', 'cli.js'), 'coverage', '--format', 'json'], { cwd: ROOT, encoding: 'utf8' });
  assert.notEqual(r.status, 2, r.stdout + r.stderr);
  assert.match(r.stdout, /present-vs-absent F1 [\d.]+/);
});

test('non-UTF-8 files are reported (exit 2) and not mangled; a BOM is stripped', () => {
  const dir = scratch({
    'latin1-design.md': Buffer.from('# Caf\xe9 design\n\n## Problem\n', 'latin1'),
    'bom-design.md': '\uFEFF# Bom design\n\nTBD\n',
  });
  const r = mldoc(['check', 'latin1-design.md', 'bom-design.md', '--format', 'json'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /latin1-design\.md: not valid UTF-8 \(byte 0xe9 at line 1, byte offset 5\)/);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(out.files.map((f: { file: string }) => f.file), ['bom-design.md']);
  const tbd = out.files[0].findings.find((f: { ruleId: string; line: number }) => f.line === 3);
  if (tbd) assert.equal(tbd.column, 1, 'columns count from the first character after the BOM');
});

test('documents over maxFileSize get one info finding and are not analysed', () => {
  const dir = scratch({ '.mldoc.json': '{"maxFileSize": 100}', 'big-design.md': COMPLETE_DOC });
  const r = mldoc(['check', 'big-design.md', '--format', 'json'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  const [file] = JSON.parse(r.stdout).files;
  assert.equal(file.score, undefined);
  assert.equal(file.findings.length, 1);
  assert.equal(file.findings[0].ruleId, 'file-too-large');
  assert.equal(file.findings[0].severity, 'info');
  assert.match(file.findings[0].message, /more than maxFileSize \(100 characters\)/);
});

test('coverage of a document over maxFileSize is its outline, from the headings alone, and says so', () => {
  const dir = scratch({ '.mldoc.json': '{"maxFileSize": 100}', 'big-design.md': COMPLETE_DOC });
  const uncapped = scratch({ 'big-design.md': COMPLETE_DOC });
  const full = JSON.parse(mldoc(['coverage', 'big-design.md', '--format', 'json'], { cwd: uncapped }).stdout).files[0];
  const r = mldoc(['coverage', 'big-design.md', '--format', 'json'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /big-design\.md: outline only: \d+ characters, more than maxFileSize \(100 characters\)/);
  const [file] = JSON.parse(r.stdout).files;
  assert.equal(file.outlineOnly, true);
  assert.equal(file.sections.length, 8);
  assert.ok(file.sections.every((s: { status: string; line: number | null }) => s.status === 'covered' && s.line !== null), JSON.stringify(file.sections.map((s: { id: string; status: string }) => [s.id, s.status])));
  assert.equal(full.outlineOnly, undefined);
  assert.deepEqual(file.sections.map((s: { line: number | null }) => s.line), full.sections.map((s: { line: number | null }) => s.line), 'the headings the full analysis finds');
  const text = mldoc(['coverage', 'big-design.md'], { cwd: dir });
  assert.match(text.stdout, /big-design\.md {2}score \d+\/100 {2}\(outline only: too large to check\)/);
});

test('init writes a template from the profile, refuses to overwrite, and the result can be checked', () => {
  const dir = scratch({});
  const r = mldoc(['init'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Created design-doc\.md/);
  const text = readFileSync(join(dir, 'design-doc.md'), 'utf8');
  assert.match(text, /^# \S/, 'a title first (the file name is generic: no marker, no front matter)');
  const cov = JSON.parse(mldoc(['coverage', 'design-doc.md', '--format', 'json'], { cwd: dir }).stdout);
  assert.ok(cov.files[0].sections.every((s: { status: string; line: number | null }) => s.status !== 'missing' && s.line !== null), 'every section has a heading');
  const again = mldoc(['init'], { cwd: dir });
  assert.equal(again.code, 2);
  assert.match(again.stderr, /design-doc\.md already exists; not overwritten/);
  assert.equal(readFileSync(join(dir, 'design-doc.md'), 'utf8'), text);
  const named = mldoc(['init', 'plans/search-ranking.md', '--profile', 'lifecycle'], { cwd: dir });
  assert.equal(named.code, 0, named.stderr);
  const planned = readFileSync(join(dir, 'plans', 'search-ranking.md'), 'utf8');
  assert.match(planned, /^<!-- mldoc -->\n# Search Ranking\n/, 'a name outside the include globs gets the opt-in marker');
  assert.equal(mldoc(['check', 'plans'], { cwd: dir }).code, 0);
  const card = mldoc(['init', 'card-design.md', '--profile', 'model-card'], { cwd: dir });
  assert.equal(card.code, 0, card.stderr);
  assert.match(readFileSync(join(dir, 'card-design.md'), 'utf8'), /^---\nprofile: model-card\n---\n\n# Card Design\n/, 'a profile chosen on the command line goes into front matter');
});

test('many documents are analysed on worker threads with the same results as in one thread', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 30; i++) files[`d${String(i).padStart(2, '0')}-design.md`] = i % 3 ? COMPLETE_DOC : `# Doc ${i}\n\n## Data\n\nTBD\n`;
  const all: Record<string, string | Uint8Array> = { ...files, 'bad-design.md': Buffer.from([0x23, 0x20, 0xff, 0x0a]) };
  const dir = scratch(all);
  for (const args of [['check', '.', '--format', 'json'], ['coverage', '.', '--format', 'json']]) {
    const one = mldoc(args, { cwd: dir, env: { MLDOC_THREADS: '1' } });
    const many = mldoc(args, { cwd: dir, env: { MLDOC_THREADS: '3' } });
    assert.equal(one.code, 2);
    assert.match(one.stderr, /bad-design\.md: not valid UTF-8/);
    assert.deepEqual(many, one);
    assert.equal(JSON.parse(many.stdout).files.length, 30);
  }
});

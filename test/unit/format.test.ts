// The CLI's output formats as pure functions of results: text, json, github annotations, SARIF, coverage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine';
import { LIFECYCLE_IDS } from '../../server/src/engine/profiles';
import { NO_PAINT, ANSI } from '../../server/src/cli/color';
import { formatText, oneLine } from '../../server/src/cli/formats/text';
import { formatJson } from '../../server/src/cli/formats/json';
import { escapeData, escapeProperty, formatGithub } from '../../server/src/cli/formats/github';
import { formatSarif, relativeUri } from '../../server/src/cli/formats/sarif';
import { formatCoverageJson, formatCoverageText, toCoverageFile } from '../../server/src/cli/formats/coverage';
import { allRules, toFileResult, tooLargeResult, type CliFinding, type FileResult } from '../../server/src/cli/results';
import { firstInvalidUtf8 } from '../../server/src/cli/read';

const finding = (over: Partial<CliFinding> = {}): CliFinding => ({
  ruleId: 'missing-section',
  severity: 'warning',
  message: 'Missing section: Data.',
  line: 3,
  column: 1,
  endLine: 3,
  endColumn: 8,
  related: [],
  ...over,
});
const result = (display: string, findings: CliFinding[], abs = `/repo/${display}`): FileResult => ({ display, abs, findings, score: 50 });

test('text: one line per finding and an ESLint-like summary', () => {
  const out = formatText([result('docs/a-design.md', [finding(), finding({ severity: 'error', line: 9, column: 4, message: 'Two\nlines' })]), result('b.md', [])], NO_PAINT);
  assert.equal(
    out,
    'docs/a-design.md:3:1 warning missing-section Missing section: Data.\n' +
      'docs/a-design.md:9:4 error missing-section Two lines\n' +
      '✖ 2 problems (1 error, 1 warning) in 2 files.\n',
  );
  assert.equal(formatText([result('b.md', [])], NO_PAINT), '✔ No problems in 1 file.\n');
  assert.match(formatText([result('b.md', [finding({ severity: 'info' })])], NO_PAINT), /\(0 errors, 0 warnings, 1 info\)/);
  assert.match(formatText([result('b.md', [finding({ severity: 'error' })])], ANSI), /\x1b\[31merror\x1b\[39m/);
  assert.equal(oneLine('  a\r\n  b\n\nc '), 'a b c');
});

test('json: files with findings and the summary counts', () => {
  const out = JSON.parse(formatJson([result('a.md', [finding({ sectionId: 'data' }), finding({ severity: 'error' })])]));
  assert.deepEqual(out.summary, { files: 1, errors: 1, warnings: 1, infos: 0, hints: 0 });
  assert.deepEqual(out.files[0].findings[0], { ruleId: 'missing-section', severity: 'warning', message: 'Missing section: Data.', line: 3, column: 1, endLine: 3, endColumn: 8, sectionId: 'data' });
  assert.equal(out.files[0].score, 50);
});

test('github: escaping of data (% CR LF) and properties (also : and ,)', () => {
  assert.equal(escapeData('100% done\r\nnext: a,b'), '100%25 done%0D%0Anext: a,b');
  assert.equal(escapeProperty('a:b,c%\n'), 'a%3Ab%2Cc%25%0A');
  const out = formatGithub(
    [result('x', [finding({ message: 'Line one\nline two: 50%' }), finding({ severity: 'error' }), finding({ severity: 'info' })], '/repo/docs/we,ird:name.md')],
    '/repo',
  );
  assert.equal(
    out,
    '::warning file=docs/we%2Cird%3Aname.md,line=3,col=1,endLine=3,endColumn=8,title=missing-section::Line one%0Aline two: 50%25\n' +
      '::error file=docs/we%2Cird%3Aname.md,line=3,col=1,endLine=3,endColumn=8,title=missing-section::Missing section: Data.\n' +
      '::notice file=docs/we%2Cird%3Aname.md,line=3,col=1,endLine=3,endColumn=8,title=missing-section::Missing section: Data.\n',
  );
  assert.equal(formatGithub([result('a.md', [])], '/repo'), '');
});

test('sarif: URIs relative to the working directory and percent-encoded, absolute outside it', () => {
  assert.equal(relativeUri('/repo', '/repo/docs/a b#é.md'), 'docs/a%20b%23%C3%A9.md');
  assert.equal(relativeUri('/repo', '/elsewhere/a.md'), undefined);
  assert.equal(relativeUri('/repo', '/repo'), undefined);
});

test('sarif: driver rules with ruleIndex, levels, regions and related locations', () => {
  const results = [
    result('docs/a.md', [finding({ related: [{ line: 1, column: 1, message: 'belongs after this' }] }), finding({ severity: 'info' }), finding({ severity: 'error' })]),
    tooLargeResult('big.md', '/repo/big.md', 10, 'characters', 5),
    result('../out.md', [finding()], '/out.md'),
  ];
  const log = JSON.parse(formatSarif(results, { cwd: '/repo', version: '9.9.9' }));
  const run = log.runs[0];
  assert.equal(log.version, '2.1.0');
  assert.equal(run.tool.driver.version, '9.9.9');
  assert.deepEqual(run.tool.driver.rules.map((r: { id: string }) => r.id), allRules().map((r) => r.id));
  assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, 'file:///repo/');
  assert.equal(run.columnKind, 'utf16CodeUnits');
  assert.deepEqual(run.results.map((r: { level: string }) => r.level), ['warning', 'note', 'error', 'note', 'warning']);
  for (const r of run.results) assert.equal(run.tool.driver.rules[r.ruleIndex].id, r.ruleId);
  const first = run.results[0];
  assert.deepEqual(first.locations[0].physicalLocation, { artifactLocation: { uri: 'docs/a.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 1, endLine: 3, endColumn: 8 } });
  assert.deepEqual(first.relatedLocations[0].message, { text: 'belongs after this' });
  assert.equal(run.results[3].ruleId, 'file-too-large');
  assert.deepEqual(run.results[4].locations[0].physicalLocation.artifactLocation, { uri: 'file:///out.md' });
});

test('toFileResult: 1-based lines and UTF-16 columns from engine spans', () => {
  const text = '# Plän 😀 design\n\n## Problem\n\nTBD\n';
  const r = toFileResult('a.md', '/a.md', analyze(text));
  assert.ok(r.findings.length > 0);
  for (const f of r.findings) {
    assert.ok(f.line >= 1 && f.column >= 1);
    assert.ok(f.endLine > f.line || (f.endLine === f.line && f.endColumn >= f.column));
  }
  assert.equal(r.score, analyze(text).score);
});

test('coverage: the eight lifecycle ids in order; JSON contract; table', () => {
  const a = analyze('# Churn\n\n## Data\n\nTwelve months of events per subscriber from the billing system.\n\n## Model\n\nTBD\n');
  const cov = toCoverageFile('./churn.md', a);
  assert.deepEqual(cov.rows.map((r) => r.id), [...LIFECYCLE_IDS]);
  const data = cov.rows.find((r) => r.id === 'data')!;
  assert.equal(data.line, 3);
  assert.deepEqual(data.headings, ['Data']);
  const json = JSON.parse(formatCoverageJson([cov]));
  assert.deepEqual(Object.keys(json), ['files']);
  assert.deepEqual(Object.keys(json.files[0]), ['file', 'profile', 'sections'], 'profileSections only for other profiles');
  assert.equal(json.files[0].file, './churn.md');
  assert.deepEqual(Object.keys(json.files[0].sections[0]).slice(0, 2), ['id', 'status']);
  const mean = Math.round(cov.rows.reduce((n, r) => n + r.score, 0) / cov.rows.length);
  assert.ok(Math.abs(mean - cov.score) <= 1, 'section scores average to the document score');
  const table = formatCoverageText([cov], NO_PAINT);
  assert.match(table, /^\.\/churn\.md {2}score \d+\/100\n {2}Section +Status +Line {2}Heading\n/);
  assert.match(table, /\n {2}Data Management +✔ covered +3 {2}Data\n/);
});

test('firstInvalidUtf8 finds the first bad byte; valid text gives the length', () => {
  const ok = Buffer.from('héllo 😀 ✓', 'utf8');
  assert.equal(firstInvalidUtf8(ok), ok.length);
  assert.equal(firstInvalidUtf8(Buffer.from([0x61, 0xe9, 0x62])), 1);
  assert.equal(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0x80])), 1, 'overlong encoding');
  assert.equal(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80])), 0, 'surrogate');
  assert.equal(firstInvalidUtf8(Buffer.from([0x61, 0xf0, 0x9f, 0x98])), 1, 'truncated sequence');
});

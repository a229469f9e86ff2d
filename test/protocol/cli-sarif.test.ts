// The CLI's SARIF output validated by Microsoft's SARIF Multitool (pinned devDependency
// @microsoft/sarif-multitool; its self-contained .NET binary ships in the per-platform package). The tool
// runs with invariant globalization so that it needs no ICU library; libstdc++, libgcc and zlib suffice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMPLETE_DOC, mldoc, ROOT, scratch } from './cli-helpers';

const BINARY = join(ROOT, 'node_modules', '@microsoft', `sarif-multitool-${process.platform}`, process.platform === 'win32' ? 'Sarif.Multitool.exe' : 'Sarif.Multitool');

interface ValidationResult {
  readonly level?: string;
  readonly ruleId: string;
  readonly message: { readonly text?: string; readonly id?: string; readonly arguments?: readonly string[] };
}

/** Runs `Sarif.Multitool validate` on a SARIF file; returns the validator's own results (its SARIF log). */
function validate(sarifFile: string): { status: number | null; results: ValidationResult[]; output: string } {
  // npm may not run the package's `chmod u+x` postinstall script (install-script policies): make sure it can run.
  if (process.platform !== 'win32' && (statSync(BINARY).mode & 0o100) === 0) chmodSync(BINARY, 0o755);
  const out = `${sarifFile}.validation.sarif`;
  const r = spawnSync(BINARY, ['validate', sarifFile, '--output', out, '--log', 'ForceOverwrite'], {
    encoding: 'utf8',
    env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1', DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
    timeout: 120_000,
  });
  const output = `${r.stdout}\n${r.stderr}\n${r.error ?? ''}`;
  const log = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : { runs: [{ results: [] }] };
  return { status: r.status, results: log.runs[0].results ?? [], output };
}

function problems(results: readonly ValidationResult[]): string[] {
  // The validator reports schema violations and rule failures as errors, style advice as warnings and notes.
  return results.filter((x) => x.level === 'error' || x.level === 'warning' || x.level === undefined).map((x) => `${x.level ?? 'warning'} ${x.ruleId}: ${x.message.text ?? x.message.arguments?.join(' ') ?? ''}`);
}

test('SARIF of the examples passes the SARIF Multitool validator with no errors and no warnings', { timeout: 180_000 }, () => {
  assert.ok(existsSync(BINARY), `missing ${BINARY}: run npm ci`);
  const r = mldoc(['check', 'examples', '--format', 'sarif']);
  assert.equal(r.code, 1, r.stderr);
  const file = join(scratch({}), 'examples.sarif');
  writeFileSync(file, r.stdout);
  const v = validate(file);
  assert.equal(v.status, 0, v.output);
  assert.deepEqual(problems(v.results), []);
});

test('SARIF with CLI findings, encoded paths and files outside the working directory validates too', { timeout: 180_000 }, () => {
  const dir = scratch({
    'docs/dé sign-design.md': '# Title\n\n## Problem\n\nTBD\n',
    'docs/big-design.md': COMPLETE_DOC,
    'docs/.mldoc.json': '{"maxFileSize": 1000}',
  });
  const outside = scratch({ 'x-design.md': '# Elsewhere\n' });
  const r = mldoc(['check', 'docs', join(outside, 'x-design.md'), '--format', 'sarif'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  const log = JSON.parse(r.stdout);
  const uris = log.runs[0].results.map((x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => x.locations[0]!.physicalLocation.artifactLocation.uri);
  assert.ok(uris.includes('docs/d%C3%A9%20sign-design.md'), uris.join(' '));
  assert.ok(uris.some((u: string) => u.startsWith('file:///')), 'absolute URI outside the working directory');
  assert.ok(log.runs[0].results.some((x: { ruleId: string }) => x.ruleId === 'file-too-large'));
  const file = join(dir, 'more.sarif');
  writeFileSync(file, r.stdout);
  const v = validate(file);
  assert.equal(v.status, 0, v.output);
  assert.deepEqual(problems(v.results), []);
});

test('control: the validator does report a broken SARIF file (so a pass above means something)', { timeout: 180_000 }, () => {
  const broken = {
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'mldoc', rules: [{ id: 'a' }] } },
        results: [{ ruleId: 'a', ruleIndex: 3, message: { text: 'm.' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'a b.md' }, region: { startLine: 0 } } }] }],
      },
    ],
  };
  const file = join(scratch({}), 'broken.sarif');
  writeFileSync(file, JSON.stringify(broken));
  const v = validate(file);
  const found = problems(v.results).join('\n');
  assert.match(found, /error JSON1008/, v.output);
  assert.match(found, /error SARIF1009/);
});

// Generated documents through the BUILT CLI: `mldoc check` over a folder of them exits 0 or 1 (never a crash),
// every output format is well formed (JSON and SARIF parse; GitHub annotations are one escaped line each), and
// every reported position lies inside its file (1-based lines split at \r\n, \r and \n; UTF-16 columns).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { markdownDoc, splicedDoc } from '../fuzz/arbitraries';
import { mldoc } from './cli-helpers';

interface JsonFinding {
  ruleId: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

describe('generated documents through the built CLI', () => {
  let dir: string;
  const names: string[] = [];

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'mldoc-cli-fuzz-'));
    // Opt in explicitly: a generated front matter may say `mldoc: false`, which the include globs do not override.
    const docs = fc.sample(fc.oneof(markdownDoc, splicedDoc), { numRuns: 120, seed: 7_7_7 });
    docs.forEach((text, i) => {
      const name = `gen-${String(i).padStart(3, '0')}-design.md`;
      writeFileSync(join(dir, name), text);
      names.push(name);
    });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('json: exit 0 or 1, every file reported, every position inside its file', () => {
    const r = mldoc(['check', '.', '--format', 'json'], { cwd: dir });
    assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}: ${r.stderr.slice(0, 2000)}`);
    const out = JSON.parse(r.stdout) as { files: { file: string; findings: JsonFinding[] }[] };
    assert.ok(out.files.length > 0);
    let findings = 0;
    for (const f of out.files) {
      assert.ok(names.includes(f.file), f.file);
      // What the CLI analysed: the file's text as UTF-8, without a BOM.
      const text = readFileSync(join(dir, f.file), 'utf8').replace(/^\uFEFF/, '');
      const lines = text.split(/\r\n|\r|\n/);
      for (const x of f.findings) {
        findings++;
        for (const [line, column] of [
          [x.line, x.column],
          [x.endLine, x.endColumn],
        ] as const) {
          assert.ok(Number.isInteger(line) && line >= 1 && line <= lines.length, `${f.file}: line ${line} of ${lines.length} (${x.ruleId})`);
          assert.ok(Number.isInteger(column) && column >= 1 && column <= lines[line - 1]!.length + 1, `${f.file}:${line}: column ${column} (${x.ruleId})`);
        }
        assert.ok(x.line < x.endLine || (x.line === x.endLine && x.column <= x.endColumn), `${f.file}: ${JSON.stringify(x)}`);
      }
    }
    console.log(`# abuse-cli: ${names.length} generated documents, ${out.files.length} checked as design docs, ${findings} findings, all inside their files`);
  });

  it('sarif parses and has as many results as json has findings; github annotations are one escaped line each', () => {
    const json = JSON.parse(mldoc(['check', '.', '--format', 'json'], { cwd: dir }).stdout) as { files: { findings: unknown[] }[] };
    const sarif = mldoc(['check', '.', '--format', 'sarif'], { cwd: dir });
    assert.ok(sarif.code === 0 || sarif.code === 1, sarif.stderr);
    const log = JSON.parse(sarif.stdout) as { version: string; runs: { results: unknown[] }[] };
    assert.equal(log.version, '2.1.0');
    const total = json.files.reduce((n, f) => n + f.findings.length, 0);
    assert.equal(log.runs[0]!.results.length, total);
    const github = mldoc(['check', '.', '--format', 'github'], { cwd: dir });
    assert.ok(github.code === 0 || github.code === 1, github.stderr);
    const lines = github.stdout.split('\n').filter(Boolean);
    assert.equal(lines.length, total);
    for (const l of lines) assert.match(l, /^::(error|warning|notice) file=gen-\d{3}-design\.md,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::[^\r]*$/);
    const text = mldoc(['check', '.'], { cwd: dir });
    assert.equal(text.code, sarif.code);
  });
});

// Configuration faults end to end: each broken .mldoc.json / .mldoc.yaml is reported at the right line by the
// built CLI (exit 2, `file:line:col error message`) and by the built server (a diagnostic on the config file
// with the same message at the same place), and the editor still checks the document with the defaults.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { mldoc } from './cli-helpers';
import { fileUri, startClient, type TestClient } from './lsp-client';

const DOC = `# Churn design

## Problem Definition

Subscribers cancel at 6% a month; the retention team wants a weekly list of likely churners.
`;

interface Fault {
  readonly name: string;
  readonly file: '.mldoc.json' | '.mldoc.yaml';
  readonly text: string;
  /** 1-based line and column where the problem is (as the CLI prints them), and a part of the message. */
  readonly line: number;
  readonly column?: number;
  readonly message: RegExp;
}

const FAULTS: readonly Fault[] = [
  { name: 'JSON: missing comma', file: '.mldoc.json', text: '{\n  "profile": "lifecycle",\n  "rules": { "missing-section": "warning" }\n  "thinWords": 3\n}\n', line: 4, column: 3, message: /Invalid JSON/ },
  { name: 'JSON: unterminated object', file: '.mldoc.json', text: '{\n  "rules": {\n    "missing-section": "warning"\n', line: 4, message: /Invalid JSON/ },
  { name: 'JSON: single quotes', file: '.mldoc.json', text: "{\n  'profile': 'lifecycle'\n}\n", line: 2, column: 3, message: /Invalid JSON/ },
  // The yaml parser places an over-indented key at the end of the line it would continue (line 3, not 4).
  { name: 'YAML: bad indentation', file: '.mldoc.yaml', text: 'profile: lifecycle\nrules:\n  missing-section: warning\n   thin-section: info\n', line: 3, message: /Invalid YAML/ },
  { name: 'YAML: unclosed flow sequence', file: '.mldoc.yaml', text: 'profile: lifecycle\ninclude: ["**/*.md"\nthinWords: 3\n', line: 3, message: /Invalid YAML/ },
  { name: 'wrong type (JSON)', file: '.mldoc.json', text: '{\n  "profile": "lifecycle",\n  "thinWords": "five"\n}\n', line: 3, column: 16, message: /'thinWords' must be a number/ },
  { name: 'wrong type (YAML)', file: '.mldoc.yaml', text: 'profile: lifecycle\ninclude: "**/*.md"\n', line: 2, column: 10, message: /'include' must be a list/ },
  { name: 'unknown rule id', file: '.mldoc.yaml', text: 'rules:\n  missing-section: warning\n  missing-sectoin: error\n', line: 3, column: 3, message: /Unknown rule 'missing-sectoin'. Did you mean 'missing-section'/ },
  { name: 'unknown profile', file: '.mldoc.json', text: '{\n  "rules": {},\n  "profile": "lifecyle"\n}\n', line: 3, column: 14, message: /Unknown profile 'lifecyle'/ },
  { name: 'bad severity', file: '.mldoc.json', text: '{ "rules": {\n  "thin-section": "loud"\n} }\n', line: 2, column: 19, message: /severity must be one of/ },
];

describe('configuration faults: the CLI and the server report the same problem at the same line', () => {
  let root: string;
  let client: TestClient;
  const tried = { faults: 0 };

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'mldoc-config-faults-'));
    client = await startClient({ root, env: { MLDOC_DEBOUNCE_MS: '20' } });
  });
  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
    console.log(`# config-faults: ${tried.faults} broken configuration files: CLI exit 2 and the same message from the server, documents still checked`);
  });

  for (const [i, fault] of FAULTS.entries()) {
    it(fault.name, async () => {
      const dir = join(root, `case-${i}`);
      mkdirSync(dir);
      writeFileSync(join(dir, fault.file), fault.text);
      writeFileSync(join(dir, 'churn-design.md'), DOC);
      tried.faults++;

      // The CLI: exit 2, `file:line:col error message`, nothing checked.
      const cli = mldoc(['check', 'churn-design.md'], { cwd: dir });
      assert.equal(cli.code, 2, cli.stderr + cli.stdout);
      const m = new RegExp(`^${fault.file.replace('.', '\\.')}:(\\d+):(\\d+) error (.*)$`, 'm').exec(cli.stderr);
      assert.ok(m, cli.stderr);
      const [, line, column, message] = m;
      assert.equal(Number(line), fault.line, `${fault.name}: line (${cli.stderr})`);
      if (fault.column !== undefined) assert.equal(Number(column), fault.column, `${fault.name}: column (${cli.stderr})`);
      assert.match(message!, fault.message);

      // The server: the document is still checked (with the defaults), and the config file gets a diagnostic
      // with the same message at the same place.
      const configUri = fileUri(join(dir, fault.file));
      const docUri = fileUri(join(dir, 'churn-design.md'));
      const configDiagnostics = client.waitForDiagnostics(configUri, (p: PublishDiagnosticsParams) => p.diagnostics.length > 0);
      const docDiagnostics = client.waitForDiagnostics(docUri);
      client.open(docUri, DOC);
      const doc = await docDiagnostics;
      assert.ok(doc.diagnostics.some((d) => d.code === 'missing-section'), 'the document is checked with the defaults');
      const cfg = (await configDiagnostics).diagnostics;
      const same = cfg.find((d) => d.message === message);
      assert.ok(same, `the server says the same: ${JSON.stringify(cfg.map((d) => d.message))} vs ${message}`);
      assert.equal(same.range.start.line + 1, Number(line));
      assert.equal(same.range.start.character + 1, Number(column));
      assert.equal(same.severity, 1);
      client.close(docUri);
    });
  }
});

describe('CLI limits: files that are not valid UTF-8 are reported, never mangled', () => {
  const cases: Record<string, Buffer> = {
    'latin1-design.md': Buffer.from('# Caf\xe9 design\n', 'latin1'),
    'overlong-design.md': Buffer.from([0x23, 0x20, 0xc0, 0xaf, 0x0a]), // overlong encoding of '/'
    'surrogate-design.md': Buffer.from([0x23, 0x20, 0xed, 0xa0, 0x80, 0x0a]), // an encoded surrogate half
    'truncated-design.md': Buffer.from([0x23, 0x20, 0x61, 0xe2, 0x82]), // a sequence cut at the end of the file
    'utf16-design.md': Buffer.from('\uFEFF# Data\n', 'utf16le'), // UTF-16 with its BOM
    'beyond-design.md': Buffer.from([0x23, 0x20, 0xf4, 0x90, 0x80, 0x80, 0x0a]), // above U+10FFFF
  };
  it('each is named on stderr with the offending byte, the run exits 2, and the file is unchanged', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mldoc-utf8-'));
    try {
      for (const [name, bytes] of Object.entries(cases)) writeFileSync(join(dir, name), bytes);
      writeFileSync(join(dir, 'good-design.md'), DOC);
      const r = mldoc(['check', ...Object.keys(cases), 'good-design.md', '--format', 'json'], { cwd: dir });
      assert.equal(r.code, 2);
      for (const name of Object.keys(cases)) assert.match(r.stderr, new RegExp(`${name.replace('.', '\\.')}: not valid UTF-8 \\(byte 0x[0-9a-f]{2} at line \\d+, byte offset \\d+\\)`), r.stderr);
      assert.deepEqual(JSON.parse(r.stdout).files.map((f: { file: string }) => f.file), ['good-design.md'], 'the valid file is still checked');
      for (const [name, bytes] of Object.entries(cases)) assert.deepEqual(readFileSync(join(dir, name)), bytes, `${name} is unchanged`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

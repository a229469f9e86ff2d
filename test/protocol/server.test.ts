// The built server (dist/server.js) spawned over stdio and driven like an editor would.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CompletionItem, CompletionList, Hover, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import type { CoverageResult, MissingSectionsResult, ReportResult, TemplateResult } from '../../server/src/protocol';
import { applyWorkspaceEdit, fileUri, messages, startClient, type TestClient } from './lsp-client';

const DOC = `---
mldoc: true
---

# Fraud detection

## Problem Definition

We want to cut card fraud losses by 20% this year. Success is measured as chargeback rate on the
monthly report, with a precision target of 0.9 at the current review capacity of the fraud team.

## Data

Card transactions from the payments warehouse, labelled by chargebacks that arrive up to 60 days later.
We join merchant and device tables and keep twelve months of history for training and evaluation.
`;

const hasMissing = (p: PublishDiagnosticsParams, title: string) => messages(p.diagnostics).some((m) => m.startsWith(`Missing section: ${title}`));

describe('language server over stdio', () => {
  let root: string;
  let client: TestClient;
  let uri: string;
  let version = 1;
  let text = DOC;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'mldoc-lsp-'));
    uri = fileUri(join(root, 'fraud-design.md'));
    client = await startClient({ root, env: { MLDOC_DEBOUNCE_MS: '50' } });
  });
  after(async () => {
    if (client.process.exitCode === null) client.process.kill();
    rmSync(root, { recursive: true, force: true });
  });

  it('declares its capabilities', () => {
    const caps = client.initializeResult.capabilities;
    assert.deepEqual(caps.completionProvider?.triggerCharacters, ['#']);
    assert.equal(caps.hoverProvider, true);
    const kinds = typeof caps.codeActionProvider === 'object' ? caps.codeActionProvider.codeActionKinds : [];
    assert.deepEqual(kinds, ['quickfix', 'source.mldoc.insertMissing', 'source.fixAll.mldoc']);
    assert.equal(typeof caps.textDocumentSync === 'object' ? caps.textDocumentSync.change : undefined, 2);
  });

  it('publishes diagnostics on open, with the document version, rule code, docs link and related information', async () => {
    const coverage = client.waitForCoverageChanged(uri);
    const published = client.waitForDiagnostics(uri);
    client.open(uri, text);
    const p = await published;
    assert.equal(p.version, 1);
    const deployment = p.diagnostics.find((d) => String(d.message).startsWith('Missing section: Deployment'));
    assert.ok(deployment, `got: ${messages(p.diagnostics).join(' | ')}`);
    assert.equal(deployment.code, 'missing-section');
    assert.equal(deployment.source, 'mldoc');
    assert.equal(deployment.codeDescription?.href, 'https://github.com/mldoc/mldoc/blob/main/docs/rules/missing-section.md');
    assert.equal(deployment.severity, 2);
    assert.ok(deployment.relatedInformation?.[0]?.location.uri === uri);
    assert.equal((await coverage).version, 1);
  });

  it('completes the missing sections after `## `', async () => {
    text += '\n## ';
    client.change(uri, ++version, text);
    const line = text.split('\n').length - 1;
    const result = await client.connection.sendRequest<CompletionItem[] | CompletionList>('textDocument/completion', {
      textDocument: { uri },
      position: { line, character: 3 },
      context: { triggerKind: 2, triggerCharacter: '#' },
    });
    const items = Array.isArray(result) ? result : result.items;
    assert.equal(items[0]?.label, 'Model Selection and Training');
    const edit = items[0]!.textEdit!;
    assert.ok('range' in edit);
    assert.deepEqual(edit.range, { start: { line, character: 0 }, end: { line, character: 3 } });
    assert.equal(items[0]!.insertTextFormat, 2);
    assert.match(edit.newText, /^## Model Selection and Training\n/);
    text = text.slice(0, -'\n## '.length);
    client.change(uri, ++version, text);
  });

  it('applies a quick fix computed from the current text, and offers it only once', async () => {
    const current = await client.diagnosticsAt(uri, version).catch((e: Error) => {
      throw new Error(`${e.message}\npublished: ${client.published.map((p) => `${p.uri.slice(-10)}@${p.version}`).join(', ')} (want ${version})`);
    });
    const diagnostic = current.diagnostics.find((d) => String(d.message).startsWith('Missing section: Deployment'))!;
    const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    const fix = actions.find((a) => a.isPreferred);
    assert.ok(fix?.edit, `actions: ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(fix.title, "Insert section 'Deployment'");
    assert.equal(fix.kind, 'quickfix');
    assert.deepEqual(fix.diagnostics?.map((d) => d.message), [diagnostic.message]);
    assert.ok(actions.some((a) => a.title === 'Disable missing-section for this line'));
    text = applyWorkspaceEdit(text, uri, fix.edit);
    const want = ++version;
    const next = client.waitForDiagnostics(uri, (p) => p.version === want);
    client.change(uri, want, text);
    const p = await next;
    assert.ok(!hasMissing(p, 'Deployment'));
    assert.ok(hasMissing(p, 'Monitoring'));
    const again = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    assert.deepEqual(again.filter((a) => a.isPreferred), []);
  });

  it('hovers over a heading', async () => {
    const line = text.split('\n').indexOf('## Deployment');
    assert.ok(line > 0);
    const hover = await client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character: 5 } });
    assert.ok(hover && typeof hover.contents === 'object' && 'value' in hover.contents);
    assert.match(hover.contents.value, /\*\*Deployment\*\*/);
    assert.deepEqual(hover.range?.start, { line, character: 0 });
  });

  it('answers mldoc/coverage, mldoc/missingSections, mldoc/report and mldoc/template', async () => {
    const coverage = await client.connection.sendRequest<CoverageResult>('mldoc/coverage', { uri });
    assert.equal(coverage.enabled, true);
    assert.equal(coverage.version, version);
    assert.equal(coverage.total, 8);
    const model = coverage.sections.find((s) => s.id === 'model')!;
    assert.equal(model.status, 'missing');
    assert.ok(model.insert && model.insert.snippet.includes('${1:'));
    const data = coverage.sections.find((s) => s.id === 'data')!;
    assert.ok(data.range);
    assert.match(data.description, /^\d+\/\d+$/);
    const missing = await client.connection.sendRequest<MissingSectionsResult>('mldoc/missingSections', { uri });
    // Model goes after Data; the others after Deployment, merged into one insertion.
    assert.equal(missing.insertions.length, 2);
    assert.match(missing.insertions[0]!.text, /^\n?## Model Selection and Training\n/);
    assert.match(missing.insertions[1]!.text, /## Monitoring and Maintenance[\s\S]*## Ethics and Bias/);
    const report = await client.connection.sendRequest<ReportResult>('mldoc/report', { uri });
    assert.match(report.markdown, /\| Section \| Status \|/);
    assert.match(report.markdown, /Score: \d+\/100/);
    const template = await client.connection.sendRequest<TemplateResult>('mldoc/template', {});
    assert.match(template.text, /<!-- mldoc -->|^---\n[\s\S]*mldoc: true/, 'the new doc opts in');
    assert.match(template.text, /## Ethics and Bias/);
  });

  it('re-analyses when the configuration changes (pulled with workspace/configuration)', async () => {
    const asked = client.configurationRequests.length;
    client.settings = { rules: { 'missing-section': 'off' } };
    const next = client.waitForDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'missing-section'));
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const p = await next;
    assert.equal(p.version, version);
    assert.ok(client.configurationRequests.length > asked, 'the server pulled the settings again');
    client.settings = {};
    const back = client.waitForDiagnostics(uri, (q) => q.diagnostics.some((d) => d.code === 'missing-section'));
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await back;
  });

  it('coalesces a burst of edits and publishes the latest version', async () => {
    const first = version + 1;
    for (let i = 0; i < 10; i++) client.change(uri, ++version, `${text}\nword ${i}\n`);
    const p = await client.waitForDiagnostics(uri, (q) => q.version === version);
    const burst = client.published.filter((q) => q.uri === uri && (q.version ?? 0) >= first);
    assert.ok(burst.length < 10, `published ${burst.length} times for 10 edits`);
    assert.equal(p.version, version);
  });

  it('clears diagnostics on close', async () => {
    const cleared = client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
    client.close(uri);
    await cleared;
  });

  it('leaves a README alone', async () => {
    const readme = fileUri(join(root, 'README.md'));
    const p = client.waitForDiagnostics(readme);
    client.open(readme, '# My project\n\n## Install\n\nRun npm install.\n');
    assert.deepEqual((await p).diagnostics, []);
    const coverage = await client.connection.sendRequest<CoverageResult>('mldoc/coverage', { uri: readme });
    assert.equal(coverage.enabled, false);
    const completions = await client.connection.sendRequest<CompletionItem[]>('textDocument/completion', { textDocument: { uri: readme }, position: { line: 0, character: 1 } });
    assert.deepEqual(completions, []);
    // ... until it opts in with the marker.
    const optIn = client.waitForDiagnostics(readme, (q) => q.diagnostics.length > 0);
    client.change(readme, 2, '<!-- mldoc -->\n# My project\n\n## Install\n\nRun npm install.\n');
    assert.ok((await optIn).diagnostics.some((d) => d.code === 'missing-section'));
  });

  it('shuts down and exits cleanly', async () => {
    assert.equal(await client.stop(), 0);
  });
});

describe('language server: config files and limits', () => {
  let root: string;
  let client: TestClient;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'mldoc-lsp-cfg-'));
    writeFileSync(join(root, '.mldoc.json'), '{\n  "rules": {\n    "missing-section": "loud"\n  },\n  "maxFileSize": 2000\n}\n');
    client = await startClient({ root, env: { MLDOC_DEBOUNCE_MS: '20' } });
  });
  after(async () => {
    if (client.process.exitCode === null) await client.stop().catch(() => client.process.kill());
    rmSync(root, { recursive: true, force: true });
  });

  it('reports a broken config file at the right line and still checks with the rest', async () => {
    const configUri = fileUri(join(root, '.mldoc.json'));
    const configDiagnostics = client.waitForDiagnostics(configUri, (p) => p.diagnostics.length > 0);
    const uri = fileUri(join(root, 'design-docs', 'ranking.md'));
    const docDiagnostics = client.waitForDiagnostics(uri);
    client.open(uri, DOC);
    const c = await configDiagnostics;
    assert.equal(c.diagnostics[0]!.range.start.line, 2);
    assert.match(String(c.diagnostics[0]!.message), /severity/);
    assert.ok((await docDiagnostics).diagnostics.some((d) => d.code === 'missing-section'));
  });

  it('re-reads the config file when it changes on disk, and clears its diagnostics once fixed', async () => {
    const configUri = fileUri(join(root, '.mldoc.json'));
    writeFileSync(join(root, '.mldoc.json'), '{ "rules": { "missing-section": "error" }, "maxFileSize": 2000 }\n');
    const cleared = client.waitForDiagnostics(configUri, (p) => p.diagnostics.length === 0);
    const uri = fileUri(join(root, 'design-docs', 'ranking.md'));
    const asErrors = client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'missing-section' && d.severity === 1));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
    await Promise.all([cleared, asErrors]);
  });

  it('validates an open config buffer as typed, and re-reads the file when it is saved', async () => {
    const configPath = join(root, '.mldoc.json');
    const configUri = fileUri(configPath);
    const bad = client.waitForDiagnostics(configUri, (p) => p.diagnostics.length > 0);
    client.open(configUri, '{\n  "profile": "nope"\n}\n', 'json');
    const b = await bad;
    assert.equal(b.diagnostics[0]!.range.start.line, 1);
    assert.match(String(b.diagnostics[0]!.message), /Unknown profile/);
    const fixed = client.waitForDiagnostics(configUri, (p) => p.diagnostics.length === 0);
    client.change(configUri, 2, '{ "rules": { "missing-section": "info" } }\n');
    await fixed;
    writeFileSync(configPath, '{ "rules": { "missing-section": "info" }, "maxFileSize": 2000 }\n');
    const doc = fileUri(join(root, 'design-docs', 'ranking.md'));
    const asInfo = client.waitForDiagnostics(doc, (p) => p.diagnostics.some((d) => d.code === 'missing-section' && d.severity === 3));
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri: configUri } });
    await asInfo;
    client.close(configUri);
  });

  it('gives a document above maxFileSize one informational diagnostic', async () => {
    const uri = fileUri(join(root, 'big-design.md'));
    const p = client.waitForDiagnostics(uri);
    client.open(uri, `# Big\n\n${'word '.repeat(1000)}\n`);
    const { diagnostics } = await p;
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]!.severity, 3);
    assert.match(String(diagnostics[0]!.message), /maxFileSize/);
  });
});

describe('language server: client capabilities and robustness', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'mldoc-lsp-caps-'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('sends LSP 3.18 snippet edits to clients that support them, and source actions on request', async () => {
    const client = await startClient({
      root,
      env: { MLDOC_DEBOUNCE_MS: '20' },
      capabilities: { workspace: { configuration: true, workspaceEdit: { documentChanges: true, snippetEditSupport: true } as object } },
    });
    try {
      const uri = fileUri(join(root, 'a-design.md'));
      const p = client.waitForDiagnostics(uri);
      client.open(uri, DOC);
      const diagnostic = (await p).diagnostics.find((d) => d.code === 'missing-section')!;
      const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
      const fix = actions.find((a) => a.isPreferred)!;
      const change = fix.edit!.documentChanges![0] as { textDocument: { version: number }; edits: { snippet?: { kind: string; value: string } }[] };
      assert.equal(change.textDocument.version, 1);
      assert.equal(change.edits[0]!.snippet?.kind, 'snippet');
      assert.match(change.edits[0]!.snippet!.value, /\$\{1:/);
      const source = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [], only: ['source'] } });
      assert.deepEqual(source.map((a) => a.kind).sort(), ['source.fixAll.mldoc', 'source.mldoc.insertMissing']);
      const insertAll = source.find((a) => a.kind === 'source.mldoc.insertMissing')!;
      const text = applyWorkspaceEdit(DOC, uri, insertAll.edit!);
      const next = client.waitForDiagnostics(uri, (q) => q.version === 2);
      client.change(uri, 2, text);
      assert.ok(!(await next).diagnostics.some((d) => d.code === 'missing-section'));
      const again = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [], only: ['source.mldoc.insertMissing'] } });
      assert.deepEqual(again, []);
    } finally {
      await client.stop();
    }
  });

  it('serves a minimal client: plain-text completions, pushed settings, no dynamic registration', async () => {
    const client = await startClient({ root, env: { MLDOC_DEBOUNCE_MS: '20' }, capabilities: {} });
    try {
      const uri = fileUri(join(root, 'b-design.md'));
      const p = client.waitForDiagnostics(uri);
      client.open(uri, `${DOC}\n## `);
      await p;
      assert.equal(client.configurationRequests.length, 0, 'a client without workspace.configuration is not asked');
      const line = `${DOC}\n## `.split('\n').length - 1;
      const items = await client.connection.sendRequest<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line, character: 3 } });
      assert.ok(items.length > 0);
      assert.equal(items[0]!.insertTextFormat, 1);
      assert.doesNotMatch(items[0]!.textEdit!.newText, /\$\{/);
      const off = client.waitForDiagnostics(uri, (q) => !q.diagnostics.some((d) => d.code === 'missing-section'));
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { mldoc: { rules: { 'missing-section': 'off' } } } });
      await off;
      const disabled = client.waitForDiagnostics(uri, (q) => q.diagnostics.length === 0);
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { mldoc: { enable: false } } });
      await disabled;
    } finally {
      await client.stop();
    }
  });

  it('answers malformed or unknown requests with empty results or InvalidParams and keeps running', async () => {
    const client = await startClient({ root, env: { MLDOC_DEBOUNCE_MS: '20' } });
    try {
      const unknown = 'file:///nowhere/x-design.md';
      assert.deepEqual(await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: unknown }, position: { line: 0, character: 0 } }), []);
      assert.equal(await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: unknown }, position: { line: 0, character: 0 } }), null);
      // Parameters without the shape the method needs: InvalidParams, with the reason (params-check.ts).
      await assert.rejects(client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: unknown }, range: null, context: null }), (e: { code?: number; message?: string }) => e.code === -32602 && /params\.range/.test(e.message ?? ''));
      assert.deepEqual(await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: unknown }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }), []);
      const coverage = await client.connection.sendRequest<CoverageResult>('mldoc/coverage', { uri: unknown });
      assert.equal(coverage.enabled, false);
      assert.deepEqual((await client.connection.sendRequest<MissingSectionsResult>('mldoc/missingSections', { uri: unknown })).insertions, []);
      assert.match((await client.connection.sendRequest<TemplateResult>('mldoc/template', { profile: 42 })).text, /##/);
      const uri = fileUri(join(root, 'c-design.md'));
      const p = client.waitForDiagnostics(uri);
      client.open(uri, '\u0000\uD800 # \r\n#\r\r\n---\n');
      await p;
      assert.deepEqual(await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 99, character: -5 } }), []);
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });
});

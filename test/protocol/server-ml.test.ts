// The built server over stdio: the readiness score in mldoc/coverage, ML-term hovers and completions, ML-aware
// findings as diagnostics, and the selected profile's sections in the coverage tree.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CompletionItem, CompletionList, Hover } from 'vscode-languageserver-protocol';
import type { CoverageResult } from '../../server/src/protocol';
import { fileUri, startClient, type TestClient } from './lsp-client';

const DOC = `---
mldoc: true
status: approved
---

# Churn model

## Model Selection and Training

Gradient boosting on ninety days of activity, evaluated by AUC-PR on a held-out month.

## Monitoring and Maintenance

We compute PSI on the top features every day.
`;

describe('language server: readiness, ML terms and ML rules', () => {
  let root: string;
  let client: TestClient;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'mldoc-lsp-ml-'));
    client = await startClient({ root, env: { MLDOC_DEBOUNCE_MS: '50' } });
  });
  after(async () => {
    if (client.process.exitCode === null) client.process.kill();
    rmSync(root, { recursive: true, force: true });
  });

  it('sends the readiness score with mldoc/coverage, and ML findings at the status-raised severity', async () => {
    const uri = fileUri(join(root, 'churn-design.md'));
    const published = client.waitForDiagnostics(uri);
    client.open(uri, DOC);
    const diagnostics = (await published).diagnostics;
    const baseline = diagnostics.find((d) => d.code === 'no-baseline');
    assert.ok(baseline, diagnostics.map((d) => d.code).join(' '));
    assert.equal(baseline.severity, 2, 'info raised to warning in an approved document');
    assert.equal(baseline.codeDescription?.href, 'https://github.com/mldoc/mldoc/blob/main/docs/rules/no-baseline.md');
    const coverage = await client.connection.sendRequest<CoverageResult>('mldoc/coverage', { uri });
    assert.ok(coverage.readiness);
    assert.equal(coverage.readiness.tests.length, 28);
    const invariants = coverage.readiness.tests.find((t) => t.id === 'input-invariants')!;
    const line = DOC.split('\n').findIndex((l) => l.startsWith('We compute PSI'));
    assert.equal(invariants.score, 1);
    assert.deepEqual(invariants.evidence[0], { text: 'PSI', range: { start: { line, character: 11 }, end: { line, character: 14 } } });
    assert.equal(coverage.readiness.score, Math.min(...coverage.readiness.groups.map((g) => g.score)));
  });

  it('hovers over an ML term in prose and completes ML terms inside a section', async () => {
    const uri = fileUri(join(root, 'terms-design.md'));
    const published = client.waitForDiagnostics(uri);
    client.open(uri, DOC);
    await published;
    const lines = DOC.split('\n');
    const line = lines.findIndex((l) => l.startsWith('We compute PSI'));
    const hover = await client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character: 12 } });
    assert.ok(hover && typeof hover.contents === 'object' && 'value' in hover.contents);
    assert.match(hover.contents.value, /\*\*PSI\*\* \(drift test\)/);
    assert.deepEqual(hover.range, { start: { line, character: 11 }, end: { line, character: 14 } });
    const result = await client.connection.sendRequest<CompletionItem[] | CompletionList>('textDocument/completion', {
      textDocument: { uri },
      position: { line, character: lines[line]!.length },
      context: { triggerKind: 1 },
    });
    const items = Array.isArray(result) ? result : result.items;
    const ks = items.find((i) => i.label === 'KS test');
    assert.ok(ks, items.map((i) => i.label).join(', '));
    assert.equal(ks.kind, 14, 'Keyword');
  });

  it('shows the selected profile’s sections in the coverage tree', async () => {
    const uri = fileUri(join(root, 'card-design.md'));
    const published = client.waitForDiagnostics(uri);
    client.open(uri, DOC.replace('mldoc: true', 'profile: model-card'));
    await published;
    const coverage = await client.connection.sendRequest<CoverageResult>('mldoc/coverage', { uri });
    assert.equal(coverage.profile, 'model-card');
    assert.equal(coverage.total, 9);
    assert.ok(coverage.sections.some((s) => s.id === 'intended-use' && s.status === 'missing' && s.guidance.length > 0));
  });
});

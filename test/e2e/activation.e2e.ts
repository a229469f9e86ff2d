// Activation: the extension wakes up for Markdown, treats a design doc as one and leaves a README alone.
import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { activateApi, extension, fixture, mldocDiagnostics, openFixture, waitFor } from './helpers';

describe('activation', () => {
  it('is not active before a Markdown file is opened', () => {
    assert.equal(extension().isActive, false);
  });

  it('activates on a design doc and treats it as one', async () => {
    await openFixture('payment-fraud-design.md');
    await waitFor('the extension to activate', () => (extension().isActive ? true : undefined));
    const api = await activateApi();
    const coverage = await api.getCoverage(fixture('payment-fraud-design.md'));
    assert.equal(coverage.enabled, true);
    assert.equal(coverage.total, coverage.sections.length);
    assert.ok(coverage.present > 0 && coverage.present < coverage.total, `present ${coverage.present}/${coverage.total}`);
  });

  it('leaves a README alone: coverage disabled and no diagnostics', async () => {
    const api = await activateApi();
    const design = fixture('payment-fraud-design.md');
    await waitFor('diagnostics on the design doc', () => (mldocDiagnostics(design).length > 0 ? true : undefined), [
      vscode.languages.onDidChangeDiagnostics,
    ]);
    const readme = fixture('README.md');
    await openFixture('README.md');
    const coverage = await api.getCoverage(readme);
    assert.equal(coverage.enabled, false);
    assert.deepEqual(coverage.sections, []);
    assert.deepEqual(mldocDiagnostics(readme), []);
  });
});

// The extension's commands, run as a user would run them from the palette (with arguments instead of pickers).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { MldocApi } from '../../client/src/api';
import { activateApi, extension, fixture, openFixture, resetEditors, waitFor } from './helpers';

const documentFor = (uri: string) => vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri);

describe('commands', () => {
  let api: MldocApi;

  before(async () => {
    await resetEditors();
    api = await activateApi();
  });

  after(resetEditors);

  it('registers every contributed command', async () => {
    const contributed: { command: string }[] = extension().packageJSON.contributes.commands;
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const { command } of contributed) assert.ok(registered.has(command), `${command} is not registered`);
  });

  it('New Design Doc opens the server template in an untitled Markdown document', async () => {
    const uri = await vscode.commands.executeCommand<string>('mldoc.newDesignDoc', { target: 'untitled' });
    const document = documentFor(uri);
    assert.ok(document, 'no document was opened');
    assert.equal(document.uri.scheme, 'untitled');
    assert.equal(document.languageId, 'markdown');
    assert.match(document.getText(), /^#{1,2} /m);
  });

  it('New Design Doc can write the template to a file', async () => {
    const target = fixture('created-design.md');
    const uri = await vscode.commands.executeCommand<string>('mldoc.newDesignDoc', { target: 'file', uri: target.toString() });
    assert.equal(uri, target.toString());
    const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(written, /^#{1,2} /m);
    const coverage = await api.getCoverage(target);
    assert.equal(coverage.enabled, true);
  });

  it('Show Coverage Report opens the server report beside the document', async () => {
    await openFixture('payment-fraud-design.md');
    const uri = await vscode.commands.executeCommand<string>('mldoc.showCoverageReport');
    const report = documentFor(uri);
    assert.ok(report, 'no report was opened');
    assert.equal(report.languageId, 'markdown');
    const coverage = await api.getCoverage(fixture('payment-fraud-design.md'));
    const missing = coverage.sections.find((section) => section.status === 'missing');
    assert.ok(missing && report.getText().includes(missing.title), 'the report does not name a missing section');
  });

  it('Treat as Design Doc adds the marker and turns checking on', async () => {
    const notes = fixture('notes.md');
    const editor = await openFixture('notes.md');
    assert.equal((await api.getCoverage(notes)).enabled, false);
    assert.equal(await vscode.commands.executeCommand('mldoc.treatAsDesignDoc'), true);
    assert.equal(editor.document.lineAt(0).text, '<!-- mldoc -->');
    await waitFor('notes.md to count as a design doc', async () => ((await api.getCoverage(notes)).enabled ? true : undefined));
  });

  it('Insert All Missing Sections leaves no lifecycle section missing', async () => {
    const churn = fixture('churn-design.md');
    await openFixture('churn-design.md');
    const before = await api.getCoverage(churn);
    assert.ok(before.sections.some((section) => section.status === 'missing'));
    const insertions = await vscode.commands.executeCommand<number>('mldoc.insertMissingSections');
    assert.ok(insertions > 0, 'nothing was inserted');
    await waitFor('every section to be present', async () => {
      const coverage = await api.getCoverage(churn);
      return coverage.sections.every((section) => section.status !== 'missing') ? true : undefined;
    });
  });

  it('Restart Server restarts the language server and coverage still answers', async () => {
    await vscode.commands.executeCommand('mldoc.restartServer');
    const coverage = await api.getCoverage(fixture('payment-fraud-design.md'));
    assert.equal(coverage.enabled, true);
  });
});

// Diagnostics, quick fixes and completions from the language server, as VS Code's own commands see them.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { MldocApi } from '../../client/src/api';
import { activateApi, append, fixture, mldocDiagnostics, openFixture, resetEditors, ruleOf, waitFor } from './helpers';

const design = () => fixture('payment-fraud-design.md');

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

describe('diagnostics, quick fixes and completions', () => {
  let api: MldocApi;

  before(async () => {
    await resetEditors();
    api = await activateApi();
  });

  after(resetEditors);

  it('reports each missing lifecycle section', async () => {
    await openFixture('payment-fraud-design.md');
    const coverage = await api.getCoverage(design());
    const missing = coverage.sections.filter((section) => section.status === 'missing');
    assert.ok(missing.length > 0, 'the fixture should miss some sections');
    const diagnostics = await waitFor(
      'a missing-section diagnostic per missing section',
      () => {
        const found = mldocDiagnostics(design()).filter((diagnostic) => ruleOf(diagnostic) === 'missing-section');
        return found.length >= missing.length ? found : undefined;
      },
      [vscode.languages.onDidChangeDiagnostics],
    );
    for (const section of missing) {
      assert.ok(
        diagnostics.some((diagnostic) => diagnostic.message.includes(section.title)),
        `no diagnostic names ${section.title}`,
      );
    }
  });

  it('quick fix inserts a missing section and its diagnostic goes away', async () => {
    const editor = await openFixture('payment-fraud-design.md');
    const coverage = await api.getCoverage(design());
    const section = coverage.sections.find((candidate) => candidate.status === 'missing');
    assert.ok(section);
    const target = await waitFor(
      `the diagnostic for ${section.title}`,
      () => mldocDiagnostics(design()).find((diagnostic) => diagnostic.message.includes(section.title)),
      [vscode.languages.onDidChangeDiagnostics],
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      design(),
      target.range,
      vscode.CodeActionKind.QuickFix.value,
      10,
    );
    const fix =
      actions.find((action) => action.diagnostics?.some((diagnostic) => diagnostic.message === target.message)) ??
      actions.find((action) => action.kind?.value.startsWith('quickfix') && action.title.includes(section.title));
    assert.ok(fix, `no quick fix for "${target.message}" among: ${actions.map((action) => action.title).join(', ')}`);
    if (fix.edit) assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the quick fix edit was not applied');
    if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    assert.ok(editor.document.isDirty, 'the quick fix changed nothing');
    await waitFor(
      `the diagnostic for ${section.title} to go away`,
      () => (mldocDiagnostics(design()).some((diagnostic) => diagnostic.message === target.message) ? undefined : true),
      [vscode.languages.onDidChangeDiagnostics],
    );
    const after = await api.getCoverage(design());
    assert.notEqual(after.sections.find((candidate) => candidate.id === section.id)?.status, 'missing');
  });

  it('completes the missing sections after "## "', async () => {
    await resetEditors();
    const editor = await openFixture('payment-fraud-design.md');
    const coverage = await api.getCoverage(design());
    await append(editor, '\n\n## ');
    const last = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      design(),
      last,
    );
    const labels = list.items.map(labelOf);
    for (const section of coverage.sections) {
      if (section.status === 'missing') {
        assert.ok(labels.some((label) => label.includes(section.title)), `${section.title} not offered; got ${labels.join(' | ')}`);
      }
      if (section.status === 'covered') {
        assert.ok(!labels.some((label) => label === section.title), `covered ${section.title} offered again`);
      }
    }
  });
});

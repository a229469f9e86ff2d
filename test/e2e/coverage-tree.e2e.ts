// The coverage tree, seen through the extension's API: it mirrors the server's coverage of the active editor.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { MldocApi } from '../../client/src/api';
import type { TreeNode } from '../../client/src/coverage/model';
import type { CoverageItem } from '../../server/src/protocol';
import { activateApi, append, fixture, openFixture, resetEditors, waitFor } from './helpers';

const design = () => fixture('payment-fraud-design.md');

const shape = (items: readonly (TreeNode | CoverageItem)[]): unknown =>
  items.map((item) => [
    'itemId' in item ? item.itemId : item.id,
    item.status,
    item.description,
    shape(item.children),
  ]);

describe('coverage tree', () => {
  let api: MldocApi;

  const treeFor = (uri: vscode.Uri, accept: (nodes: readonly TreeNode[]) => boolean = (nodes) => nodes.length > 0) =>
    waitFor(
      () =>
        `the tree to show ${uri.path}; it shows ${api.getTreeDocument() ?? 'nothing'}: ` +
        JSON.stringify(api.getTreeNodes().map((node) => [node.itemId, node.status])) +
        `, the active editor is ${vscode.window.activeTextEditor?.document.uri.path}`,
      () => {
        const nodes = api.getTreeNodes();
        return api.getTreeDocument() === uri.toString() && accept(nodes) ? nodes : undefined;
      },
      [api.onDidChangeTree],
    );

  before(async () => {
    await resetEditors();
    api = await activateApi();
  });

  after(resetEditors);

  it('shows the sections and subsections the server reports for the active design doc', async () => {
    await openFixture('payment-fraud-design.md');
    const nodes = await treeFor(design());
    const coverage = await api.getCoverage(design());
    const sections = nodes.filter((node) => node.contextValue !== 'mldoc.readiness');
    assert.deepEqual(shape(sections), shape(coverage.sections));
    // Then the readiness (ML Test Score): its four groups, each with its tests.
    const readiness = nodes.at(-1);
    assert.equal(readiness?.key, 'readiness');
    assert.ok(coverage.readiness);
    assert.equal(readiness.description, `${coverage.readiness.score}/${coverage.readiness.max}`);
    assert.deepEqual(
      readiness.children.map((group) => [group.label, group.children.length]),
      coverage.readiness.groups.map((group) => [group.title, coverage.readiness!.tests.filter((t) => t.group === group.id).length]),
    );
    assert.ok(nodes.some((node) => node.status === 'missing' && node.contextValue === 'mldoc.missing'));
    assert.ok(nodes.some((node) => node.status !== 'missing' && node.reveal));
  });

  it('updates after an edit', async () => {
    const editor = await openFixture('payment-fraud-design.md');
    const before = await treeFor(design());
    const missing = before.find((node) => node.status === 'missing');
    assert.ok(missing);
    await append(
      editor,
      `\n\n## ${missing.label}\n\nThis section now exists, with enough words in it to count as more than a mention of the topic.\n`,
    );
    const nodes = await treeFor(design(), (current) => current.find((node) => node.itemId === missing.itemId)?.status !== 'missing');
    assert.notEqual(nodes.find((node) => node.itemId === missing.itemId)?.status, 'missing');
    await resetEditors();
  });

  it('is empty (the welcome view) for a file that is not a design doc', async () => {
    await openFixture('payment-fraud-design.md');
    await treeFor(design());
    await openFixture('README.md');
    await waitFor('the tree to empty', () => (api.getTreeDocument() === undefined && api.getTreeNodes().length === 0 ? true : undefined), [
      api.onDidChangeTree,
    ]);
  });

  it('inserts a missing section from the tree with the server snippet', async () => {
    const editor = await openFixture('payment-fraud-design.md');
    const nodes = await treeFor(design());
    const missing = nodes.find((node) => node.contextValue === 'mldoc.missing' && node.insert);
    assert.ok(missing?.insert);
    const inserted = await vscode.commands.executeCommand<boolean>('mldoc.insertSection', missing);
    assert.equal(inserted, true);
    assert.ok(editor.document.getText().includes(missing.label), `${missing.label} heading not inserted`);
    await treeFor(design(), (current) => current.find((node) => node.itemId === missing.itemId)?.status !== 'missing');
    await resetEditors();
  });

  it('reveals a present section at the heading the server located', async () => {
    await openFixture('README.md');
    const editor = await openFixture('payment-fraud-design.md');
    const nodes = await treeFor(design());
    const present = [...nodes].reverse().find((node) => node.reveal);
    assert.ok(present?.reveal);
    await vscode.commands.executeCommand('mldoc.revealSection', design().toString(), present.reveal);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), design().toString());
    assert.equal(editor.selection.active.line, present.reveal.start.line);
  });
});

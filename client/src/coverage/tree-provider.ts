// Renders the pure tree model (model.ts) as VS Code TreeItems. One provider feeds both coverage views.
import * as vscode from 'vscode';
import type { CoverageResult } from '../../../server/src/protocol';
import { findNode, toTreeNodes, type TreeNode } from './model';

const collapsibleStates = {
  none: vscode.TreeItemCollapsibleState.None,
  collapsed: vscode.TreeItemCollapsibleState.Collapsed,
  expanded: vscode.TreeItemCollapsibleState.Expanded,
} as const;

export class CoverageTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private nodes: TreeNode[] = [];
  private uri: string | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  /** Replaces the whole tree at once: one change event per new result. */
  update(result: CoverageResult | undefined): void {
    this.nodes = toTreeNodes(result);
    this.uri = result?.enabled ? result.uri : undefined;
    this.changed.fire();
  }

  get documentUri(): string | undefined {
    return this.uri;
  }

  get roots(): readonly TreeNode[] {
    return this.nodes;
  }

  getChildren(node?: TreeNode): TreeNode[] {
    return [...(node ? node.children : this.nodes)];
  }

  getParent(node: TreeNode): TreeNode | undefined {
    const slash = node.key.lastIndexOf('/');
    return slash < 0 ? undefined : findNode(this.nodes, node.key.slice(0, slash));
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const item = new vscode.TreeItem(node.label, collapsibleStates[node.collapsible]);
    item.id = node.key;
    item.description = node.description;
    item.iconPath = new vscode.ThemeIcon(node.icon.id, new vscode.ThemeColor(node.icon.color));
    item.tooltip = new vscode.MarkdownString(node.tooltip);
    item.contextValue = node.contextValue;
    item.accessibilityInformation = { label: `${node.label}, ${node.status}, ${node.description}` };
    if (node.reveal && this.uri) {
      item.command = {
        command: 'mldoc.revealSection',
        title: 'Reveal Section',
        arguments: [this.uri, node.reveal],
      };
    }
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

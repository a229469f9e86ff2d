// What activate() returns: a small surface for tests and for other extensions.
import type * as vscode from 'vscode';
import type { CoverageResult } from '../../server/src/protocol';
import type { TreeNode } from './coverage/model';

export interface MldocApi {
  /** Settles when the language client has started (rejects when the server could not be started). */
  readonly ready: Promise<void>;
  /** Asks the server for a document's coverage. */
  getCoverage(uri: string | vscode.Uri): Promise<CoverageResult>;
  /** What the coverage tree shows now, and for which document (undefined: the welcome view). */
  getTreeNodes(): readonly TreeNode[];
  getTreeDocument(): string | undefined;
  /** Fires after the tree was replaced. */
  readonly onDidChangeTree: vscode.Event<void>;
  /** Refetches the active document's coverage; resolves when the tree is up to date. */
  refreshCoverage(): Promise<void>;
}

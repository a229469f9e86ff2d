// `$(checklist) ML doc 6/8` while a design doc is active; hidden otherwise. A click focuses the coverage tree.
import * as vscode from 'vscode';
import type { CoverageResult } from '../../server/src/protocol';
import { toStatusText, toStatusTooltip } from './coverage/model';

export function createStatusBarItem(): { item: vscode.StatusBarItem; update(result: CoverageResult | undefined): void } {
  const item = vscode.window.createStatusBarItem('mldoc.coverage', vscode.StatusBarAlignment.Right, 100);
  item.name = 'ML Design Doc Coverage';
  item.command = { command: 'mldocCoverage.focus', title: 'Show ML Lifecycle Coverage' };
  return {
    item,
    update(result) {
      const text = toStatusText(result);
      if (!text || !result) {
        item.hide();
        return;
      }
      item.text = text;
      item.tooltip = toStatusTooltip(result);
      item.show();
    },
  };
}

// The coverage tree as data: a pure function of the server's CoverageResult. No `vscode` import, so the model is
// tested with node:test alone; tree-provider.ts turns these nodes into TreeItems.
import type { CoverageItem, CoverageResult, WireInsertion, WireRange, WireStatus } from '../../../server/src/protocol';

export type Collapsible = 'none' | 'collapsed' | 'expanded';

export interface NodeIcon {
  /** Codicon id, e.g. `pass`. */
  readonly id: string;
  /** Theme colour id, e.g. `testing.iconPassed`. */
  readonly color: string;
}

export interface TreeNode {
  /** Unique in the tree and stable across refreshes (keeps expansion state): the item ids on the path. */
  readonly key: string;
  /** The server's item id (a section or subsection id). */
  readonly itemId: string;
  readonly label: string;
  readonly description: string;
  readonly status: WireStatus;
  readonly icon: NodeIcon;
  /** Markdown for the tooltip. */
  readonly tooltip: string;
  /** `mldoc.missing` and `mldoc.incomplete` carry an insertion (the tree offers "Insert"); `mldoc.present` does not. */
  readonly contextValue: 'mldoc.missing' | 'mldoc.incomplete' | 'mldoc.present';
  /** The heading to reveal on click, when the item has one. */
  readonly reveal?: WireRange;
  readonly insert?: WireInsertion;
  readonly collapsible: Collapsible;
  readonly children: readonly TreeNode[];
}

const icons: Record<WireStatus, NodeIcon> = {
  covered: { id: 'pass', color: 'testing.iconPassed' },
  thin: { id: 'warning', color: 'problemsWarningIcon.foreground' },
  placeholder: { id: 'edit', color: 'problemsWarningIcon.foreground' },
  empty: { id: 'circle-large-outline', color: 'problemsWarningIcon.foreground' },
  mentioned: { id: 'info', color: 'problemsInfoIcon.foreground' },
  missing: { id: 'error', color: 'problemsErrorIcon.foreground' },
};

const statusWords: Record<WireStatus, string> = {
  covered: 'covered',
  thin: 'thin: needs more substance',
  placeholder: 'placeholder text only',
  empty: 'empty',
  mentioned: 'mentioned, but no section of its own',
  missing: 'missing',
};

export function iconFor(status: WireStatus): NodeIcon {
  return icons[status] ?? icons.missing;
}

function tooltipFor(item: CoverageItem): string {
  const parts = [`**${item.title}** — ${statusWords[item.status] ?? item.status}`];
  if (item.reason) parts.push(`_${item.reason}_`);
  if (item.guidance) parts.push(item.guidance);
  return parts.join('\n\n');
}

function contextValueFor(item: CoverageItem): TreeNode['contextValue'] {
  if (!item.insert) return 'mldoc.present';
  return item.status === 'missing' ? 'mldoc.missing' : 'mldoc.incomplete';
}

function collapsibleFor(item: CoverageItem): Collapsible {
  if (item.children.length === 0) return 'none';
  // Open the sections that exist but need work (thin, placeholder, empty); the rest stay one row each, so the
  // lifecycle reads at a glance.
  return item.status === 'thin' || item.status === 'placeholder' || item.status === 'empty' ? 'expanded' : 'collapsed';
}

function toNode(item: CoverageItem, parentKey: string): TreeNode {
  const key = parentKey ? `${parentKey}/${item.id}` : item.id;
  return {
    key,
    itemId: item.id,
    label: item.title,
    description: item.description,
    status: item.status,
    icon: iconFor(item.status),
    tooltip: tooltipFor(item),
    contextValue: contextValueFor(item),
    ...(item.range ? { reveal: item.range } : {}),
    ...(item.insert ? { insert: item.insert } : {}),
    collapsible: collapsibleFor(item),
    children: item.children.map((child) => toNode(child, key)),
  };
}

/** The tree's top-level nodes for a coverage result; none when the document is not a design doc. */
export function toTreeNodes(result: CoverageResult | undefined): TreeNode[] {
  if (!result || !result.enabled) return [];
  return result.sections.map((section) => toNode(section, ''));
}

/** The line above the tree: how much of the lifecycle the document covers, and against which profile. */
export function toTreeMessage(result: CoverageResult | undefined): string | undefined {
  if (!result || !result.enabled) return undefined;
  // A document above mldoc.maxFileSize: only its headings were read; say so instead of a score.
  if (result.outlineOnly) return `${result.present}/${result.total} sections · outline only (file too large) · profile ${result.profile}`;
  return `${result.present}/${result.total} sections · score ${result.score} · profile ${result.profile}`;
}

/** Status bar text for a design doc; undefined hides the item. */
export function toStatusText(result: CoverageResult | undefined): string | undefined {
  if (!result || !result.enabled) return undefined;
  return `$(checklist) ML doc ${result.present}/${result.total}${result.outlineOnly ? ' (outline only)' : ''}`;
}

/** Status bar tooltip for a design doc. */
export function toStatusTooltip(result: CoverageResult): string {
  if (result.outlineOnly) {
    return `ML lifecycle sections with a heading: ${result.present} of ${result.total} (profile ${result.profile}). ${result.note ?? 'Outline only: the document is too large to check.'} Click to show coverage.`;
  }
  return `ML lifecycle sections present: ${result.present} of ${result.total} (score ${result.score}, profile ${result.profile}). Click to show coverage.`;
}

/** Finds a node by its key (the ids on its path). */
export function findNode(nodes: readonly TreeNode[], key: string): TreeNode | undefined {
  for (const node of nodes) {
    if (node.key === key) return node;
    if (key.startsWith(`${node.key}/`)) return findNode(node.children, key);
  }
  return undefined;
}

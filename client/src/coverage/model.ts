// The coverage tree as data: a pure function of the server's CoverageResult. No `vscode` import, so the model is
// tested with node:test alone; tree-provider.ts turns these nodes into TreeItems.
import type { CoverageItem, CoverageResult, ReadinessSummary, ReadinessTestItem, WireInsertion, WireRange, WireStatus } from '../../../server/src/protocol';

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
  /** `mldoc.missing` and `mldoc.incomplete` carry an insertion (the tree offers "Insert"); `mldoc.present` does not;
   * `mldoc.readiness` marks the readiness group (ML Test Score) and its groups and tests, which are not sections. */
  readonly contextValue: 'mldoc.missing' | 'mldoc.incomplete' | 'mldoc.present' | 'mldoc.readiness';
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

/** Readiness as a status: all planned reads as covered, some as thin, only mentions as mentioned, none as missing. */
function readinessStatus(score: number, max: number, anyMention = false): WireStatus {
  if (max > 0 && score >= max) return 'covered';
  if (score >= 1) return 'thin';
  return score > 0 || anyMention ? 'mentioned' : 'missing';
}

const TEST_WORDS = (score: number) => (score >= 1 ? 'planned' : score > 0 ? 'mentioned only' : 'not planned');

/** Numbers as the score shows them: 3.5, not 3.500000001. */
const num = (n: number) => String(Math.round(n * 10) / 10);

function readinessTestNode(test: ReadinessTestItem, parentKey: string): TreeNode {
  const status: WireStatus = test.score >= 1 ? 'covered' : test.score > 0 ? 'mentioned' : 'missing';
  const evidence = test.evidence.slice(0, 5).map((e) => `- line ${e.range.start.line + 1}: "${e.text.replace(/\s+/g, ' ').slice(0, 80)}"`);
  const tooltip = [`**${test.title}** — ${TEST_WORDS(test.score)}`, test.description, ...(evidence.length ? [`Evidence:\n\n${evidence.join('\n')}`] : [])];
  const first = test.evidence[0];
  return {
    key: `${parentKey}/${test.id}`,
    itemId: test.id,
    label: test.title,
    description: TEST_WORDS(test.score),
    status,
    icon: iconFor(status),
    tooltip: tooltip.join('\n\n'),
    contextValue: 'mldoc.readiness',
    ...(first ? { reveal: first.range } : {}),
    collapsible: 'none',
    children: [],
  };
}

/**
 * The design-time readiness (after Google's ML Test Score) as one more top-level node: its four groups, each
 * with its tests; a test with evidence reveals it on click. Collapsed, so that the lifecycle reads first.
 */
export function toReadinessNode(readiness: ReadinessSummary): TreeNode {
  const groups = readiness.groups.map((group): TreeNode => {
    const key = `readiness/${group.id}`;
    const tests = readiness.tests.filter((t) => t.group === group.id);
    const status = readinessStatus(group.score, group.max, tests.some((t) => t.score > 0));
    return {
      key,
      itemId: key, // not the group id: 'data', 'model' and 'monitoring' are section ids too
      label: group.title,
      description: `${num(group.score)}/${num(group.max)}`,
      status,
      icon: iconFor(status),
      tooltip: `**${group.title}** — ${num(group.score)} of ${num(group.max)}: ${tests.filter((t) => t.score >= 1).length} of ${tests.length} tests planned`,
      contextValue: 'mldoc.readiness',
      collapsible: tests.length ? 'collapsed' : 'none',
      children: tests.map((t) => readinessTestNode(t, key)),
    };
  });
  const weakest = [...readiness.groups].sort((a, b) => a.score - b.score)[0];
  const status = readinessStatus(readiness.score, readiness.max, readiness.tests.some((t) => t.score > 0));
  return {
    key: 'readiness',
    itemId: 'readiness',
    label: 'Readiness (ML Test Score)',
    description: `${num(readiness.score)}/${num(readiness.max)}`,
    status,
    icon: iconFor(status),
    tooltip:
      `**Design-time readiness** — ${num(readiness.score)} of ${num(readiness.max)}: the lowest of the four groups` +
      (weakest ? ` (${weakest.title})` : '') +
      '.\n\nA test scores when the document plans for it: 1 with a plan, 0.5 for a mention.',
    contextValue: 'mldoc.readiness',
    collapsible: groups.length ? 'collapsed' : 'none',
    children: groups,
  };
}

/** The tree's top-level nodes for a coverage result (the sections, then readiness when the server sends it); none
 * when the document is not a design doc. */
export function toTreeNodes(result: CoverageResult | undefined): TreeNode[] {
  if (!result || !result.enabled) return [];
  const nodes = result.sections.map((section) => toNode(section, ''));
  if (result.readiness) nodes.push(toReadinessNode(result.readiness));
  return nodes;
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

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findNode, iconFor, toStatusText, toStatusTooltip, toTreeMessage, toTreeNodes } from '../../client/src/coverage/model';
import type { CoverageItem, CoverageResult } from '../../server/src/protocol';

function item(id: string, status: CoverageItem['status'], extra: Partial<CoverageItem> = {}): CoverageItem {
  return { id, title: id[0]!.toUpperCase() + id.slice(1), status, description: '', guidance: `Guidance for ${id}.`, children: [], ...extra };
}

const heading = { start: { line: 4, character: 0 }, end: { line: 4, character: 10 } };
const insertion = { position: { line: 20, character: 0 }, text: '## Security\n', snippet: '## Security\n\n${1:Threats}\n' };

const result: CoverageResult = {
  uri: 'file:///ws/payment-fraud-design.md',
  version: 3,
  enabled: true,
  profile: 'lifecycle',
  score: 62,
  present: 2,
  total: 3,
  sections: [
    item('data', 'thin', {
      description: '1/2',
      range: heading,
      reason: "'Datasets' counts as Data",
      children: [item('sources', 'covered', { range: heading }), item('labels', 'missing', { insert: insertion })],
    }),
    item('model', 'covered', { description: '2/2', range: heading, children: [item('baseline', 'covered'), item('metrics', 'covered')] }),
    item('security', 'missing', { insert: insertion, children: [item('threats', 'missing')] }),
  ],
};

describe('toTreeNodes', () => {
  it('has no nodes for a document that is not a design doc', () => {
    assert.deepEqual(toTreeNodes({ ...result, enabled: false }), []);
    assert.deepEqual(toTreeNodes(undefined), []);
  });

  it('keeps the server order, titles and descriptions', () => {
    const nodes = toTreeNodes(result);
    assert.deepEqual(
      nodes.map((node) => [node.label, node.description, node.status]),
      [
        ['Data', '1/2', 'thin'],
        ['Model', '2/2', 'covered'],
        ['Security', '', 'missing'],
      ],
    );
  });

  it('gives subsections as children with path keys', () => {
    const [data] = toTreeNodes(result);
    assert.deepEqual(data!.children.map((child) => child.key), ['data/sources', 'data/labels']);
    assert.equal(findNode(toTreeNodes(result), 'data/labels')?.label, 'Labels');
    assert.equal(findNode(toTreeNodes(result), 'data/nothing'), undefined);
  });

  it('colours icons by status', () => {
    assert.deepEqual(iconFor('covered'), { id: 'pass', color: 'testing.iconPassed' });
    assert.equal(iconFor('missing').color, 'problemsErrorIcon.foreground');
    assert.equal(iconFor('mentioned').color, 'problemsInfoIcon.foreground');
    for (const status of ['thin', 'placeholder', 'empty'] as const) {
      assert.equal(iconFor(status).color, 'problemsWarningIcon.foreground', status);
    }
  });

  it('offers Insert only where the server sent an insertion', () => {
    const nodes = toTreeNodes(result);
    assert.equal(nodes[2]!.contextValue, 'mldoc.missing');
    assert.deepEqual(nodes[2]!.insert, insertion);
    assert.equal(nodes[0]!.contextValue, 'mldoc.present');
    assert.equal(nodes[0]!.children[1]!.contextValue, 'mldoc.missing');
    const emptyWithSkeleton = toTreeNodes({ ...result, sections: [item('ethics', 'empty', { insert: insertion })] });
    assert.equal(emptyWithSkeleton[0]!.contextValue, 'mldoc.incomplete');
  });

  it('reveals the heading range the server sent, and nothing without one', () => {
    const nodes = toTreeNodes(result);
    assert.deepEqual(nodes[0]!.reveal, heading);
    assert.equal(nodes[2]!.reveal, undefined);
  });

  it('puts status, reason and guidance in the tooltip', () => {
    const tooltip = toTreeNodes(result)[0]!.tooltip;
    assert.match(tooltip, /^\*\*Data\*\* — thin/);
    assert.match(tooltip, /_'Datasets' counts as Data_/);
    assert.match(tooltip, /Guidance for data\./);
  });

  it('expands sections that exist but need work and collapses the rest', () => {
    const nodes = toTreeNodes(result);
    assert.deepEqual(
      nodes.map((node) => node.collapsible),
      ['expanded', 'collapsed', 'collapsed'],
    );
    assert.equal(nodes[0]!.children[0]!.collapsible, 'none');
    const partlyCovered = item('deployment', 'covered', { children: [item('serving', 'covered'), item('caching', 'missing')] });
    assert.equal(toTreeNodes({ ...result, sections: [partlyCovered] })[0]!.collapsible, 'collapsed');
  });
});

describe('summary texts', () => {
  it('shows present/total in the status bar for design docs only', () => {
    assert.equal(toStatusText(result), '$(checklist) ML doc 2/3');
    assert.equal(toStatusText({ ...result, enabled: false }), undefined);
  });

  it('describes the coverage above the tree', () => {
    assert.equal(toTreeMessage(result), '2/3 sections · score 62 · profile lifecycle');
    assert.equal(toTreeMessage(undefined), undefined);
  });

  it('says "outline only" for a document above mldoc.maxFileSize, with the server\'s note in the tooltip', () => {
    const note = 'This document has 6000000 characters, more than mldoc.maxFileSize (5000000): it is not checked. Outline only: sections are recognised by their headings; their content is not checked.';
    const outline: CoverageResult = { ...result, outlineOnly: true, note };
    assert.equal(toTreeMessage(outline), '2/3 sections · outline only (file too large) · profile lifecycle');
    assert.equal(toStatusText(outline), '$(checklist) ML doc 2/3 (outline only)');
    assert.ok(toStatusTooltip(outline).includes(note));
    assert.doesNotMatch(toStatusTooltip(outline), /score/);
    assert.match(toStatusTooltip(result), /score 62/);
    // The tree itself is the same: the sections with their status and insertions.
    assert.deepEqual(toTreeNodes(outline), toTreeNodes(result));
  });
});

describe('readiness in the tree', () => {
  const evidenceRange = { start: { line: 12, character: 2 }, end: { line: 12, character: 20 } };
  const withReadiness: CoverageResult = {
    ...result,
    readiness: {
      score: 0.5,
      max: 7,
      groups: [
        { id: 'data', title: 'Data', score: 1.5, max: 7 },
        { id: 'model', title: 'Model', score: 7, max: 7 },
        { id: 'infrastructure', title: 'Infrastructure', score: 0, max: 7 },
        { id: 'monitoring', title: 'Monitoring', score: 0.5, max: 7 },
      ],
      tests: [
        { id: 'data-1', group: 'data', title: 'Feature expectations', description: 'Schema checks.', score: 1, evidence: [{ text: 'schema  validation\nof inputs', range: evidenceRange }] },
        { id: 'data-2', group: 'data', title: 'Feature cost', description: 'Cost of features.', score: 0.5, evidence: [] },
        { id: 'infra-1', group: 'infrastructure', title: 'Reproducible training', description: 'Seeds.', score: 0, evidence: [] },
        { id: 'mon-1', group: 'monitoring', title: 'Drift', description: 'Drift tests.', score: 0.5, evidence: [] },
      ],
    },
  };

  it('adds one readiness node after the sections, and none when the server sends no readiness', () => {
    assert.equal(toTreeNodes(result).length, 3);
    const nodes = toTreeNodes(withReadiness);
    assert.equal(nodes.length, 4);
    const readiness = nodes[3]!;
    assert.equal(readiness.key, 'readiness');
    assert.equal(readiness.contextValue, 'mldoc.readiness');
    assert.equal(readiness.description, '0.5/7');
    assert.equal(readiness.insert, undefined);
    assert.equal(readiness.collapsible, 'collapsed');
    assert.match(readiness.tooltip, /lowest of the four groups \(Infrastructure\)/);
  });

  it('lists the four groups with their scores and their tests as children', () => {
    const readiness = toTreeNodes(withReadiness)[3]!;
    assert.deepEqual(
      readiness.children.map((g) => [g.key, g.description, g.status, g.children.length]),
      [
        ['readiness/data', '1.5/7', 'thin', 2],
        ['readiness/model', '7/7', 'covered', 0],
        ['readiness/infrastructure', '0/7', 'missing', 1],
        ['readiness/monitoring', '0.5/7', 'mentioned', 1],
      ],
    );
    assert.equal(readiness.children[1]!.collapsible, 'none');
  });

  it('shows each test as planned, mentioned or not planned, revealing its first evidence', () => {
    const data = findNode(toTreeNodes(withReadiness), 'readiness/data')!;
    const [planned, mentioned] = data.children;
    assert.deepEqual([planned!.description, planned!.status, planned!.icon.id], ['planned', 'covered', 'pass']);
    assert.deepEqual(planned!.reveal, evidenceRange);
    assert.match(planned!.tooltip, /line 13: "schema validation of inputs"/);
    assert.deepEqual([mentioned!.description, mentioned!.status, mentioned!.reveal], ['mentioned only', 'mentioned', undefined]);
    const infra = findNode(toTreeNodes(withReadiness), 'readiness/infrastructure/infra-1')!;
    assert.deepEqual([infra.description, infra.status, infra.contextValue], ['not planned', 'missing', 'mldoc.readiness']);
  });
});

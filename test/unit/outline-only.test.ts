// analyzeOutline: the cheap outline of a document above mldoc.maxFileSize. Line scan only (ATX headings, never
// remark), front matter for the profile, fenced blocks skipped, sections present by their headings; no findings.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, analyzeOutline } from '../../server/src/engine';
import { computeCoverageSummary } from '../../server/src/features/coverage';
import { computeHover } from '../../server/src/features/hover';
import { rangeProblems } from '../fuzz/invariants';

const DOC = [
  '---',
  'profile: design-doc',
  '# a YAML comment, not a heading',
  '---',
  '# Fraud Scoring',
  '',
  '## Overview',
  '',
  'We score card payments.',
  '',
  '```sh',
  '# Motivation',
  '```',
  '',
  '~~~',
  '## Implementation',
  '',
  '## Success Metrics',
  '~~~',
  '',
  '## Success Metrics',
  '',
  'TBD',
  '',
].join('\n');

describe('analyzeOutline (documents above mldoc.maxFileSize)', () => {
  it('reads ATX headings outside fences, the profile from the front matter, and no content', () => {
    const a = analyzeOutline(DOC);
    assert.equal(a.outlineOnly, true);
    assert.equal(a.profile, 'design-doc');
    assert.deepEqual(a.headings.map((h) => h.text), ['Fraud Scoring', 'Overview', 'Success Metrics']);
    assert.deepEqual([...new Set(a.blocks.map((b) => b.kind))].sort(), ['front-matter', 'heading']);
    assert.deepEqual(a.findings, []);
    assert.deepEqual(a.degraded, [{ start: 0, end: DOC.length }]);
    assert.deepEqual(rangeProblems(DOC, a), []);
    assert.equal(a.titleIndex, 0);
    const status = Object.fromEntries((a.profileSections ?? []).map((s) => [s.id, s.status]));
    // A placeholder body is not read: the heading makes the section present.
    assert.equal(status['overview'], 'covered');
    assert.equal(status['metrics'] ?? status['success-metrics'], 'covered');
    assert.equal(status['motivation'], 'missing');
    assert.equal(status['implementation'], 'missing');
  });

  it('agrees with the full analysis on which sections have a heading, on a plain document', () => {
    const text = '# T\n\n## Problem Definition\n\nWe cut fraud.\n\n## Data\n\nEvents.\n\n## Monitoring\n\nDrift.\n';
    const full = analyze(text);
    const outline = analyzeOutline(text);
    const present = (x: typeof full) => x.sections.filter((s) => s.headings.length).map((s) => s.id);
    assert.deepEqual(present(outline), present(full));
    assert.deepEqual(outline.findings, []);
  });

  it('coverage summary is marked outline-only without readiness; hovers on headings say so', () => {
    const a = analyzeOutline(DOC);
    const summary = computeCoverageSummary(a);
    assert.equal(summary.outlineOnly, true);
    assert.equal(summary.readiness, undefined);
    const h = computeHover(a, DOC.indexOf('## Overview') + 3);
    assert.match(h!.markdown, /Overview.*Outline only/s);
    assert.equal(computeHover(a, DOC.indexOf('We score') + 2), undefined);
  });

  it('is total: empty text, a lone BOM, CR line ends, unclosed front matter and fences', () => {
    for (const text of ['', '\uFEFF', '---\rprofile: x\r# H\r', '```\n# not\n', '\uFEFF---\nmldoc: true\n---\n## Data\n']) {
      const a = analyzeOutline(text);
      assert.deepEqual(rangeProblems(text, a), [], JSON.stringify(text));
      assert.deepEqual(a.findings, []);
    }
    assert.deepEqual(analyzeOutline('\uFEFF---\nmldoc: true\n---\n## Data\n').headings.map((h) => h.text), ['Data']);
  });
});

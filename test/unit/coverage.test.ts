// Section statuses: covered, thin, placeholder, empty, mentioned, missing; and the score.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, computeScore } from '../../server/src/engine';

const DOC = [
  '# Checkout fraud design',
  '',
  '## Problem Definition',
  '',
  'Card fraud costs the shop two percent of revenue; we want to halve it this year without blocking more good orders than today.',
  '',
  '## Data Management',
  '',
  'Two years of orders with chargeback labels from the payments warehouse, refreshed nightly, with device and account features.',
  '',
  '## Model Selection and Training',
  '',
  'Gradient boosted trees over order, device and account features, tuned with time-based validation against the rules engine baseline.',
  '',
  '## Deployment',
  '',
  'Online scoring.',
  '',
  '## Monitoring and Maintenance',
  '',
  'TBD',
  '',
  '## Security and Privacy',
  '',
  '## Collaboration and Documentation',
  '',
  'The risk team and the payments team meet weekly; decisions are recorded in the wiki and every change is reviewed by a data scientist and a product manager.',
  '',
].join('\n');

const status = (text: string, id: string) => analyze(text).sections.find((s) => s.id === id)!.status;

describe('coverage statuses', () => {
  const a = analyze(DOC);
  const by = Object.fromEntries(a.sections.map((s) => [s.id, s]));

  it('lists the eight lifecycle sections in order', () => {
    assert.deepEqual(a.sections.map((s) => s.id), ['problem', 'data', 'model', 'deployment', 'monitoring', 'security', 'collaboration', 'ethics']);
  });

  it('covered: a heading with substance', () => {
    assert.equal(by['problem']!.status, 'covered');
    assert.equal(by['collaboration']!.status, 'covered');
    assert.equal(a.headings[by['problem']!.headings[0]!.index]!.text, 'Problem Definition');
  });

  it('thin: far less than the other sections of the document', () => assert.equal(by['deployment']!.status, 'thin'));
  it('placeholder: only a placeholder under the heading', () => assert.equal(by['monitoring']!.status, 'placeholder'));
  it('empty: a heading with nothing under it', () => assert.equal(by['security']!.status, 'empty'));
  it('missing: nothing on the topic', () => assert.equal(by['ethics']!.status, 'missing'));

  it('mentioned: no heading of its own, but the text addresses the topic', () => {
    const text = DOC.replace('every change is reviewed', 'fairness across customer groups is checked monthly, and every change is reviewed');
    assert.equal(status(text, 'ethics'), 'mentioned');
  });

  it('placeholder bodies of several kinds', () => {
    for (const body of ['TBD', '[More Information Needed]', '{{ deployment_notes }}', 'To be determined.']) {
      assert.equal(status(`# T\n\n## Data Management\n\nTwo years of orders with labels from the warehouse.\n\n## Deployment\n\n${body}\n`, 'deployment'), 'placeholder', body);
    }
  });

  it('a subsection heading makes its subsection present', () => {
    const text = '# T\n\n## Monitoring and Maintenance\n\nWeekly checks of the model.\n\n### Drift Detection\n\nPopulation stability index on the top twenty features, daily.\n';
    const monitoring = analyze(text).sections.find((s) => s.id === 'monitoring')!;
    assert.equal(monitoring.subsections.find((s) => s.id === 'drift')!.status, 'covered');
    assert.equal(monitoring.subsections.find((s) => s.id === 'retraining')!.status, 'missing');
  });

  it('places a missing section after its lifecycle predecessor', () => {
    const ethics = by['ethics']!;
    assert.equal(ethics.after, 'collaboration');
    assert.equal(ethics.insertAt, DOC.length);
    const text = '# T\n\n## Problem Definition\n\nWhy.\n\n## Model Selection and Training\n\nTrees.\n';
    const data = analyze(text).sections.find((s) => s.id === 'data')!;
    assert.equal(data.after, 'problem');
    assert.equal(data.insertAt, text.indexOf('## Model'));
  });
});

describe('score', () => {
  it('is 0 for an empty document, 100 when every section and subsection is covered', () => {
    assert.equal(analyze('').score, 0);
    const covered = analyze('').sections.map((s) => ({ ...s, status: 'covered' as const, subsections: s.subsections.map((x) => ({ ...x, status: 'covered' as const })) }));
    assert.equal(computeScore(covered), 100);
  });

  it('rises as sections are written', () => {
    assert.ok(analyze(DOC).score > analyze('# T\n\n## Problem Definition\n\nWhy we build it.\n').score);
  });
});

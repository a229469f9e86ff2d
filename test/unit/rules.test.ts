// Behaviour of each rule beyond its fixtures: anchors, related locations, fixes, and the cases each rule must
// leave alone.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, createParseCache, type Analysis, type Finding } from '../../server/src/engine';
import { RULES } from '../../server/src/engine/rules';
import { applyEdits, lineOf, newDuplicateHeadings } from './engine-helpers';

const of = (a: Analysis, rule: string): Finding[] => a.findings.filter((f) => f.ruleId === rule);
const textAt = (a: Analysis, f: { span: { start: number; end: number } }) => a.text.slice(f.span.start, f.span.end);

const FULL = [
  '# Fraud scoring design',
  '',
  '## Problem Definition',
  '',
  'We want to cut card fraud losses by a fifth while blocking under one percent of good orders.',
  '',
  '## Data Management',
  '',
  'Two years of card transactions with chargeback labels, taken from the payments warehouse.',
  '',
  '## Model Selection and Training',
  '',
  'Gradient boosted trees on 120 features, compared against the current rules engine.',
  '',
  '## Monitoring and Maintenance',
  '',
  'Weekly precision on chargeback labels, with an alert when it drops by five points.',
  '',
].join('\n');

describe('the rule registry', () => {
  it('has unique kebab-case ids and a default severity for each rule', () => {
    const ids = RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const r of RULES) {
      assert.match(r.id, /^[a-z]+(?:-[a-z]+)+$/);
      assert.ok(['off', 'hint', 'info', 'warning', 'error'].includes(r.defaultSeverity), r.id);
      assert.ok(r.description.length > 10, r.id);
    }
  });

  it('lists at least the rules the product promises', () => {
    for (const id of ['missing-section', 'missing-subsection', 'empty-section', 'placeholder-text', 'thin-section', 'duplicate-section', 'out-of-order-section', 'skipped-heading-level']) {
      assert.ok(RULES.some((r) => r.id === id), id);
    }
  });

  it('applies per-rule severities from the configuration, and off removes the rule', () => {
    const text = '# T\n\n## Deployment\n\nTBD\n';
    assert.equal(of(analyze(text), 'placeholder-text')[0]?.severity, 'warning');
    assert.equal(of(analyze(text, { rules: { 'placeholder-text': 'error' } }), 'placeholder-text')[0]?.severity, 'error');
    assert.equal(of(analyze(text, { rules: { 'placeholder-text': 'off' } }), 'placeholder-text').length, 0);
  });
});

describe('missing-section', () => {
  const a = analyze(FULL);
  const found = of(a, 'missing-section');

  it('reports every missing section at once, in lifecycle order', () => {
    assert.deepEqual(found.map((f) => f.sectionId), ['deployment', 'security', 'collaboration', 'ethics']);
    assert.ok(found.every((f) => f.severity === 'warning'));
  });

  it('anchors each gap right after its lifecycle predecessor and points at that predecessor', () => {
    const deployment = found.find((f) => f.sectionId === 'deployment')!;
    assert.equal(deployment.span.start, deployment.span.end);
    assert.equal(deployment.span.start, FULL.indexOf('rules engine.') + 'rules engine.'.length);
    assert.equal(textAt(a, deployment.related![0]!), '## Model Selection and Training');
    assert.match(deployment.related![0]!.message, /Deployment belongs after this section/);
    const ethics = found.find((f) => f.sectionId === 'ethics')!;
    assert.equal(lineOf(FULL, ethics.span.start), 17);
    assert.equal(textAt(a, ethics.related![0]!), '## Monitoring and Maintenance');
  });

  it('points a section with no predecessor at the section it must precede', () => {
    const text = '# Design\n\n## Data Management\n\nTwo years of card transactions with chargeback labels.\n';
    const b = analyze(text);
    const problem = of(b, 'missing-section').find((f) => f.sectionId === 'problem')!;
    assert.equal(textAt(b, problem.related![0]!), '## Data Management');
    assert.match(problem.related![0]!.message, /belongs before/);
    assert.equal(problem.span.start, '# Design'.length);
    assert.equal(problem.fix!.edits[0]!.offset, text.indexOf('## Data'));
  });

  it('fixes by inserting the section skeleton where it belongs, at the depth of the other sections', () => {
    const deployment = found.find((f) => f.sectionId === 'deployment')!;
    const edit = deployment.fix!.edits[0]!;
    assert.equal(edit.offset, FULL.indexOf('## Monitoring'));
    assert.match(edit.text, /^## Deployment\n\n/);
    assert.match(edit.text, /\n### Model Serving\n/);
    assert.ok(edit.text.endsWith('\n\n'), 'a blank line separates the insertion from the next heading');
    assert.match(edit.snippet!, /\$\{1:/);
  });

  it('inserts at the depth the document uses for its sections', () => {
    const text = '# Design\n\n### Problem Definition\n\nCut fraud losses by a fifth for the payments team.\n';
    const f = of(analyze(text), 'missing-section').find((x) => x.sectionId === 'data')!;
    assert.match(f.fix!.edits[0]!.text, /^\n### Data Management\n\n[\s\S]*\n#### Data Quality\n/);
  });

  it('gives a document without any section one finding per lifecycle section', () => {
    const empty = analyze('');
    assert.equal(of(empty, 'missing-section').length, 8);
    assert.ok(of(empty, 'missing-section').every((f) => f.span.start === 0 && f.fix!.edits[0]!.offset === 0));
  });

  it('does not report sections that are mentioned in the text', () => {
    const text = `${FULL}\nThe scoring service is deployed on Kubernetes behind a REST API with a p99 latency of 40 ms.\n`;
    assert.ok(!of(analyze(text), 'missing-section').some((f) => f.sectionId === 'deployment'));
  });
});

describe('missing-subsection', () => {
  const text = [
    '# Churn',
    '',
    '## Monitoring and Maintenance',
    '',
    'A dashboard shows the number of predictions per hour and the share of customers flagged.',
    '',
    '## Security and Privacy',
    '',
    'Only the retention service may call the model.',
    '',
  ].join('\n');
  const a = analyze(text);
  const found = of(a, 'missing-subsection');

  it('is a hint anchored on the section heading', () => {
    const drift = found.find((f) => f.subsectionId === 'drift')!;
    assert.equal(drift.severity, 'hint');
    assert.equal(textAt(a, drift), '## Monitoring and Maintenance');
    assert.equal(drift.sectionId, 'monitoring');
  });

  it('fixes by appending the subsection skeleton at the end of the section, one level deeper', () => {
    const drift = found.find((f) => f.subsectionId === 'drift')!;
    const edit = drift.fix!.edits[0]!;
    assert.equal(edit.offset, text.indexOf('## Security'));
    assert.match(edit.text, /^### Drift Detection\n\n/);
    const after = analyze(applyEdits(text, drift.fix!.edits));
    assert.equal(after.sections.find((s) => s.id === 'monitoring')!.subsections.find((s) => s.id === 'drift')!.status, 'covered');
    const heading = after.headings.find((h) => h.text === 'Drift Detection')!;
    assert.equal(heading.depth, 3);
    assert.ok(heading.span.start < text.indexOf('## Security') + edit.text.length);
  });

  it('does not report subsections the text mentions', () => {
    const mentioned = text.replace('flagged.', 'flagged. Feature drift is checked weekly.');
    assert.ok(!of(analyze(mentioned), 'missing-subsection').some((f) => f.subsectionId === 'drift'));
  });

  it('leaves empty sections to empty-section', () => {
    const b = analyze('# T\n\n## Monitoring and Maintenance\n\n## Deployment\n\nBatch scoring every night on the warehouse.\n');
    assert.ok(!of(b, 'missing-subsection').some((f) => f.sectionId === 'monitoring'));
    assert.ok(of(b, 'empty-section').some((f) => f.sectionId === 'monitoring'));
  });

  it('offers no fix under a pseudo heading (a bold paragraph has no level to nest under)', () => {
    const b = analyze('# T\n\n**Monitoring**\n\nA dashboard shows predictions per hour and the share flagged.\n\n## Other\n\nText.\n');
    const f = of(b, 'missing-subsection').filter((x) => x.sectionId === 'monitoring');
    assert.ok(f.length > 0);
    assert.ok(f.every((x) => x.fix === undefined));
  });
});

describe('empty-section', () => {
  it('reports only the innermost empty lifecycle headings', () => {
    const text = '# T\n\n## Monitoring and Maintenance\n\n### Drift Detection\n\n## Notes\n';
    const a = analyze(text);
    assert.deepEqual(of(a, 'empty-section').map((f) => textAt(a, f)), ['### Drift Detection']);
  });

  it('ignores headings that do not count for a lifecycle section', () => {
    assert.equal(of(analyze('# T\n\n## Notes\n\n## Appendix\n'), 'empty-section').length, 0);
  });

  it('counts HTML comments as content in templates but not in filled-in documents', () => {
    const doc = '# T\n\n## Deployment\n\n<!-- How predictions reach users -->\n\n## Model Selection and Training\n\nGradient boosted trees over the order features, against a rules baseline.\n';
    assert.equal(of(analyze(doc), 'empty-section').length, 1);
    const template = `<!-- a -->\n<!-- b -->\n${doc}`;
    assert.equal(of(analyze(template), 'empty-section').length, 0);
  });

  it('fills a section heading with the section prompt and its missing subsections, one level deeper', () => {
    const text = '# T\n\n## Deployment\n\n## Model Selection and Training\n\nGradient boosted trees over the order features.\n';
    const a = analyze(text);
    const f = of(a, 'empty-section')[0]!;
    assert.equal(f.sectionId, 'deployment');
    assert.equal(f.subsectionId, undefined);
    const edit = f.fix!.edits[0]!;
    assert.equal(edit.offset, text.indexOf('\n## Deployment') + '\n## Deployment\n'.length);
    assert.match(edit.text, /^\n\S/, 'the prompt comes first, after one blank line');
    assert.match(edit.text, /\n### Scalability\n/);
    const after = analyze(applyEdits(text, f.fix!.edits));
    assert.equal(of(after, 'empty-section').length, 0);
    assert.deepEqual(newDuplicateHeadings(a, after), []);
  });

  it('fills a subsection heading with the subsection prompt only', () => {
    const text = '# T\n\n## Monitoring and Maintenance\n\nWeekly accuracy on a labelled sample of orders.\n\n### Drift Detection\n';
    const f = of(analyze(text), 'empty-section')[0]!;
    assert.equal(f.subsectionId, 'drift');
    assert.doesNotMatch(f.fix!.edits[0]!.text, /#/);
  });
});

describe('placeholder-text', () => {
  it('anchors on the placeholder itself', () => {
    const text = '# T\n\n## Deployment\n\nServing: TBD. Owner: [More Information Needed]; endpoint {{ url }}.\n';
    const a = analyze(text);
    assert.deepEqual(of(a, 'placeholder-text').map((f) => textAt(a, f)), ['TBD', '[More Information Needed]', '{{ url }}']);
  });

  it('ignores code blocks, inline code, HTML comments, front matter and lower-case words', () => {
    const text = [
      '---',
      'title: "{{ name }}"',
      '---',
      '# T',
      '',
      '## Deployment',
      '',
      'Nightly batch scoring; the `TODO` marker and ``{{ x }}`` are code. A todo list lives in the tracker.',
      '',
      '    indented TBD code',
      '',
      '```',
      'FIXME inside a fence',
      '```',
      '',
      '<!-- TBD: a note to the author -->',
      '',
    ].join('\n');
    assert.deepEqual(of(analyze(text), 'placeholder-text'), []);
  });

  it('reports each placeholder, several on one line', () => {
    const a = analyze('# T\n\nTODO and FIXME and XXX\n');
    assert.equal(of(a, 'placeholder-text').length, 3);
  });
});

describe('thin-section', () => {
  it('is relative to the document: a skeleton of one-line sections has no thin section', () => {
    const text = ['# T', '', '## Problem Definition', '', 'Cut fraud losses by a fifth for the payments team.', '', '## Data Management', '', 'Two years of card transactions with chargeback labels.', '', '## Model Selection and Training', '', 'Gradient boosted trees against the current rules engine.', ''].join('\n');
    assert.equal(of(analyze(text), 'thin-section').length, 0);
  });

  it('reports a section below the configured minimum on its heading', () => {
    const a = analyze('# T\n\n## Deployment\n\nNightly batch.\n', { thinWords: 5 });
    const f = of(a, 'thin-section');
    assert.equal(f.length, 1);
    assert.equal(textAt(a, f[0]!), '## Deployment');
    assert.equal(f[0]!.severity, 'info');
    assert.match(f[0]!.message, /2 words/);
  });
});

describe('duplicate-section', () => {
  it('finds the same siblings with a warm cache after a heading before them moves their indices', () => {
    const cache = createParseCache();
    const doc = (intro: string, body: string) =>
      ['# Design', '', intro, '## Deployment', '', 'We serve the model behind an API.', '', '### Monitoring', '', body, '', '### Monitoring', '', 'More monitoring of drift and alerts.', ''].join('\n');
    const versions = [doc('', 'We monitor drift and alerts.'), doc('## Intro\n\nHello there.\n', 'We monitor drift, alerts and latency.'), doc('', 'We monitor drift.')];
    for (const text of versions) {
      const warm = analyze(text, {}, { cache });
      cache.roll();
      const dups = (a: Analysis) => a.findings.filter((f) => f.ruleId === 'duplicate-section').map((f) => f.span.start);
      assert.deepEqual(dups(warm), dups(analyze(text)));
      assert.equal(dups(warm).length, 1, text);
    }
  });
  it('reports later sibling headings with the same title, related to the first', () => {
    const text = '# T\n\n## Monitoring\n\nCharts.\n\n## Deployment\n\nOn Kubernetes.\n\n## 3. Monitoring:\n\nMore charts.\n\n## Monitoring\n\nEven more.\n';
    const a = analyze(text);
    const found = of(a, 'duplicate-section');
    assert.deepEqual(found.map((f) => textAt(a, f)), ['## 3. Monitoring:', '## Monitoring']);
    for (const f of found) assert.equal(a.text.slice(f.related![0]!.span.start, f.related![0]!.span.end), '## Monitoring');
    assert.ok(found.every((f) => f.related![0]!.span.start === text.indexOf('## Monitoring')));
  });

  it('does not report the same title under different parents', () => {
    const text = '# T\n\n## Data Management\n\nLogs.\n\n### Monitoring\n\nRow counts.\n\n## Model Selection and Training\n\nTrees.\n\n### Monitoring\n\nOffline NDCG.\n';
    assert.equal(of(analyze(text), 'duplicate-section').length, 0);
  });

  it('does not report two top-level headings that name different parts of a section', () => {
    const text = '# T\n\n## Model Training\n\nTrees.\n\n## Model Evaluation\n\nAUC.\n\n## Dataset\n\nLogs.\n\n## Features\n\nCounts.\n';
    assert.equal(of(analyze(text), 'duplicate-section').length, 0);
  });

  it('ignores pseudo headings (bold paragraphs)', () => {
    const text = '# T\n\n## Release\n\n**Monitoring**\n\nCharts.\n\n**Monitoring**\n\nMore charts.\n';
    assert.equal(of(analyze(text), 'duplicate-section').length, 0);
  });
});

describe('out-of-order-section', () => {
  it('reports only the misplaced section, as a hint, related to the section it should follow', () => {
    const text = '# T\n\n## Deployment\n\nBatch.\n\n## Data Management\n\nLogs.\n\n## Model Selection and Training\n\nTrees.\n\n## Monitoring and Maintenance\n\nCharts.\n';
    const a = analyze(text);
    const found = of(a, 'out-of-order-section');
    assert.equal(found.length, 1);
    assert.equal(textAt(a, found[0]!), '## Deployment');
    assert.equal(found[0]!.severity, 'hint');
    assert.equal(textAt(a, found[0]!.related![0]!), '## Data Management');
  });

  it('ignores headings that count for several sections, nested headings and later repeats', () => {
    const text = '# T\n\n## Data Management\n\nLogs.\n\n### Deployment notes\n\nLater.\n\n## Model Selection and Training\n\nTrees.\n\n## Scaling, Monitoring, and Updates\n\nCharts.\n\n## Deployment\n\nBatch.\n\n## Data Management appendix\n\nMore logs.\n';
    assert.equal(of(analyze(text), 'out-of-order-section').length, 0);
  });
});

describe('skipped-heading-level', () => {
  it('reports a heading more than one level below the previous one', () => {
    const a = analyze('# T\n\n### Data Management\n\nLogs.\n\n## Model\n\nTrees.\n\n#### Training\n\nDaily.\n');
    assert.deepEqual(of(a, 'skipped-heading-level').map((f) => textAt(a, f)), ['### Data Management', '#### Training']);
  });

  it('lets the first heading start at any level and counts setext headings', () => {
    const a = analyze('### Notes\n\nText.\n\nData\n----\n\nLogs.\n\n### Sources\n\nWarehouse.\n\n**Bold pseudo heading**\n\nText.\n');
    assert.equal(of(a, 'skipped-heading-level').length, 0);
  });
});

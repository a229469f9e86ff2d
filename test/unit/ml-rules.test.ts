// The ML-aware rules beyond their fixtures: they need the section they are about, read lifecycle sections
// under any profile, skip negations and prompts, follow the document's status, and their fixes only insert.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, type Analysis } from '../../server/src/engine';
import { RULES } from '../../server/src/engine/rules';
import { applyEdits } from './engine-helpers';

const ML_RULES = RULES.filter((r) => r.tags.includes('ml')).map((r) => r.id);
const ids = (a: Analysis, rule: string) => a.findings.filter((f) => f.ruleId === rule);

const MODEL_ONLY = `# Fraud scoring

## Model Selection and Training

A gradient-boosted classifier trained on twelve months of labelled transactions, evaluated by PR AUC.
`;

describe('ML-aware rules', () => {
  it('are registered with the ml tag and an info or warning default', () => {
    assert.equal(ML_RULES.length, 13);
    for (const r of RULES.filter((x) => x.tags.includes('ml'))) assert.ok(r.defaultSeverity === 'info' || r.defaultSeverity === 'warning', r.id);
  });

  it('need a section of their own: no finding about monitoring or deployment when those are missing', () => {
    const a = analyze(MODEL_ONLY);
    assert.equal(ids(a, 'no-baseline').length, 1);
    for (const rule of ['no-drift-detection', 'no-retraining-trigger', 'no-rollout-plan', 'serving-mode-unstated', 'offline-online-metrics']) {
      assert.equal(ids(a, rule).length, 0, rule);
    }
    assert.ok(a.findings.some((f) => f.ruleId === 'missing-section' && f.sectionId === 'monitoring'), 'missing-section speaks for the gap');
    // A generic heading whose text is about the model does not count as a model section of its own.
    assert.equal(ids(analyze(MODEL_ONLY.replace('## Model Selection and Training', '## Approach')), 'no-baseline').length, 0);
  });

  it('read the lifecycle sections under any profile', () => {
    for (const profile of ['mlsd-9-step', 'design-doc', 'model-card']) {
      assert.equal(ids(analyze(MODEL_ONLY, { profile }), 'no-baseline').length, 1, profile);
    }
  });

  it('skip negated mentions', () => {
    const text = `# Sales forecasting

## Problem Definition

The report holds no personal data. No real-time predictions are needed: a nightly batch job scores all stores.
`;
    const a = analyze(text);
    assert.equal(ids(a, 'personal-data-unprotected').length, 0);
    assert.equal(ids(a, 'serving-mode-inconsistent').length, 0);
    const b = analyze(text.replace('holds no personal data', 'holds the email address of each store manager'));
    assert.equal(ids(b, 'personal-data-unprotected').length, 1);
    assert.equal(ids(b, 'personal-data-unprotected')[0]!.severity, 'warning');
  });

  it('skip questions and template prompts in success criteria', () => {
    const base = '# Churn\n\n## Problem Definition\n\n';
    assert.equal(ids(analyze(`${base}- What are the success criteria?\n`), 'unmeasurable-success-criteria').length, 0);
    assert.equal(ids(analyze(`${base}- Success metric: [Expected impact and KPIs]\n`), 'unmeasurable-success-criteria').length, 0);
    assert.equal(ids(analyze(`${base}- Success metric: TBD\n`), 'unmeasurable-success-criteria').length, 0);
    assert.equal(ids(analyze(`${base}- Success metric: fewer cancellations.\n`), 'unmeasurable-success-criteria').length, 1);
    assert.equal(ids(analyze(`${base}- Success metric: fewer cancellations than today.\n`), 'unmeasurable-success-criteria').length, 0);
    assert.equal(ids(analyze(`${base}Success metrics:\n\n- churn among contacted subscribers down by a tenth\n`), 'unmeasurable-success-criteria').length, 0, 'a lead-in with its list');
  });

  it('unmeasurable success criteria: each statement is its own finding, and its fix clears it and only it', () => {
    // Found by the fix fuzz (seed 512877593): a paragraph and a list item under it, both naming a KPI.
    const text = 'key performance indicator\nbusiness objective\n- key performance indicator _business objective_\n- Problem Definition and Scope\n';
    const found = ids(analyze(text), 'unmeasurable-success-criteria');
    assert.deepEqual(found.map((f) => text.slice(f.span.start, f.span.end)), ['key performance indicator', 'key performance indicator']);
    assert.deepEqual(found.map((f) => f.span.start), [0, text.indexOf('- key') + 2]);
    for (const [k, f] of found.entries()) {
      const fixed = applyEdits(text, f.fix!.edits);
      const left = ids(analyze(fixed), 'unmeasurable-success-criteria');
      assert.equal(left.length, 1, `after fixing statement ${k}`);
      const other = found[1 - k]!;
      const moved = other.span.start < f.fix!.edits[0]!.offset ? other.span.start : other.span.start + f.fix!.edits[0]!.text.length;
      assert.equal(left[0]!.span.start, moved, `the finding left after fixing statement ${k} is the other one`);
    }
  });

  it('report latency without a unit, without a percentile, and online serving without any budget', () => {
    const doc = (s: string) => `# Search\n\n## Deployment\n\nServed by a REST endpoint in the search cluster. ${s}\n`;
    const messages = (s: string) => ids(analyze(doc(s)), 'latency-without-percentile').map((f) => f.message.split(':')[0]);
    assert.deepEqual(messages('The latency must stay under 80.'), ['Latency without a unit']);
    assert.deepEqual(messages('The latency must stay under 80 ms.'), ['Latency without a percentile']);
    assert.deepEqual(messages('The latency must stay under 80 ms at p99.'), []);
    assert.deepEqual(messages('It is fast enough.'), ['Online serving without a latency budget']);
    assert.deepEqual(messages('We log p50, p99 and p999 latency.'), [], 'percentile digits are not a requirement');
  });

  it('no-split-strategy: a random split of time-ordered data is reported, a time-based split or a word on leakage is not', () => {
    const doc = (split: string) => `# Demand forecasting\n\n## Model Selection and Training\n\nA seasonal naive baseline and gradient boosting, evaluated by MAPE ${split}.\n`;
    const f = ids(analyze(doc('with shuffled 5-fold cross-validation')), 'no-split-strategy');
    assert.equal(f.length, 1);
    assert.match(f[0]!.message, /^Random split of time-ordered data/);
    assert.equal(f[0]!.related?.length, 1);
    assert.equal(ids(analyze(doc('with 5-fold cross-validation, folds cut by week so no future data leaks')), 'no-split-strategy').length, 0);
    assert.match(ids(analyze(doc('on the last quarter')), 'no-split-strategy')[0]?.message ?? '', /^No split strategy/);
  });

  it("follow the document's status: a draft lowers them, approved raises them, and 'off' still wins", () => {
    const withStatus = (s: string) => `---\nstatus: ${s}\n---\n\n${MODEL_ONLY}`;
    assert.equal(ids(analyze(withStatus('draft')), 'no-baseline')[0]!.severity, 'hint');
    assert.equal(ids(analyze(withStatus('review')), 'no-baseline')[0]!.severity, 'info');
    assert.equal(ids(analyze(withStatus('approved')), 'no-baseline')[0]!.severity, 'warning');
    assert.equal(ids(analyze(withStatus('approved'), { rules: { 'no-baseline': 'off' } }), 'no-baseline').length, 0);
  });

  it('fixes insert a line at the end of the section and make the finding go away', () => {
    const text = `${MODEL_ONLY}\n## Deployment\n\nDeployed as a container on the ML platform.\n\n## Monitoring and Maintenance\n\nErrors and call counts on the team dashboard.\n`;
    const a = analyze(text);
    for (const rule of ['no-baseline', 'no-rollout-plan', 'serving-mode-unstated', 'no-drift-detection', 'no-retraining-trigger']) {
      const f = ids(a, rule)[0];
      assert.ok(f?.fix, `${rule} offers a fix`);
      const fixed = applyEdits(text, f.fix.edits);
      assert.ok(fixed.startsWith(text.slice(0, f.fix.edits[0]!.offset)), 'only inserts');
      assert.equal(ids(analyze(fixed), rule).length, 0, `${rule} is gone after its fix`);
    }
  });
});

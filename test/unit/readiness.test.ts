// The design-time readiness score: 28 tests in four groups of seven, 1 / 0.5 / 0 per test, the minimum group
// as the score, evidence with exact spans, and only prose counting.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, computeReadiness } from '../../server/src/engine';
import { compilePhrases } from '../../server/src/engine/ml/phrases';
import { READINESS_GROUPS, READINESS_TESTS } from '../../server/src/engine/readiness';

const testOf = (text: string, id: string) => analyze(text).readiness.tests.find((t) => t.id === id)!;

describe('readiness tests (data)', () => {
  it('are the ML Test Score layout: 28 tests, seven per group, unique ids, phrases for each', () => {
    assert.equal(READINESS_TESTS.length, 28);
    assert.deepEqual(READINESS_GROUPS.map((g) => g.id), ['data', 'model', 'infrastructure', 'monitoring']);
    for (const g of READINESS_GROUPS) assert.equal(READINESS_TESTS.filter((t) => t.group === g.id).length, 7, g.id);
    assert.equal(new Set(READINESS_TESTS.map((t) => t.id)).size, 28);
    for (const t of READINESS_TESTS) {
      assert.ok(t.strong.length > 0 && t.weak.length > 0 && t.title && t.description, t.id);
      const overlap = t.strong.filter((p) => t.weak.includes(p));
      assert.deepEqual(overlap, [], `${t.id}: a phrase cannot be strong and weak`);
    }
  });
});

describe('computeReadiness', () => {
  it('an empty document plans nothing', () => {
    const r = computeReadiness({ text: '', blocks: [] });
    assert.equal(r.score, 0);
    assert.equal(r.max, 7);
    assert.ok(r.tests.every((t) => t.score === 0 && t.evidence.length === 0));
  });

  it('a specific phrase scores 1 with the phrase as evidence; a generic one 0.5', () => {
    const text = '# Plan\n\n## Deployment\n\nNew models run in a shadow mode for a week; a rollback restores the previous version.\n';
    const canary = testOf(text, 'canary');
    assert.equal(canary.score, 1);
    assert.equal(text.slice(canary.evidence[0]!.span.start, canary.evidence[0]!.span.end), 'shadow mode');
    assert.equal(testOf(text, 'rollback').score, 1);
    const weak = testOf('# Plan\n\n## Release\n\nWe will run an A/B test.\n', 'canary');
    assert.equal(weak.score, 0.5);
    assert.equal(weak.evidence[0]!.keyword, 'A/B test');
  });

  it('`together` phrases count when they meet under one heading, not across headings', () => {
    const same = '# D\n\n## Monitoring\n\nA dashboard shows p99 latency per region.\n';
    assert.equal(testOf(same, 'compute-performance').score, 1);
    const apart = '# D\n\n## Serving\n\nLatency must stay low.\n\n## Monitoring\n\nA dashboard shows error counts.\n';
    assert.equal(testOf(apart, 'compute-performance').score, 0.5, 'only the generic mention of latency');
    const far = '# D\n\n## Operations\n\nA dashboard shows error counts.\n\nOne.\n\nTwo.\n\nThree.\n\nLatency must stay low.\n';
    assert.equal(testOf(far, 'compute-performance').score, 0.5, 'too far apart under one heading');
    const pseudo = '# D\n\n1. **Serving**\n   - latency matters\n2. **Monitoring**\n   - a dashboard of errors\n';
    assert.equal(testOf(pseudo, 'compute-performance').score, 0.5, 'bold list titles separate topics too');
  });

  it('the score is the lowest group, and groups sum their tests', () => {
    const a = analyze('# D\n\n## Model\n\nWe compare against a heuristic baseline, tune hyperparameters with random search, and check fairness per subgroup.\n');
    const model = a.readiness.groups.find((g) => g.id === 'model')!;
    assert.ok(model.score >= 4, `model ${model.score}`);
    assert.equal(model.score, a.readiness.tests.filter((t) => t.group === 'model').reduce((n, t) => n + t.score, 0));
    assert.equal(a.readiness.score, Math.min(...a.readiness.groups.map((g) => g.score)));
    assert.equal(a.readiness.score, 0);
  });

  it('code, front matter and HTML comments are not plans (comments are, in templates)', () => {
    const text = '---\nnote: canary\n---\n\n# D\n\n```\ncanary: true\n```\n\n<!-- canary later -->\n\nNothing else.\n';
    assert.equal(testOf(text, 'canary').score, 0);
    const template = '# T\n\n<!-- Who owns it? -->\n\n## Release\n\n<!-- Describe the canary and the rollback. -->\n\n## Data\n\n<!-- Sources? -->\n';
    assert.equal(testOf(template, 'canary').score, 1);
  });
});

describe('phrase matching', () => {
  it('matches whole words, case-insensitively, with wildcards and space ~ hyphen ~ slash', () => {
    const m = compilePhrases(['a b test*', 'retrain*', 'shadow mode', 'p99']);
    const found = (s: string) => m.find(s).map((h) => h.text);
    assert.deepEqual(found('An A/B-testing plan, Retraining weekly, shadow-mode, P99.'), ['A/B-testing', 'Retraining', 'shadow-mode', 'P99']);
    assert.deepEqual(found('abba retrain shadowmode xp99'), ['retrain']);
  });
});

// ML terms: the data, completions inside a lifecycle section's prose, hovers over a term, the readiness line on
// the title's hover, and readiness in the coverage summary sent to the client.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LIFECYCLE_IDS } from '../../server/src/engine';
import { createLineIndex } from '../../server/src/engine/line-index';
import { ML_TERMS, mlTermAt } from '../../server/src/engine/ml-terms';
import { computeCompletions } from '../../server/src/features/completion';
import { computeCoverageSummary } from '../../server/src/features/coverage';
import { computeHover } from '../../server/src/features/hover';
import { provideMlTermCompletions, provideMlTermHover } from '../../server/src/features/ml-terms';
import { toCoverageResult } from '../../server/src/convert';
import { analyzeAt } from './feature-helpers';

const DOC = `# Churn model

## Model Selection and Training

Gradient boosting compared with a logistic regression baseline, evaluated by $$MODEL$$ on a held-out month.

## Monitoring and Maintenance

We compute PSI on the top features every day and $$MONITOR$$

\`\`\`
$$CODE$$
\`\`\`
`;
const at = (marker: string) => analyzeAt(DOC.replace(`$$${marker}$$`, () => '$$CURSOR$$').replace(/\$\$(?!CURSOR)[A-Z]+\$\$/g, ''));

describe('ML terms data', () => {
  it('has one-line explanations and lifecycle sections for every term, and the kinds the editor offers', () => {
    const names = ML_TERMS.map((t) => t.term);
    assert.equal(new Set(names).size, names.length);
    for (const t of ML_TERMS) {
      assert.ok(t.explanation.length > 20 && !t.explanation.includes('\n'), t.term);
      assert.ok(t.sections.length > 0 && t.sections.every((s) => (LIFECYCLE_IDS as readonly string[]).includes(s)), t.term);
    }
    for (const name of ['AUC-PR', 'nDCG@k', 'MAPE', 'calibration error', 'PSI', 'KS test', 'chi-squared test', 'shadow deployment', 'pseudonymisation']) {
      assert.ok(names.includes(name), name);
    }
    assert.deepEqual([...new Set(ML_TERMS.map((t) => t.kind))].sort(), ['drift-test', 'fairness', 'metric', 'privacy', 'release', 'serving', 'validation']);
  });

  it('finds the longest term under an offset, in any spelling', () => {
    const text = 'We report PR AUC and ROC AUC, and the Kolmogorov-Smirnov test.';
    assert.equal(mlTermAt(text, text.indexOf('PR AUC') + 4)?.term.term, 'AUC-PR');
    assert.equal(mlTermAt(text, text.indexOf('ROC AUC') + 1)?.term.term, 'AUC-ROC');
    assert.equal(mlTermAt(text, text.indexOf('Smirnov'))?.term.term, 'KS test');
    assert.equal(mlTermAt(text, text.indexOf('report')), undefined);
  });
});

describe('ML term completions', () => {
  it('offer the terms of the lifecycle section around the cursor, after the section snippets', () => {
    const { analysis, offset } = at('MONITOR');
    const items = computeCompletions(analysis, offset);
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('PSI') && labels.includes('KS test'), labels.join(', '));
    assert.ok(!labels.includes('time-based split'), 'validation schemes belong to the model section');
    assert.ok(items.every((i) => i.kind === 'term' && i.replace.start === offset && i.replace.end === offset));
    const model = at('MODEL');
    const modelLabels = computeCompletions(model.analysis, model.offset).map((i) => i.label);
    assert.ok(modelLabels.includes('AUC-PR') && modelLabels.includes('time-based split') && !modelLabels.includes('PSI'));
  });

  it('replace the word being typed, and stay out of code, headings and text outside lifecycle sections', () => {
    const { analysis, offset } = analyzeAt('# T\n\n## Monitoring\n\nWe alert on ks$$CURSOR$$\n');
    const items = provideMlTermCompletions(analysis, offset);
    assert.ok(items.length > 0);
    assert.deepEqual(items[0]!.replace, { start: offset - 2, end: offset });
    const code = at('CODE');
    assert.deepEqual(computeCompletions(code.analysis, code.offset), []);
    const outside = analyzeAt('Loose text $$CURSOR$$\n\n# T\n\n## Monitoring\n\nWatched.\n');
    assert.deepEqual(provideMlTermCompletions(outside.analysis, outside.offset), []);
    const heading = analyzeAt('# T\n\n## Monitoring\n\nWatched.\n\n## $$CURSOR$$\n');
    assert.ok(computeCompletions(heading.analysis, heading.offset).every((i) => i.kind !== 'term'));
  });
});

describe('ML term hovers', () => {
  it('explain a term in prose; headings keep their section hover', () => {
    const text = DOC.replace(/\$\$(?!CURSOR)[A-Z]+\$\$/g, '');
    const { analysis, offset } = analyzeAt(text.replace('PSI on', () => 'P$$CURSOR$$SI on'));
    const h = computeHover(analysis, offset);
    assert.ok(h);
    assert.match(h.markdown, /^\*\*PSI\*\* \(drift test\)/);
    assert.match(h.markdown, /Population Stability Index/);
    assert.equal(analysis.text.slice(h.span.start, h.span.end), 'PSI');
    const heading = analyzeAt(text.replace('## Monitoring', () => '## Moni$$CURSOR$$toring'));
    assert.match(computeHover(heading.analysis, heading.offset)!.markdown, /Monitoring and Maintenance/);
    const plain = analyzeAt(text.replace('compute PSI', () => 'comp$$CURSOR$$ute PSI'));
    assert.equal(provideMlTermHover(plain.analysis, plain.offset), undefined);
  });

  it("show the readiness score on the title's hover", () => {
    const { analysis, offset } = analyzeAt(DOC.replace('# Churn', () => '# Ch$$CURSOR$$urn').replace(/\$\$(?!CURSOR)[A-Z]+\$\$/g, ''));
    const h = computeHover(analysis, offset);
    assert.ok(h);
    assert.match(h.markdown, /Readiness \(ML Test Score, design time\): \*\*[\d.]+\/7\*\*, the lowest of features and data [\d.]+\/7 · model development [\d.]+\/7 · ml infrastructure [\d.]+\/7 · monitoring [\d.]+\/7/);
  });
});

describe('readiness in the coverage response', () => {
  it('carries the score, four groups and 28 tests with evidence ranges', () => {
    const text = DOC.replace(/\$\$(?!CURSOR)[A-Z]+\$\$/g, '');
    const { analysis } = analyzeAt(`${text}$$CURSOR$$`);
    const result = toCoverageResult(computeCoverageSummary(analysis), createLineIndex(text), 'file:///x.md', 1);
    const r = result.readiness;
    assert.ok(r);
    assert.equal(r.max, 7);
    assert.deepEqual(r.groups.map((g) => g.id), ['data', 'model', 'infrastructure', 'monitoring']);
    assert.equal(r.tests.length, 28);
    const baseline = r.tests.find((t) => t.id === 'simple-baseline')!;
    assert.equal(baseline.score, 1);
    assert.deepEqual(baseline.evidence[0], { text: 'baseline', range: { start: { line: 4, character: 54 }, end: { line: 4, character: 62 } } });
  });
});

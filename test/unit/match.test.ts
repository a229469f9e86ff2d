// Matching headings to lifecycle sections by concept.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine';

/** The strong (>= 0.5) section ids and section/subsection ids a heading counts for. */
function matchesOf(heading: string): { sections: string[]; subsections: string[]; reasons: string[] } {
  const a = analyze(`# Title\n\n## ${heading}\n\nSome words of body text.\n`);
  const ms = a.matches.filter((m) => m.headingIndex === 1 && m.confidence >= 0.5);
  return {
    sections: [...new Set(ms.map((m) => m.sectionId))].sort(),
    subsections: ms.filter((m) => m.subsectionId).map((m) => `${m.sectionId}/${m.subsectionId}`).sort(),
    reasons: ms.map((m) => m.reason),
  };
}

describe('heading matching', () => {
  const cases: [string, string[]][] = [
    ['Prediction Service', ['deployment']],
    ['Model Serving', ['deployment']],
    ['Online Testing and Deployment', ['deployment']],
    ['Intended Use', ['problem']],
    ['Out-of-Scope Use', ['problem']],
    ['Bias, Risks, and Limitations', ['ethics']],
    ['Training Details', ['model']],
    ['Personnel', ['collaboration']],
    ['Communication', ['collaboration']],
    ['Operational concerns', ['deployment']],
    ['7. Data Collection & Preparation (optional)', ['data']],
    ['Data Drift', ['monitoring']],
    ['Access Control', ['security']],
    ['Notes', []],
  ];
  for (const [heading, sections] of cases) {
    it(`'${heading}' counts for ${sections.join(', ') || 'no section'}`, () => assert.deepEqual(matchesOf(heading).sections, sections));
  }

  it('lets one heading count for several sections', () => {
    assert.deepEqual(matchesOf('Scaling, Monitoring, and Updates').sections, ['deployment', 'monitoring']);
  });

  it('names the subsection a heading stands for', () => {
    assert.ok(matchesOf('Intended Use').subsections.includes('problem/scope'));
    assert.ok(matchesOf('Prediction Service').subsections.includes('deployment/serving'));
    assert.ok(matchesOf('Data Drift').subsections.includes('monitoring/drift'));
  });

  it('prefers the longer phrase: Model Serving is deployment, not model', () => {
    assert.ok(!matchesOf('Model Serving').sections.includes('model'));
  });

  it('explains in words why a heading counts', () => {
    assert.ok(matchesOf('Prediction Service').reasons.some((r) => /'Prediction Service'.*Deployment/.test(r)));
  });

  it('treats generic headings as weak: the body decides', () => {
    const a = analyze('# T\n\n## Architecture\n\nWords.\n');
    assert.ok(a.matches.filter((m) => m.headingIndex === 1).every((m) => m.confidence < 0.5));
  });

  it('never matches the document title', () => {
    const a = analyze('# Deployment design\n\n## Data Management\n\nLogs.\n\n## Model\n\nTrees.\n');
    assert.ok(!a.matches.some((m) => m.headingIndex === 0));
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeHover } from '../../server/src/features/hover';
import { analyzeAt, PARTIAL_DOC } from './feature-helpers';

const hover = (source: string) => {
  const { analysis, offset } = analyzeAt(source);
  return computeHover(analysis, offset);
};

describe('hover', () => {
  it('says which section a heading counts as, why, its status, what is missing and the guidance', () => {
    const h = hover(PARTIAL_DOC.replace('## Data\n', () => '## Da$$CURSOR$$ta\n'));
    assert.ok(h);
    assert.match(h.markdown, /\*\*Data Management\*\*/);
    assert.match(h.markdown, /'Data'/, 'the reason names the heading');
    assert.match(h.markdown, /covered|thin/);
    assert.match(h.markdown, /Subsections: 1\/\d+ present\. Missing: /);
  });

  it("explains an alias: 'Prediction Service' counts as Deployment › Model Serving", () => {
    const h = hover(`${PARTIAL_DOC}\n## Prediction $$CURSOR$$Service\n\nA REST endpoint behind the payments gateway answers within 50 ms for every card authorisation request.\n`);
    assert.ok(h);
    assert.match(h.markdown, /Prediction Service/);
    assert.match(h.markdown, /Deployment/);
    assert.match(h.markdown, /Model Serving/);
  });

  it('names the closest section for a heading that counts as none', () => {
    const h = hover(`${PARTIAL_DOC}\n## Lunch $$CURSOR$$menu\n\nPizza.\n`);
    assert.ok(h);
    assert.match(h.markdown, /not counted as a lifecycle section/);
    const close = hover(`${PARTIAL_DOC}\n## Fairn$$CURSOR$$ess thoughts for later\n\nWe will look at this.\n`);
    assert.ok(close);
    assert.match(close.markdown, /Ethics/);
  });

  it('explains the title and gives nothing over prose', () => {
    const title = hover(PARTIAL_DOC.replace('# Fraud detection', () => '# Fraud $$CURSOR$$detection'));
    assert.ok(title);
    assert.match(title.markdown, /title/);
    assert.equal(hover(PARTIAL_DOC.replace('card fraud', () => 'card $$CURSOR$$fraud')), undefined);
  });

  it('covers a subsection heading', () => {
    const h = hover(PARTIAL_DOC.replace('### Data Sources', () => '### Data $$CURSOR$$Sources'));
    assert.ok(h);
    assert.match(h.markdown, /Data Management › Data Sources/);
  });
});

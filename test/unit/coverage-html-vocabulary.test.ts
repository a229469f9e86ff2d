// Coverage reads what a reader sees: the text of raw HTML blocks (an <ol> of <li> items renders as a list), not
// comments, scripts or styles; and a few concept words found missing on real documents the engine was not
// tuned on (a "Contributors" heading, "Human-in-the-loop", a model "not developed for deployment",
// "confidential" data).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine';
import { isVisibleHtml, visibleHtmlText } from '../../server/src/engine/html';
import type { Block } from '../../server/src/engine/types';

const status = (text: string, id: string) => analyze(text).sections.find((s) => s.id === id)!.status;

const HTML_LIST = [
  '# Fraud detection',
  '',
  '## Implementation',
  '',
  '<ol>',
  '    <li>',
  '        <b>Dataset Processing:</b> an ETL pipeline reads the labelled transactions, drops unused columns, derives features such as age and',
  '        merchant distance, one-hot encodes the category, scales numeric columns and imputes missing values before training.',
  '    </li>',
  '    <li>',
  '        <b>Feature Engineering:</b> derived features are checked for leakage and the training, validation and test datasets are split by time.',
  '    </li>',
  '</ol>',
  '',
].join('\n');

describe('raw HTML blocks', () => {
  it('an HTML list counts as the content of its section, as a Markdown list would', () => {
    const a = analyze(HTML_LIST);
    const data = a.sections.find((s) => s.id === 'data')!;
    assert.notEqual(data.status, 'missing');
    assert.ok(data.evidence.length > 0, 'keywords inside <li> items are evidence');
    // The same text as a Markdown list gives the same status.
    const md = HTML_LIST.replace(/<\/?ol>\n?/g, '').replace(/ *<li>\n */g, '- ').replace(/ *<\/li>\n/g, '').replace(/\n {8}/g, ' ').replace(/<\/?b>/g, '**');
    assert.match(md, /^- \*\*Dataset Processing:\*\* an ETL/m);
    assert.equal(data.status, status(md, 'data'));
  });

  it('tags and attributes are not words: only the visible text is searched', () => {
    const doc = ['# Note', '', '## Overview', '', '<div class="monitoring drift alerting retraining" data-role="latency">', '<img src="deploy.png">', '</div>', ''].join('\n');
    assert.equal(status(doc, 'monitoring'), 'missing');
    assert.equal(status(doc, 'deployment'), 'missing');
  });

  it('comments in a filled-in document, and script or style blocks, stay out', () => {
    const comment = ['# Note', '', '## Overview', '', '<div>', '<!-- GDPR consent and encryption of personal data -->', '</div>', ''].join('\n');
    assert.equal(status(comment, 'security'), 'missing');
    const script = ['# Note', '', '## Overview', '', '<script>', 'const privacy = "GDPR consent and encryption of personal data";', '</script>', ''].join('\n');
    assert.equal(status(script, 'security'), 'missing');
  });

  it('visibleHtmlText drops tags and comments and decodes the common entities; isVisibleHtml needs text', () => {
    assert.equal(visibleHtmlText('<p>A &amp; B<!-- hidden --></p>').replace(/\s+/g, ' ').trim(), 'A & B');
    assert.equal(visibleHtmlText('<pre>code here</pre>'), '');
    const block = (text: string, comment = false): Block => ({ kind: 'html', depth: 0, text, span: { start: 0, end: text.length }, strongLead: undefined, ordered: undefined, comment });
    assert.equal(isVisibleHtml(block('<p align="center"><img src="a.png"></p>')), false);
    assert.equal(isVisibleHtml(block('<details><summary>Training data</summary></details>')), true);
    assert.equal(isVisibleHtml(block('<!-- a prompt -->', true)), false);
  });

  it('the ML rules read the text of an HTML list as prose', () => {
    const doc = [
      '# Churn model',
      '',
      '## Model Selection and Training',
      '',
      'Gradient boosted trees trained on twelve months of account history, compared with logistic regression by AUC and log loss.',
      '',
      '<ul><li>The data is split by time: train on months 1-10, validate on 11 and test on 12, so no future rows leak into training.</li></ul>',
      '',
    ].join('\n');
    const split = (text: string) => analyze(text).findings.filter((f) => f.ruleId === 'no-split-strategy').length;
    assert.equal(split(doc), 0, 'the split stated in the HTML list is read');
    assert.equal(split(doc.replace(/<ul>.*<\/ul>/, '<ul><li>More trees did not help.</li></ul>')), 1, 'without it the rule fires');
  });
});

describe('concept words found on unseen documents', () => {
  it('a Contributors or Acknowledgements heading is about the team (collaboration)', () => {
    for (const heading of ['Contributors', 'Acknowledgements', 'Maintainers']) {
      const doc = ['# Biomass model', '', `## ${heading}`, '', 'Ana Ruiz, Bo Chen and Carla Diaz built the model; the forest service funded the field plots.', ''].join('\n');
      assert.notEqual(status(doc, 'collaboration'), 'missing', heading);
    }
  });

  it("a model card's 'Developed by' line mentions who built it", () => {
    const doc = ['# Vision model', '', '## Model Description', '', '- Developed by: the applied vision group', '- Model type: vision transformer', ''].join('\n');
    assert.equal(status(doc, 'collaboration'), 'mentioned');
  });

  it('a Human-in-the-loop heading is about human oversight (ethics)', () => {
    const doc = ['# Design doc template', '', '## 5.5 Human-in-the-loop', '', 'How will people review, override or correct the predictions, and when?', ''].join('\n');
    assert.notEqual(status(doc, 'ethics'), 'missing');
  });

  it('a model "not developed for deployment" mentions deployment; no word of it, no mention', () => {
    const says = ['# Card', '', '## Intended use', '', 'The model was built for research and was not developed for general deployment in products.', ''].join('\n');
    assert.equal(status(says, 'deployment'), 'mentioned');
    const silent = ['# Card', '', '## Intended use', '', 'The model was built for research on robustness of image classifiers.', ''].join('\n');
    assert.equal(status(silent, 'deployment'), 'missing');
  });

  it("one sentence naming a section's own concept mentions it: monitoring, a human in the loop, who maintains it", () => {
    const doc = (sentence: string) => ['# Card', '', '## Model Details', '', `A U-Net for CT segmentation. ${sentence}`, ''].join('\n');
    assert.equal(status(doc('Report its performance once monitoring is in place.'), 'monitoring'), 'mentioned');
    assert.equal(status(doc('A radiologist stays in the loop: is there a human in the loop for every mask?'), 'ethics'), 'mentioned');
    assert.equal(status(doc('The model is maintained by the imaging team.'), 'collaboration'), 'mentioned');
    for (const id of ['monitoring', 'ethics', 'collaboration']) assert.equal(status(doc('Trained on 41 volumes.'), id), 'missing', id);
  });

  it('a Sensitive Data heading is about security and privacy', () => {
    const doc = ['# Card', '', '## Sensitive Data', '', 'How is any sensitive data handled, and who may see it?', ''].join('\n');
    assert.notEqual(status(doc, 'security'), 'missing');
    assert.ok(analyze(doc).sections.find((s) => s.id === 'security')!.headings.length > 0, 'the heading names the section');
  });

  it('language-model systems: retrieval, prompts and LLM evaluation are model work; hallucination and jailbreaks are ethics', () => {
    const adr = [
      '# ADR: evaluating the assistant',
      '',
      '## Proposed Design',
      '',
      'We score the RAG pipeline of the LLM on a fixed benchmark with an LLM-as-a-judge: faithfulness and answer relevancy per question.',
      '',
      '## Risks',
      '',
      'Red teaming looks for jailbreaks, toxic output and hallucinations before each release.',
      '',
    ].join('\n');
    assert.notEqual(status(adr, 'model'), 'missing');
    assert.notEqual(status(adr, 'ethics'), 'missing');
  });

  it('"Broader Impacts" and "Who was involved?" headings name ethics and collaboration', () => {
    const doc = ['# Report', '', '## Broader Impacts', '', 'Intended and unintended uses, the harms they could cause and what we did against them.', '', '## Who was involved?', '', 'The hospital BI team, two clinicians and an external data science partner.', ''].join('\n');
    const a = analyze(doc);
    assert.ok(a.sections.find((x) => x.id === 'ethics')!.headings.length > 0);
    assert.ok(a.sections.find((x) => x.id === 'collaboration')!.headings.length > 0);
  });

  it('confidential data is a privacy concern (security mentioned)', () => {
    const doc = ['# Datasheet', '', '## Composition', '', 'The corpus holds no confidential records; names were replaced before release.', ''].join('\n');
    assert.equal(status(doc, 'security'), 'mentioned');
  });
});

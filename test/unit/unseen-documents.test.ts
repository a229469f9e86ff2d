// False evidence and false findings met on real documents the engine was not tuned on (model cards, datasheets,
// platform proposals): a stem that joined two different words, URLs read as words, licence boilerplate read as
// content, a datasheet's questions read as statements, a platform's "tenants" read as people.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine';
import { contentTokens, normalizeHeading, stem } from '../../server/src/engine/normalize';
import { LIFECYCLE_PROFILE } from '../../server/src/engine/profiles';

const section = (text: string, id: string) => analyze(text).sections.find((s) => s.id === id)!;
const rule = (text: string, id: string) => analyze(text).findings.filter((f) => f.ruleId === id);

describe('stems that must not meet', () => {
  it('keeps words whose ending is not a suffix apart from the common word they would become', () => {
    for (const [a, b] of [['container', 'contain'], ['owner', 'own'], ['maintainer', 'maintain'], ['manager', 'manage'], ['transformer', 'transform'], ['wer', 'were'], ['mape', 'mapping']] as const) {
      assert.notEqual(stem(a), stem(b), `${a} / ${b}`);
    }
  });

  it('still lets their plurals and the usual inflections meet', () => {
    assert.equal(stem('containers'), stem('container'));
    assert.equal(stem('owners'), stem('owner'));
    assert.equal(stem('serving'), stem('serve'));
    assert.equal(stem('labelling'), stem('label'));
  });

  it('"the records were" and "contains" are no model or deployment evidence', () => {
    const doc = ['# Dataset notes', '', '## Composition', '', 'The records were collected in 2021. Each file contains one day of readings and we keep our own copy.', ''].join('\n');
    for (const id of ['model', 'deployment', 'collaboration']) {
      assert.equal(section(doc, id).status, 'missing', id);
      assert.deepEqual(section(doc, id).evidence, [], `${id}: no keyword found`);
    }
  });
});

describe('phrases whose small words are dropped', () => {
  it('"on call" is not the word "call": an API call or a function call is no monitoring evidence', () => {
    const doc = ['# Retrieval service', '', '## Architecture', '', 'The client makes one API call per query; the handler calls the retriever, which is called once per request.', ''].join('\n');
    assert.equal(section(doc, 'monitoring').status, 'missing');
    assert.deepEqual(section(doc, 'monitoring').evidence, []);
    const onCall = doc.replace('The client makes', 'The on-call rotation is alerted when error rates rise. The client makes');
    assert.notEqual(section(onCall, 'monitoring').status, 'missing', 'an on-call rotation still counts');
  });

  it('no phrase of the lifecycle profile shrinks to one word ("stored in" was every "store", "in transit" every "transit")', () => {
    const shrunk: string[] = [];
    for (const s of LIFECYCLE_PROFILE.sections) {
      const lists = [s.aliases, s.keywords, s.strongKeywords ?? [], ...s.subsections.flatMap((sub) => [sub.aliases, sub.keywords])];
      for (const list of lists) for (const phrase of list) {
        const normal = normalizeHeading(phrase, true);
        if (normal.split(' ').length > 1 && contentTokens(normal).length < 2) shrunk.push(`${s.id}: ${phrase}`);
      }
    }
    assert.deepEqual(shrunk, []);
  });

  it('a model artifact "stored in" the registry, or an app that "stores" a result, is no data evidence', () => {
    const doc = ['# Churn model', '', '## Architecture', '', 'The trained artifact is stored in the model registry and the app stores the last score per user.', ''].join('\n');
    assert.deepEqual(section(doc, 'data').evidence.map((e) => e.keyword), []);
  });
});

describe('word forms that must meet', () => {
  it('"hallucinations" is hallucination evidence (the stem of "hallucination" is "hallucin", shorter than "hallucinat")', () => {
    const doc = ['# Support assistant', '', '## Limitations', '', 'The assistant may produce hallucinations on rare questions.', ''].join('\n');
    assert.ok(section(doc, 'ethics').evidence.length > 0);
  });

  it('an acronym\'s plural is the acronym: "KPIs", "APIs", "GPUs" meet "kpi", "api", "gpu"', () => {
    const doc = ['# Churn model', '', '## Notes', '', 'Two KPIs decide the launch. Scores are served through internal APIs from models trained on four GPUs.', ''].join('\n');
    assert.ok(section(doc, 'problem').evidence.some((e) => e.keyword === 'kpi'), 'problem: kpi');
    assert.ok(section(doc, 'deployment').evidence.some((e) => e.keyword === 'api'), 'deployment: api');
    assert.ok(section(doc, 'model').evidence.some((e) => e.keyword === 'gpu'), 'model: gpu');
    assert.equal(stem('basis'), 'basis', 'a lower-case word in -is keeps its s');
  });
});

describe('threat and harm words', () => {
  it('a malicious actor or use raises security, as a DDoS attack does', () => {
    const doc = ['# Script assistant', '', '## Risks', '', 'A malicious user could author scripts that exfiltrate files from the workspace.', ''].join('\n');
    assert.equal(section(doc, 'security').status, 'mentioned');
    const benign = doc.replace('A malicious user could author scripts that exfiltrate files from the workspace.', 'A user could author scripts that rename files in the workspace.');
    assert.equal(section(benign, 'security').status, 'missing');
  });

  it('offensive content is a harm: the datasheet question on offensive data raises ethics', () => {
    const doc = ['# Relation extraction datasheet', '', '## Composition', '', 'Sentences from newswire with relation labels.', '', '### Does the dataset contain data that, if viewed directly, might be offensive, insulting or threatening?', '', 'We cannot rule it out: the source corpus took no measures against it.', ''].join('\n');
    assert.equal(section(doc, 'ethics').status, 'mentioned');
  });
});

describe('what is not text about the system', () => {
  it('the words of a bare URL are not keywords ("https" is no statement about encryption)', () => {
    const doc = ['# Spleen segmentation', '', '## Overview', '', 'The data comes from https://example.org/secure-encrypt-tls/privacy and http://example.com/gdpr.', ''].join('\n');
    assert.equal(section(doc, 'security').status, 'missing');
    const says = doc.replace('The data comes', 'Traffic uses HTTPS with TLS and the data at rest is encrypted; it comes');
    assert.notEqual(section(says, 'security').status, 'missing', 'the same words outside a URL count');
  });

  it('licence boilerplate under a License heading is no evidence', () => {
    const licence = [
      '## License',
      '',
      'Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance with the License.',
      'See the License for the specific language governing permissions and limitations under the License. Access control of the',
      'repository, privacy of contributors and security reports are handled by the maintainers.',
      '',
    ].join('\n');
    const doc = ['# Segmentation model', '', '## Model Overview', '', 'A 3D U-Net trained on 41 labelled CT volumes with Dice loss.', '', licence].join('\n');
    assert.equal(section(doc, 'security').status, 'missing');
    const sameText = doc.replace('## License', '## Operations');
    assert.notEqual(section(sameText, 'security').status, 'missing', 'under another heading the text counts');
  });
});

describe('questions and platform words in the ML rules', () => {
  const datasheet = [
    '# Datasheet',
    '',
    '## Composition',
    '',
    'Relation examples drawn from newswire, labelled by annotators, with a fixed train, dev and test split.',
    '',
    '### Does the dataset contain data that might be considered confidential (e.g., data protected by doctor-patient confidentiality)?',
    '',
    'No.',
    '',
    '### How can the curator of the dataset be contacted (e.g., email address)?',
    '',
    'Please open an issue in the repository.',
    '',
  ].join('\n');

  it("a datasheet's questions are prompts, not statements: no people decision, no personal data", () => {
    assert.deepEqual(rule(datasheet, 'fairness-unanalyzed'), []);
    assert.deepEqual(rule(datasheet, 'personal-data-unprotected'), []);
  });

  it('the same words as statements still count', () => {
    const stated = datasheet.replace('No.', 'Yes: the notes name the patient, and the model triages patients for a clinic.').replace('Please open an issue in the repository.', "We store each annotator's email address.");
    assert.equal(rule(stated, 'fairness-unanalyzed').length, 1);
    assert.equal(rule(stated, 'personal-data-unprotected').length, 1);
  });

  it("a question heading raises its topic: the confidentiality question answered 'No.' mentions security, and no more", () => {
    assert.equal(section(datasheet, 'security').status, 'mentioned');
    const ethics = datasheet.replace('### How can the curator', '### Were any ethical review processes conducted (e.g., by an institutional review board)?\n\nN/A.\n\n### How can the curator');
    assert.equal(section(ethics, 'ethics').status, 'mentioned');
    const asked = datasheet.replace('that might be considered confidential (e.g., data protected by doctor-patient confidentiality)', 'that is out of date');
    assert.equal(section(asked, 'security').status, 'missing', 'without the word the question is about something else');
  });

  it("a platform's tenants are its customers, not people a decision is about; tenant screening is", () => {
    const platform = ['# Experiment tracking', '', '## Summary', '', 'A shared tracking service for multiple Kubeflow tenants on a multi-tenant cluster.', ''].join('\n');
    assert.deepEqual(rule(platform, 'fairness-unanalyzed'), []);
    const screening = platform.replace('A shared tracking service for multiple Kubeflow tenants on a multi-tenant cluster.', 'A model that scores rental applications for tenant screening.');
    assert.equal(rule(screening, 'fairness-unanalyzed').length, 1);
  });
});

describe('structures of real design docs that are not problems', () => {
  it('"Goals" and "Non-Goals" are two parts of the problem section, not a repeat; a real twin still is', () => {
    const kep = ['# KEP: tuning LLMs', '', '## Summary', '', 'Hyperparameter tuning for LLM fine-tuning.', '', '## Goals', '', '- Tune LoRA rank and learning rate.', '', '## Non-Goals', '', '- Serving the tuned models.', '', '## Design', '', 'A new API.', ''].join('\n');
    assert.deepEqual(rule(kep, 'duplicate-section'), []);
    const twin = ['# Design', '', '## Monitoring', '', 'Drift and alerts.', '', '## Deployment', '', 'A REST service.', '', '## Monitoring and Alerting', '', 'PagerDuty pages.', ''].join('\n');
    assert.equal(rule(twin, 'duplicate-section').length, 1);
  });

  it('"housing prices" is a regression target, not a decision about people; housing applications are', () => {
    const prices = ['# Checklist', '', '## Present your solution', '', 'Say what you learned, e.g. "the median income is the number-one predictor of housing prices".', ''].join('\n');
    assert.deepEqual(rule(prices, 'fairness-unanalyzed'), []);
    const decisions = prices.replace('predictor of housing prices', 'reason we reject housing applications');
    assert.equal(rule(decisions, 'fairness-unanalyzed').length, 1);
  });
});

describe('generic headings are hints, whatever their form', () => {
  it('"Architectures" (plural) is as generic as "Architecture": the body decides', () => {
    const card = ['# Vision model card', '', '## Architectures', '', 'ViT-S/14, ViT-B/14, ViT-L/14 and ViT-g/14 backbones, trained with self-supervision on 142M images.', ''].join('\n');
    const m = analyze(card).matches.filter((x) => x.sectionId === 'deployment');
    assert.ok(m.every((x) => x.confidence < 0.5), 'only a weak match');
    assert.notEqual(section(card, 'deployment').status, 'covered');
    assert.equal(section(card, 'deployment').status, section(card.replace('## Architectures', '## Architecture'), 'deployment').status);
  });

  it('"References" and "Citation" are a bibliography, not collaboration or documentation practice', () => {
    const card = ['# Spleen segmentation', '', '## Model Overview', '', 'A 3D U-Net trained on 41 labelled CT volumes with Dice loss.', '', '## References', '', '[1] Kerfoot E. et al. Left-ventricle quantification using residual U-Net. 2018.', '', '## Citation', '', '```', '@article{unet, title={U-Net}, year={2015}}', '```', ''].join('\n');
    assert.equal(section(card, 'collaboration').status, 'missing');
    const docs = card.replace('## References', '## Documentation').replace('[1] Kerfoot E. et al. Left-ventricle quantification using residual U-Net. 2018.', 'The runbook and the decision log live in the team wiki; each change is reviewed by the on-call engineer.');
    assert.notEqual(section(docs, 'collaboration').status, 'missing');
  });

  it('"Milestones & Timeline" is a schedule, not the team: collaboration is not covered by dates', () => {
    const doc = ['# Churn design', '', '## Problem', '', 'Reduce churn among new customers by 5% this year.', '', '## Milestones & Timeline', '', '- March: baseline model and offline evaluation', '- May: first A/B test on 10% of traffic', '- July: full launch', ''].join('\n');
    assert.notEqual(section(doc, 'collaboration').status, 'covered');
    const team = doc.replace('## Milestones & Timeline', '## Roles and Responsibilities').replace('- March: baseline model and offline evaluation', '- The data scientist owns the model; the product manager signs off the launch');
    assert.equal(section(team, 'collaboration').status, 'covered');
  });

  it('a usage snippet under "How to Get Started with the Model" is not a deployment design', () => {
    const card = ['# Vision model card', '', '## How to Get Started with the Model', '', 'Use the code below to get started with the model.', '', '```python', "model = torch.hub.load('repo', 'vits14')", '```', ''].join('\n');
    assert.notEqual(section(card, 'deployment').status, 'covered');
  });
});

describe('thin-section says against what a section is thin', () => {
  const words = (n: number, w: string) => Array.from({ length: n }, (_, i) => `${w}${i % 7}`).join(' ');
  it('a long section, thin only next to much longer ones: the threshold is in the message', () => {
    const doc = [
      '# Design',
      '',
      '## Problem Definition',
      '',
      `${words(900, 'goal')}.`,
      '',
      '## Data Management',
      '',
      `${words(900, 'rows')}.`,
      '',
      '## Model Selection and Training',
      '',
      `${words(900, 'trees')}.`,
      '',
      '## Deployment',
      '',
      `${words(60, 'serve')}.`,
      '',
    ].join('\n');
    const thin = rule(doc, 'thin-section');
    assert.equal(thin.length, 1);
    assert.match(thin[0]!.message, /^Deployment is thin: 6\d words, where a section of this document is thin below 180 \(a fifth of its median section\)\./);
    assert.equal(analyze(doc).sections.find((s) => s.id === 'deployment')!.thinBelow, 180);
  });

  it('a section under the configured minimum keeps the short form', () => {
    const doc = ['# Design', '', '## Problem Definition', '', 'Cut fraud losses by a fifth this year.', '', '## Deployment', '', 'Online.', ''].join('\n');
    const thin = rule(doc, 'thin-section');
    assert.equal(thin.length, 1);
    assert.match(thin[0]!.message, /^Deployment is thin \(1 word\)\./);
  });
});

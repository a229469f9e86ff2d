// Heading normalisation and stemming: numbering, markup, punctuation, `&`/`and`, qualifiers.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contentTokens, findPhrase, normalizeHeading, stem } from '../../server/src/engine/normalize';

describe('normalizeHeading', () => {
  const cases: [string, string][] = [
    ['3. Data', 'data'],
    ['5.3. Data Collection', 'data collection'],
    ['10.2 Alerts', 'alerts'],
    ['III. Dataset', 'dataset'],
    ['ii. Relevance', 'relevance'],
    ['ii.i. Existing flow analysis', 'existing flow analysis'],
    ['a) Scope', 'scope'],
    ['Step 3: Model Training', 'model training'],
    ['Part 2 - Serving', 'serving'],
    ['Chapter 4. Ethics', 'ethics'],
    ['**Bold** Heading', 'bold heading'],
    ['<span>HTML</span> heading', 'html heading'],
    ['`Code` in heading', 'code in heading'],
    ['Monitoring:', 'monitoring'],
    ['Security and Privacy?', 'security and privacy'],
    ['Data Collection & Preparation', 'data collection and preparation'],
    ['Data + Features', 'data and features'],
    ['Data Collection (optional)', 'data collection'],
    ['Model Examination [optional]', 'model examination'],
    ['Out-of-Scope Use', 'out of scope use'],
    ['Model Card for {{ model_id }}', 'model card for'],
  ];
  for (const [raw, expected] of cases) {
    it(`${JSON.stringify(raw)} -> ${JSON.stringify(expected)}`, () => assert.equal(normalizeHeading(raw), expected));
  }

  it('keeps parenthetical qualifiers when asked (a second matching variant)', () => {
    assert.equal(normalizeHeading('5.3. Data Collection & Preparation (optional):', true), 'data collection and preparation optional');
  });

  it('does not take words made of roman-numeral letters for numbering', () => {
    assert.equal(normalizeHeading('Mix of models'), 'mix of models');
    assert.equal(normalizeHeading('Civil liability'), 'civil liability');
  });

  it('keeps letters beyond ASCII', () => {
    assert.equal(normalizeHeading('Données & Qualité'), 'données and qualité');
  });

  it('is total: odd input gives a string', () => {
    for (const raw of ['', '   ', '###', '()', '1.', '**', '<>', '\u0000']) assert.equal(typeof normalizeHeading(raw), 'string');
  });
});

describe('stemming and phrases', () => {
  it('brings inflected forms together', () => {
    assert.equal(stem('serving'), stem('serve'));
    assert.equal(stem('metrics'), stem('metric'));
    assert.equal(stem('labelling'), stem('labeling'));
    assert.equal(stem('labelling'), stem('label'));
    assert.equal(stem('policies'), 'policy');
  });

  it('drops stop words from content tokens', () => {
    assert.deepEqual(contentTokens('the data and the features'), [stem('data'), stem('features')]);
  });

  it('finds a phrase as a contiguous run of whole words', () => {
    const hay = contentTokens('raw data pipeline for features');
    assert.equal(findPhrase(hay, contentTokens('data pipeline')), 1);
    assert.equal(findPhrase(hay, contentTokens('raw pipeline')), -1);
    assert.equal(findPhrase(hay, contentTokens('pipe')), -1);
    assert.equal(findPhrase(hay, []), -1);
  });
});

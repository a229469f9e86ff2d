// Headings as the engine sees them: ATX and setext, not in front matter, comments or code; pseudo headings.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine';

const headings = (text: string) => analyze(text).headings.map((h) => `${h.kind}:${h.depth}:${h.text}`);

describe('outline', () => {
  it('does not take YAML front matter for a setext heading', () => {
    assert.deepEqual(headings('---\ntitle: Design\nowner: me\n---\n\n## Data\n\nText\n'), ['atx:2:Data']);
    const a = analyze('---\ntitle: Design\nprofile: lifecycle\n---\n\n## Data\n\nText\n');
    assert.deepEqual(a.frontMatter, { title: 'Design', profile: 'lifecycle' });
    assert.ok(a.optIn);
  });

  it('reads front matter with Jinja placeholders without failing', () => {
    const a = analyze('---\nlicense: {{ license }}\ntags:\n{{ tags }}\n---\n\n# Model card\n\n## Uses\n\nText.\n');
    assert.deepEqual(a.headings.map((h) => h.text), ['Model card', 'Uses']);
    assert.equal(typeof a.frontMatter, 'object');
  });

  it('ignores headings inside HTML comments and code fences', () => {
    assert.deepEqual(headings('<!--\n## Not a heading\n-->\n\n```md\n## Nor this\n```\n\n~~~\n# Nor this\n~~~\n\n## Data\n\nText\n'), ['atx:2:Data']);
  });

  it('reads setext headings, ATX headings with a tab, and closing hashes', () => {
    assert.deepEqual(headings('Title\n=====\n\nData\n----\n\n##\tModel\n\n### Serving ###\n'), ['setext:1:Title', 'setext:2:Data', 'atx:2:Model', 'atx:3:Serving']);
  });

  it('requires a space after the hashes', () => {
    assert.deepEqual(headings('#Data\n\n#5 issues\n\n## Model\n'), ['atx:2:Model']);
  });

  it('strips markup from heading text', () => {
    assert.deepEqual(analyze('## <b>Data</b> &amp; **Features**\n').headings.map((h) => h.text), ['Data & Features']);
  });

  it('takes bold paragraphs and bold leads as pseudo headings one level below the heading above', () => {
    const a = analyze('# T\n\n**Data collection**\n\nText.\n\n**Key metrics.** The best proxy is click-through rate.\n\n## Model\n\n**Training**\n\nDaily.\n');
    assert.deepEqual(
      a.headings.map((h) => `${h.kind}:${h.depth}:${h.text}`),
      ['atx:1:T', 'pseudo:2:Data collection', 'pseudo:2:Key metrics', 'atx:2:Model', 'pseudo:3:Training'],
    );
  });

  it('takes short top-level list items with nested items as titles in documents with few headings', () => {
    const text = '# Template\n\n1. Problem Formulation\n   - business goal\n   - constraints\n2. Data Collection\n   - sources\n';
    assert.deepEqual(analyze(text).headings.filter((h) => h.kind === 'pseudo').map((h) => h.text), ['Problem Formulation', 'Data Collection']);
  });

  it('gives each heading its section (to the next heading of the same or higher level) and its body', () => {
    const text = '# T\n\n## Data\n\nA.\n\n### Sources\n\nB.\n\n## Model\n\nC.\n';
    const [, data, sources, model] = analyze(text).headings;
    assert.equal(text.slice(data!.sectionSpan.start, data!.sectionSpan.end), '## Data\n\nA.\n\n### Sources\n\nB.\n\n');
    assert.equal(text.slice(data!.bodySpan.start, data!.bodySpan.end), '\n\nA.\n\n');
    assert.equal(text.slice(sources!.sectionSpan.start, sources!.sectionSpan.end), '### Sources\n\nB.\n\n');
    assert.equal(model!.sectionSpan.end, text.length);
  });

  it('is total on odd input', () => {
    for (const text of ['', '#', '\n\n\n', '---', '---\n', '```', '<!--', '# \n', '****', '\uFEFF', '\r\r\r']) {
      const a = analyze(text);
      assert.ok(Array.isArray(a.headings));
      assert.equal(a.sections.length, 8);
    }
  });
});

// analyze() reads the front matter from the first block only (it used to search every block for it): this checks
// that a front-matter block is never anywhere else, on the examples, the corpus, documents that start with a BOM,
// blank lines or text before a `---` block, and with `---` blocks and `+++` lines further down.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine';
import { parseDocument, parseWithRemark } from '../../server/src/engine/parse';
import { examplesAndCorpus } from './markdown-files';

const FM = '---\nprofile: model-card\nstatus: draft\n---\n';
const BODY = '# Title\n\nSome text.\n\n---\ntitle: not front matter\n---\n\n## Data\n\n+++\nx = 1\n+++\n';

describe('front matter is the first block or none', () => {
  it('holds on the examples, the corpus and odd starts', () => {
    const { examples, corpus } = examplesAndCorpus();
    const texts = [...examples, ...corpus, FM + BODY, '\uFEFF' + FM + BODY, '\n' + FM + BODY, 'text\n' + FM + BODY, BODY + FM, '+++\nx = 1\n+++\n' + BODY, FM];
    let withFrontMatter = 0;
    for (const text of texts) {
      const blocks = parseDocument(text).blocks;
      const at = blocks.map((b, i) => (b.kind === 'front-matter' ? i : -1)).filter((i) => i >= 0);
      assert.ok(at.length === 0 || (at.length === 1 && at[0] === 0), `front matter at ${at.join(', ')}`);
      if (at.length) withFrontMatter++;
    }
    assert.ok(withFrontMatter >= 4, `${withFrontMatter} documents with front matter`);
  });

  it('is what analyze() reads', () => {
    assert.equal(analyze(FM + BODY).profile, 'model-card');
    assert.equal(analyze('\uFEFF' + FM + BODY).profile, 'model-card');
    assert.equal(analyze(BODY + FM).frontMatter, undefined);
    assert.equal(analyze('text\n' + FM + BODY).frontMatter, undefined);
  });
});

describe('chunk cuts after front matter', () => {
  it('are where a parse of the whole document has them: only the opening marker closes front matter', () => {
    // `...` and `+++` lines inside YAML front matter do not close it (remark-frontmatter): a fence that the
    // line scan saw open after them was still front matter, and the scan cut where remark read one code block.
    const texts = [
      '---\r\n\t- : -\r\n...\r\n```\r\nProblem Definition and Scope\r\n---\r\n# scaling monitoring and updates\r\n```\r\n<!-- mldoc-disable  -->\r\n# Problem Definition and Scope',
      '---\na: 1\n...\n```\n---\n# Data\n```\n# Model\ntext\n',
      '---\na: 1\n+++\n```\n---\n# Data\n```\n# Model\ntext\n',
      '+++\na = 1\n---\n```\n+++\n# Data\n```\n# Model\ntext\n',
      '---\na: 1\n--- \t\n# Data\n\ntext\n# Model\n',
    ];
    for (const text of texts) {
      const whole = parseWithRemark(text, true);
      assert.deepEqual(parseDocument(text).blocks, whole, JSON.stringify(text));
    }
    // The first text's drift-detection fix used to land inside the code block that runs to the end.
    const a = analyze(texts[0]!, { profile: 'lifecycle' });
    assert.equal(a.blocks[a.blocks.length - 1]!.kind, 'code');
  });
});

// The document is cut into chunks at ATX heading lines by a line scan (parse.ts chunkStarts), and each chunk is
// parsed alone. A cut is only right where remark, parsing the whole document, has a heading at the top level:
// not inside a fence, front matter or an HTML block (kinds 1-5 up to their end marker, 6-7 up to a blank line),
// and not on an indented heading line (it may belong to a list item). Where the scan cannot tell, it cuts less. These
// tests compare the chunked parse with one remark parse of the whole text, on listed cases (most found wrong
// once) and on generated documents made of the lines that decide it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument, parseWithRemark, splitChunks } from '../../server/src/engine/parse';
import type { Block } from '../../server/src/engine/types';
// @ts-expect-error: the benchmark's generator is plain JavaScript, shared so that tests and bench agree.
import { prng } from '../../bench/generate.mjs';

const LISTED = [
  // A heading line inside an HTML block of kind 6 (no blank line before it).
  '<div>\n# A\n</div>\n\ntext\n',
  'para\n<div>\n# A\n',
  // A comment inside an HTML block, then a fence the comment's end sits in (found by the engine fuzz test).
  '\u0000---\rmldoc: true\rprofile: model-card\r---\r</div>\r<!-- mldoc-disable\r\r```\r<!-- mldoc-disable  -->\r## Problem Definition and Scope',
  '<details>\n<!-- c\n\n```\n-->\n# B\n',
  // Kinds 1, 3, 4, 5 run to their end marker across blank lines.
  '<pre>\n\n# A\n</pre>\n# B\n',
  '<script>x\n\n# A\n</script>\n\n# B\n',
  '<?php\n\n# A\n?>\n# B\n',
  '<![CDATA[\n\n# A\n]]>\n# B\n',
  '<!DOCTYPE\n\n# A\n>\n# B\n',
  // A comment that closes at once (`<!-->`, `<!--->`): the heading after it is one.
  '<!-->\n# A\ntext\n-->\n# B\n',
  '<!--->\n# A\n',
  // Fences and HTML blocks inside list items and block quotes.
  '- ```\n  # x\n  ```\n# y\n',
  '- ```\n  # x\n# y\n',
  '1. item\n\n    ```\n   # x\n    ```\n\n# y\n',
  '> ```\n> # x\n# y\n',
  '- <!--\n  # x\n  -->\n# y\n',
  // A comment that ends on its line, inside an HTML block, changes nothing: the cut after the block stays.
  '<div>\n<!-- note -->\n</div>\n\n# A\ntext\n\n# B\n',
];

/**
 * A block's span without the line ending it may end with. A construct left open at the end of a chunk (a fence
 * in a list item before the next heading) ends with the chunk, after its last line ending, where in the whole
 * document it ends before it; the blocks are otherwise the same.
 */
function trimmed(text: string, blocks: readonly Block[]): Block[] {
  return blocks.map((b) => {
    let end = b.span.end;
    while (end > b.span.start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
    return end === b.span.end ? b : { ...b, span: { start: b.span.start, end } };
  });
}

function chunkedEqualsWhole(text: string): void {
  assert.deepEqual(trimmed(text, parseDocument(text).blocks), trimmed(text, parseWithRemark(text, true)), JSON.stringify(text));
}

const LINES = [
  '# H', '## H2', '# H', '## H2', '### H3', '# H', '  # indented', '   ## three', '', '', '', '', '', '', 'text', 'more text', '<div>', '</div>', '<span>x</span> y', '<br>',
  '<!-- c', '<!-- c -->', '-->', '```', '~~~', '```js', '<pre>', '</pre>', '<?x', '?>', '- item', '  - nested', '- ```', '  ```',
  '> quote', '> ```', '1. one', '    ```', '    code', '<![CDATA[', ']]>', '<!X', '>', '<script>', '</script>', '---', '***', 'a | b',
];

describe('chunk cuts', () => {
  it('give the blocks of a whole-document parse on the listed cases', () => {
    for (const text of LISTED) chunkedEqualsWhole(text);
    assert.equal(splitChunks(LISTED[LISTED.length - 1]!).length, 3, 'a one-line comment in an HTML block leaves the cuts after it');
  });

  it('give the blocks of a whole-document parse on 3,000 generated documents', () => {
    const rnd = prng(77) as () => number;
    let cuts = 0;
    for (let i = 0; i < 3000; i++) {
      const n = 2 + Math.floor(rnd() * 14);
      const lines: string[] = [];
      for (let k = 0; k < n; k++) lines.push(LINES[Math.floor(rnd() * LINES.length)]!);
      const text = lines.join(rnd() < 0.15 ? '\r\n' : '\n') + (rnd() < 0.5 ? '\n' : '');
      chunkedEqualsWhole(text);
      cuts += splitChunks(text).length - 1;
    }
    assert.ok(cuts > 600, `the documents were cut (${cuts} cuts): the test compares chunked parses`);
  });
});

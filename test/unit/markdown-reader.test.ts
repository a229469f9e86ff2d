// The engine reads Markdown with remark-parse's own code set up once (markdown-reader.ts) and reads plain
// paragraphs, headings and simple lists without a parse (parse.ts parseWithPlainGroups). Both must give exactly what remark-parse gives:
// the same mdast trees (node for node, positions included) and the same blocks, on every real document we have,
// on generated ones, and across successive documents read by one reader (no state may leak between them).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { blocksOfTree, parseChunk, parseDocument, parseWithProcessor, plainGroupBlocks, readMarkdown, shiftedBlock, splitChunks } from '../../server/src/engine/parse';
import { markdownDoc, params, runs, splicedDoc } from '../fuzz/arbitraries';
import { REPO_ROOT } from './markdown-files';
// @ts-expect-error: the benchmark's generator is plain JavaScript, shared so that tests and bench agree.
import { prng } from '../../bench/generate.mjs';

function markdownUnder(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) {
      if (f !== 'node_modules' && !f.startsWith('.') && f !== 'out' && f !== 'dist') markdownUnder(p, out);
    } else if (f.endsWith('.md')) out.push(p);
  }
  return out;
}

const FILES = [REPO_ROOT, join(REPO_ROOT, '..', 'shared', 'corpus')].flatMap((d) => markdownUnder(d));

/** The units the engine parses: each chunk of the text, and the whole text both as a document and as a body. */
function units(text: string): [string, boolean][] {
  return [[text, true], [text, false], ...splitChunks(text).map((c): [string, boolean] => [c.text, c.start === 0])];
}

/** remark's blocks for a chunk parsed whole, against the engine's (plain paragraphs read directly). */
function sameBlocks(text: string, atDocumentStart: boolean): void {
  const parsed = parseChunk(text, atDocumentStart);
  if (parsed.degraded.length) return; // read by the line scan on purpose (risk.ts), not by remark
  const want = blocksOfTree(parseWithProcessor(text, atDocumentStart));
  // remark counts offsets from after a leading byte order mark; the engine's blocks are placed in the text.
  const placed = text.charCodeAt(0) === 0xfeff ? want.map((b) => shiftedBlock(b, 1)) : want;
  assert.deepEqual(parsed.blocks, placed, JSON.stringify(text.slice(0, 400)));
}

describe('markdown reader (remark-parse set up once)', () => {
  it('gives remark-parse’s trees on every Markdown file of the repository and the corpus, whole and by chunk', () => {
    assert.ok(FILES.length >= 80, `${FILES.length} files`);
    let nodes = 0;
    for (const f of FILES) {
      for (const [text, start] of units(readFileSync(f, 'utf8'))) {
        const want = parseWithProcessor(text, start) as { children: unknown[] };
        assert.deepEqual(readMarkdown(text, start), want, `${f} (${start ? 'document' : 'body'}, ${text.length} chars)`);
        nodes += want.children.length;
      }
    }
    assert.ok(nodes > 5000, `${nodes} top-level nodes compared`);
  });

  it('gives remark-parse’s trees on generated documents (hostile characters, all line endings)', () => {
    fc.assert(
      fc.property(fc.oneof(markdownDoc, splicedDoc), fc.boolean(), (text, start) => {
        assert.deepEqual(readMarkdown(text, start), parseWithProcessor(text, start));
      }),
      params(runs(300)),
    );
  });

  it('keeps no state from one document to the next (definitions, footnotes, lazy lines)', () => {
    const sequence = [
      '[ref]: https://example.com\n\n[^1]: A note.\n\n> quoted\nlazy line\n',
      // Without the definitions above these are plain text; `===` on line 2 is a setext underline, which a lazy
      // line 2 left over from the document above would forbid.
      'Title\n===\n\nSee [ref] and a note[^1].\n',
      '> quoted\nlazy\nstill lazy\n\n[x]: /a\n',
      'Heading\n---\n\n[x] stays text\n',
    ];
    for (let round = 0; round < 2; round++) {
      for (const text of sequence) assert.deepEqual(readMarkdown(text, true), parseWithProcessor(text, true), JSON.stringify(text));
    }
    const tree = readMarkdown(sequence[1]!, true) as { children: { type: string; depth?: number; children?: { type: string }[] }[] };
    assert.equal(tree.children[0]!.type, 'heading');
    assert.equal(tree.children[0]!.depth, 1);
    assert.ok(!tree.children[1]!.children!.some((c) => c.type === 'linkReference' || c.type === 'footnoteReference'));
  });
});

/** Whether `text` is read as one plain group; when it is, its blocks must be remark's. */
function plainLikeRemark(text: string): boolean {
  const b = plainGroupBlocks(text, 0, text.length);
  if (b) assert.deepEqual(b, blocksOfTree(parseWithProcessor(text, false)), JSON.stringify(text));
  return b !== undefined;
}

/** Lines that are not plain (each must be parsed by remark), and lines that are. */
const NOT_PLAIN = [
  'Has `code` and [a link](x)',
  'Has [a][b] a reference',
  '<span>inline</span>',
  '<x y>',
  '</p>',
  '<pre>',
  '<?php',
  '<Table>',
  'Has \\[escaped\\] brackets',
  'Has an escaped \\` backtick',
  ':--|--',
  '--- | ---',
  'Has <b>a tag</b>',
  'Has <x@y.z> an email',
  'Has an &amp;bogus entity inside <img src="&amp;">',
  'Has [^1] a footnote call',
  'Has [a](b "title")',
  'Has [a](b c) a space',
  'Has [a [b]](c) nested',
  'Has [a](b(c)) parentheses',
  'Has ~~struck~~ text',
  'An autolink <https://x.y>',
  'Has a <span\nclass="x"> over two lines',
  'Has a <b>tag</b>',
  'Has\ta tab',
  'Has a NUL \u0000 here',
  '12. starts a list',
  '2) does not interrupt a paragraph',
  '  - indented first item',
  '= setext',
  'Ends with a no-break space\u00a0',
  '<!-- a comment -->',
  '> a quote',
  '# a heading',
  '===',
  '---',
  '***',
  '* * *',
  '___',
  '_ _ _',
  '****',
  '<div>',
  '```',
];
const PLAIN = [
  'Plain words only, with commas.', 'Émile wrote: "the model (v2) beats 0.91 AUC!"', 'Ünïcödé text — with dashes… and 100% numbers', 'Line with a no-break\u00a0space inside', '日本語の文章です。',
  // Emphasis is the one inline construct a plain line may hold (plain-inline.ts).
  'Has *emphasis* in it', 'Has _under_scores', '**Data**: the lead', '***Both*** at once', 'snake_case and 2*3*4 stars', '*a **b* c**', '__init__ module',
  'a * b * c', '**unclosed bold', 'word**inside**word', '_a_b_', 'A **“quoted”** word', 'x*😀*y', '**Owner:**\u00a0team', 'a ***b** c*',
  'Ends with two spaces  ', 'Ends with a space ', '2nd outer fold', '3 main components', '(*Count data*)', '"Quoted" start', '…and more', '$5 per call',
  'Has a [link](https://x.y)', '[Paper](https://a.b/c_d) / [Blog](https://e.f)', 'An ![image](i.png) inline', '**[Bold link](x*y)**: lead', 'Text [in brackets] only',
  'Links bind *tighter [than*](u) emphasis', '[]() empty', 'a]b[c',
  'Has an &amp; entity', 'Has &#35; a number', 'Has &#x23; in hex', 'Has &nbsp; and &bogus; and &#0;', 'Has a back\\slash', 'Has \\*escaped\\* stars',
  'Has a | pipe', 'Template {{ value | default("x") }}', 'Customer: <Enter Customer Name\\>', '<Executive summary, overview\\>', '< 5 ms at p99', '<Custom placeholder', 'w0 + \\sum (w_i.x_i) <v_i, v_j> x',
  'A hard break\\', 'Has `code` in it', '**Bold** with `code`', 'Has ``a`b`` and `*not emphasis*` and `\\*`', 'Has ` padded ` and `<b>` and `&amp;` code',
  'An unclosed `` backtick run', 'R&D and Q&A', 'Latency < 100 ms', 'AT&T then &', 'Has <span and no end', 'a > b, c & d', 'x &amp', '**R&D**: lab',
];

/** Groups that are plain (read without a parse) and groups that are not (each must be parsed by remark). */
const PLAIN_GROUPS = ['## Heading text', '# A (b): c! 2.0', '###### 7. Deep, deeper', '## Trailing space ', '# Trailing tab \t', '- one\n- two', '* Élan\n* zèle', '1. one\n2. two\n10. ten', '3) x', '+ a', '- Offline \n- Online  ', '## Title\nText follows\nand more', '## Title\n- a\n- b', '### Steps\n2. second\n3. third',
  '## **Bold**', '## Model *and* data_set', '-  two spaces', '1.    four spaces', '- a\n  - b\n    - c\n- d', '1. a\n   - b\n   - c\n2. d', '- a\n    1. b\n    2. c',
  '- **Data**: x\n  - *nested* y', '* a\n * b', '- a\n  - b\n - c', '- a\n   - b\n  - c', '- a\n  - b\nlazy', '## Relevance & Reasons', '- Ranges & outliers (0 <= d < X)', '10. ten\n    - nested', '## Steps\n- a\n  - b',
  '- a\nlazy line', '- item\n  continued', '- item\ncontinued', '- 2023 revenue', '- a\n  continued text', '- a\n  - b\n  continued', '- a  \n  hard break', '1. **Intended use.** Text\n   wraps here.\n2. Next',
  'Text\n one space in', 'Text  \nhard break', 'Text\n      deeply indented continuation', 'Text\n    indented code cannot interrupt', '<!-- a comment -->', '<!-- over\n\nblank lines -->', '<!-- a --> tail', '## T\nText \nmore',
  '1. a\n    b\n\n2. c', '- a\n\n  - b\n\n- c', '- a\n  \n- b', '##\tOverview', '#\t \tTabs and spaces',
  'Text\n- a list interrupts', 'Text\n* a list\n  * nested', 'Text\n+ a', 'Text\n1. first\n2. second', 'Text\n1) first', '## Heading\nText  \nmore\n- item\nlazy', 'Break\\\nafter a backslash', '- item\\\n  broken', 'a | b\nc | d', '## `code` title', 'Text with `a\nb` across lines'];
const NOT_PLAIN_GROUPS = ['## Title #', '## Title ##', '## C# code', '#No space', '####### seven', '  ## indented', '## A\n## B', '## T\n- a\n1. b', 'Text\n## Heading after text', '- one\n* two', '1. a\n- b', '1. a\n2) b', '- [ ] task', '-     five spaces', '- a\n  2. b', '- a\n      - b', '- a\n  * b\n  - c', ' - a',  '- `code`', '1.5 million', '## Title\n***', '- a\n  ***', '<!-- a -->\ntext', '<!-->', '<!--->', '<!-- open', '<!-- NUL \u0000 -->', '- a\n  2) b', 'Text\n-5 points', 'Text\n===', '- a\n  # h', '- a\n\n      - b', '- a\n\nb', '- a\n\n  b', '## H\n\n- a', '- a\n\n* b', 'a | b\n:-|-', '- a | b\n  --|--', 'Space after\\ \nbackslash', 'A `a  \nb` code over a hard break', '- `code` first'];

describe('plain paragraphs, headings and lists read without a parse', () => {
  it('recognises plain groups and nothing else', () => {
    for (const group of [...PLAIN.map((l) => `${l}\n${l}`), ...PLAIN_GROUPS]) {
      for (const eol of ['\n', '\r\n', '\r']) {
        const text = `${group}\n\n`.replace(/\n/g, eol);
        assert.ok(plainLikeRemark(text), JSON.stringify(text));
      }
    }
    for (const line of NOT_PLAIN) {
      const text = `Plain first line\n${line}\n`;
      assert.equal(plainGroupBlocks(text, 0, text.length), undefined, JSON.stringify(text));
      // Alone, a few are plain groups of another kind (a heading, a list item): then they are remark's blocks.
      plainLikeRemark(`${line}\n`);
    }
    for (const group of NOT_PLAIN_GROUPS) assert.equal(plainGroupBlocks(`${group}\n`, 0, group.length + 1), undefined, JSON.stringify(group));
  });

  it('reads emphasis, nested and loose lists, continuation lines, trailing spaces and comments in generated groups as remark does', () => {
    // Runs of `*` and `_` of every length next to letters, spaces, punctuation, symbols and surrogate pairs, over
    // line endings, in paragraphs, headings and lists nested at every indent: the flanking rules, the rule of
    // three and the nesting columns (plain-inline.ts, parse.ts addPlainItem) against remark's own reading.
    const rnd = prng(11) as () => number;
    const pick = <T,>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;
    const atoms = ['a', 'Data', 'é', '1', ' ', ' ', '*', '**', '***', '_', '__', '___', '.', ',', '!', '(', ')', '"', "'", '-', ':', '$', '—', '\u00a0', '😀', 'a*b', 'x_y', '*a*', '**b**', '_c_', '__d__', '&', '&amp;', '&#1;', '<', '>', '<b>', '[', ']', '[a](b)', '![i](j)', '[^', ']['];
    const inline = () => Array.from({ length: Math.floor(rnd() * 9) }, () => pick(atoms)).join('');
    const starts = ['', '', '*', '**', '***', '_', '__', '(', '"', '2nd ', '3 ', '1.5 ', '1. ', '-', '+', '=', '#', '&', '…', '\u00a0', '<'];
    const line = () => pick(starts) + pick(['A', 'b', 'é', '1']) + inline() + pick(['', '', '', ' ', '  ', '   ', '\u00a0']);
    const markers = ['- ', '* ', '+ ', '1. ', '2. ', '1) ', '10. ', '-  ', '1.  ', '-    '];
    let plain = 0;
    for (let n = 0; n < 8000; n++) {
      const lines: string[] = [];
      if (rnd() < 0.3) lines.push(`${pick(['#', '##', '###'])}${pick([' ', '\t', ' \t'])}${line()}`);
      if (rnd() < 0.1) lines.push(`<!--${pick(['', ' ', '>', '->', ' x '])}${inline()}${pick(['', '\n', '\n\n'])}${inline()}${pick(['-->', '--', '->'])}${pick(['', ' ', '  tail'])}`);
      else {
        // A paragraph, a list, or a paragraph that a list interrupts.
        if (rnd() < 0.5) for (let i = 0; i < 1 + Math.floor(rnd() * 3); i++) lines.push(' '.repeat(i && rnd() < 0.3 ? pick([1, 2, 4, 6]) : 0) + line());
        if (rnd() < 0.6) {
          for (let i = 0; i < 1 + Math.floor(rnd() * 6); i++) {
            if (i && rnd() < 0.2) lines.push(pick(['', ' ', '  ']));
            lines.push(' '.repeat(pick([0, 0, 0, 1, 2, 3, 4, 5, 6, 8])) + (i && rnd() < 0.3 ? '' : pick(markers)) + line());
          }
        }
      }
      if (lines.length === 0) lines.push(line());
      plain += Number(plainLikeRemark(lines.join(pick(['\n', '\n', '\r\n'])) + '\n'));
    }
    assert.ok(plain > 600, `${plain} plain groups compared`);
  });

  it('reads emphasis next to links, images, escapes, references and HTML-like text in generated lines as remark does', () => {
    // Dense inline text: runs of markers, brackets, links, images, punctuation and surrogate pairs, where a link's
    // text is resolved on its own and its destination holds no delimiters (plain-inline.ts linksOf, runsOf).
    const rnd = prng(13) as () => number;
    const atoms = ['a', 'b', ' ', '*', '**', '_', '__', '`', '``', '`a`', '`*x*`', '` a `', '`\\*`', '`<b>`', '[', ']', '(', ')', '!', '](', '[a](b)', '![i](j)', '[x*y](u_v)', 'x_y', '.', '😀', '-', '&', '<', '"',
      '\\', '\\*', '\\_', '\\<', '\\&', '\\!', '\\[', '\\\\', '&nbsp;', '&#35;', '&#x1F600;', '&#0;', '&bogus;', '&amp', '<b>', '<a href="x">', '</b>', '<x@y.z>',
      '<http://a>', '<user, ad>', '<!-- c -->', '|', '{{ a | b }}'];
    const words = (n: number) => Array.from({ length: n }, () => atoms[Math.floor(rnd() * atoms.length)]!).join('');
    let plain = 0;
    for (let n = 0; n < 6000; n++) {
      const text = `${['A', 'A', '<', '<a', '<E', '<div', '</x', '<x '][Math.floor(rnd() * 8)]}${words(1 + Math.floor(rnd() * 14))}${rnd() < 0.3 ? `\nb${words(Math.floor(rnd() * 8))}` : ''}\n`;
      plain += Number(plainLikeRemark(text));
    }
    assert.ok(plain > 1200, `${plain} plain lines compared`);
  });

  it('gives remark’s blocks where a group depends on what came before it', () => {
    const cases = [
      // After indented code micromark reads an ordered item that does not start at 1 as a paragraph.
      'Plain text.\n\n    indented code\n\n2) An ordered item\n',
      'Plain text.\n\n\tcode after a tab\n\n7. Another ordered item\n\nPlain again.\n',
      '- item\n\n      code in the item\n\n3. Ordered\n',
      // A byte order mark inside the text is a character, not the start of a text.
      'Plain text.\n\n\uFEFFA line after a byte order mark\n',
      '# Title\n\n\uFEFF- not an item\n',
      // A fence or an HTML block (kinds 1-5) left open inside a list item ends with the item, before the blank line.
      '- ```\n  code\n\nPlain after it\n',
      '- <!-- a comment left open\n\nPlain after it\n',
      '1. <script>\n\nPlain after it\n',
      '- - <?php\n\nPlain after it\n',
      '  - ~~~\n\nPlain after it\n',
      '- item\n\n    <![CDATA[\n\nPlain after it\n',
    ];
    for (const text of cases) for (const start of [true, false]) sameBlocks(text, start);
  });

  it('sees a fence whose line holds a U+2028 or U+2029 (not line endings in Markdown) as remark does', () => {
    const cases = [
      '```\u2028python\ncode\n\n# Not a heading: inside the fence\n\nStill code\n',
      '```\ncode\n```\u2028\n# Not a heading: the fence is not closed\n\nStill code\n',
      '~~~\u2029\n\n# Inside\n\nPlain\n',
      '```\ncode\n``` \t\n\n# A heading: the fence closed\n\nPlain text.\n',
    ];
    for (const text of cases) {
      const doc = parseDocument(text);
      assert.equal(doc.degraded.length, 0);
      assert.deepEqual(doc.blocks, blocksOfTree(parseWithProcessor(text, true)), JSON.stringify(text));
    }
    assert.equal(splitChunks(cases[0]!).length, 1);
    assert.equal(splitChunks(cases[3]!).length, 2);
  });

  it('gives remark’s blocks when plain paragraphs sit next to every other kind of block', () => {
    const rnd = prng(7) as () => number;
    const pieces = [...PLAIN, ...PLAIN, ...PLAIN_GROUPS, ...NOT_PLAIN, ...NOT_PLAIN_GROUPS, '- item\n  continued', '```\ncode\n\nmore code\n```', '<div>\n\nhtml\n</div>', '<!--\n\nPlain inside a comment\n-->', '| a | b |\n|---|---|\n| c | d |', 'Setext\n------', '[ref]: https://example.com', 'See [ref].', '[^1]: Note.', '> quote\n\nPlain after a quote', '1. one\n\n   Plain inside the item', '\uFEFFA line after a byte order mark', '\uFEFF `code` after a byte order mark', '    indented code', '\tindented by a tab', '2) An ordered item', '7. Another ordered item'];
    let compared = 0;
    for (let n = 0; n < 400; n++) {
      const eol = ['\n', '\r\n', '\r'][Math.floor(rnd() * 3)]!;
      const blocks = Array.from({ length: 2 + Math.floor(rnd() * 12) }, () => pieces[Math.floor(rnd() * pieces.length)]!.replace(/\n/g, eol));
      const seps = blocks.map(() => [eol, eol + eol, eol + eol + eol][Math.floor(rnd() * 3)]!);
      const text = (rnd() < 0.2 ? '## Heading' + eol + eol : '') + blocks.map((b, i) => b + seps[i]).join('');
      sameBlocks(text, rnd() < 0.5);
      compared++;
    }
    assert.equal(compared, 400);
  });

  it('gives remark’s blocks on every chunk of every Markdown file of the repository and the corpus', () => {
    let plain = 0;
    for (const f of FILES) {
      for (const c of splitChunks(readFileSync(f, 'utf8'))) {
        sameBlocks(c.text, c.start === 0);
        plain += Number(c.text.split(/\n\n/).some((p) => p.length > 0 && plainGroupBlocks(p, 0, p.length) !== undefined));
      }
    }
    assert.ok(plain > 300, `${plain} chunks with a plain paragraph`);
  });

  it('gives remark’s blocks on generated documents', () => {
    fc.assert(
      fc.property(fc.oneof(markdownDoc, splicedDoc), (text) => {
        for (const c of splitChunks(text)) sameBlocks(c.text, c.start === 0);
      }),
      params(runs(300)),
    );
  });
});

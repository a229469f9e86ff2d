// The parser's chunks are the phrase search's segments of the analysed text (ml/phrases.ts adoptSegments), with
// each list's hits and the placeholder scan remembered with the cached chunk across versions. Exact: every hit
// and every placeholder is what one search over the whole text finds, on large texts made to break it (code
// fences holding `#` lines, CRLF and CR line breaks, indented and closed headings, `{{` running across a
// heading, HTML comments, front matter), before and after edits that move, split and merge chunks.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createParseCache, parseDocument, type ParseCache } from '../../server/src/engine/parse';
import { adoptSegments, compilePhrases } from '../../server/src/engine/ml/phrases';
import { READINESS_TESTS } from '../../server/src/engine/readiness';
import { placeholderMatches, scan } from '../../server/src/engine/rules/placeholder-text';
// @ts-expect-error: the benchmark's generator is plain JavaScript, shared so that tests and bench agree.
import { designDoc } from '../../bench/generate.mjs';

const TRICKY = [
  '```python\n# model drift check\nlatency = 100  # ms\n## not a heading: in a fence\n```\n',
  '   ## Indented monitoring heading ##\nThe model latency is TBD.\n',
  '## Template {{ the owner\n## of this section }} goes here\n',
  '<!--\n## Commented-out deployment\nretrain weekly\n-->\n',
  '#hashtag, not a heading: data drift\n',
  '~~~\n# shell comment about training data\n~~~\n',
  '## Success metrics\n\n- p99 latency under 150 ms\n- {% if x %} TODO {% endif %}\n',
  // A phrase and a placeholder run across a blank line: a cut anywhere but at a `#` line loses them.
  'We watch the data\n\ndrift of the feature\n\nstore, and {{ the\n\nowner }} signs off.\n',
];

function largeText(seed: number, eol: string): string {
  let text = '---\ntitle: x\n---\n' + designDoc(70_000, seed);
  // Tricky pieces at line starts spread through the text.
  const parts: string[] = [];
  let at = 0;
  TRICKY.forEach((piece, i) => {
    const cut = text.indexOf('\n', Math.floor(((i + 1) * text.length) / (TRICKY.length + 1))) + 1;
    parts.push(text.slice(at, cut), piece);
    at = cut;
  });
  parts.push(text.slice(at));
  text = parts.join('');
  return eol === '\n' ? text : text.replace(/\n/g, eol);
}

const LISTS = READINESS_TESTS.flatMap((t) => [t.strong, t.weak]).filter((l) => l.length > 0);

/** Searches of `text` over the chunks of its parse against the same searches without segments. */
function checkSearches(text: string, cache?: ParseCache & { roll(): void }): void {
  const parsed = parseDocument(text, cache);
  assert.equal(parsed.chunks.map((c) => c.text).join(''), text, 'the chunks are the text');
  adoptSegments(text, parsed.chunks, parsed.reuse);
  for (const list of LISTS) {
    const m = compilePhrases(list);
    // A '#' in a list turns segmenting off: the reference search over the whole text.
    const reference = compilePhrases([...list, '#no-such-phrase#']);
    const want = reference.find(text);
    assert.deepEqual(m.find(text), want, list.join('|'));
    const visited: [number, number, number][] = [];
    m.each(text, undefined, (p, s, e) => void visited.push([p, s, e]));
    assert.deepEqual(visited, want.map((h) => [h.phrase, h.span.start, h.span.end]));
    const within = { start: Math.floor(text.length / 3) + 7, end: Math.floor((2 * text.length) / 3) - 11 };
    assert.deepEqual(m.find(text, within), reference.find(text, within));
  }
  assert.deepEqual(placeholderMatches(text), scan(text));
}

describe('parse chunks as phrase segments', () => {
  it('the tricky large texts are cut into many chunks and hold placeholders and hits to find', () => {
    const text = largeText(3, '\n');
    assert.ok(text.length > 64 * 1024);
    assert.ok(parseDocument(text).chunks.length > 50);
    assert.ok(scan(text).length >= 4);
    assert.ok(LISTS.some((l) => compilePhrases(l).find(text).length > 20));
  });

  it('a `{{ … }}` opened in one segment runs over a short one into the next, at every segment length near the window', () => {
    // Segment j - 1 ends with an open `{{`, segment j (no braces) is 280-310 characters long, segment j + 1 closes
    // it at once: whether `{{` is open where j + 1 starts is read back across j into j - 1 when j is shorter than
    // the 305 characters the check reads (segment j's own text would say no).
    const parts: string[] = [designDoc(70_000, 11)];
    for (let len = 280; len <= 310; len++) {
      const head = `## Short ${len}\n`;
      parts.push(`## Opens ${len}\nText {{\n`, head + 'word '.repeat(80).slice(0, len - head.length - 1) + '\n', `# C\n}} after\n`);
    }
    const text = parts.join('');
    for (let i = 2; i < parts.length; i += 3) assert.equal(parts[i]!.length, 280 + (i - 2) / 3);
    // The match holds the line break, segment j and `# C\n`: 300 characters at most, so up to length 295.
    const runs = scan(text).filter((m) => m.found.startsWith('{{'));
    assert.equal(runs.length, 16, 'the whole-text scan finds a run for each length from 280 to 295');
    checkSearches(text);
    const cache = createParseCache();
    checkSearches(text, cache);
    cache.roll();
    checkSearches(text.replace('## Opens 290', '## Opens 290 x'), cache);
  });

  it('the index of segments with hits follows edits, whether the searches went through or stopped early', () => {
    // Dense lists (a hit in most segments, also in those next to an edit) and the readiness lists. Each version is
    // searched either in full or up to its n-th hit; a list is new every five versions (an extra phrase that never
    // matches), so that the index carried to the next version covers all segments, or only those up to a stop
    // before, inside or after the segments an edit cuts again.
    const lists = [['model', 'data', 'the'], ['latency', 'monitoring'], ...LISTS.slice(0, 6)];
    const cache = createParseCache();
    let text = largeText(7, '\n');
    const pieces = ['x', '\n## Deployment\n', ' the model ', '```', '\n# comment\n', ' data ', '```\n'];
    let partial = 0;
    for (let i = 0; i < 48; i++) {
      const at = Math.floor(((i * 7919) % 997) / 997 * text.length);
      text = i % 6 === 5 ? text.slice(0, at) + text.slice(at + 300) : text.slice(0, at) + pieces[i % pieces.length] + text.slice(at);
      const parsed = parseDocument(text, cache);
      adoptSegments(text, parsed.chunks, parsed.reuse);
      for (const [l, base] of lists.entries()) {
        // Some versions skip a list: its index is then two versions old.
        if (l !== 0 && (i * 3 + l) % 7 === 0) continue;
        const list = [...base, `qqz${Math.floor(i / 5)}`];
        const m = compilePhrases(list);
        const want = compilePhrases([...list, '#no-such-phrase#']).find(text).map((h) => [h.phrase, h.span.start, h.span.end]);
        // The dense list stops at its first hit past where the next edit goes: the index ends inside the segments
        // that edit cuts again.
        const nextAt = Math.floor(((((i + 1) * 7919) % 997) / 997) * text.length);
        const stopAt =
          l === 0 && i % 2 === 1 ? want.filter((h) => h[1]! < nextAt).length + 1 : (i + l) % 4 === 0 ? undefined : 1 + Math.floor((want.length * ((i * 37 + l * 11) % 100)) / 100);
        if (stopAt !== undefined && stopAt < want.length) partial++;
        const visited: number[][] = [];
        m.each(text, undefined, (p, st, e) => visited.push([p, st, e]) === stopAt);
        assert.deepEqual(visited, stopAt === undefined ? want : want.slice(0, stopAt), `${list.join('|')} after edit ${i}`);
        // And the whole text's hits, from the same index (its `find`).
        if (l >= 2 && (i + l) % 5 === 0) assert.deepEqual(m.find(text).map((h) => [h.phrase, h.span.start, h.span.end]), want);
      }
      cache.roll();
    }
    assert.ok(partial > 100, `searches stopped early: ${partial}`);
    assert.ok(compilePhrases(lists[0]!).find(text).length > 500);
  });

  for (const [name, eol] of [['LF', '\n'], ['CRLF', '\r\n'], ['CR', '\r']] as const) {
    it(`search over chunks equals the whole-text search (${name}), fresh and with a cache through edits`, () => {
      const start = largeText(5, eol);
      checkSearches(start);
      const cache = createParseCache();
      let text = start;
      const pieces = ['x', `${eol}## Deployment${eol}`, '```', `${eol}# comment${eol}`, '{{', '}}', ` TBD${eol}`, `<!--${eol}`, `-->${eol}`, ' model drift '];
      for (let i = 0; i < 24; i++) {
        const at = Math.floor(((i * 7919) % 997) / 997 * text.length);
        text = i % 5 === 4 ? text.slice(0, at) + text.slice(at + 200) : text.slice(0, at) + pieces[i % pieces.length] + text.slice(at);
        checkSearches(text, cache);
        cache.roll();
      }
    });
  }
});

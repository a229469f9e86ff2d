// latency-without-percentile decides each hit from its own sentence, remembered per parse chunk on a large text
// (rules/latency-without-percentile.ts chunkHits). Exact: its statements are what the hit-by-hit search over the
// whole text reports, on large texts made to break it (negations, sentences and list items running up to a
// heading, headings that mention latency, code, CRLF and CR), fresh and through edits with a cache.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, createParseCache } from '../../server/src/engine';
import { latencyFindings, latencyFindingsByHit } from '../../server/src/engine/rules/latency-without-percentile';
import type { RuleContext } from '../../server/src/engine/rules/types';
// @ts-expect-error: the benchmark's generator is plain JavaScript, shared so that tests and bench agree.
import { designDoc } from '../../bench/generate.mjs';

const TRICKY = [
  // A negation at the end of one chunk reaches a list item right under the next heading in the whole text.
  'Caching is not planned, there is no\n## A\n- latency of 100 ms for the cache\n',
  'We keep no\n### B\n\nlatency budget of 120 ms is set.\n',
  // A sentence that runs up to the next heading (no separator after the hit in its chunk).
  'The latency target is 300 ms and it holds for batch scoring too\n## C\nNext.\n',
  '## Latency is 200 ms\n\nThe p99 latency is 150 ms. The latency is 40 ms on average. Latency: 80.\n\n',
  '## D\n- Response time within 2 seconds\n* round trip under 90 ms\n',
  '```\nlatency = 100 ms\n```\n',
  'A sentence without separators and latency 12 ms' + ' word'.repeat(900) + '\n\n',
  'No latency of 300 ms is acceptable. The service must answer within 250 ms?\n\n',
];

function largeText(seed: number, eol: string): string {
  let text = designDoc(90_000, seed);
  const parts: string[] = [];
  let at = 0;
  TRICKY.forEach((piece, i) => {
    const cut = text.indexOf('\n', Math.floor(((i + 1) * text.length) / (TRICKY.length + 1))) + 1;
    // Its own paragraph: after a blank line, before one.
    parts.push(text.slice(at, cut), '\n', piece, '\n');
    at = cut;
  });
  parts.push(text.slice(at));
  text = parts.join('');
  return eol === '\n' ? text : text.replace(/\n/g, eol);
}

function check(text: string, cache?: ReturnType<typeof createParseCache>): number {
  const a = analyze(text, {}, cache ? { cache } : {});
  cache?.roll();
  const ctx = { text, doc: { blocks: a.blocks } } as unknown as RuleContext;
  const want = latencyFindingsByHit(ctx);
  assert.deepEqual(latencyFindings(ctx), want);
  return want.length;
}

describe('latency statements per chunk', () => {
  for (const [name, eol] of [['LF', '\n'], ['CRLF', '\r\n'], ['CR', '\r']] as const) {
    it(`give what the hit-by-hit search gives (${name}), fresh and through edits`, () => {
      let text = largeText(7, eol);
      assert.ok(text.length > 64 * 1024);
      assert.ok(check(text) >= 8, 'the text has statements to report');
      const cache = createParseCache();
      const pieces = [' latency 50 ms', `${eol}## Latency${eol}`, ' no', '. ', `${eol}${eol}`, '```', ' p99', 'x'];
      for (let i = 0; i < 16; i++) {
        const at = Math.floor((((i * 7919) % 997) / 997) * text.length);
        text = i % 4 === 3 ? text.slice(0, at) + text.slice(at + 120) : text.slice(0, at) + pieces[i % pieces.length] + text.slice(at);
        check(text, cache);
      }
    });
  }

  it('the statements the negation or the sentence of the chunk before decide are reported as on the whole text', () => {
    const text = largeText(9, '\n');
    const a = analyze(text);
    const ctx = { text, doc: { blocks: a.blocks } } as unknown as RuleContext;
    const found = latencyFindings(ctx).map((f) => text.slice(f.span.start, f.span.start + 40));
    // Negated in the whole text by the "no" that ends the chunk before: not reported.
    assert.ok(!found.some((t) => t.startsWith('latency of 100 ms for the cache')), 'negated across a heading');
    assert.ok(found.some((t) => t.startsWith('latency target is 300 ms')), 'a sentence up to the next heading');
  });
});

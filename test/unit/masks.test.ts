// Text that is not prose: inline code spans, comments, code blocks and front matter.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine';
import { codeSpans, commentSpans, insideAny, nonProseSpans } from '../../server/src/engine/masks';

const slices = (text: string, spans: readonly { start: number; end: number }[]) => spans.map((s) => text.slice(s.start, s.end));

describe('masks', () => {
  it('finds inline code spans closed by a run of the same length', () => {
    const text = 'a `b` c ``d ` e`` f ```g``` h';
    assert.deepEqual(slices(text, codeSpans(text)), ['`b`', '``d ` e``', '```g```']);
  });

  it('leaves unmatched or escaped backticks and spans across a blank line alone', () => {
    assert.deepEqual(codeSpans('a ` b'), []);
    assert.deepEqual(codeSpans('a \\`b` c'), []);
    assert.deepEqual(codeSpans('a `b\n\nc` d'), []);
    assert.deepEqual(slices('a `b\nc` d', codeSpans('a `b\nc` d')), ['`b\nc`']);
  });

  it('is fast on pathological backtick runs', () => {
    const text = '` `` '.repeat(20000);
    const started = process.hrtime.bigint();
    codeSpans(text);
    assert.ok(Number(process.hrtime.bigint() - started) / 1e6 < 1000);
  });

  it('finds HTML comments, including an unclosed one', () => {
    assert.deepEqual(slices('a <!-- b --> c <!-- d', commentSpans('a <!-- b --> c <!-- d')), ['<!-- b -->', '<!-- d']);
  });

  it('masks code blocks, front matter, comments and inline code of a document', () => {
    const text = '---\nk: v\n---\n# T\n\nSee `x`.\n\n```\ncode\n```\n\n<!-- c -->\n';
    const spans = nonProseSpans(text, analyze(text).blocks);
    const inside = insideAny(spans);
    assert.ok(inside(text.indexOf('k: v')));
    assert.ok(inside(text.indexOf('`x`') + 1));
    assert.ok(inside(text.indexOf('code')));
    assert.ok(inside(text.indexOf('<!-- c')));
    assert.ok(!inside(text.indexOf('See')));
    assert.ok(!inside(text.indexOf('# T')));
  });
});

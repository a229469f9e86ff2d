// The parse cache must follow the document, not its history: after many keystrokes it holds about one version's
// worth of chunks and derived data. A cache key that is a slice of the document text keeps that whole version
// alive (V8 slices point into their parent string), so one leaked key per keystroke held a copy of the document
// per keystroke (400 KB document, 100 edits: 55 MB of heap instead of 17 MB).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { analyze, createParseCache } from '../../server/src/engine';
// @ts-expect-error: the benchmark's generator is plain JavaScript, shared so that tests and bench agree.
import { designDoc } from '../../bench/generate.mjs';

function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

describe('parse cache memory', () => {
  it('does not keep earlier versions of the document alive over 60 keystrokes', () => {
    const gc = collector();
    let text: string = designDoc(400_000, 3);
    const cache = createParseCache();
    analyze(text, {}, { cache });
    cache.roll();
    gc();
    const before = process.memoryUsage().heapUsed;
    const edits = 60;
    for (let i = 0; i < edits; i++) {
      const at = Math.floor((((i * 37) % edits) + 0.5) * (text.length / edits));
      text = text.slice(0, at) + 'x' + text.slice(at);
      analyze(text, {}, { cache });
      cache.roll();
    }
    gc();
    const grown = (process.memoryUsage().heapUsed - before) / 1048576;
    // One version of the document is 0.4 MB (one byte per character): holding each would add ~24 MB.
    assert.ok(grown < 10, `the heap grew by ${grown.toFixed(1)} MB over ${edits} keystrokes`);
    // The cache still serves the document: an analysis with it equals a fresh one.
    assert.deepEqual(analyze(text, {}, { cache }).findings, analyze(text).findings);
  });
});

describe('analysis checkpoints (where the server trims its heap)', () => {
  it('are called every 256 KB newly parsed, not on a keystroke, and what they throw changes nothing', () => {
    const text: string = designDoc(600_000, 4);
    let calls = 0;
    const cache = createParseCache();
    const opened = analyze(text, {}, { cache, checkpoint: () => void calls++ });
    cache.roll();
    assert.equal(calls, 2, '600 KB parsed: two checkpoints');
    const edited = text.slice(0, 1000) + 'x' + text.slice(1000);
    analyze(edited, {}, { cache, checkpoint: () => void calls++ });
    assert.equal(calls, 2, 'one chunk parsed again: no checkpoint');
    const throwing = analyze(text, {}, { checkpoint: () => { throw new Error('host failure'); } });
    assert.deepEqual(throwing.findings, opened.findings);
    assert.deepEqual(throwing.sections, opened.sections);
  });
});

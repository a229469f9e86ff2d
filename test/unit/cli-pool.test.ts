import { test } from 'node:test';
import assert from 'node:assert/strict';
import { threadCount } from '../../server/src/cli/pool';

const idle = (cores: number) => ({ cores, load: 0 });

test('threadCount: one thread for a few documents, whatever the machine', () => {
  assert.equal(threadCount(10, {}, idle(16)), 1);
  assert.equal(threadCount(47, {}, idle(16)), 1);
});

test('threadCount: a worker only for each idle core and a half (V8 keeps ~1.5 cores busy per thread)', () => {
  assert.equal(threadCount(210, {}, idle(1)), 1);
  assert.equal(threadCount(210, {}, idle(2)), 1, 'two threads on two cores were slower than one');
  assert.equal(threadCount(210, {}, idle(3)), 2);
  assert.equal(threadCount(210, {}, idle(4)), 2);
  assert.equal(threadCount(210, {}, idle(6)), 4);
  assert.equal(threadCount(210, {}, idle(64)), 8, 'at most eight');
  assert.equal(threadCount(210, {}, { cores: 8, load: 5 }), 2, 'busy cores do not count');
  assert.equal(threadCount(210, {}, { cores: 4, load: 9 }), 1);
  assert.equal(threadCount(60, {}, idle(64)), 8);
  assert.equal(threadCount(48, {}, idle(64)), 8);
});

test('threadCount: MLDOC_THREADS wins, bounded by the batches there are', () => {
  assert.equal(threadCount(210, { MLDOC_THREADS: '2' }, idle(2)), 2);
  assert.equal(threadCount(10, { MLDOC_THREADS: '3' }, idle(1)), 3);
  assert.equal(threadCount(4, { MLDOC_THREADS: '3' }, idle(1)), 1, 'one batch of four: one thread');
  assert.equal(threadCount(210, { MLDOC_THREADS: '0' }, idle(2)), 1, 'not a thread count: the default');
  assert.equal(threadCount(210, { MLDOC_THREADS: 'many' }, idle(2)), 1);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tuneV8, V8_FLAGS } from '../../server/src/v8-tuning';

test('tuneV8 turns TurboFan inlining off, unless MLDOC_V8_INLINING=1 asks for V8 defaults', () => {
  const set: string[] = [];
  assert.equal(tuneV8({}, (f) => void set.push(f)), '--no-turbo-inlining');
  assert.deepEqual(set, ['--no-turbo-inlining']);
  assert.equal(tuneV8({ MLDOC_V8_INLINING: '1' }, (f) => void set.push(f)), undefined);
  assert.equal(set.length, 1);
  assert.equal(tuneV8({ MLDOC_V8_INLINING: '0' }, (f) => void set.push(f)), V8_FLAGS);
});

test('tuneV8 never throws: a refused flag leaves V8 as it is', () => {
  assert.equal(tuneV8({}, () => { throw new Error('frozen flags'); }), undefined);
});

test('the server and the CLI entry points tune V8 before they serve', () => {
  const root = join(__dirname, '..', '..', '..');
  for (const entry of ['server/src/main.ts', 'server/src/cli.ts']) {
    const src = readFileSync(join(root, entry), 'utf8');
    assert.match(src, /^(?:if \(isMainThread\) )?tuneV8\(\);$/m, entry);
  }
  for (const bundle of ['dist/server.js', 'dist/cli.js']) assert.ok(readFileSync(join(root, bundle), 'utf8').includes('--no-turbo-inlining'), bundle);
});

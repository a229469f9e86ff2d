import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { removeTempDirs, tempDir } from '../temp-dir';

test('tempDir makes a fresh folder that is removed, with its files, when the test process exits', () => {
  const a = tempDir('mldoc-tmp-');
  const b = tempDir('mldoc-tmp-');
  assert.notEqual(a, b);
  writeFileSync(join(a, 'doc.md'), '# A\n');
  assert.ok(process.listeners('exit').includes(removeTempDirs), 'removal is hooked to the process exit');
  removeTempDirs();
  assert.equal(existsSync(a), false);
  assert.equal(existsSync(b), false);
});

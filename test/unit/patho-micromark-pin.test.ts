// micromark is pinned (package.json `overrides`) to 4.0.2: 4.0.3 copies its event array each time a list item
// or block quote closes, which made a 4 MB design doc parse ~3.5x slower and list- and quote-heavy documents
// up to an order of magnitude slower (measured with `npm run bench`; see docs/performance.md). This test fails
// when the installed version drifts from the pin, e.g. after an `npm install` that dropped the override.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const root = join(__dirname, '..', '..', '..');
const json = (...path: string[]) => JSON.parse(readFileSync(join(root, ...path), 'utf8'));

describe('micromark pin', () => {
  const pinned: string = json('package.json').overrides?.micromark;

  it('is declared as an exact version in package.json overrides', () => {
    assert.match(pinned ?? '', /^\d+\.\d+\.\d+$/);
  });

  // Every copy of micromark in the tree, as the lock file places them (remark's may sit nested under it).
  const lock = json('package-lock.json');
  const copies = Object.entries(lock.packages as Record<string, { version?: string }>).filter(([p]) => /(^|\/)node_modules\/micromark$/.test(p));

  it('is what the lock file resolves', () => {
    assert.ok(copies.length > 0);
    for (const [path, entry] of copies) assert.equal(entry.version, pinned, path);
  });

  it('is what is installed', () => {
    for (const [path] of copies) assert.equal(json(...path.split('/'), 'package.json').version, pinned, path);
  });
});

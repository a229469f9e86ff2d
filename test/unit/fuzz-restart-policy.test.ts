// The client's restart policy under generated crash histories: it restarts exactly while the crashes inside the
// window stay within the limit, remembers only crashes inside the window, and a crash storm always ends in
// "give up" (so the user gets the one message with a Restart action instead of an endless restart loop).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { defaultRestartPolicy, recordCrash } from '../../client/src/restart-policy';
import { params } from '../fuzz/arbitraries';

describe('restart policy (fast-check)', () => {
  it('restarts iff the crashes in the window, this one included, are at most maxCrashes', () => {
    fc.assert(
      fc.property(
        fc.record({ maxCrashes: fc.integer({ min: 0, max: 6 }), windowMs: fc.integer({ min: 1, max: 600_000 }) }),
        fc.array(fc.integer({ min: 0, max: 120_000 }), { maxLength: 30 }),
        (policy, gaps) => {
          let crashes: number[] = [];
          let now = 0;
          for (const gap of gaps) {
            now += gap;
            const all = [...crashes, now];
            const outcome = recordCrash(crashes, now, policy);
            const inWindow = all.filter((t) => now - t < policy.windowMs);
            assert.deepEqual(outcome.crashes, inWindow);
            assert.equal(outcome.restart, inWindow.length <= policy.maxCrashes);
            crashes = outcome.crashes;
          }
        },
      ),
      params(500),
    );
  });

  it('a crash loop (the server dies right after each restart) gives up after maxCrashes restarts', () => {
    let crashes: number[] = [];
    let restarts = 0;
    for (let now = 0; ; now += 1000) {
      const outcome = recordCrash(crashes, now);
      crashes = outcome.crashes;
      if (!outcome.restart) break;
      restarts++;
      assert.ok(restarts <= 100, 'never gives up');
    }
    assert.equal(restarts, defaultRestartPolicy.maxCrashes);
  });

  it('crashes far apart are restarted forever', () => {
    let crashes: number[] = [];
    for (let k = 0; k < 50; k++) {
      const outcome = recordCrash(crashes, k * (defaultRestartPolicy.windowMs + 1));
      assert.equal(outcome.restart, true);
      crashes = outcome.crashes;
      assert.equal(crashes.length, 1);
    }
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { recordCrash } from '../../client/src/restart-policy';

describe('recordCrash', () => {
  const policy = { maxCrashes: 2, windowMs: 1000 };

  it('restarts until the crashes in the window exceed the limit', () => {
    const first = recordCrash([], 0, policy);
    const second = recordCrash(first.crashes, 100, policy);
    const third = recordCrash(second.crashes, 200, policy);
    assert.deepEqual([first.restart, second.restart, third.restart], [true, true, false]);
  });

  it('forgets crashes older than the window', () => {
    const outcome = recordCrash([0, 100], 1500, policy);
    assert.deepEqual(outcome, { crashes: [1500], restart: true });
  });
});

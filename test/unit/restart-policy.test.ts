import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_STREAM_ERRORS, onStreamError, recordCrash } from '../../client/src/restart-policy';

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

describe('onStreamError', () => {
  const policy = { maxCrashes: 2, windowMs: 1000 };

  it('lets up to three errors in a row pass, and a read error (no count) is one', () => {
    assert.equal(MAX_STREAM_ERRORS, 3);
    for (const count of [undefined, 1, 2, 3]) assert.deepEqual(onStreamError(count, [0, 10], 20, policy), { action: 'continue' }, String(count));
  });

  it('takes a fourth error in a row as a crash: recorded in the same history, restart while the policy allows', () => {
    assert.deepEqual(onStreamError(4, [], 100, policy), { action: 'restart', crashes: [100] });
    assert.deepEqual(onStreamError(4, [100], 200, policy), { action: 'restart', crashes: [100, 200] });
  });

  it('gives up like a crashing process once the crashes in the window exceed the limit, counting both kinds', () => {
    // Two process exits (recordCrash) then a broken stream: the third crash in the window gives up.
    const exits = recordCrash(recordCrash([], 0, policy).crashes, 100, policy).crashes;
    assert.deepEqual(onStreamError(7, exits, 200, policy), { action: 'give-up', crashes: [0, 100, 200] });
    // And after a broken stream, a process exit sees it in the history.
    const broken = onStreamError(4, [0], 100, policy);
    assert.equal(broken.action, 'restart');
    assert.equal(recordCrash(broken.action === 'restart' ? broken.crashes : [], 200, policy).restart, false);
  });

  it('forgets crashes older than the window', () => {
    assert.deepEqual(onStreamError(5, [0, 100], 1500, policy), { action: 'restart', crashes: [1500] });
  });
});

// The server's heap trimming (heap-trim.ts): it must never throw (it runs after every large analysis), and a
// budget of 0 turns it off. What it saves is measured by the benchmark (peak_rss_mb_4mb), not asserted here.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createHeapTrimmer, GC_BUDGET_MB, TRIM_DOCUMENTS_FROM } from '../../server/src/heap-trim';

describe('heap trimming', () => {
  it('collects past the budget, repeatedly, without throwing', () => {
    const trimmer = createHeapTrimmer(1);
    for (let i = 0; i < 3; i++) {
      const garbage = Array.from({ length: 10_000 }, (_, k) => ({ k }));
      assert.equal(garbage.length, 10_000);
      trimmer.afterLargeAnalysis();
    }
  });

  it('a budget of 0 (collection off) is accepted', () => {
    assert.doesNotThrow(() => createHeapTrimmer(0).afterLargeAnalysis());
  });

  it('applies to large documents only, with a budget', () => {
    assert.ok(TRIM_DOCUMENTS_FROM >= 1_000_000);
    assert.ok(GC_BUDGET_MB > 0);
  });
});

describe('heap trimming while a large document is parsed', () => {
  it('collects once the old generation grew past three budgets, then not until it grows again; never with budget 0', () => {
    let runs = 0;
    const counting = () => () => void runs++;
    // A fresh trimmer has collected nothing yet: the old generation (megabytes) is past three budgets of 1 MB.
    const trimmer = createHeapTrimmer(1024 * 1024, counting);
    trimmer.duringLargeParse();
    assert.equal(runs, 1);
    // Right after that collection (recorded as the new baseline), nothing has been promoted since.
    trimmer.duringLargeParse();
    assert.equal(runs, 1);
    createHeapTrimmer(0, counting).duringLargeParse();
    assert.equal(runs, 1, 'budget 0: off');
    // With V8's own collector it must not throw either.
    assert.doesNotThrow(() => createHeapTrimmer(1).duringLargeParse());
  });

  it('while parsing, its own budget decides (not the one after an analysis)', () => {
    let runs = 0;
    const counting = () => () => void runs++;
    // The old generation in use (megabytes) is under an open budget of 1 TB: no collection, whatever the other.
    createHeapTrimmer(1024 * 1024, counting, 1024 ** 4).duringLargeParse();
    assert.equal(runs, 0);
    // and past an open budget of 1 byte, even with a huge budget after analyses.
    createHeapTrimmer(1024 ** 4, counting, 1).duringLargeParse();
    assert.equal(runs, 1);
  });
});

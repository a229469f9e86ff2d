// Heap trimming for large documents. Each analysis of a multi-megabyte document leaves tens of megabytes of
// garbage in the old generation (the previous version's analysis, promoted while the next one ran), and V8 lets
// the old generation grow to several times its live size before it collects: at 4 MB the server peaked near
// 700 MB for ~80 MB of live data. After an analysis of a large document has been published, a full collection
// is run when the heap has grown by more than a budget since the last one. It costs tens of milliseconds, runs
// only for large documents, and replaces V8's own major collections there. A full collection also drops the
// optimised code made for closures and hidden classes that died with the last analysis; the engine's keystroke
// code avoids both (see engine/by-place.ts), so the analysis after a trim is about as fast as the others (it was
// ~30 ms slower at 4 MB before). Numbers in docs/performance.md.
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * How far (MB) the heap may grow past what the last collection left, after an analysis. Measured at 4 MB over
 * 100 edits, same machine: budget 32 MB peak RSS 260-265 MB (when a keystroke left ~70 MB, i.e. a collection
 * after every edit), 64 MB 298-305 MB (a keystroke's garbage sometimes stays under the budget, and the next one
 * doubles it), no collection ~570 MB. Since the coverage evidence is built only when read (~110,000 objects
 * fewer per keystroke): 32 MB p50 167-172 ms, peak 231-232 MB; 40 MB p50 136-152 ms, peak 237-242 MB;
 * 48 MB peak 248-253 MB (over the 250 MB target). Since the parse cache keeps one copy of a chunk's blocks and
 * the phrase search's segments are the parse chunks (live heap at 4 MB 66 -> 56.5 MB; 100 edits, two runs
 * each): 40 MB peak 224-228 MB, p50 133-139 ms; 56 MB peak 237.5 MB, p50 112-117 ms; 64 MB peak 250-255 MB.
 */
export const GC_BUDGET_MB = 56;

/** How far (MB) the old generation may grow while a large document is parsed (opened, or a large paste):
 * 96 MB collects once or twice while a 4 MB document opens (measured below, at duringLargeParse). */
export const OPEN_GC_BUDGET_MB = 96;

/** Documents at least this long (characters) trigger the check. */
export const TRIM_DOCUMENTS_FROM = 1_000_000;

let gcFn: (() => void) | null | undefined;

/** V8's gc(), exposed at run time (no command-line flag needed); null when it cannot be had. */
function collector(): (() => void) | null {
  if (gcFn === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      gcFn = runInNewContext('gc') as () => void;
    } catch {
      gcFn = null;
    }
  }
  return gcFn;
}

/** `gc` is V8's collector by default (tests pass one that counts). */
/** `budgetBytes` after an analysis, `openBudgetBytes` while parsing; 0 turns collection off. */
export function createHeapTrimmer(budgetBytes: number, gc: () => (() => void) | null = collector, openBudgetBytes = 3 * budgetBytes) {
  /** Heap in use right after the last collection we ran (0: none yet). */
  let live = 0;
  /** Old generation in use right after the last collection we ran (0: none yet). */
  let oldLive = 0;
  const collect = (): void => {
    const run = gc();
    if (!run) return;
    run();
    live = process.memoryUsage().heapUsed;
    oldLive = oldSpaceUsed();
  };
  return {
    /** Called after a large document's diagnostics were sent; collects when the heap grew past the budget. */
    afterLargeAnalysis(): void {
      if (budgetBytes <= 0) return;
      const used = process.memoryUsage().heapUsed;
      if (used < live + budgetBytes) return;
      collect();
    },
    /**
     * Called while a large document is parsed (every 256 KB: opening it, a large paste). Counts only what was
     * promoted to the old generation since the last collection (the young generation's garbage goes anyway),
     * against the open budget (OPEN_GC_BUDGET_MB), so that it collects once or twice while a 4 MB document is opened: a
     * forced collection drops much of V8's optimised code (the parser's closures, made per parse, and more), and
     * the code that runs after it is slower until re-optimised (~0.3 s per collection at 4 MB, far more than its
     * pause). Measured at 4 MB: peak while opening 244-249 MB without, 225-229 MB with; opening 3.0-3.1 s -> 3.5-3.7 s.
     */
    duringLargeParse(): void {
      if (budgetBytes <= 0) return;
      if (oldSpaceUsed() < oldLive + openBudgetBytes) return;
      collect();
    },
  };
}

/** Bytes in use in the old generation (old and large-object spaces). */
function oldSpaceUsed(): number {
  let used = 0;
  for (const s of getHeapSpaceStatistics()) if (s.space_name === 'old_space' || s.space_name === 'large_object_space') used += s.space_used_size;
  return used;
}

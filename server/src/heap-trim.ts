// Heap trimming for large documents. Each analysis of a multi-megabyte document leaves tens of megabytes of
// garbage in the old generation (the previous version's analysis, promoted while the next one ran), and V8 lets
// the old generation grow to several times its live size before it collects: at 4 MB the server peaked near
// 700 MB for ~70 MB of live data. After an analysis of a large document has been published, a full collection
// is run when the heap has grown by more than a budget since the last one. It costs tens of milliseconds and
// runs only for large documents, and only once every few edits.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

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

export function createHeapTrimmer(budgetBytes: number) {
  /** Heap in use right after the last collection we ran (0: none yet). */
  let live = 0;
  return {
    /** Called after a large document's diagnostics were sent; collects when the heap grew past the budget. */
    afterLargeAnalysis(): void {
      if (budgetBytes <= 0) return;
      const used = process.memoryUsage().heapUsed;
      if (used < live + budgetBytes) return;
      const gc = collector();
      if (!gc) return;
      gc();
      live = process.memoryUsage().heapUsed;
    },
  };
}

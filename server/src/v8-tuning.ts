// V8 settings of the server and CLI processes (not of the engine: it is pure and runs wherever it is called).
//
// Without TurboFan inlining. The analysis runs a few hundred functions once per keystroke (or once per file in the
// CLI); V8 optimises them over the first analyses of a document, and with inlining that took ~12 analyses after
// opening a 400 KB document, each 2-4 times slower than later ones. Without inlining V8 optimises sooner and the
// optimised code is about as fast on these workloads (2-core AMD EPYC, Node 20, alternated runs):
//  - 400 KB, server, 100 edits: p95 33.5 ms -> 23.0-24.1 ms, p50 11.9-13.3 -> 11.1-11.5 ms; in process, the mean of
//    the first 20 edits 24-31 -> 16-19 ms, later edits 8-11 ms either way, opening 670-750 -> 540-670 ms;
//  - CLI, 210 files: 2.24-2.60 -> 2.00-2.30 s (CPU 3.4-3.9 -> 2.7-3.1 s);
//  - 4 MB, server, 100 edits: p50 119-138 -> 126-129 ms, p95 170-192 -> 171-182 ms (within the noise), though warm
//    keystrokes in process are slower (88-95 -> 101-120 ms): the one place it costs.
// Partial limits (--max-inlined-bytecode-size=100 or 200, --max-inlined-bytecode-size-cumulative=230 or 460) and
// --maglev kept the slow start. MLDOC_V8_INLINING=1 keeps V8's default.
import { setFlagsFromString } from 'node:v8';

export const V8_FLAGS = '--no-turbo-inlining';

/** Sets V8_FLAGS unless the environment asks for V8's defaults; returns what was set. Never throws. */
export function tuneV8(env: Readonly<Record<string, string | undefined>> = process.env, set: (flags: string) => void = setFlagsFromString): string | undefined {
  if (env['MLDOC_V8_INLINING'] === '1') return undefined;
  try {
    set(V8_FLAGS);
    return V8_FLAGS;
  } catch {
    return undefined;
  }
}

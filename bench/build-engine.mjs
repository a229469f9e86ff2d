// Bundles the engine (server/src/engine) for the benchmark's child processes.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Not under out/: `scripts/build.mjs --tests` empties out/, possibly while a benchmark runs.
export const ENGINE = join(root, 'node_modules/.cache/mldoc-bench/engine.cjs');

export async function buildEngine() {
  await build({ entryPoints: [join(root, 'server/src/engine/index.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: ENGINE, logLevel: 'warning' });
  return ENGINE;
}

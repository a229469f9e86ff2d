// Child process of the benchmark: generates one input, analyses it once with the engine and prints
// {"ms", "bytes", "degraded", "headings", "blocks"} on stdout. Run with a timeout by the parent.
//   node bench/analyze-one.mjs ENGINE KIND BYTES     (KIND: design | a pathological family)
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { designDoc, pathological } from './generate.mjs';

const [enginePath, kind, size] = [process.argv[2], process.argv[3], Number(process.argv[4])];
const { analyze } = createRequire(import.meta.url)(resolve(enginePath));
const text = kind === 'design' ? designDoc(size) : pathological(size)[kind];
if (text === undefined) throw new Error(`unknown input ${kind}`);
analyze('# Warm-up\n\nSome *text* and a [link](x).\n\n## Data\n\n- a\n- b\n'); // load and JIT the code paths once
const t = performance.now();
const a = analyze(text);
const ms = performance.now() - t;
process.stdout.write(JSON.stringify({ kind, bytes: text.length, ms, degraded: a.degraded.length, headings: a.headings.length, blocks: a.blocks.length }) + '\n');

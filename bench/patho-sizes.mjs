// How each pathological family scales: remark (unified + remark-parse + remark-gfm) against the engine's
// analysis, per size, each run in a child process with a timeout. The numbers behind risk.ts's thresholds.
//   node scripts/build.mjs && node bench/patho-sizes.mjs [--sizes 16000,64000,256000,1000000] [--timeout 10000]
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildEngine, root } from './build-engine.mjs';
import { pathological } from './generate.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const SIZES = opt('sizes', '16000,64000,256000,1000000').split(',').map(Number);
const TIMEOUT = Number(opt('timeout', '10000'));

function child(script, childArgs) {
  return new Promise((resolve) => {
    const c = spawn(process.execPath, [join(root, 'bench', script), ...childArgs], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    c.stdout.on('data', (d) => (out += d));
    const timer = setTimeout(() => c.kill('SIGKILL'), TIMEOUT);
    c.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(signal ? { timeout: true } : code === 0 ? JSON.parse(out.trim().split('\n').pop()) : { error: code });
    });
  });
}

const engine = await buildEngine();
const show = (r) => (r.timeout ? `>${TIMEOUT}` : r.error !== undefined ? 'error' : Math.round(r.ms).toString());
console.log(`| family | bytes | remark ms | engine ms | degraded |\n|---|---|---|---|---|`);
for (const kind of Object.keys(pathological(1000))) {
  for (const size of SIZES) {
    const remark = await child('remark-one.mjs', [kind, String(size)]);
    const mine = await child('analyze-one.mjs', [engine, kind, String(size)]);
    console.log(`| ${kind} | ${mine.bytes ?? remark.bytes ?? size} | ${show(remark)} | ${show(mine)} | ${mine.degraded ? 'yes' : mine.degraded === 0 ? 'no' : '-'} |`);
  }
}

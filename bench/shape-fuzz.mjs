// A search for input shapes that make the engine slow: each of many short units repeated to a size, inside
// each of several contexts (paragraph, list item, table cell, heading, quote, HTML block, link text,
// emphasis, front matter), analysed once by the built engine; prints the shapes over a threshold, slowest
// first. A benchmark, not a test: it times on this machine. Found the quadratic shapes fixed on 2026-11-27
// (docs/performance.md, "This round (sixth session…)").
//
//   node bench/shape-fuzz.mjs [--size 50000] [--over-ms 300] [--pairs]
// --pairs also tries every two units alternated ("[a" + "](", ...), which takes longer.
import { createRequire } from 'node:module';
import { buildEngine } from './build-engine.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const size = opt('--size', 50_000);
const overMs = opt('--over-ms', 300);
const pairs = args.includes('--pairs');

const { analyze } = createRequire(import.meta.url)(await buildEngine());

const UNITS = ['<a', '<', '[a', '(', '**', '__', 'a.', 'http:', '<!--', '{{', '|', '`', '~~~', '# ', '- [', '@', ':', '?', 'a-', '![', '](', '&#', '\\', '<b ', 'x<', '"', "'", '$', '%', '{%', 'TBD ', '...', 'e.g. ', 'p9', '1. ', '--', '>', '<http', 'www.', '*a', '_a', 'ms ', '9', '  ', '\t', '[^', '~~', '- ', '> ', '<div>', '-->', '[a]: ', '*a*', '`a'];
const CONTEXTS = {
  paragraph: (b) => b,
  'list item': (b) => '- ' + b,
  'table cell': (b) => '| a | b |\n|---|---|\n| ' + b + ' | x |',
  heading: (b) => '## ' + b,
  quote: (b) => '> ' + b,
  'html block': (b) => '<div>\n' + b,
  'link text': (b) => '[' + b + '](x)',
  emphasis: (b) => '**' + b + '**',
};

const bodies = UNITS.map((u) => [JSON.stringify(u), u]);
if (pairs) for (const a of UNITS) for (const b of UNITS) if (a !== b) bodies.push([JSON.stringify(a + b), a + b]);
const slow = [];
let runs = 0;
for (const [label, unit] of bodies) {
  const body = unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  for (const [context, wrap] of Object.entries(CONTEXTS)) {
    const text = `# Design\n\n## Data\n\nSome data text.\n\n${wrap(body)}\n\n## Model\n\nTrees.\n`;
    const t = performance.now();
    const a = analyze(text);
    const ms = performance.now() - t;
    runs++;
    if (ms > overMs) slow.push({ ms, label, context, degraded: a.degraded.length > 0 });
  }
}
slow.sort((x, y) => y.ms - x.ms);
console.log(`${runs} shapes of ${size} characters; ${slow.length} over ${overMs} ms`);
for (const s of slow) console.log(`${s.ms.toFixed(0).padStart(7)} ms  ${s.label} in a ${s.context}${s.degraded ? ' (read by the line scan)' : ''}`);

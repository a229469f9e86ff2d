// Per-edit latency of the language server: didChange -> publishDiagnostics for that version, measured over
// stdio against the built dist/server.js, as an editor sees it (debounce included).
//   node scripts/build.mjs --tests && node out/scripts/lsp-latency.js [file.md] [--edits N] [--debounce MS] [--scale K]
// --scale K appends K appendix sections to the document to see how latency grows with size.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileUri, startClient } from '../test/protocol/lsp-client';

const ROOT = resolve(__dirname, '../..');
const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const file = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? join(ROOT, 'examples/fraud-detection-design.md');
const edits = opt('edits', 40);
const scale = opt('scale', 0);
const debounce = args.includes('--debounce') ? opt('debounce', 200) : undefined;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main(): Promise<void> {
  let text = readFileSync(file, 'utf8');
  for (let i = 0; i < scale; i++) {
    text += `\n## Appendix ${i + 1}\n\n${'The feature pipeline joins card transactions with device data and merchant history before scoring. '.repeat(8)}\n`;
  }
  const root = mkdtempSync(join(tmpdir(), 'mldoc-latency-'));
  const uri = fileUri(join(root, basename(file).replace(/\.md$/, '') + (/design/.test(basename(file)) ? '' : '-design') + '.md'));
  const client = await startClient({ root, server: join(ROOT, 'dist/server.js'), env: debounce !== undefined ? { MLDOC_DEBOUNCE_MS: String(debounce) } : {} });
  try {
    const t0 = performance.now();
    const opened = client.waitForDiagnostics(uri);
    client.open(uri, text);
    await opened;
    const openMs = performance.now() - t0;
    const times: number[] = [];
    // Type into the middle of the document, one character per edit, waiting for each edit's diagnostics.
    const at = text.indexOf('\n\n', Math.floor(text.length / 2));
    for (let v = 2; v < edits + 2; v++) {
      text = text.slice(0, at) + 'x' + text.slice(at);
      const start = performance.now();
      const published = client.waitForDiagnostics(uri, (p) => p.version === v, 30_000);
      client.change(uri, v, text);
      await published;
      times.push(performance.now() - start);
    }
    const sorted = [...times].sort((a, b) => a - b);
    const f = (n: number) => n.toFixed(1);
    console.log(
      `${basename(file)}${scale ? ` + ${scale} appendices` : ''} (${text.length} chars), debounce ${debounce ?? 'default (200)'} ms, ${edits} edits: ` +
        `open ${f(openMs)} ms; per edit p50 ${f(percentile(sorted, 50))} ms, p95 ${f(percentile(sorted, 95))} ms, max ${f(sorted[sorted.length - 1]!)} ms`,
    );
    await client.stop();
  } finally {
    if (client.process.exitCode === null) client.process.kill();
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});

// Bundles the client, server and CLI into dist/ (and, with --tests, every test file and script into out/).
// One bundler for everything: remark and its friends are ESM-only, the VS Code extension host wants CommonJS.
import { build } from 'esbuild';
import { chmodSync, existsSync, readdirSync, statSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const withTests = process.argv.includes('--tests');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
};

function walk(dir, pick) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p, pick));
    else if (pick(p)) out.push(p);
  }
  return out;
}

await build({
  ...common,
  // Entry points that do not exist yet are skipped, so that each part builds as soon as it is written.
  entryPoints: Object.fromEntries(
    Object.entries({ client: 'client/src/extension.ts', server: 'server/src/main.ts', cli: 'server/src/cli.ts' }).filter(([, p]) => existsSync(p)),
  ),
  outdir: 'dist',
  external: ['vscode'],
  minify: true,
});
// The bins (package.json `bin`) start with `#!/usr/bin/env node` (from their sources) and must be executable.
for (const bin of ['dist/server.js', 'dist/cli.js']) if (existsSync(bin)) chmodSync(bin, 0o755);

if (withTests) {
  rmSync('out', { recursive: true, force: true });
  const entries = [
    ...walk('test', (p) => /\.test\.ts$/.test(p) || /test[/\\]e2e[/\\].*\.ts$/.test(p)),
    ...walk('scripts', (p) => p.endsWith('.ts')),
  ];
  await build({
    ...common,
    entryPoints: entries,
    outdir: 'out',
    outbase: '.',
    external: ['vscode', 'mocha'],
  });
}

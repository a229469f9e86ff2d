// Runs the injection grammar's tests against VS Code's Markdown grammar (from the tm-grammars package):
// assertion tests (test/grammar/*.test.md) and snapshots (test/grammar/snap/*.md + .snap).
//   node test/grammar/run.mjs            check
//   node test/grammar/run.mjs --update   rewrite the snapshots after an intended grammar change
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const markdown = require.resolve('tm-grammars/grammars/markdown.json');
const bin = (name) => join(root, 'node_modules', 'vscode-tmgrammar-test', 'dist', `${name}.js`);
const grammars = ['-g', markdown, '-g', join(root, 'syntaxes', 'mldoc.injection.tmLanguage.json')];
const update = process.argv.includes('--update') ? ['--updateSnapshot'] : [];

const runs = [
  [bin('unit'), ...grammars, 'test/grammar/*.test.md'],
  [bin('snapshot'), ...grammars, '--scope', 'text.html.markdown', ...update, 'test/grammar/snap/*.md'],
];

let failed = false;
for (const args of runs) {
  const run = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  // The Markdown grammar embeds ~60 other languages; the tests need none of them, so their absence is noise.
  const output = `${run.stdout}${run.stderr}`
    .split('\n')
    .filter((line) => !/^grammar not found for "/.test(line))
    .join('\n')
    .trim();
  if (output) console.log(output);
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);

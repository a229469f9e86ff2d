// npm run generate: writes the files that come from the rule registry and the profile data (see
// server/src/generate/). Only this script touches the disk; the render functions are pure.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { GENERATED_FILES } from '../server/src/generate';

let changed = 0;
for (const file of GENERATED_FILES) {
  // Read right before writing: other tools (npm, other people's edits) change package.json too.
  const current = existsSync(file.path) ? readFileSync(file.path, 'utf8') : undefined;
  const next = file.render(current);
  if (next === current) continue;
  mkdirSync(dirname(file.path), { recursive: true });
  writeFileSync(file.path, next);
  changed++;
  console.log(`updated ${file.path}`);
}
console.log(changed ? `${changed} file(s) updated` : 'generated files are up to date');

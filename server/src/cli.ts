#!/usr/bin/env node
// mldoc: the engine on the command line. Minimal first version; see README for the full interface.
import { readFileSync } from 'node:fs';
import { analyze } from './engine';

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  const json = rest.includes('--format') && rest[rest.indexOf('--format') + 1] === 'json';
  const files = rest.filter((a, i) => !a.startsWith('--') && rest[i - 1] !== '--format');
  if (command === 'coverage') {
    const out = files.map((file) => {
      const a = analyze(readFileSync(file, 'utf8'));
      return { file, score: a.score, sections: a.sections.map((s) => ({ id: s.id, title: s.title, status: s.status, headings: s.headings.map((h) => a.headings[h.index]!.text), words: s.words, subsections: s.subsections.map((x) => ({ id: x.id, status: x.status })) })) };
    });
    if (json) process.stdout.write(JSON.stringify({ files: out }, null, 1) + '\n');
    else for (const f of out) console.log(f.file, f.score, f.sections.map((s) => `${s.id}:${s.status}`).join(' '));
    return 0;
  }
  console.error('usage: mldoc coverage FILE...');
  return 2;
}
process.exitCode = main(process.argv.slice(2));

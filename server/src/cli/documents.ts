// The shared front half of check and coverage: arguments -> configs -> files read once -> analyses.
// Problems that make the run exit 2 (config errors, missing or unreadable files) are written to stderr here.
import { relative } from 'node:path';
import { analyze } from '../engine';
import type { Analysis } from '../engine/types';
import { createConfigResolver, type ConfigResolver, type ResolvedConfig } from './config';
import { UsageError, type CliIo } from './io';
import type { Options } from './args';
import { readDocument } from './read';
import { expandTargets, type Target } from './targets';

export type Document =
  | { readonly target: Target; readonly config: ResolvedConfig; readonly kind: 'analysis'; readonly analysis: Analysis }
  | { readonly target: Target; readonly config: ResolvedConfig; readonly kind: 'too-large'; readonly size: number; readonly unit: string };

export interface Documents {
  readonly documents: Document[];
  /** Whether anything failed that makes the exit code 2 (already reported on stderr). */
  readonly failed: boolean;
}

/** Cheap test for the engine's opt-in signals (front matter `mldoc:`/`profile:`, `<!-- mldoc -->`) before analysing. */
function mayOptIn(text: string): boolean {
  if (/<!--\s*mldoc\s*-->/.test(text)) return true;
  if (!/^---[ \t]*\r?\n/.test(text)) return false;
  const end = text.indexOf('\n---', 3);
  return /^(?:mldoc|profile)\s*:/m.test(text.slice(0, end < 0 ? 4096 : end));
}

export function loadDocuments(opts: Options, io: CliIo): Documents {
  if (opts.paths.length === 0) throw new UsageError(`mldoc ${opts.command}: give at least one PATH or GLOB (see mldoc ${opts.command} --help)`);
  const configs = createConfigResolver(io.cwd, opts);
  const { targets, problems } = expandTargets(opts.paths, io.cwd, configs);
  for (const t of targets) configs.forFile(t.abs);
  let failed = problems.length > 0;
  for (const p of problems) io.err(`mldoc: ${p}\n`);
  if (reportConfigProblems(configs, io)) return { documents: [], failed: true };

  const documents: Document[] = [];
  for (const target of targets) {
    const config = configs.forFile(target.abs);
    const read = readDocument(target.abs, config.maxFileSize);
    if (read.kind === 'error') {
      io.err(`mldoc: ${target.display}: ${read.message}\n`);
      failed = true;
      continue;
    }
    const found = target.via === 'folder' && !config.isIncluded(target.abs);
    if (read.kind === 'too-large') {
      if (!found) documents.push({ target, config, kind: 'too-large', size: read.size, unit: read.unit });
      continue;
    }
    if (found && !mayOptIn(read.text)) continue;
    const analysis = analyze(read.text, config.engine);
    if (found && !analysis.optIn) continue;
    documents.push({ target, config, kind: 'analysis', analysis });
  }
  if (documents.length === 0 && !failed) {
    io.err(`mldoc: no design docs found in ${opts.paths.join(', ')} (folders are searched for Markdown files matching the "include" globs, by default **/*design*.md, **/design-docs/**, **/*.mldoc.md)\n`);
    failed = true;
  }
  return { documents, failed };
}

/** Writes config problems as `file:line:col severity message`; true when one of them is an error. */
export function reportConfigProblems(configs: ConfigResolver, io: CliIo): boolean {
  let errors = false;
  for (const p of configs.problems()) {
    const file = relative(io.cwd, p.file) || p.file;
    io.err(`${file}:${p.line + 1}:${p.column + 1} ${p.severity} ${p.message}\n`);
    if (p.severity === 'error') errors = true;
  }
  if (errors) io.err('mldoc: fix the configuration errors above (nothing was checked)\n');
  return errors;
}

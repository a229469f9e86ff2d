// The shared front half of check and coverage: arguments -> configs -> files read once -> analyses.
// Problems that make the run exit 2 (config errors, missing or unreadable files) are written to stderr here.
import { relative } from 'node:path';
import { createConfigResolver, type ConfigResolver, type ResolvedConfig } from './config';
import { UsageError, type CliIo } from './io';
import type { Options } from './args';
import { expandTargets, type Target } from './targets';
import type { Job, Outcome } from './job';
import { runJobs, threadCount } from './pool';

export interface Document {
  readonly target: Target;
  readonly config: ResolvedConfig;
  readonly outcome: Exclude<Outcome, { kind: 'error' } | { kind: 'skipped' }>;
}

export interface Documents {
  readonly documents: Document[];
  /** Whether anything failed that makes the exit code 2 (already reported on stderr). */
  readonly failed: boolean;
}

export async function loadDocuments(opts: Options, io: CliIo): Promise<Documents> {
  if (opts.paths.length === 0) throw new UsageError(`mldoc ${opts.command}: give at least one PATH or GLOB (see mldoc ${opts.command} --help)`);
  const configs = createConfigResolver(io.cwd, opts);
  const { targets, problems } = expandTargets(opts.paths, io.cwd, configs);
  const resolved = targets.map((target) => ({ target, config: configs.forFile(target.abs) }));
  let failed = problems.length > 0;
  for (const p of problems) io.err(`mldoc: ${p}\n`);
  if (reportConfigProblems(configs, io)) return { documents: [], failed: true };

  const jobs: Job[] = resolved.map(({ target, config }) => ({
    abs: target.abs,
    display: target.display,
    engine: config.engine,
    maxFileSize: config.maxFileSize,
    needsOptIn: target.via === 'folder' && !config.isIncluded(target.abs),
    wants: opts.command === 'coverage' ? 'coverage' : opts.command === 'score' ? 'readiness' : 'findings',
  }));
  const outcomes = await runJobs(jobs, threadCount(jobs.length, io.env), io.script);
  const documents: Document[] = [];
  outcomes.forEach((outcome, i) => {
    const { target, config } = resolved[i]!;
    if (outcome.kind === 'error') {
      io.err(`mldoc: ${target.display}: ${outcome.message}\n`);
      failed = true;
    } else if (outcome.kind !== 'skipped') documents.push({ target, config, outcome });
  });
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

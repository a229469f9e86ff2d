// One document's work, from path to printable results: read once, analyse, convert for both commands.
// Plain data in and out, so that it runs the same in-process or in a worker thread (pool.ts).
import { analyze } from '../engine';
import type { EngineConfig } from '../engine/types';
import { toCoverageFile, type CoverageFile } from './formats/coverage';
import { toScoreFile, type ScoreFile } from './formats/score';
import { readDocument } from './read';
import { toFileResult, type FileResult } from './results';

export interface Job {
  readonly abs: string;
  readonly display: string;
  readonly engine: Partial<EngineConfig>;
  readonly maxFileSize: number;
  /** Found by walking a folder without matching the include globs: kept only when the document opts in. */
  readonly needsOptIn: boolean;
}

export type Outcome =
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'skipped' }
  | { readonly kind: 'too-large'; readonly size: number; readonly unit: string }
  | { readonly kind: 'analysed'; readonly result: FileResult; readonly coverage: CoverageFile; readonly readiness: ScoreFile };

export function runJob(job: Job): Outcome {
  const read = readDocument(job.abs, job.maxFileSize);
  if (read.kind === 'error') return { kind: 'error', message: read.message };
  if (read.kind === 'too-large') return job.needsOptIn ? { kind: 'skipped' } : { kind: 'too-large', size: read.size, unit: read.unit };
  if (job.needsOptIn && !mayOptIn(read.text)) return { kind: 'skipped' };
  const analysis = analyze(read.text, job.engine);
  if (job.needsOptIn && !analysis.optIn) return { kind: 'skipped' };
  return {
    kind: 'analysed',
    result: toFileResult(job.display, job.abs, analysis),
    coverage: toCoverageFile(job.display, analysis),
    readiness: toScoreFile(job.display, analysis),
  };
}

/** Cheap test for the engine's opt-in signals (`<!-- mldoc -->`, front matter `mldoc:`/`profile:`) before analysing. */
export function mayOptIn(text: string): boolean {
  if (/<!--\s*mldoc\s*-->/.test(text)) return true;
  if (!/^---[ \t]*\r?\n/.test(text)) return false;
  const end = text.indexOf('\n---', 3);
  return /^(?:mldoc|profile)\s*:/m.test(text.slice(0, end < 0 ? 4096 : end));
}

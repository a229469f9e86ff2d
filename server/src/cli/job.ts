// One document's work, from path to printable results: read once, analyse, convert for both commands.
// Plain data in and out, so that it runs the same in-process or in a worker thread (pool.ts).
import { analyze, analyzeOutline } from '../engine';
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
  /** What the command prints besides the findings: coverage (`mldoc coverage`) or readiness (`mldoc score`). */
  readonly wants: 'findings' | 'coverage' | 'readiness';
}

export type Outcome =
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'skipped' }
  /** Above maxFileSize: not checked; `outline` is its cheap outline (headings only) when the text was read. */
  | { readonly kind: 'too-large'; readonly size: number; readonly unit: string; readonly outline?: CoverageFile }
  /** `coverage` and `readiness` only when the job `wants` them (readiness is a tenth of an analysis). */
  | { readonly kind: 'analysed'; readonly result: FileResult; readonly coverage?: CoverageFile; readonly readiness?: ScoreFile };

export function runJob(job: Job): Outcome {
  const read = readDocument(job.abs, job.maxFileSize);
  if (read.kind === 'error') return { kind: 'error', message: read.message };
  if (read.kind === 'too-large') {
    if (job.needsOptIn && (read.text === undefined || !mayOptIn(read.text))) return { kind: 'skipped' };
    // As in the editor: sections recognised by their headings (a line scan), content not checked.
    const outline = read.text === undefined ? undefined : { ...toCoverageFile(job.display, analyzeOutline(read.text, job.engine)), outlineOnly: true };
    return { kind: 'too-large', size: read.size, unit: read.unit, ...(outline ? { outline } : {}) };
  }
  if (job.needsOptIn && !mayOptIn(read.text)) return { kind: 'skipped' };
  const analysis = analyze(read.text, job.engine);
  if (job.needsOptIn && !analysis.optIn) return { kind: 'skipped' };
  return {
    kind: 'analysed',
    result: toFileResult(job.display, job.abs, analysis),
    ...(job.wants === 'coverage' ? { coverage: toCoverageFile(job.display, analysis) } : {}),
    ...(job.wants === 'readiness' ? { readiness: toScoreFile(job.display, analysis) } : {}),
  };
}

/** What a job was asked for (an internal error when the command did not ask for it). */
export function wanted<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`internal error: the ${what} of a document was not computed`);
  return value;
}

/** Cheap test for the engine's opt-in signals (`<!-- mldoc -->`, front matter `mldoc:`/`profile:`) before analysing. */
export function mayOptIn(text: string): boolean {
  if (/<!--\s*mldoc\s*-->/.test(text)) return true;
  if (!/^---[ \t]*\r?\n/.test(text)) return false;
  const end = text.indexOf('\n---', 3);
  return /^(?:mldoc|profile)\s*:/m.test(text.slice(0, end < 0 ? 4096 : end));
}

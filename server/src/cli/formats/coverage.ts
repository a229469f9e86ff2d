// `mldoc coverage`: per document, the eight lifecycle sections in order with status, score and where they are.
// JSON contract (read by tools such as the corpus evaluation):
//   {"files":[{"file": <path as given>, "sections":[{"id","status","title","score","line","headings","words","subsections"}]}]}
import { computeScore } from '../../engine';
import { createLineIndex } from '../../engine/line-index';
import { getProfile, LIFECYCLE_IDS } from '../../engine/profiles';
import type { Analysis, SectionCoverage, Status } from '../../engine/types';
import type { Paint } from '../color';

export interface CoverageRow {
  readonly id: string;
  readonly status: Status;
  readonly title: string;
  /** 0-100, the section's share of the document score. */
  readonly score: number;
  /** 1-based line of the heading that counts as the section; null when none does. */
  readonly line: number | null;
  readonly headings: readonly string[];
  readonly words: number;
  readonly subsections: readonly { readonly id: string; readonly title: string; readonly status: Status; readonly line: number | null }[];
}

export interface CoverageFile {
  readonly file: string;
  readonly score: number;
  readonly rows: readonly CoverageRow[];
}

const RANK: Record<Status, number> = { covered: 5, thin: 4, mentioned: 3, placeholder: 2, empty: 1, missing: 0 };

export function toCoverageFile(file: string, a: Analysis): CoverageFile {
  const lines = createLineIndex(a.text);
  const lineOf = (headingIndex: number | undefined) => {
    const h = headingIndex === undefined ? undefined : a.headings[headingIndex];
    return h ? lines.positionAt(h.span.start).line + 1 : null;
  };
  const row = (s: SectionCoverage, id = s.id): CoverageRow => ({
    id,
    status: s.status,
    title: s.title,
    score: computeScore([s]),
    line: lineOf(s.headings[0]?.index),
    headings: s.headings.map((h) => a.headings[h.index]?.text ?? ''),
    words: s.words,
    subsections: s.subsections.map((x) => ({ id: x.id, title: x.title, status: x.status, line: lineOf(x.headingIndex) })),
  });
  const rows = LIFECYCLE_IDS.map((id) => {
    const direct = a.sections.find((s) => s.id === id);
    if (direct) return row(direct);
    // Profiles other than lifecycle: a lifecycle concern is as covered as the best section that addresses it.
    const candidates = a.sections.filter((s) => profileLifecycle(a, s.id).includes(id));
    const best = [...candidates].sort((x, y) => RANK[y.status] - RANK[x.status])[0];
    return best ? row(best, id) : { id, status: 'missing' as const, title: id, score: 0, line: null, headings: [], words: 0, subsections: [] };
  });
  return { file, score: a.score, rows };
}

/** The lifecycle ids a section of a non-lifecycle profile addresses (profile data). */
function profileLifecycle(a: Analysis, sectionId: string): readonly string[] {
  return getProfile(a.profile)?.sections.find((s) => s.id === sectionId)?.lifecycle ?? [];
}

export function formatCoverageJson(files: readonly CoverageFile[]): string {
  const out = {
    files: files.map((f) => ({
      file: f.file,
      sections: f.rows.map((r) => ({ id: r.id, status: r.status, title: r.title, score: r.score, line: r.line, headings: r.headings, words: r.words, subsections: r.subsections })),
    })),
  };
  return JSON.stringify(out) + '\n';
}

const MARK: Record<Status, string> = { covered: '✔', thin: '◐', mentioned: '◐', placeholder: '○', empty: '○', missing: '✖' };

export function formatCoverageText(files: readonly CoverageFile[], paint: Paint): string {
  const out: string[] = [];
  for (const f of files) {
    out.push(paint.bold(`${f.file}  score ${f.score}/100`));
    const titleWidth = Math.max(7, ...f.rows.map((r) => r.title.length));
    out.push(paint.dim(`  ${'Section'.padEnd(titleWidth)}  ${'Status'.padEnd(13)}  ${'Line'.padStart(4)}  Heading`));
    for (const r of f.rows) {
      const status = `${MARK[r.status]} ${r.status}`.padEnd(13);
      const colored = r.status === 'covered' ? paint.green(status) : r.status === 'missing' ? paint.red(status) : paint.yellow(status);
      const line = (r.line === null ? '-' : String(r.line)).padStart(4);
      out.push(`  ${r.title.padEnd(titleWidth)}  ${colored}  ${line}  ${r.headings.join(', ')}`.trimEnd());
    }
    out.push('');
  }
  return out.join('\n');
}

// `mldoc coverage`: per document, the eight lifecycle sections in order with status, score and where they are.
// JSON contract (read by tools such as the corpus evaluation):
//   {"files":[{"file": <path as given>, "profile": <selected profile id>, "outlineOnly": true (only above maxFileSize),
//              "sections":[{"id","status","title","score","line","headings","words","subsections"}],
//              "profileSections": [... the same fields and "lifecycle": [ids] ...]   (only when profile is not lifecycle)}]}
// `sections` are always the eight lifecycle sections, whatever the profile.
import { computeScore } from '../../engine';
import { createLineIndex } from '../../engine/line-index';
import { LIFECYCLE_IDS } from '../../engine/profiles';
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
  /** For a profile's own sections: the lifecycle sections it addresses. */
  readonly lifecycle?: readonly string[];
}

export interface CoverageFile {
  readonly file: string;
  readonly score: number;
  readonly rows: readonly CoverageRow[];
  readonly profile: string;
  /** The selected profile's sections, when it is not lifecycle. */
  readonly profileRows?: readonly CoverageRow[];
  readonly profileScore?: number;
  /** Too large to check: the sections come from the headings alone (see analyzeOutline). */
  readonly outlineOnly?: boolean;
}

export function toCoverageFile(file: string, a: Analysis): CoverageFile {
  const lines = createLineIndex(a.text);
  const lineOf = (headingIndex: number | undefined) => {
    const h = headingIndex === undefined ? undefined : a.headings[headingIndex];
    return h ? lines.positionAt(h.span.start).line + 1 : null;
  };
  const row = (s: SectionCoverage): CoverageRow => ({
    id: s.id,
    status: s.status,
    title: s.title,
    score: computeScore([s]),
    line: lineOf(s.headings[0]?.index),
    headings: s.headings.map((h) => a.headings[h.index]?.text ?? ''),
    words: s.words,
    subsections: s.subsections.map((x) => ({ id: x.id, title: x.title, status: x.status, line: lineOf(x.headingIndex) })),
  });
  // The engine always reports the eight lifecycle sections (whatever the selected profile), in order.
  const rows = LIFECYCLE_IDS.map((id) => {
    const s = a.sections.find((x) => x.id === id);
    return s ? row(s) : { id, status: 'missing' as const, title: id, score: 0, line: null, headings: [], words: 0, subsections: [] };
  });
  const defs = a.profileDef?.sections ?? [];
  const profileRows = a.profileSections?.map((s) => {
    const lifecycle = defs.find((d) => d.id === s.id)?.lifecycle;
    return lifecycle ? { ...row(s), lifecycle: [...lifecycle] } : row(s);
  });
  return { file, score: a.score, rows, profile: a.profile, ...(profileRows ? { profileRows, profileScore: a.profileScore ?? 0 } : {}) };
}

export function formatCoverageJson(files: readonly CoverageFile[]): string {
  const out = {
    files: files.map((f) => ({
      file: f.file,
      profile: f.profile,
      ...(f.outlineOnly ? { outlineOnly: true } : {}),
      sections: f.rows.map((r) => ({ id: r.id, status: r.status, title: r.title, score: r.score, line: r.line, headings: r.headings, words: r.words, subsections: r.subsections })),
      ...(f.profileRows
        ? {
            profileScore: f.profileScore,
            profileSections: f.profileRows.map((r) => ({ id: r.id, status: r.status, title: r.title, score: r.score, line: r.line, headings: r.headings, words: r.words, subsections: r.subsections, lifecycle: r.lifecycle ?? [] })),
          }
        : {}),
    })),
  };
  return JSON.stringify(out) + '\n';
}

const MARK: Record<Status, string> = { covered: '✔', thin: '◐', mentioned: '◐', placeholder: '○', empty: '○', missing: '✖' };

export function formatCoverageText(files: readonly CoverageFile[], paint: Paint): string {
  const out: string[] = [];
  for (const f of files) {
    out.push(paint.bold(`${f.file}  score ${f.score}/100${f.outlineOnly ? '  (outline only: too large to check)' : ''}`));
    table(out, f.rows, paint);
    if (f.profileRows) {
      out.push(paint.bold(`  profile ${f.profile}  score ${f.profileScore ?? 0}/100`));
      table(out, f.profileRows, paint);
    }
    out.push('');
  }
  return out.join('\n');
}

function table(out: string[], rows: readonly CoverageRow[], paint: Paint): void {
  const titleWidth = Math.max(7, ...rows.map((r) => r.title.length));
  out.push(paint.dim(`  ${'Section'.padEnd(titleWidth)}  ${'Status'.padEnd(13)}  ${'Line'.padStart(4)}  Heading`));
  for (const r of rows) {
    const status = `${MARK[r.status]} ${r.status}`.padEnd(13);
    const colored = r.status === 'covered' ? paint.green(status) : r.status === 'missing' ? paint.red(status) : paint.yellow(status);
    const line = (r.line === null ? '-' : String(r.line)).padStart(4);
    out.push(`  ${r.title.padEnd(titleWidth)}  ${colored}  ${line}  ${r.headings.join(', ')}`.trimEnd());
  }
}

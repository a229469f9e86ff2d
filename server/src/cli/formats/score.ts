// `mldoc score`: the design-time readiness score per document (ML Test Score groups), as a table or JSON.
// JSON contract:
//   {"files":[{"file","score","max","groups":[{"id","title","score","max"}],
//              "tests":[{"id","group","title","description","score","evidence":[{"text","line","column"}]}]}]}
import { createLineIndex } from '../../engine/line-index';
import { formatReadinessScore } from '../../engine/readiness';
import type { Analysis, ReadinessGroupId } from '../../engine/types';
import type { Paint } from '../color';

export interface ScoreEvidence {
  readonly text: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based, UTF-16 code units. */
  readonly column: number;
}

export interface ScoreTest {
  readonly id: string;
  readonly group: ReadinessGroupId;
  readonly title: string;
  readonly description: string;
  readonly score: number;
  readonly evidence: readonly ScoreEvidence[];
}

export interface ScoreFile {
  readonly file: string;
  readonly score: number;
  readonly max: number;
  readonly groups: readonly { readonly id: ReadinessGroupId; readonly title: string; readonly score: number; readonly max: number }[];
  readonly tests: readonly ScoreTest[];
}

/** Plain data (it crosses worker threads): evidence as 1-based line and column. */
export function toScoreFile(file: string, a: Analysis): ScoreFile {
  const lines = createLineIndex(a.text);
  const r = a.readiness;
  return {
    file,
    score: r.score,
    max: r.max,
    groups: r.groups.map((g) => ({ id: g.id, title: g.title, score: g.score, max: g.max })),
    tests: r.tests.map((t) => ({
      id: t.id,
      group: t.group,
      title: t.title,
      description: t.description,
      score: t.score,
      evidence: t.evidence.map((e) => {
        const p = lines.positionAt(e.span.start);
        return { text: e.keyword, line: p.line + 1, column: p.character + 1 };
      }),
    })),
  };
}

export function formatScoreJson(files: readonly ScoreFile[]): string {
  return JSON.stringify({ files }) + '\n';
}

const MARK = (score: number) => (score >= 1 ? '✔' : score > 0 ? '◐' : '✖');

export function formatScoreText(files: readonly ScoreFile[], paint: Paint): string {
  const out: string[] = [];
  for (const f of files) {
    const groups = f.groups.map((g) => `${g.id} ${formatReadinessScore(g.score, g.max)}`).join(' · ');
    out.push(paint.bold(`${f.file}  readiness ${formatReadinessScore(f.score, f.max)}`) + paint.dim(`  (${groups}; the lowest group counts)`));
    for (const g of f.groups) {
      out.push(`  ${paint.bold(g.title)}  ${formatReadinessScore(g.score, g.max)}`);
      for (const t of f.tests.filter((x) => x.group === g.id)) {
        const mark = MARK(t.score);
        const colored = t.score >= 1 ? paint.green(mark) : t.score > 0 ? paint.yellow(mark) : paint.red(mark);
        const where = t.evidence[0] ? paint.dim(`  line ${t.evidence[0].line}: "${t.evidence[0].text}"`) : paint.dim(`  not planned: ${t.description}`);
        out.push(`    ${colored} ${String(t.score).padEnd(3)} ${t.title}${where}`);
      }
    }
    out.push('');
  }
  return out.join('\n');
}

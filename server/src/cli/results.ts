// Engine findings -> what the formatters print: 1-based lines and columns (UTF-16 code units, as SARIF's
// utf16CodeUnits column kind and editors count), plus the CLI's own findings (documents too large to check).
import { createLineIndex } from '../engine/line-index';
import { RULES } from '../engine/rules';
import type { Analysis, Severity, SeveritySetting } from '../engine/types';

export interface CliFinding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  /** 1-based. */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  /** 1-based, exclusive (the column after the last character), as SARIF regions count. */
  readonly endColumn: number;
  readonly sectionId?: string;
  readonly related: readonly { readonly line: number; readonly column: number; readonly message: string }[];
}

export interface FileResult {
  /** The path as the user gave it (or found under a folder or glob they gave). */
  readonly display: string;
  readonly abs: string;
  readonly findings: readonly CliFinding[];
  /** Coverage score 0-100; absent when the document was not analysed. */
  readonly score?: number;
}

export interface RuleInfo {
  readonly id: string;
  readonly description: string;
  readonly defaultSeverity: SeveritySetting;
  readonly tags: readonly string[];
}

/** Findings the CLI makes itself, outside the engine (the engine never sees the file). */
export const FILE_TOO_LARGE: RuleInfo = {
  id: 'file-too-large',
  description: 'The document is larger than maxFileSize and was not checked.',
  defaultSeverity: 'info',
  tags: ['cli'],
};

export function allRules(): readonly RuleInfo[] {
  return [...RULES, FILE_TOO_LARGE];
}

export { RULE_DOCS_BASE } from '../features/rule-docs';
export const INFORMATION_URI = 'https://github.com/mldoc/mldoc';

export function toFileResult(display: string, abs: string, analysis: Analysis): FileResult {
  const lines = createLineIndex(analysis.text);
  const findings = analysis.findings.map((f): CliFinding => {
    const r = lines.rangeOf(f.span);
    return {
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      line: r.start.line + 1,
      column: r.start.character + 1,
      endLine: r.end.line + 1,
      endColumn: r.end.character + 1,
      ...(f.sectionId ? { sectionId: f.sectionId } : {}),
      related: (f.related ?? []).map((x) => {
        const p = lines.positionAt(x.span.start);
        return { line: p.line + 1, column: p.character + 1, message: x.message };
      }),
    };
  });
  return { display, abs, findings, score: analysis.score };
}

export function tooLargeResult(display: string, abs: string, size: number, unit: string, max: number): FileResult {
  return {
    display,
    abs,
    findings: [
      {
        ruleId: FILE_TOO_LARGE.id,
        severity: 'info',
        message: `Not checked: the document has ${size} ${unit}, more than maxFileSize (${max} characters).`,
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        related: [],
      },
    ],
  };
}

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
}

export function countFindings(results: readonly FileResult[]): Counts {
  const c: Counts = { errors: 0, warnings: 0, infos: 0, hints: 0 };
  for (const r of results)
    for (const f of r.findings) {
      if (f.severity === 'error') c.errors++;
      else if (f.severity === 'warning') c.warnings++;
      else if (f.severity === 'info') c.infos++;
      else c.hints++;
    }
  return c;
}

/** Forward slashes, for URIs and GitHub annotations. */
export function toPosix(p: string): string {
  return p.split('\\').join('/');
}

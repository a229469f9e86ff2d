// Machine-readable findings: {"files":[{"file","score","findings":[...]}],"summary":{...}}.
import { countFindings, type FileResult } from '../results';

export function formatJson(results: readonly FileResult[]): string {
  const files = results.map((r) => ({
    file: r.display,
    ...(r.score !== undefined ? { score: r.score } : {}),
    findings: r.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      ...(f.sectionId ? { sectionId: f.sectionId } : {}),
      ...(f.related.length ? { related: f.related } : {}),
    })),
  }));
  return JSON.stringify({ files, summary: { files: results.length, ...countFindings(results) } }, null, 2) + '\n';
}

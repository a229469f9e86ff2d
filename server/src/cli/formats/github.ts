// GitHub Actions workflow commands: `::warning file=F,line=L,col=C,endLine=..,endColumn=..,title=RULE::MESSAGE`.
// Data escapes % CR LF; property values also escape : and , (as @actions/core does).
import { relative } from 'node:path';
import { toPosix, type FileResult } from '../results';
import type { Severity } from '../../engine/types';

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/** Paths are relative to `cwd` (the repository root in a workflow), with forward slashes. */
export function formatGithub(results: readonly FileResult[], cwd: string): string {
  const out: string[] = [];
  for (const r of results) {
    for (const f of r.findings) {
      const props = [
        `file=${escapeProperty(toPosix(relative(cwd, r.abs)))}`,
        `line=${f.line}`,
        `col=${f.column}`,
        `endLine=${f.endLine}`,
        `endColumn=${f.endColumn}`,
        `title=${escapeProperty(f.ruleId)}`,
      ];
      out.push(`::${LEVEL[f.severity]} ${props.join(',')}::${escapeData(f.message)}`);
    }
  }
  return out.length ? out.join('\n') + '\n' : '';
}

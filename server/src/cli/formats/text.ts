// `file:line:col severity rule-id message`, one finding a line, then one summary line.
import type { Paint } from '../color';
import { countFindings, type FileResult } from '../results';

export function formatText(results: readonly FileResult[], paint: Paint): string {
  const lines: string[] = [];
  for (const r of results) {
    for (const f of r.findings) {
      const sev = f.severity === 'error' ? paint.red(f.severity) : f.severity === 'warning' ? paint.yellow(f.severity) : paint.blue(f.severity);
      lines.push(`${r.display}:${f.line}:${f.column} ${sev} ${paint.dim(f.ruleId)} ${oneLine(f.message)}`);
    }
  }
  lines.push(summaryLine(results, paint));
  return lines.join('\n') + '\n';
}

export function summaryLine(results: readonly FileResult[], paint: Paint): string {
  const c = countFindings(results);
  const total = c.errors + c.warnings + c.infos + c.hints;
  const files = `${results.length} ${results.length === 1 ? 'file' : 'files'}`;
  if (total === 0) return paint.green(`✔ No problems in ${files}.`);
  const parts = [plural(c.errors, 'error'), plural(c.warnings, 'warning')];
  if (c.infos) parts.push(plural(c.infos, 'info'));
  if (c.hints) parts.push(plural(c.hints, 'hint'));
  const text = `✖ ${plural(total, 'problem')} (${parts.join(', ')}) in ${files}.`;
  return paint.bold(c.errors ? paint.red(text) : paint.yellow(text));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Messages are printed one per line: collapse newlines (messages may carry Markdown guidance). */
export function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

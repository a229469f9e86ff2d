// Inline suppression comments, as in ESLint and markdownlint:
//   <!-- mldoc-disable RULE[, RULE] -->            off from here on (all rules when none is named)
//   <!-- mldoc-enable RULE[, RULE] -->             on again
//   <!-- mldoc-disable-next-line RULE -->          off for the next line only
//   <!-- mldoc-disable-file RULE -->               off for the whole file
import type { Block, Finding, Suppression } from './types';
import type { LineIndex } from './line-index';

const DIRECTIVE = /<!--\s*mldoc-(disable-next-line|disable-file|disable|enable)\b([\s\S]*?)-->/g;

export function parseSuppressions(text: string, blocks: readonly Block[], lines: LineIndex): Suppression[] {
  const code = blocks.filter((b) => b.kind === 'code');
  const out: Suppression[] = [];
  DIRECTIVE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DIRECTIVE.exec(text)) !== null) {
    const start = m.index;
    if (code.some((c) => start >= c.span.start && start < c.span.end)) continue;
    const rules = m[2]!.split(/[\s,]+/).map((r) => r.trim()).filter((r) => /^[a-z0-9-]+$/.test(r));
    out.push({ kind: m[1] as Suppression['kind'], rules, span: { start, end: start + m[0].length }, line: lines.lineOf(start + m[0].length) });
  }
  return out;
}

function names(s: Suppression, ruleId: string): boolean {
  return s.rules.length === 0 || s.rules.includes(ruleId);
}

export function isSuppressed(finding: Finding, suppressions: readonly Suppression[], lines: LineIndex): boolean {
  const line = lines.lineOf(finding.span.start);
  let disabled = false;
  for (const s of suppressions) {
    if (!names(s, finding.ruleId)) continue;
    if (s.kind === 'disable-file') return true;
    if (s.kind === 'disable-next-line' && line === s.line + 1) return true;
    const sLine = lines.lineOf(s.span.start);
    if (sLine > line) continue;
    if (s.kind === 'disable') disabled = true;
    else if (s.kind === 'enable') disabled = false;
  }
  return disabled;
}

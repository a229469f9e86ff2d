// Inline suppression comments, as in ESLint and markdownlint:
//   <!-- mldoc-disable RULE[, RULE] -->            off from this line on (all rules when none is named)
//   <!-- mldoc-enable RULE[, RULE] -->             on again from this line
//   <!-- mldoc-disable-next-line RULE -->          off for the line after the comment only
//   <!-- mldoc-disable-file RULE -->               off for the whole file, wherever the comment stands
// Rule names are separated by commas and/or spaces; anything after ` -- ` is a free-text reason. Comments in
// code blocks, inline code and front matter are examples, not directives.
import type { Block, Finding, Suppression } from './types';
import type { LineIndex } from './line-index';
import { codeSpans, insideAny } from './masks';

const DIRECTIVE = /<!--\s*mldoc-(disable-next-line|disable-file|disable|enable)(?=[\s,]|-->)([\s\S]*?)-->/g;
const RULE_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** Rule ids named by a directive's argument text (`a, b c -- reason`); empty means all rules. */
export function parseRuleList(args: string): string[] {
  const names = args.split(/(?:^|\s)--(?:\s|$)/)[0]!;
  return names.split(/[\s,]+/).filter((r) => RULE_ID.test(r));
}

export function parseSuppressions(text: string, blocks: readonly Block[], lines: LineIndex): Suppression[] {
  // The code masks are built only when there is a directive to test (most documents have none).
  let inCodeTest: ((offset: number) => boolean) | undefined;
  const inCode = (offset: number): boolean => {
    if (!inCodeTest) {
      const blockSpans = blocks.filter((b) => b.kind === 'code' || b.kind === 'front-matter').map((b) => b.span);
      inCodeTest = insideAny([...blockSpans, ...codeSpans(text, blockSpans)]);
    }
    return inCodeTest(offset);
  };
  const out: Suppression[] = [];
  const re = new RegExp(DIRECTIVE.source, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const start = m.index;
    if (inCode(start)) continue;
    const end = start + m[0].length;
    out.push({ kind: m[1] as Suppression['kind'], rules: parseRuleList(m[2]!), span: { start, end }, line: lines.lineOf(end) });
  }
  return out;
}

function names(s: Suppression, ruleId: string): boolean {
  return s.rules.length === 0 || s.rules.includes(ruleId);
}

/** Whether a finding is switched off by the directives (which are in document order). A finding counts as on
 * the line where it starts; `disable`/`enable` apply from the line of the comment on. */
export function isSuppressed(finding: Finding, suppressions: readonly Suppression[], lines: LineIndex): boolean {
  const line = lines.lineOf(finding.span.start);
  let disabled = false;
  for (const s of suppressions) {
    if (!names(s, finding.ruleId)) continue;
    if (s.kind === 'disable-file') return true;
    if (s.kind === 'disable-next-line') {
      if (line === s.line + 1) return true;
      continue;
    }
    if (lines.lineOf(s.span.start) > line) continue;
    if (s.kind === 'disable') disabled = true;
    else if (s.kind === 'enable') disabled = false;
  }
  return disabled;
}

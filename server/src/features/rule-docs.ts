// The one place that says where a rule's documentation lives. Diagnostics link to it (codeDescription.href),
// the coverage report and the CLI's SARIF output do too.
export const RULE_DOCS_BASE = 'https://github.com/mldoc/mldoc/blob/main/docs/rules/';

export function ruleDocsUrl(ruleId: string): string {
  return `${RULE_DOCS_BASE}${encodeURIComponent(ruleId)}.md`;
}

// The rules table in README.md, between <!-- rules:start --> and <!-- rules:end -->. Text outside the markers
// is never touched; a README without markers gets a "Rules" section appended (or is created with just that).
import type { RuleDef } from '../engine/rules/types';

export const README_PATH = 'README.md';
export const RULES_START = '<!-- rules:start -->';
export const RULES_END = '<!-- rules:end -->';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
}

export function renderRulesTable(rules: readonly RuleDef[]): string {
  const rows = rules.map((r) => `| [\`${r.id}\`](docs/rules/${r.id}.md) | ${r.defaultSeverity} | ${cell(r.description)} |`);
  return ['| Rule | Default severity | What it reports |', '| --- | --- | --- |', ...rows].join('\n');
}

/** README.md with the rules table brought up to date; `current` is the file as it is (undefined: none yet). */
export function renderReadme(current: string | undefined, rules: readonly RuleDef[]): string {
  const block = `${RULES_START}\n${renderRulesTable(rules)}\n${RULES_END}`;
  if (current === undefined || current.trim() === '') return `## Rules\n\n${block}\n`;
  const start = current.indexOf(RULES_START);
  const end = start >= 0 ? current.indexOf(RULES_END, start) : -1;
  if (start >= 0 && end >= 0) return current.slice(0, start) + block + current.slice(end + RULES_END.length);
  return `${current.replace(/\s*$/, '')}\n\n## Rules\n\n${block}\n`;
}

// snippets/mldoc.code-snippets: one snippet per lifecycle section, the whole template, and the suppression
// comments, rendered from the profile data and the rule registry.
import type { ProfileDef } from '../engine/profiles/types';
import type { RuleDef } from '../engine/rules/types';
import { sectionSkeleton, templateSkeleton } from '../engine/snippets';

export const SNIPPETS_PATH = 'snippets/mldoc.code-snippets';

interface VsCodeSnippet {
  readonly scope: string;
  readonly prefix: string;
  readonly description: string;
  readonly body: readonly string[];
}

function lines(snippet: string): string[] {
  return snippet.replace(/\n$/, '').split('\n');
}

export function renderSnippets(profile: ProfileDef, rules: readonly RuleDef[]): string {
  const out: Record<string, VsCodeSnippet> = {};
  const add = (name: string, prefix: string, description: string, body: string) => {
    out[name] = { scope: 'markdown', prefix, description, body: lines(body) };
  };
  add('ML design doc: template', 'mldoc-template', `A complete ML design doc: every section of the ${profile.title} profile with its subsections.`, templateSkeleton(profile).snippet);
  for (const s of profile.sections) {
    add(`ML design doc: ${s.title}`, `mldoc-${s.id}`, `${s.title} section with its subsections. ${s.guidance}`, sectionSkeleton(s, 2).snippet);
  }
  const choice = `\${1|${rules.map((r) => r.id).join(',')}|}`;
  add('ML design doc: opt in', 'mldoc-marker', 'Marks this Markdown file as an ML design doc, whatever its name.', '<!-- mldoc -->');
  add('ML design doc: disable rule', 'mldoc-disable', 'Turns a rule off from this line on (until mldoc-enable). Leave the rule out to turn off all rules.', `<!-- mldoc-disable ${choice} -->`);
  add('ML design doc: enable rule', 'mldoc-enable', 'Turns a rule back on from this line on.', `<!-- mldoc-enable ${choice} -->`);
  add('ML design doc: disable rule on next line', 'mldoc-disable-next-line', 'Turns a rule off for the next line only.', `<!-- mldoc-disable-next-line ${choice} -->`);
  add('ML design doc: disable rule in file', 'mldoc-disable-file', 'Turns a rule off for the whole file.', `<!-- mldoc-disable-file ${choice} -->`);
  return JSON.stringify(out, null, 2) + '\n';
}

// Coverage for the tree view and the report: sections and subsections with status, the heading that counts
// for each (to reveal), and what to insert where for the missing ones. Offsets here; convert.ts makes ranges.
import type { Analysis, Readiness, SectionCoverage, Span, Status } from '../engine/types';
import { outlineOf, profileOf, sectionDef } from './common';
import { bodyInsertion, sectionInsertion, subsectionInsertion, type Insertion } from './insertions';
import { ruleDocsUrl } from './rule-docs';

export interface CoverageEntry {
  readonly id: string;
  readonly title: string;
  readonly status: Status;
  readonly description: string;
  readonly guidance: string;
  readonly reason?: string;
  readonly span?: Span;
  readonly insert?: Insertion;
  readonly children: readonly CoverageEntry[];
}

export interface CoverageSummary {
  readonly profile: string;
  readonly score: number;
  readonly present: number;
  readonly total: number;
  readonly sections: readonly CoverageEntry[];
  /** Design-time readiness (ML Test Score); evidence as offsets. Not for an outline-only analysis. */
  readonly readiness?: Readiness;
  /** The analysis is the cheap outline of an oversized document (analyzeOutline). */
  readonly outlineOnly?: boolean;
}

/** A section or subsection is present when it has a heading of its own (whatever its substance). */
export const isPresent = (status: Status) => status !== 'missing' && status !== 'mentioned';

export const STATUS_LABEL: Readonly<Record<Status, string>> = {
  covered: 'covered',
  thin: 'thin',
  placeholder: 'placeholder',
  empty: 'empty',
  mentioned: 'mentioned',
  missing: 'missing',
};

function sectionEntry(analysis: Analysis, s: SectionCoverage): CoverageEntry {
  const def = sectionDef(analysis, s.id);
  const ref = s.headings[0];
  const heading = ref ? analysis.headings[ref.index] : undefined;
  const children: CoverageEntry[] = s.subsections.map((sub) => {
    const subDef = def?.subsections.find((d) => d.id === sub.id);
    const subHeading = sub.headingIndex !== undefined ? analysis.headings[sub.headingIndex] : undefined;
    const reason = sub.headingIndex !== undefined ? analysis.matches.find((m) => m.headingIndex === sub.headingIndex && m.sectionId === s.id && m.subsectionId === sub.id)?.reason : undefined;
    const insert = (sub.status === 'missing' || sub.status === 'mentioned') && heading ? subsectionInsertion(analysis, s, sub) : undefined;
    return {
      id: sub.id,
      title: sub.title,
      status: sub.status,
      description: STATUS_LABEL[sub.status],
      guidance: subDef?.guidance ?? '',
      ...(reason ? { reason } : {}),
      ...(subHeading ? { span: subHeading.span } : {}),
      ...(insert ? { insert } : {}),
      children: [],
    };
  });
  const presentSubs = s.subsections.filter((x) => isPresent(x.status)).length;
  const insert =
    s.status === 'missing' || s.status === 'mentioned' ? sectionInsertion(analysis, s) : s.status === 'empty' ? bodyInsertion(analysis, s) : undefined;
  return {
    id: s.id,
    title: s.title,
    status: s.status,
    description: s.subsections.length ? `${presentSubs}/${s.subsections.length}` : STATUS_LABEL[s.status],
    guidance: def?.guidance ?? '',
    ...(ref ? { reason: ref.reason } : {}),
    ...(heading ? { span: heading.span } : {}),
    ...(insert ? { insert } : {}),
    children,
  };
}

export function computeCoverageSummary(analysis: Analysis): CoverageSummary {
  return {
    profile: analysis.profile,
    score: analysis.score,
    present: outlineOf(analysis).filter((s) => isPresent(s.status)).length,
    total: outlineOf(analysis).length,
    sections: outlineOf(analysis).map((s) => sectionEntry(analysis, s)),
    ...(analysis.outlineOnly ? { outlineOnly: true } : { readiness: analysis.readiness }),
  };
}

const STATUS_MARK: Readonly<Record<Status, string>> = {
  covered: '✅ covered',
  thin: '⚠️ thin',
  placeholder: '📝 placeholder',
  empty: '⬜ empty',
  mentioned: 'ℹ️ mentioned',
  missing: '❌ missing',
};

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** A Markdown report a reviewer can paste into a pull request. `lineOf` gives 0-based lines for offsets. */
export function renderReport(analysis: Analysis, name: string, lineOf: (offset: number) => number, maxFindings = 10): string {
  const summary = computeCoverageSummary(analysis);
  const profile = profileOf(analysis);
  const out: string[] = [];
  out.push(`## ML design doc coverage: ${cell(name)}`, '');
  out.push(`**Score: ${summary.score}/100** · ${summary.present}/${summary.total} lifecycle sections present · profile \`${profile.id}\``, '');
  out.push('| Section | Status | Subsections | Heading |', '|---|---|---|---|');
  for (const s of summary.sections) {
    const heading = s.span ? analysis.headings.find((h) => h.span.start === s.span!.start) : undefined;
    const subs = s.children.length ? `${s.description}${missingNames(s)}` : '—';
    out.push(`| ${cell(s.title)} | ${STATUS_MARK[s.status]} | ${cell(subs)} | ${heading ? `${cell(heading.text)} (line ${lineOf(heading.span.start) + 1})` : '—'} |`);
  }
  out.push('');
  const findings = analysis.findings;
  if (findings.length) {
    out.push(`### Top findings (${Math.min(maxFindings, findings.length)} of ${findings.length})`, '');
    const order = { error: 0, warning: 1, info: 2, hint: 3 } as const;
    const top = [...findings].sort((a, b) => order[a.severity] - order[b.severity] || a.span.start - b.span.start).slice(0, maxFindings);
    for (const f of top) {
      out.push(`- **${f.severity}** line ${lineOf(f.span.start) + 1}: ${cell(firstSentence(f.message))} ([${f.ruleId}](${ruleDocsUrl(f.ruleId)}))`);
    }
  } else {
    out.push('No findings.');
  }
  out.push('');
  return out.join('\n');
}

function missingNames(s: CoverageEntry): string {
  const missing = s.children.filter((c) => c.status === 'missing').map((c) => c.title);
  return missing.length ? `; missing: ${missing.join(', ')}` : '';
}

function firstSentence(message: string): string {
  const m = /^(.*?[.!?])(\s|$)/.exec(message);
  return m ? m[1]! : message;
}

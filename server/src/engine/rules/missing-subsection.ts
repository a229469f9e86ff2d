// missing-subsection: a lifecycle section is present but one of its subsections is not addressed anywhere.
// Bad:  ## Monitoring  (text on dashboards only; nothing on drift, alerts or retraining)
// Good: ## Monitoring  ### Drift Detection …  ### Alerts and Notifications …  (or the topics named in the text)
// Anchored on the section's heading; the fix appends the subsection's skeleton at the end of that section
// (where the coverage places it, as the coverage tree does), one level deeper. A hint by default: most real documents skip some subsections on purpose. Sections that
// are empty are left to empty-section, whose fix inserts the whole skeleton.
import type { RuleDef, RuleFinding } from './types';
import { insertionAt, subsectionSkeleton } from '../snippets';
import { hasContent, isRealHeading, sectionDef } from './util';

export const missingSubsection: RuleDef = {
  id: 'missing-subsection',
  description: 'A lifecycle section is present but does not address one of its subsections.',
  defaultSeverity: 'hint',
  tags: ['coverage'],
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const s of ctx.sections) {
      const ref = s.headings[0];
      if (!ref || s.status === 'missing' || s.status === 'mentioned' || s.status === 'empty') continue;
      const heading = ctx.doc.headings[ref.index];
      const def = sectionDef(ctx, s.id);
      if (!heading || !def || !hasContent(ctx, heading.sectionSpan)) continue;
      for (const sub of s.subsections) {
        if (sub.status !== 'missing') continue;
        const subDef = def.subsections.find((x) => x.id === sub.id);
        if (!subDef) continue;
        // A pseudo heading (bold paragraph, list item) has no Markdown depth to nest under, nor has an h6.
        const fix = isRealHeading(heading) && heading.depth < 6
          ? { title: `Insert subsection '${subDef.title}'`, edits: [insertionAt(ctx.text, Math.min(sub.insertAt, ctx.text.length), subsectionSkeleton(subDef, heading.depth + 1))] }
          : undefined;
        out.push({
          message: `${def.title} does not address ${subDef.title}. ${subDef.guidance}`,
          span: heading.span,
          sectionId: s.id,
          subsectionId: sub.id,
          fix,
        });
      }
    }
    return out;
  },
};

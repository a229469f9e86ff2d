// missing-section: a lifecycle section the document does not address at all.
// Bad: a design doc with Problem, Data and Model sections and nothing on deployment.
// Good: every lifecycle section has a heading (or at least a mention) in the document.
import type { RuleDef } from './types';
import { sectionSkeleton, insertionAt } from '../snippets';

export const missingSection: RuleDef = {
  id: 'missing-section',
  description: 'A lifecycle section is not addressed anywhere in the document.',
  defaultSeverity: 'warning',
  tags: ['coverage'],
  check(ctx) {
    return ctx.sections
      .filter((s) => s.status === 'missing')
      .map((s) => {
        const def = ctx.profile.sections.find((d) => d.id === s.id)!;
        const edit = insertionAt(ctx.text, s.insertAt, sectionSkeleton(def, ctx.sectionDepth));
        const anchor = Math.min(s.insertAt, ctx.text.length);
        const line = ctx.lines.lineOf(Math.max(0, anchor - (anchor === ctx.text.length && anchor > 0 ? 1 : 0)));
        const start = ctx.lines.lineStarts[line] ?? 0;
        const after = s.after ? ctx.sections.find((x) => x.id === s.after) : undefined;
        const afterHeading = after?.headings[0] ? ctx.doc.headings[after.headings[0].index] : undefined;
        return {
          message: `Missing section: ${def.title}. ${def.guidance}`,
          span: { start, end: start },
          sectionId: s.id,
          related: afterHeading ? [{ span: afterHeading.span, message: `${def.title} belongs after this section` }] : undefined,
          fix: { title: `Insert section '${def.title}'`, edits: [edit] },
        };
      });
  },
};

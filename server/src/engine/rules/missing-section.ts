// missing-section: a lifecycle section the document does not address at all (no heading, no mention).
// Bad:  ## Problem … ## Data … ## Model …            (nothing on deployment, monitoring, …)
// Good: every lifecycle section has a heading of its own, or is at least mentioned in the text.
// Every gap is reported at once, each anchored where the section belongs: right after the content of its
// lifecycle predecessor (related information points at that predecessor's heading), or, when no
// predecessor is present, right before the first section that should follow it. The fix inserts the section's
// skeleton there, at the depth of the document's top-level lifecycle sections.
import type { RuleDef, RuleFinding } from './types';
import { sectionSkeleton, insertionAt } from '../snippets';
import { endOfBlocksBefore, topSectionDepth } from './util';

export const missingSection: RuleDef = {
  id: 'missing-section',
  description: 'A lifecycle section is not addressed anywhere in the document.',
  defaultSeverity: 'warning',
  tags: ['coverage'],
  check(ctx) {
    const out: RuleFinding[] = [];
    const depth = topSectionDepth(ctx);
    const headingOf = (id: string | undefined) => {
      const ref = id ? ctx.sections.find((x) => x.id === id)?.headings[0] : undefined;
      return ref ? ctx.doc.headings[ref.index] : undefined;
    };
    ctx.sections.forEach((s, i) => {
      if (s.status !== 'missing') return;
      const def = ctx.profile.sections.find((d) => d.id === s.id);
      if (!def) return;
      const insertAt = Math.max(0, Math.min(s.insertAt, ctx.text.length));
      const anchor = endOfBlocksBefore(ctx, insertAt);
      const after = headingOf(s.after);
      const before = after ? undefined : headingOf(ctx.sections.slice(i + 1).find((x) => x.headings.length)?.id);
      const related = after
        ? [{ span: after.span, message: `${def.title} belongs after this section` }]
        : before
          ? [{ span: before.span, message: `${def.title} belongs before this section` }]
          : undefined;
      out.push({
        message: `Missing section: ${def.title}. ${def.guidance}`,
        span: { start: anchor, end: anchor },
        sectionId: s.id,
        related,
        fix: { title: `Insert section '${def.title}'`, edits: [insertionAt(ctx.text, insertAt, sectionSkeleton(def, depth))] },
      });
    });
    return out;
  },
};

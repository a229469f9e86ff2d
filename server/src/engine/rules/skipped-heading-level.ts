// skipped-heading-level: a heading is more than one level deeper than the heading before it.
// Bad:  ## Data  followed by  #### Sources      (level 3 skipped)
// Good: ## Data  followed by  ### Sources
// Skipped levels break the outline: the deeper heading has no parent at the level in between, so tools (and
// this one) cannot tell which section it belongs to. The first heading of a document may start at any level;
// pseudo headings (bold paragraphs) are not Markdown headings and are ignored. No automatic fix: it would
// rewrite the user's heading.
import type { RuleDef, RuleFinding } from './types';
import { isRealHeading } from './util';

export const skippedHeadingLevel: RuleDef = {
  id: 'skipped-heading-level',
  description: 'A heading skips a level (for example ## followed by ####).',
  defaultSeverity: 'info',
  tags: ['structure'],
  check(ctx) {
    const out: RuleFinding[] = [];
    let previous: number | undefined;
    for (const h of ctx.doc.headings) {
      if (!isRealHeading(h)) continue;
      if (previous !== undefined && h.depth > previous + 1) {
        out.push({
          message: `Heading level ${h.depth} follows level ${previous}: use level ${previous + 1} ('${'#'.repeat(previous + 1)} ${h.text}') so that it nests under the heading above.`,
          span: h.span,
        });
      }
      previous = h.depth;
    }
    return out;
  },
};

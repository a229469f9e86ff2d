// thin-section: a lifecycle section has a heading but too little substance under it (status `thin`).
// Bad:  ## Monitoring  Dashboards.
// Good: ## Monitoring  Weekly AUC on labelled samples; alert when it drops 5% below the launch value; …
// "Too little" is relative: below the configured `thinWords`, or well below the median section of this
// document, so that a one-line section stands out in a long design but not in a skeleton template.
import type { RuleDef, RuleFinding } from './types';
import { sectionDef } from './util';

export const thinSection: RuleDef = {
  id: 'thin-section',
  description: 'A lifecycle section has a heading but little content compared with the rest of the document.',
  defaultSeverity: 'info',
  tags: ['content'],
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const s of ctx.sections) {
      const ref = s.headings[0];
      const heading = ref ? ctx.doc.headings[ref.index] : undefined;
      const def = sectionDef(ctx, s.id);
      if (s.status !== 'thin' || !heading || !def) continue;
      out.push({
        message: `${def.title} is thin (${s.words} word${s.words === 1 ? '' : 's'}). ${def.guidance}`,
        span: heading.span,
        sectionId: s.id,
      });
    }
    return out;
  },
};

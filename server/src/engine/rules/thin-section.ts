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
      // Thin by comparison (a long section in a longer document): say against what, or "thin (1650 words)"
      // reads as a mistake.
      const relative = s.thinBelow !== undefined && s.words >= ctx.config.thinWords;
      const size = relative
        ? `: ${count(s.words)} words, where a section of this document is thin below ${count(s.thinBelow!)} (a fifth of its median section)`
        : ` (${s.words} word${s.words === 1 ? '' : 's'})`;
      out.push({
        message: `${def.title} is thin${size}. ${def.guidance}`,
        span: heading.span,
        sectionId: s.id,
      });
    }
    return out;
  },
};

/** 1650 -> "1,650" (fixed, not the locale's: findings are the same on every machine). */
function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

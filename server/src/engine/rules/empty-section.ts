// empty-section: a heading that counts as a lifecycle section or subsection has nothing under it.
// Bad:  ## Monitoring            (followed directly by the next heading)
// Good: ## Monitoring  We track weekly AUC against labelled samples and alert on a 5% drop.
// Only the innermost empty heading is reported (an empty parent of empty children is reported once, by the
// children). The fix inserts the section's (or subsection's) skeleton right under the heading.
import type { RuleContext, RuleDef, RuleFinding } from './types';
import type { Heading, SectionMatch } from '../types';
import { insertionAt, sectionBodySkeleton, subsectionBodySkeleton, type Skeleton } from '../snippets';
import { hasContent, isRealHeading, nextLineStart, sectionAliasesIn, sectionDef, strongMatches, subsectionDef, targetTitle, topSectionDepth } from './util';
import { contentTokens, normalizeHeading } from '../normalize';

/** Which reading of the heading to fill in: a subsection ("### Drift Detection") or the whole section
 * ("## Deployment", even though 'deployment' is also a name for Deployment › Model Serving). A top-level
 * heading that is exactly a name of the section reads as the section; anything deeper prefers the subsection. */
function readingOf(ctx: RuleContext, h: Heading): SectionMatch | undefined {
  const matches = strongMatches(ctx, h.index);
  const sub = matches.find((m) => m.subsectionId);
  const section = sub ? matches.find((m) => m.sectionId === sub.sectionId && !m.subsectionId) : undefined;
  if (sub && section && h.depth <= topSectionDepth(ctx)) {
    const words = contentTokens(h.normalized).join(' ');
    const subTitle = contentTokens(normalizeHeading(subsectionDef(ctx, sub.sectionId, sub.subsectionId!)?.title ?? '')).join(' ');
    if (words !== subTitle && sectionAliasesIn(ctx, h, section.sectionId).includes(words)) return section;
  }
  return sub ?? matches[0];
}

function bodyFor(ctx: RuleContext, h: Heading): { skeleton: Skeleton; target: string; match: SectionMatch } | undefined {
  const m = readingOf(ctx, h);
  if (!m) return undefined;
  if (m.subsectionId) {
    const def = subsectionDef(ctx, m.sectionId, m.subsectionId);
    return def ? { skeleton: subsectionBodySkeleton(def), target: targetTitle(ctx, m), match: m } : undefined;
  }
  const def = sectionDef(ctx, m.sectionId);
  if (!def) return undefined;
  // Subsections addressed elsewhere in the document are not repeated here.
  const coverage = ctx.sections.find((s) => s.id === def.id);
  const missing = h.depth < 6 ? def.subsections.filter((sd) => coverage?.subsections.find((x) => x.id === sd.id)?.status === 'missing') : [];
  return { skeleton: sectionBodySkeleton(def, h.depth, missing), target: def.title, match: m };
}

export const emptySection: RuleDef = {
  id: 'empty-section',
  description: 'A heading that counts as a lifecycle section or subsection has no content.',
  defaultSeverity: 'warning',
  tags: ['content'],
  check(ctx) {
    const empty: Heading[] = [];
    const cursor = { at: 0 };
    for (const h of ctx.doc.headings) {
      if (isRealHeading(h) && strongMatches(ctx, h.index).length > 0 && !hasContent(ctx, { start: h.span.end, end: h.sectionSpan.end }, cursor)) empty.push(h);
    }
    const out: RuleFinding[] = [];
    for (const [k, h] of empty.entries()) {
      // Headings come in document order: the first empty heading after h is the only one to look at (a scan of
      // all of them made 30,000 empty headings take seconds).
      const next = empty[k + 1];
      if (next && next.span.start < h.sectionSpan.end) continue;
      const body = bodyFor(ctx, h);
      if (!body) continue;
      const others = [...new Set(strongMatches(ctx, h.index).map((m) => m.sectionId))].filter((id) => id !== body.match.sectionId);
      const targets = [body.target, ...others.map((id) => sectionDef(ctx, id)?.title ?? id)];
      out.push({
        message: `'${h.text}' counts as ${targets.join(', ')} but has no content.`,
        span: h.span,
        sectionId: body.match.sectionId,
        subsectionId: body.match.subsectionId,
        fix: { title: `Insert a skeleton for ${body.target}`, edits: [insertionAt(ctx.text, nextLineStart(ctx, h.span.end), body.skeleton)] },
      });
    }
    return out;
  },
};

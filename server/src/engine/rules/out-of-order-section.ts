// out-of-order-section: top-level lifecycle sections do not follow the lifecycle order.
// Bad:  ## Deployment … ## Data … ## Model
// Good: ## Data … ## Model … ## Deployment
// Conservative: only real headings at the document's section depth that stand for exactly one section count,
// each section by its first such heading; the longest run already in lifecycle order stays put and only the
// sections outside it are reported, so one misplaced section gives one finding. Sections mentioned in
// passing, nested headings and headings that cover several sections ("Scaling, Monitoring, and Updates") are
// ignored. Nothing is moved automatically: that would rewrite the user's text.
import type { RuleDef, RuleFinding } from './types';
import type { Heading } from '../types';
import { isRealHeading, sectionDef, strongMatches, topSectionDepth } from './util';

interface Placed {
  readonly heading: Heading;
  readonly sectionId: string;
  readonly rank: number;
}

/** Indices of a longest strictly increasing subsequence of ranks (the earliest one on ties). */
function longestInOrder(items: readonly Placed[]): Set<number> {
  const len = items.map(() => 1);
  const prev = items.map(() => -1);
  for (let i = 0; i < items.length; i++) {
    for (let j = 0; j < i; j++) {
      if (items[j]!.rank < items[i]!.rank && len[j]! + 1 > len[i]!) {
        len[i] = len[j]! + 1;
        prev[i] = j;
      }
    }
  }
  let end = 0;
  for (let i = 1; i < items.length; i++) if (len[i]! > len[end]!) end = i;
  const keep = new Set<number>();
  for (let i = items.length ? end : -1; i >= 0; i = prev[i]!) keep.add(i);
  return keep;
}

export const outOfOrderSection: RuleDef = {
  id: 'out-of-order-section',
  description: 'Top-level lifecycle sections are not in lifecycle order.',
  defaultSeverity: 'hint',
  tags: ['structure'],
  check(ctx) {
    const order = ctx.profile.sections.map((s) => s.id);
    const items: Placed[] = [];
    const seen = new Set<string>();
    const top = topSectionDepth(ctx);
    for (const h of ctx.doc.headings) {
      if (!isRealHeading(h) || h.depth !== top || h.index === ctx.doc.titleIndex) continue;
      const ids = new Set(strongMatches(ctx, h.index).map((m) => m.sectionId));
      if (ids.size !== 1) continue;
      const id = [...ids][0]!;
      if (seen.has(id)) continue;
      seen.add(id);
      items.push({ heading: h, sectionId: id, rank: order.indexOf(id) });
    }
    const keep = longestInOrder(items);
    const out: RuleFinding[] = [];
    items.forEach((item, i) => {
      if (keep.has(i)) return;
      const title = sectionDef(ctx, item.sectionId)?.title ?? item.sectionId;
      // The first in-order section that comes later in the document but earlier in the lifecycle.
      const blocker = items.find((x, k) => k > i && keep.has(k) && x.rank < item.rank);
      const earlier = items.find((x, k) => k < i && keep.has(k) && x.rank > item.rank);
      const other = blocker ?? earlier;
      const otherTitle = other ? (sectionDef(ctx, other.sectionId)?.title ?? other.sectionId) : '';
      out.push({
        message: other
          ? `${title} comes ${blocker ? 'before' : 'after'} ${otherTitle}; the lifecycle order puts it ${blocker ? 'after' : 'before'}.`
          : `${title} is out of lifecycle order.`,
        span: item.heading.span,
        sectionId: item.sectionId,
        related: other ? [{ span: other.heading.span, message: `${otherTitle} is here` }] : undefined,
      });
    });
    return out;
  },
};

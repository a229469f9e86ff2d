// duplicate-section: the same lifecycle section has two headings where one is meant.
// Bad:  ## Monitoring … ## Deployment … ## Monitoring        (two sibling headings with the same title)
// Bad:  ## Monitoring … ## Monitoring and Alerting          (two top-level headings name the section by one word)
// Good: ## Data › ### Monitoring  and  ## Model › ### Monitoring  (same title, different parents: two topics)
// Good: ## Dataset … ## Features   (both count for Data, but each names a different subsection)
// Conservative on purpose: two headings are duplicates only when they are at the same depth, not nested, both
// count for the same section, and either (a) they are siblings with the same normalised title, or (b) both sit
// at the top section depth and one names the section by words the other also uses for it ("Monitoring" and
// "Monitoring and Maintenance"; but "Model Training" and "Model Evaluation" are two parts of Model, and a
// top-level "Data Quality" is a misplaced subsection, not a twin of "Data"). Pseudo headings
// (bold paragraphs, list items) are never reported. Related information points at the first occurrence.
import type { RuleContext, RuleDef, RuleFinding } from './types';
import type { Heading, SectionMatch } from '../types';
import { contentTokens, normalizeHeading } from '../normalize';
import { headingForms } from '../outline';
import { isRealHeading, sectionAliasesIn, sectionDef, strongMatches, topSectionDepth } from './util';

/** Phrases not contained in a longer phrase of the list ("monitoring and maintenance", not "monitoring"). */
function maximal(names: readonly string[]): string[] {
  return names.filter((n) => !names.some((m) => m !== n && ` ${m} `.includes(` ${n} `)));
}

function contains(all: readonly string[], some: readonly string[]): boolean {
  return some.length > 0 && some.every((n) => all.includes(n));
}

/** A normalised title's content words, as the rule compares titles (remembered per title across keystrokes). */
function wordsKey(ctx: RuleContext, normalized: string): string {
  const table = ctx.memo?.table<string>('duplicate-section:title-key');
  return table ? table(normalized, computeTitleKey) : computeTitleKey(normalized);
}
const computeTitleKey = (normalized: string) => contentTokens(normalized).join(' ');

/** Whether the heading is exactly the title of one of the section's subsections ("Data Quality"). */
function namesSubsection(ctx: RuleContext, h: Heading, sectionId: string): boolean {
  const def = sectionDef(ctx, sectionId);
  if (!def) return false;
  let titles = subsectionTitles.get(def);
  if (!titles) subsectionTitles.set(def, (titles = new Set(def.subsections.map((sub) => contentTokens(normalizeHeading(sub.title)).join(' ')))));
  return titles.has(wordsKey(ctx, h.normalized));
}
/** Each section's subsection titles as namesSubsection compares them (profiles are data: computed once). */
const subsectionTitles = new WeakMap<object, Set<string>>();

export const duplicateSection: RuleDef = {
  id: 'duplicate-section',
  description: 'Two headings at the same level stand for the same lifecycle section.',
  defaultSeverity: 'warning',
  tags: ['structure'],
  check(ctx) {
    const { parent } = ctx.doc;
    const out: RuleFinding[] = [];
    const firstByTitle = new Map<string, Heading>();
    const topNames = new Map<string, { heading: Heading; names: string[]; maximal: string[] }[]>();
    const top = topSectionDepth(ctx);
    // Per heading index, its strong matches (the sections they name are what is compared): nothing made per
    // heading (a set of section ids for each of 7,000 headings at 4 MB on every keystroke before).
    const matchesOf: (readonly SectionMatch[] | undefined)[] = [];
    const forms = headingForms(ctx.doc.headings);
    for (const b of ctx.doc.headings) {
      if (!isRealHeading(b) || b.index === ctx.doc.titleIndex) continue;
      const matches = strongMatches(ctx, b.index);
      if (matches.length === 0) continue;
      matchesOf[b.index] = matches;
      // (a) siblings with the same normalised title
      const form = forms?.[b.index];
      const key = form === undefined ? wordsKey(ctx, b.normalized) : (form.titleKey ??= wordsKey(ctx, b.normalized));
      // The form's depth is its heading's (a real heading's depth is its block's), so the parent decides.
      let titleKey: string;
      if (form !== undefined && form.siblingParent === parent[b.index] && form.siblingKey !== undefined) titleKey = form.siblingKey;
      else {
        titleKey = `${parent[b.index]}|${b.depth}|${key}`;
        if (form !== undefined) {
          form.siblingKey = titleKey;
          form.siblingParent = parent[b.index]!;
        }
      }
      const a = key ? firstByTitle.get(titleKey) : undefined;
      let shared: string | undefined;
      const matchesOfA = a ? matchesOf[a.index] : undefined;
      // The first of b's sections (in match order) that a names too. Loops, not callbacks: no closure made per
      // keystroke (see by-place.ts PlaceFinder).
      for (let i = 0; matchesOfA !== undefined && shared === undefined && i < matches.length; i++) {
        if (namesSectionIn(matchesOfA, matches[i]!.sectionId)) shared = matches[i]!.sectionId;
      }
      if (a && shared) {
        report(ctx, out, a, b, shared);
        continue;
      }
      if (key && !a) firstByTitle.set(titleKey, b);
      // (b) two top-level headings, one naming the section by words the other also uses for it
      if (b.depth !== top) continue;
      let dup = false;
      for (let i = 0; i < matches.length; i++) {
        const id = matches[i]!.sectionId;
        // Each section once, in match order.
        if (namesSectionIn(matches, id, i)) continue;
        const names = sectionAliasesIn(ctx, b, id);
        const entry = { heading: b, names, maximal: maximal(names) };
        if (namesSubsection(ctx, b, id)) continue;
        const seen = topNames.get(id) ?? [];
        let first: (typeof seen)[number] | undefined;
        for (const x of seen) {
          if ((contains(entry.names, x.maximal) || contains(x.names, entry.maximal)) && !partsOfOneSection(ctx, x.heading, b, id)) {
            first = x;
            break;
          }
        }
        if (first && !dup) {
          report(ctx, out, first.heading, b, id);
          dup = true;
        }
        seen.push(entry);
        topNames.set(id, seen);
      }
    }
    return out;
  },
};

/** Whether one of matches[0, before) names the section (all of them without `before`). */
function namesSectionIn(matches: readonly SectionMatch[], sectionId: string, before = matches.length): boolean {
  for (let i = 0; i < before; i++) if (matches[i]!.sectionId === sectionId) return true;
  return false;
}

/**
 * Whether two headings are two parts of the section rather than two starts of it: one of them counts for the
 * section only through subsections, and the subsections they name differ ("Goals" names the objective,
 * "Non-Goals" the scope: a design doc's usual pair, not a repeat).
 */
function partsOfOneSection(ctx: RuleContext, a: Heading, b: Heading, sectionId: string): boolean {
  const partsA = subsectionsNamed(ctx, a, sectionId);
  const partsB = subsectionsNamed(ctx, b, sectionId);
  if (partsA === undefined || partsB === undefined || (partsA.whole && partsB.whole)) return false;
  for (const id of partsA.ids) if (partsB.ids.includes(id)) return false;
  return true;
}

/** The subsections of `sectionId` a heading names, and whether it also names the section as a whole;
 * undefined when it names no subsection. */
function subsectionsNamed(ctx: RuleContext, h: Heading, sectionId: string): { whole: boolean; ids: string[] } | undefined {
  let whole = false;
  const ids: string[] = [];
  for (const m of strongMatches(ctx, h.index)) {
    if (m.sectionId !== sectionId) continue;
    if (m.subsectionId === undefined) whole = true;
    else if (!ids.includes(m.subsectionId)) ids.push(m.subsectionId);
  }
  return ids.length ? { whole, ids } : undefined;
}

function report(ctx: RuleContext, out: RuleFinding[], a: Heading, b: Heading, id: string): void {
  const title = sectionDef(ctx, id)?.title ?? id;
  out.push({
    message: `'${b.text}' repeats ${title}, already started by '${a.text}'. Merge the two, or give this one a title of its own.`,
    span: b.span,
    sectionId: id,
    related: [{ span: a.span, message: `${title} first appears here` }],
  });
}

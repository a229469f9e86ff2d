// Small helpers the rules share: which headings count for which lifecycle section, what counts as content.
import type { SectionDef, SubsectionDef } from '../profiles/types';
import type { Block, Heading, SectionMatch, Span } from '../types';
import type { RuleContext } from './types';
import { contentTokens, findPhrase } from '../normalize';
import { headingForms, type HeadingForm } from '../outline';
import { matchRunsOf } from '../match';

/** Matches below this confidence are generic headings ("Overview") that only their body can decide. */
export const STRONG = 0.5;

/** Per analysis (keyed by its rule context, which nothing keeps after the rules ran): each heading's strong
 * matches, by heading index. An array, not a map of 7,000 entries at 4 MB; and not kept with the analysis's
 * matches, which the analysis returns (it held ~15,000 objects per keystroke until the next one). */
const byHeading = new WeakMap<RuleContext, (readonly SectionMatch[] | undefined)[]>();
const NO_MATCHES: readonly SectionMatch[] = [];

/** The heading's matches of at least STRONG confidence (indexed once per analysis). For a list headingMatches
 * made (with a memo: every keystroke), each heading's are kept with its form for its run of the list. */
export function strongMatches(ctx: RuleContext, headingIndex: number): readonly SectionMatch[] {
  let index = byHeading.get(ctx);
  if (!index) {
    index = new Array<readonly SectionMatch[] | undefined>(ctx.doc.headings.length).fill(undefined);
    const runs = matchRunsOf(ctx.matches);
    if (runs !== undefined && runs.length === index.length) {
      const forms = headingForms(ctx.doc.headings);
      for (let i = 0; i < runs.length; i++) {
        const run = runs[i];
        if (run === undefined) continue;
        const strong = forms?.[i] !== undefined ? strongOf(forms[i]!, run) : run.filter((m) => m.confidence >= STRONG);
        if (strong.length > 0) index[i] = strong;
      }
    } else {
      for (const m of ctx.matches) {
        if (m.confidence < STRONG) continue;
        const list = index[m.headingIndex] as SectionMatch[] | undefined;
        if (list) list.push(m);
        else index[m.headingIndex] = [m];
      }
    }
    byHeading.set(ctx, index);
  }
  return index[headingIndex] ?? NO_MATCHES;
}

/** A placed list's strong matches, kept with the heading's form for that list (never written to). */
function strongOf(form: HeadingForm, placed: readonly SectionMatch[]): readonly SectionMatch[] {
  if (form.strongOf === placed) return form.strong as readonly SectionMatch[];
  let strong: readonly SectionMatch[] = placed;
  for (let k = 0; k < placed.length; k++) {
    if (placed[k]!.confidence >= STRONG) continue;
    strong = placed.filter((m) => m.confidence >= STRONG);
    break;
  }
  form.strongOf = placed;
  form.strong = strong;
  return strong;
}

export function sectionDef(ctx: RuleContext, id: string): SectionDef | undefined {
  for (const s of ctx.profile.sections) if (s.id === id) return s;
  return undefined;
}

export function subsectionDef(ctx: RuleContext, sectionId: string, subsectionId: string): SubsectionDef | undefined {
  return sectionDef(ctx, sectionId)?.subsections.find((s) => s.id === subsectionId);
}

/** "Deployment › Model Serving" or "Deployment". */
export function targetTitle(ctx: RuleContext, m: { sectionId: string; subsectionId?: string }): string {
  const s = sectionDef(ctx, m.sectionId);
  const sub = m.subsectionId ? subsectionDef(ctx, m.sectionId, m.subsectionId) : undefined;
  return sub ? `${s?.title ?? m.sectionId} › ${sub.title}` : (s?.title ?? m.sectionId);
}

/** Blocks a reader sees as content. Templates carry their prompts in HTML comments, so there comments count. */
export function isContent(b: Block, templateMode: boolean): boolean {
  switch (b.kind) {
    case 'paragraph':
    case 'list-item':
    case 'code':
    case 'table':
    case 'definition':
      return true;
    case 'html':
      if (b.comment) return templateMode && !/^\s*<!--\s*mldoc\b/.test(b.text);
      return /<(?:img|picture|video|svg|iframe|table)\b/i.test(b.text) || b.text.replace(/<[^<>]*>/g, '').trim() !== ''; // [^<>]: linear (see html.ts TAGS)
    default:
      return false;
  }
}

/**
 * Whether any content block starts inside `span`. A caller asking for spans in order of their starts passes a
 * cursor: the search goes on from where the last one stopped (one walk over the blocks for all the headings of a
 * document, not a binary search per heading).
 */
export function hasContent(ctx: RuleContext, span: Span, cursor?: { at: number }): boolean {
  const blocks = ctx.doc.blocks;
  // Blocks come in document order (a container before what it holds), so their starts never decrease.
  let lo = 0;
  if (cursor !== undefined && cursor.at <= blocks.length && (cursor.at === 0 || blocks[cursor.at - 1]!.span.start < span.start)) {
    lo = cursor.at;
    while (lo < blocks.length && blocks[lo]!.span.start < span.start) lo++;
  } else {
    let hi = blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (blocks[mid]!.span.start < span.start) lo = mid + 1;
      else hi = mid;
    }
  }
  if (cursor !== undefined) cursor.at = lo;
  for (let i = lo; i < blocks.length && blocks[i]!.span.start < span.end; i++) {
    if (isContent(blocks[i]!, ctx.doc.templateMode)) return true;
  }
  return false;
}

export function isRealHeading(h: Heading): boolean {
  return h.kind !== 'pseudo';
}

/** Offset of the start of the line after the one holding `offset` (or the end of the text). */
export function nextLineStart(ctx: RuleContext, offset: number): number {
  const line = ctx.lines.lineOf(offset);
  return ctx.lines.lineStarts[line + 1] ?? ctx.text.length;
}

/** The end of the last block (heading or content, not an HTML comment) that ends at or before `offset`: the
 * place right after what precedes an insertion point, ignoring trailing comments. 0 when nothing precedes. */
export function endOfBlocksBefore(ctx: RuleContext, offset: number): number {
  let end = 0;
  for (const b of ctx.doc.blocks) {
    if (b.span.end <= offset && b.span.end > end && !(b.kind === 'html' && b.comment)) end = b.span.end;
  }
  return end;
}


export function topSectionDepth(ctx: RuleContext): number {
  return ctx.sectionDepth;
}

/** Section-level (not subsection) aliases of `sectionId` that occur in the heading as whole phrases. */
export function sectionAliasesIn(ctx: RuleContext, h: Heading, sectionId: string): string[] {
  const toks = contentTokens(h.normalized);
  const out: string[] = [];
  for (const a of ctx.compiled.aliases) if (a.sectionId === sectionId && !a.subsectionId && findPhrase(toks, a.tokens) >= 0) out.push(a.tokens.join(' '));
  return out;
}

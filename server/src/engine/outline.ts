// Blocks -> headings. Real headings (ATX, setext) plus pseudo headings: a paragraph that is only bold text
// ("**Data collection**"), a bold lead ("**Key metrics.** The best proxy ..."), or a short top-level list item
// with nested items under it (templates written as numbered lists). Each heading gets the span of its section.
import type { Block, Heading, Span } from './types';
import { normalizeHeading } from './normalize';
import type { BlockSlot, Memo, MemoTable } from './parse';

const MAX_PSEUDO_WORDS = 8;

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

interface Draft {
  depth: number;
  kind: Heading['kind'];
  text: string;
  span: Span;
  blockIndex: number;
}

/** An estimated end offset moved back off the middle of a \r\n or of a surrogate pair. */
function onBoundary(text: string, offset: number): number {
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  if ((before === 13 && after === 10) || (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff)) return offset - 1;
  return offset;
}

/** A heading's kind and normal form, kept per block object: the parser gives the same object for a block whose
 * chunk has not moved, and then the same text lies under the same span. */
const byBlock = new WeakMap<Block, HeadingForm>();

/** Whether the line at `start` opens with up to three spaces or tabs and a `#` (an ATX heading), without a copy. */
function opensWithHash(text: string, start: number, end: number): boolean {
  for (let i = start; i < end && i < start + 4; i++) {
    const c = text.charCodeAt(i);
    if (c === 35) return true;
    if (c !== 32 && c !== 9) return false;
  }
  return false;
}

function headingOf(b: Block, slot: BlockSlot | undefined, d: Draft, text: string, table: MemoTable<string> | undefined): HeadingForm {
  // With a parse cache, the block's slot: the same for the block wherever its chunk moves (a moved block is a
  // new object), so that a keystroke looks nothing up for the headings after it.
  const hit = slot ? (slot.heading as HeadingForm | undefined) : byBlock.get(b);
  if (hit && hit.text === d.text && (hit.kind === 'pseudo') === (d.kind === 'pseudo')) return hit;
  const kind = d.kind === 'pseudo' ? 'pseudo' : opensWithHash(text, d.span.start, d.span.end) ? 'atx' : 'setext';
  // Every field from the start: one hidden class for all forms (fields added later would make several).
  const entry: HeadingForm = { text: d.text, kind, normalized: table ? table(d.text, plainNormalize) : plainNormalize(d.text), matchesOwner: undefined, matches: undefined, entriesOwner: undefined, entries: undefined, titleKey: undefined, placedOwner: undefined, placedIndex: -1, placed: undefined, last: undefined, namesSuccess: -1, topicsLists: undefined, topics: undefined, reasonOwner: undefined, reasonTopics: undefined, reasons: undefined };
  if (slot) slot.heading = entry;
  else byBlock.set(b, entry);
  return entry;
}

/**
 * A heading's text, kind and normal form, kept per block (in its slot with a parse cache): the same object while
 * the block's chunk is cached. What later steps compute from the heading's text alone is kept with it too (read
 * by position through headingForms, not looked up by text in a memo on every keystroke), each with the owner it
 * was computed for (a compiled profile, a keyword index's lookup).
 */
export interface HeadingForm {
  readonly text: string;
  readonly kind: Heading['kind'];
  readonly normalized: string;
  matchesOwner: unknown;
  matches: unknown;
  entriesOwner: unknown;
  entries: unknown;
  titleKey: string | undefined;
  /** The heading's matches as placed at `placedIndex`, made from the templates `placedOwner`. */
  placedOwner: unknown;
  placedIndex: number;
  placed: unknown;
  /** The last heading object made for this form (computeHeadings reuses it when every field is the same). */
  last: unknown;
  /** Whether the text names success criteria (ml/success.ts): 1 or 0, -1 before it is known. */
  namesSuccess: number;
  /** What coverage found the heading's body to be about (coverage.ts localTopics): `topics`, for the body whose
   * blocks' keyword entries are the lists `topicsLists` (compared by identity). */
  topicsLists: unknown;
  topics: unknown;
  /** Coverage's reasons for the sections this heading's body is about (coverage.ts topicReason): the words for
   * each of the topics `reasonTopics` (by position; undefined until asked) in the compiled profile `reasonOwner`. */
  reasonOwner: unknown;
  reasonTopics: unknown;
  reasons: (string | undefined)[] | undefined;
}

/** The forms of an analysis's headings (by index), for the headings array computeHeadings returned. */
const formsOfHeadings = new WeakMap<readonly Heading[], readonly HeadingForm[]>();

export function headingForms(headings: readonly Heading[]): readonly HeadingForm[] | undefined {
  return formsOfHeadings.get(headings);
}

const plainNormalize = (t: string) => normalizeHeading(t);

export function computeHeadings(blocks: readonly Block[], text: string, memo?: Memo, slots?: readonly BlockSlot[]): Heading[] {
  const ownSlots = slots && slots.length === blocks.length ? slots : undefined;
  const table = memo?.table<string>('outline:normalized');
  const textLength = text.length;
  const drafts: Draft[] = [];
  let realDepth = 0;
  let realHeadings = 0;
  for (const b of blocks) if (b.kind === 'heading') realHeadings++;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind === 'heading') {
      realDepth = b.depth;
      drafts.push({ depth: b.depth, kind: 'atx', text: b.text, span: b.span, blockIndex: i });
      continue;
    }
    const pseudoDepth = realDepth + 1;
    if ((b.kind === 'paragraph' || b.kind === 'list-item') && b.strongLead && wordCount(b.strongLead) <= MAX_PSEUDO_WORDS) {
      const lead = b.strongLead.replace(/[:.]\s*$/, '');
      if (lead && /\p{L}/u.test(lead)) {
        const leadEnd = onBoundary(text, Math.min(b.span.end, b.span.start + b.strongLead.length + (b.kind === 'list-item' ? 6 : 4)));
        drafts.push({ depth: pseudoDepth + (b.kind === 'list-item' ? b.depth : 0), kind: 'pseudo', text: lead, span: { start: b.span.start, end: leadEnd }, blockIndex: i });
        continue;
      }
    }
    // A short top-level list item that carries nested items acts as a section title when the document has
    // few real headings (templates written as a numbered list).
    if (b.kind === 'list-item' && b.depth === 1 && realHeadings <= 2 && b.text && wordCount(b.text) <= MAX_PSEUDO_WORDS) {
      const nextBlock = blocks[i + 1];
      if (nextBlock && nextBlock.kind === 'list-item' && nextBlock.depth > 1 && nextBlock.span.start < b.span.end) {
        const lineEnd = b.text.length;
        drafts.push({ depth: pseudoDepth, kind: 'pseudo', text: b.text, span: { start: b.span.start, end: onBoundary(text, Math.min(b.span.end, b.span.start + lineEnd + 4)) }, blockIndex: i });
      }
    }
  }
  // Section spans: up to the next heading of the same or higher level; bodies: up to the next heading.
  // The next heading of the same or a higher level, for each (a stack from the end: one pass, where looking
  // ahead from each heading went through the whole document for the title on every keystroke).
  const sectionEnds: number[] = new Array<number>(drafts.length);
  const open: number[] = [];
  for (let i = drafts.length - 1; i >= 0; i--) {
    const depth = drafts[i]!.depth;
    while (open.length && drafts[open[open.length - 1]!]!.depth > depth) open.pop();
    sectionEnds[i] = open.length ? drafts[open[open.length - 1]!]!.span.start : textLength;
    open.push(i);
  }
  const headings: Heading[] = [];
  const forms: HeadingForm[] = [];
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i]!;
    const sectionEnd = sectionEnds[i]!;
    const bodyEnd = i + 1 < drafts.length ? drafts[i + 1]!.span.start : textLength;
    const form = headingOf(blocks[d.blockIndex]!, ownSlots?.[d.blockIndex], d, text, table);
    const { kind, normalized } = form;
    forms.push(form);
    const sectionTo = Math.max(d.span.end, sectionEnd);
    const bodyFrom = Math.min(d.span.end, bodyEnd);
    const bodyTo = Math.max(d.span.end, bodyEnd);
    // The heading object of the last analysis when nothing in it changed (most headings before an edit): no
    // new objects kept for the next keystroke's collections to go through.
    const last = ownSlots !== undefined ? (form.last as Heading | undefined) : undefined;
    if (
      last !== undefined && last.index === i && last.depth === d.depth && last.kind === kind && last.text === d.text && last.normalized === normalized &&
      last.span.start === d.span.start && last.span.end === d.span.end && last.sectionSpan.end === sectionTo && last.bodySpan.start === bodyFrom && last.bodySpan.end === bodyTo
    ) {
      headings.push(last);
      continue;
    }
    const h: Heading = { index: i, depth: d.depth, kind, text: d.text, normalized, span: d.span, sectionSpan: { start: d.span.start, end: sectionTo }, bodySpan: { start: bodyFrom, end: bodyTo } };
    if (ownSlots !== undefined) form.last = h;
    headings.push(h);
  }
  formsOfHeadings.set(headings, forms);
  return headings;
}


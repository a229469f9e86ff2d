// Blocks -> headings. Real headings (ATX, setext) plus pseudo headings: a paragraph that is only bold text
// ("**Data collection**"), a bold lead ("**Key metrics.** The best proxy ..."), or a short top-level list item
// with nested items under it (templates written as numbered lists). Each heading gets the span of its section.
import type { Block, Heading } from './types';
import { normalizeHeading } from './normalize';
import type { BlockSlot, Memo, MemoTable } from './parse';

const MAX_PSEUDO_WORDS = 8;

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

/** The headings found so far, as parallel arrays (no object per heading on every keystroke: 7,000 at 4 MB, each
 * living through the analysis's young-generation collections). `pseudo` is 1 for a pseudo heading. */
interface Drafts {
  readonly depth: number[];
  readonly pseudo: number[];
  readonly text: string[];
  readonly start: number[];
  readonly end: number[];
  readonly blockIndex: number[];
}

function addDraft(d: Drafts, depth: number, pseudo: boolean, text: string, start: number, end: number, blockIndex: number): void {
  d.depth.push(depth);
  d.pseudo.push(pseudo ? 1 : 0);
  d.text.push(text);
  d.start.push(start);
  d.end.push(end);
  d.blockIndex.push(blockIndex);
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

function headingOf(b: Block, slot: BlockSlot | undefined, dText: string, pseudo: boolean, start: number, end: number, text: string, table: MemoTable<string> | undefined): HeadingForm {
  // With a parse cache, the block's slot: the same for the block wherever its chunk moves (a moved block is a
  // new object), so that a keystroke looks nothing up for the headings after it.
  const hit = slot ? (slot.heading as HeadingForm | undefined) : byBlock.get(b);
  if (hit && hit.text === dText && (hit.kind === 'pseudo') === pseudo) return hit;
  const kind = pseudo ? 'pseudo' : opensWithHash(text, start, end) ? 'atx' : 'setext';
  // Every field from the start: one hidden class for all forms (fields added later would make several).
  const entry: HeadingForm = { text: dText, kind, normalized: table ? table(dText, plainNormalize) : plainNormalize(dText), matchesOwner: undefined, matches: undefined, entriesOwner: undefined, entries: undefined, titleKey: undefined, placedOwner: undefined, placedIndex: -1, placed: undefined, last: undefined, namesSuccess: -1, topicsLists: undefined, topics: undefined, reasonOwner: undefined, reasonTopics: undefined, reasons: undefined, directOf: undefined, direct: undefined, strongOf: undefined, strong: undefined, siblingKey: undefined, siblingParent: -2 };
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
  /** The sections the heading names directly (a match of confidence 0.5 or more, each once, in match order), for
   * its placed matches `directOf` (coverage.ts headingRelations): no list made per heading on a keystroke. */
  directOf: unknown;
  direct: unknown;
  /** Its placed matches `strongOf` of STRONG confidence or more (rules/util.ts strongMatches). */
  strongOf: unknown;
  strong: unknown;
  /** duplicate-section's key for the heading among its siblings (parent index, depth and title key), for the
   * parent `siblingParent`: the same string on every keystroke that moves no heading (a string made and hashed
   * per heading before). */
  siblingKey: string | undefined;
  siblingParent: number;
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
  const drafts: Drafts = { depth: [], pseudo: [], text: [], start: [], end: [], blockIndex: [] };
  let realDepth = 0;
  let realHeadings = 0;
  for (const b of blocks) if (b.kind === 'heading') realHeadings++;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind === 'heading') {
      realDepth = b.depth;
      addDraft(drafts, b.depth, false, b.text, b.span.start, b.span.end, i);
      continue;
    }
    const pseudoDepth = realDepth + 1;
    if ((b.kind === 'paragraph' || b.kind === 'list-item') && b.strongLead && wordCount(b.strongLead) <= MAX_PSEUDO_WORDS) {
      const lead = b.strongLead.replace(/[:.]\s*$/, '');
      if (lead && /\p{L}/u.test(lead)) {
        const leadEnd = onBoundary(text, Math.min(b.span.end, b.span.start + b.strongLead.length + (b.kind === 'list-item' ? 6 : 4)));
        addDraft(drafts, pseudoDepth + (b.kind === 'list-item' ? b.depth : 0), true, lead, b.span.start, leadEnd, i);
        continue;
      }
    }
    // A short top-level list item that carries nested items acts as a section title when the document has
    // few real headings (templates written as a numbered list).
    if (b.kind === 'list-item' && b.depth === 1 && realHeadings <= 2 && b.text && wordCount(b.text) <= MAX_PSEUDO_WORDS) {
      const nextBlock = blocks[i + 1];
      if (nextBlock && nextBlock.kind === 'list-item' && nextBlock.depth > 1 && nextBlock.span.start < b.span.end) {
        const lineEnd = b.text.length;
        addDraft(drafts, pseudoDepth, true, b.text, b.span.start, onBoundary(text, Math.min(b.span.end, b.span.start + lineEnd + 4)), i);
      }
    }
  }
  // Section spans: up to the next heading of the same or higher level; bodies: up to the next heading.
  // The next heading of the same or a higher level, for each (a stack from the end: one pass, where looking
  // ahead from each heading went through the whole document for the title on every keystroke).
  const count = drafts.depth.length;
  const sectionEnds: number[] = new Array<number>(count);
  const open: number[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const depth = drafts.depth[i]!;
    while (open.length && drafts.depth[open[open.length - 1]!]! > depth) open.pop();
    sectionEnds[i] = open.length ? drafts.start[open[open.length - 1]!]! : textLength;
    open.push(i);
  }
  const headings: Heading[] = [];
  const forms: HeadingForm[] = [];
  for (let i = 0; i < count; i++) {
    const depth = drafts.depth[i]!;
    const dText = drafts.text[i]!;
    const start = drafts.start[i]!;
    const end = drafts.end[i]!;
    const blockIndex = drafts.blockIndex[i]!;
    const sectionEnd = sectionEnds[i]!;
    const bodyEnd = i + 1 < count ? drafts.start[i + 1]! : textLength;
    const form = headingOf(blocks[blockIndex]!, ownSlots?.[blockIndex], dText, drafts.pseudo[i] === 1, start, end, text, table);
    const { kind, normalized } = form;
    forms.push(form);
    const sectionTo = Math.max(end, sectionEnd);
    const bodyFrom = Math.min(end, bodyEnd);
    const bodyTo = Math.max(end, bodyEnd);
    // The heading object of the last analysis when nothing in it changed (most headings before an edit): no
    // new objects kept for the next keystroke's collections to go through.
    const last = ownSlots !== undefined ? (form.last as Heading | undefined) : undefined;
    if (
      last !== undefined && last.index === i && last.depth === depth && last.kind === kind && last.text === dText && last.normalized === normalized &&
      last.span.start === start && last.span.end === end && last.sectionSpan.end === sectionTo && last.bodySpan.start === bodyFrom && last.bodySpan.end === bodyTo
    ) {
      headings.push(last);
      continue;
    }
    // A real heading's span is its block's (one object); a pseudo heading's is its own.
    const b = blocks[blockIndex]!;
    const span = kind !== 'pseudo' && b.span.start === start && b.span.end === end ? b.span : { start, end };
    const h: Heading = { index: i, depth, kind, text: dText, normalized, span, sectionSpan: { start, end: sectionTo }, bodySpan: { start: bodyFrom, end: bodyTo } };
    if (ownSlots !== undefined) form.last = h;
    headings.push(h);
  }
  formsOfHeadings.set(headings, forms);
  return headings;
}


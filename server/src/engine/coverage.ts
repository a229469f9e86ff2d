// Coverage: which lifecycle sections and subsections the document addresses, and how well.
// Headings that match a section own their body (and the bodies of unmatched child headings). A section with
// no heading of its own can still be addressed in the text of others: that is evidence (mentioned, or covered
// when the text is dense with the topic). Thinness is relative to the document: a one-line section in a long
// design is thin, while in a skeleton template every section is one line and that is its normal size.
import type { CompiledProfile, KeywordHit, PhraseEntry } from './match';
import { findKeywordHits, keywordsOfText, matchRunsOf } from './match';
import { openTailStart, visibleInsertionPoint } from './open-tail';
import type { BlockSlot, Memo, MemoTable, PlacedChunk } from './parse';
import { isVisibleHtml, readableText } from './html';
import { firstAtOrAfter } from './sorted';
import { headingForms, type HeadingForm } from './outline';
import type { Block, EngineConfig, Evidence, Heading, SectionCoverage, SectionMatch, Span, Status, SubsectionCoverage } from './types';

export const PLACEHOLDER =
  /\bTBD\b|\bTBA\b|\bTODO\b|\bFIXME\b|\bXXX\b|\[More Information Needed\]|\{\{[^{}]{0,300}\}\}|\{%[^%]{0,300}%\}|\bto be (?:determined|defined|decided|written|added)\b|\blorem ipsum\b|\bcoming soon\b/gi;
const PLACEHOLDER_TEST = new RegExp(PLACEHOLDER.source, 'i');
const CASE_SENSITIVE_PLACEHOLDER = /\b(?:TBD|TBA|TODO|FIXME|XXX)\b/;

export function hasPlaceholder(text: string): boolean {
  // Most texts hold none: without a match in the text as written there is none once lower-case words are out.
  if (!PLACEHOLDER_TEST.test(text)) return false;
  // TBD/TODO count only in capitals: "todo list" in prose is not a placeholder.
  const lowered = text.replace(/\b(?:tbd|tba|todo|fixme|xxx)\b/gi, (m) => (CASE_SENSITIVE_PLACEHOLDER.test(m) ? m : ''));
  return PLACEHOLDER_TEST.test(lowered);
}

export function countWords(text: string): number {
  const stripped = text.replace(PLACEHOLDER, ' ');
  const m = stripped.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu);
  return m ? m.length : 0;
}

export interface DocumentModel {
  readonly text: string;
  readonly blocks: readonly Block[];
  readonly headings: readonly Heading[];
  readonly titleIndex: number | undefined;
  /** Templates carry their prompts in HTML comments; in other docs comments are not content. */
  readonly templateMode: boolean;
  /** For each block, the index of the heading whose body holds it (-1 before the first heading). A typed array:
   * one per keystroke, 28,000 entries at 4 MB, that the collector need not scan. */
  readonly blockOwner: Int32Array;
  /** For each heading, the heading it sits under (-1 at top level). */
  readonly parent: readonly number[];
  /** With a parse cache: each block's slot (see parse.ts BlockSlot), where per-block results are kept. */
  readonly slots?: readonly BlockSlot[];
  /** With slots: the parse's chunks and each one's first block, for what is kept per chunk (a chunk's values
   * follow it from one version to the next, like its blocks' slots). */
  readonly chunks?: ChunkBlocks;
}

export interface ChunkBlocks {
  readonly chunks: readonly PlacedChunk[];
  readonly firstBlock: readonly number[];
}

/**
 * `namesSection` tells a heading that is exactly the title of one of the profile's sections (what an inserted
 * section skeleton writes): such a heading is that section, never the document's title, even when it is the
 * document's only top-level heading.
 */
export function computeDocumentModel(
  text: string,
  blocks: readonly Block[],
  headings: readonly Heading[],
  namesSection: (h: Heading) => boolean = namesNoSection,
  slots?: readonly BlockSlot[],
  chunks?: ChunkBlocks,
): DocumentModel {
  // Loops, not filter/map callbacks: no closure made per keystroke (see by-place.ts PlaceFinder).
  let minDepth = Infinity;
  for (const h of headings) if (h.kind !== 'pseudo' && h.depth < minDepth) minDepth = h.depth;
  let topCount = 0;
  let firstTop: Heading | undefined;
  for (const h of headings) if (h.kind !== 'pseudo' && h.depth === minDepth && topCount++ === 0) firstTop = h;
  const first = headings[0];
  const titleIndex = first && topCount === 1 && firstTop === first && headings.length > 1 && !namesSection(first) ? first.index : undefined;
  let comments = 0;
  for (const b of blocks) if (b.kind === 'html' && b.comment) comments++;
  const blockOwner = new Int32Array(blocks.length);
  let h = -1;
  for (let i = 0; i < blocks.length; i++) {
    const start = blocks[i]!.span.start;
    while (h + 1 < headings.length && headings[h + 1]!.span.start <= start) h++;
    blockOwner[i] = h;
  }
  const parent: number[] = [];
  const stack: Heading[] = [];
  for (const hd of headings) {
    while (stack.length && stack[stack.length - 1]!.depth >= hd.depth) stack.pop();
    parent.push(stack.length ? stack[stack.length - 1]!.index : -1);
    stack.push(hd);
  }
  const ownSlots = slots && slots.length === blocks.length ? slots : undefined;
  const ownChunks = ownSlots && chunks && chunks.chunks.length === chunks.firstBlock.length ? chunks : undefined;
  return { text, blocks, headings, titleIndex, templateMode: comments >= 3, blockOwner, parent, slots: ownSlots, ...(ownChunks ? { chunks: ownChunks } : {}) };
}

const namesNoSection = (): boolean => false;

function countsAsContent(b: Block, templateMode: boolean): boolean {
  if (b.kind === 'heading' || b.kind === 'front-matter' || b.kind === 'thematic-break' || b.kind === 'blockquote') return false;
  // Comments are a template's prompts; other HTML counts when it shows text (see html.ts).
  if (b.kind === 'html') return b.comment === true ? templateMode : isVisibleHtml(b);
  return true;
}

/** Headings (normal form) over legal boilerplate: "permissions and limitations under the License" is not
 * about limitations, nor "in compliance with the License" about security. */
const BOILERPLATE_HEADINGS = new Set(['license', 'licence', 'licenses', 'licences', 'licensing', 'license information', 'licence information', 'copyright', 'copyright and license', 'license and copyright', 'copyright and licence', 'licence and copyright']);

/** The blocks whose keywords are evidence: content other than code, not under a licence or copyright heading. */
function evidenceBlocks(doc: DocumentModel): number[] {
  const { blocks, headings, blockOwner } = doc;
  const out: number[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (!countsAsContent(b, doc.templateMode) || b.kind === 'code') continue;
    if (underBoilerplate(headings, blockOwner[i]!)) continue;
    out.push(i);
  }
  return out;
}

/** Whether the heading owning a block is a licence or copyright heading (its blocks are no evidence). */
function underBoilerplate(headings: readonly Heading[], owner: number): boolean {
  return owner >= 0 && BOILERPLATE_HEADINGS.has(headings[owner]!.normalized);
}

function blockText(b: Block, heading: Heading | undefined): string {
  let t = b.kind === 'html' && b.comment ? b.text.replace(/<!--|-->/g, ' ') : readableText(b);
  // A pseudo heading's own words are the title, not content.
  if (heading && heading.kind === 'pseudo' && b.span.start === heading.span.start) {
    t = t.startsWith(heading.text) ? t.slice(heading.text.length) : b.strongLead ? t.slice(b.strongLead.length) : '';
  }
  return t;
}

interface BodyStats {
  words: number;
  placeholder: boolean;
}

/** Words and placeholders under each heading, in one pass over the blocks (each block has one owner). */
function allBodyStats(doc: DocumentModel, memo: Memo | undefined): BodyStats[] {
  const stats = emptyStats(doc.headings.length);
  const textStats = memo?.table<BodyStats>('coverage:text-stats');
  for (let i = 0; i < doc.blocks.length; i++) {
    const b = doc.blocks[i]!;
    const owner = doc.blockOwner[i]!;
    if (owner < 0 || !countsAsContent(b, doc.templateMode)) continue;
    addBlockStats(stats, owner, b, doc.headings[owner], doc.slots?.[i], textStats);
  }
  return stats;
}

function emptyStats(headingCount: number): BodyStats[] {
  const stats: BodyStats[] = [];
  for (let h = 0; h < headingCount; h++) stats.push({ words: 0, placeholder: false });
  return stats;
}

/** A content block's words and placeholders, added to its owner's (the block's statistics kept in its slot). */
function addBlockStats(stats: BodyStats[], owner: number, b: Block, heading: Heading | undefined, slot: BlockSlot | undefined, textStats: MemoTable<BodyStats> | undefined): void {
  // Nearly every block's counted text is its text as it is (not HTML, not the lead of a pseudo heading): that
  // case without the two calls (the server runs V8 without inlining; 20,000 blocks at 4 MB per keystroke).
  const t = b.kind !== 'html' && (heading === undefined || heading.kind !== 'pseudo' || b.span.start !== heading.span.start) ? b.text : blockText(b, heading);
  let st: BodyStats;
  if (slot && slot.statsText === t && slot.stats) st = slot.stats;
  else {
    st = textStats ? textStats(t, statsOf) : statsOf(t);
    if (slot) {
      slot.statsText = t;
      slot.stats = st;
    }
  }
  stats[owner]!.words += b.kind === 'code' ? Math.min(st.words, 20) : st.words;
  if (st.placeholder) stats[owner]!.placeholder = true;
}

/** A block's statistics (never written to: the per-heading sums are objects of their own). Without a
 * placeholder and under SHARED_STATS words, one shared object per word count: the cache keeps a block's
 * statistics, and a full collection marks every object it holds (see heap-trim.ts). */
function statsOf(t: string): Readonly<BodyStats> {
  const words = countWords(t);
  const placeholder = hasPlaceholder(t);
  if (placeholder || words >= SHARED_STATS) return { words, placeholder };
  // Not frozen: a frozen object has a map of its own, and the code reading statistics would see two.
  return (SHARED[words] ??= { words, placeholder: false });
}

const SHARED_STATS = 1024;
const SHARED: (Readonly<BodyStats> | undefined)[] = [];

function statusOf(stats: BodyStats, thin: number): Status {
  if (stats.words === 0) return stats.placeholder ? 'placeholder' : 'empty';
  if (stats.words < thin) return stats.placeholder ? 'placeholder' : 'thin';
  return 'covered';
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export interface CoverageResult {
  readonly sections: SectionCoverage[];
  readonly owners: readonly (readonly string[])[];
}

/** A section is thin below this share of the document's median section size (and below config.thinWords). */
const RELATIVE_THIN = 0.2;
/** Without a heading, a topic is covered when this many blocks, and this share of all blocks, address it. */
const DENSE_EVIDENCE_BLOCKS = 4;
const DENSE_EVIDENCE_SHARE = 0.3;
const DENSE_EVIDENCE_KEYWORDS = 5;
/** Without a heading, a topic is mentioned when its distinct keywords weigh this much (see PhraseEntry.weight). */
const MENTION_SCORE = 3;
/** A heading's text is about a section when it has this many of its distinct keywords, near the strongest. */
const TOPIC_MIN_KEYWORDS = 3;
const TOPIC_RELATIVE = 0.5;

function evidenceScore(hits: readonly KeywordHit[]): number {
  const best = new Map<string, number>();
  for (const h of hits) {
    const key = h.entry.tokens.join(' ');
    best.set(key, Math.max(best.get(key) ?? 0, h.entry.weight));
  }
  let n = 0;
  for (const w of best.values()) n += w;
  return n;
}

/** An entry's keyword (its tokens joined), one string per entry. */
const keyOfEntry = new WeakMap<PhraseEntry, string>();

function keyOf(e: PhraseEntry): string {
  let key = keyOfEntry.get(e);
  if (key === undefined) keyOfEntry.set(e, (key = e.tokens.join(' ')));
  return key;
}

/** One section's keyword blocks, gathered in one pass over the blocks' (memoised) keyword entries. */
interface SectionAcc {
  /** Positions in `found` of the blocks that have entries for this section, in order. */
  readonly blocks: number[];
  /** Subsections with at least one entry (a few at most: an array, not a set hashed for every entry). */
  readonly subIds: string[];
  /** The `found` position of the block being read. */
  current: number;
}

/**
 * Coverage from the blocks' keyword entries without a hit object per entry. The evidence (an object per block
 * and phrase: ~110,000 at 4 MB, rebuilt on every keystroke) is built only when something reads it: the section
 * objects' `evidence` is a getter (the hover, the coverage tree, the CLI's output read it; the diagnostics of a
 * keystroke do not). It is deduplicated per block (as dedupeEvidence does per block start; the blocks start in
 * increasing order), and a subsection's evidence is the same objects as its section's (same block, same phrase).
 */
export function computeCoverage(doc: DocumentModel, matches: readonly SectionMatch[], cp: CompiledProfile, config: EngineConfig, memo?: Memo): CoverageResult {
  const { headings, blocks } = doc;
  // By the entries' section index (the profile's order), not by id: one array read per entry. (A profile that
  // repeats an id gathers under the id's first place, as one accumulator per id did.)
  const sectionsList = cp.profile.sections;
  const place = sectionsList.map((s) => sectionsList.findIndex((x) => x.id === s.id));
  // Whether a section's distinct phrases per block can be kept in the blocks' slots (see distinctInSlot).
  let packable = place.length <= 8;
  for (let i = 0; i < place.length; i++) if (place[i] !== i) packable = false;
  const gathered = gatherBlocks(doc, cp, memo, place);
  if (gathered === undefined) return computeCoverageFromHits(doc, matches, cp, config, memo); // not in order: the general path
  const { contentBlocks, found, stats, perSection, local, distinctLo, distinctHi } = gathered;
  const { matchesByHeading, hasChild, direct } = headingRelations(doc, matches);
  // A heading's topics are a function of the keyword entries of its blocks only: with a memo those are the same
  // arrays while the blocks' texts stay, so an unchanged body's topics are found by identity (7,000 headings at
  // 4 MB; see localTopics).
  const { owners, ownerReason, weakMentions } = assignOwners(doc, stats, direct, matchesByHeading, hasChild, local, keywordsOfText(cp, memo));

  return finishSections(doc, matches, cp, config, stats, owners, matchesByHeading, ownerReason, weakMentions, (sectionId) => {
    const acc = perSection[sectionsList.findIndex((x) => x.id === sectionId)];
    const entriesOf = function* () {
      for (const k of acc?.blocks ?? []) for (const e of found[k]!) if (e.sectionId === sectionId) yield e;
    };
    let built: { readonly evidence: Evidence[]; readonly subs: Map<string, Evidence[]> } | undefined;
    const build = () => (built ??= buildEvidence(sectionId, acc?.blocks ?? [], found, (k) => blocks[contentBlocks[k]!]!.span));
    let counter: ((h: Heading) => number) | undefined;
    return {
      evidence: () => build().evidence,
      subEvidence: (subId) => build().subs.get(subId) ?? [],
      hasSubEvidence: (subId) => acc?.subIds.includes(subId) ?? false,
      evidenceStarts() {
        // What evidence().map((e) => e.span.start) gives, without the objects: a block's start once per phrase.
        const out: number[] = [];
        for (const k of acc?.blocks ?? []) {
          const entries = found[k]!;
          const start = blocks[contentBlocks[k]!]!.span.start;
          for (let n = 0; n < entries.length; n++) {
            const e = entries[n]!;
            if (e.sectionId !== sectionId) continue;
            let seen = false;
            for (let m = 0; m < n && !seen; m++) seen = entries[m]!.sectionId === sectionId && entries[m]!.phrase === e.phrase;
            if (!seen) out.push(start);
          }
        }
        return out;
      },
      evidenceIn() {
        // Per heading: the distinct phrases of the blocks it owns (what evidenceStarts gives per block), summed
        // over the headings of its section (they follow it in order): no list of starts, no search per heading.
        if (counter) return counter;
        const perOwner = new Array<number>(headings.length).fill(0);
        // With slots and a profile of at most 8 sections with distinct ids, a block's counts for every section
        // are kept in its slot for its entries (the rules rank a section's headings by them on every keystroke).
        const at = packable && doc.slots ? sectionsList.findIndex((x) => x.id === sectionId) : -1;
        // The counts as gatherBlocks copied them from the slots (no slot read again: thousands, scattered over the
        // heap); a slot without them is filled now.
        for (const k of acc?.blocks ?? []) {
          const i = contentBlocks[k]!;
          const owner = doc.blockOwner[i]!;
          if (owner < 0) continue;
          let n = -1;
          if (at >= 0) {
            const packed = at < 4 ? distinctLo[k]! : distinctHi[k]!;
            if (packed >= 0) n = (packed >> (7 * (at % 4))) & 127;
            else if (packed === UNKNOWN_DISTINCT) n = distinctInSlot(doc.slots![i]!, found[k]!, at);
          }
          perOwner[owner]! += n >= 0 ? n : distinctPhrases(found[k]!, sectionId);
        }
        return (counter = headingCounter(headings, perOwner));
      },
      blocksWithHits: () => acc?.blocks.length ?? 0,
      distinct() {
        const keys = new Set<string>();
        for (const e of entriesOf()) keys.add(keyOf(e));
        return keys.size;
      },
      score() {
        const best = new Map<string, number>();
        for (const e of entriesOf()) best.set(keyOf(e), Math.max(best.get(keyOf(e)) ?? 0, e.weight));
        let n = 0;
        for (const w of best.values()) n += w;
        return n;
      },
    };
  }, contentBlocks.length);
}

/**
 * One pass over the blocks for what coverage reads of each: the evidence blocks (evidenceBlocks), their keyword
 * entries (from the slots), each heading's words and placeholders (allBodyStats) and the entries gathered per
 * section and per heading. Four passes before: on a large document the blocks and their slots are scattered over
 * the heap, and most of a pass's time went to reading them (each block read once here, not four times).
 * Undefined when the blocks with entries do not start in increasing order (the general path then).
 */
function gatherBlocks(doc: DocumentModel, cp: CompiledProfile, memo: Memo | undefined, place: readonly number[]) {
  const { blocks, headings, blockOwner, templateMode } = doc;
  const slots = doc.slots;
  const entriesOf = keywordsOfText(cp, memo);
  const textStats = memo?.table<BodyStats>('coverage:text-stats');
  const stats = emptyStats(headings.length);
  const contentBlocks: number[] = [];
  const found: (readonly PhraseEntry[])[] = [];
  const perSection: (SectionAcc | undefined)[] = place.map(() => undefined);
  // The `found` positions of the blocks that have entries, in order; a heading's are the run
  // withEntries[ownerFrom[h]..ownerTo[h]) (owners come in document order). Typed arrays, not a list per heading
  // on every keystroke.
  const withEntries = new Int32Array(blocks.length);
  let withCount = 0;
  const ownerFrom = new Int32Array(headings.length);
  const ownerTo = new Int32Array(headings.length);
  let lastOwner = -1;
  // Per `found` position: its block's distinct phrases per section as kept in its slot (distinctInSlot), read
  // here where the slot is read anyway; UNKNOWN_DISTINCT when the slot has none for these entries.
  const distinctLo = new Int32Array(blocks.length);
  const distinctHi = new Int32Array(blocks.length);
  let lastStart = -1;
  // With slots, sections in place order (no repeated id) and at most 31 subsections: sections and subsections as
  // bits (see sectionBitsOf).
  let bits = slots !== undefined && place.length <= 31 && cp.subsections.length <= 31;
  for (let i = 0; i < place.length && bits; i++) bits = place[i] === i;
  let subsectionsSeen = 0;
  // Whether the last owner read is a licence or copyright heading (one set lookup per heading, not per block).
  let boilerOwner = -2;
  let boiler = false;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (!countsAsContent(b, templateMode)) continue;
    const owner = blockOwner[i]!;
    const slot = slots?.[i];
    // Words and placeholders (allBodyStats).
    if (owner >= 0) addBlockStats(stats, owner, b, headings[owner], slot, textStats);
    // Evidence (evidenceBlocks): not code, not under a licence or copyright heading.
    if (b.kind === 'code') continue;
    if (owner !== boilerOwner) {
      boilerOwner = owner;
      boiler = underBoilerplate(headings, owner);
    }
    if (boiler) continue;
    const k = contentBlocks.length;
    contentBlocks.push(i);
    // Its keyword entries: kept in its slot per compiled profile, read by position.
    let entries: readonly PhraseEntry[];
    if (slot === undefined) entries = entriesOf(readableText(b));
    else if (slot.keywordsOwner === cp && slot.keywords) entries = slot.keywords;
    else {
      entries = entriesOf(readableText(b));
      slot.keywordsOwner = cp;
      slot.keywords = entries;
    }
    found.push(entries);
    if (entries.length === 0) continue;
    if (slot !== undefined && slot.distinctOf === entries) {
      distinctLo[k] = slot.distinctLo;
      distinctHi[k] = slot.distinctHi;
    } else distinctLo[k] = distinctHi[k] = UNKNOWN_DISTINCT;
    if (b.span.start <= lastStart) return undefined;
    lastStart = b.span.start;
    if (owner >= 0) {
      if (owner !== lastOwner) {
        if (owner < lastOwner) return undefined; // owners out of document order: the general path
        lastOwner = owner;
        ownerFrom[owner] = withCount;
      }
      withEntries[withCount++] = k;
      ownerTo[owner] = withCount;
    }
    if (bits && slot !== undefined) {
      // The sections and subsections the entries name, as bits kept in the slot for these entries: a block's few
      // sections visited, not its ~10 entries (150,000 at 4 MB, on every keystroke).
      if (slot.sectionsOf !== entries) sectionBitsOf(slot, entries);
      for (let m = slot.sectionBits; m !== 0; m &= m - 1) {
        const at = 31 - Math.clz32(m & -m);
        let acc = perSection[at];
        if (!acc) perSection[at] = acc = { blocks: [], subIds: [], current: -1 };
        acc.blocks.push(k);
      }
      subsectionsSeen |= slot.subsectionBits;
      continue;
    }
    for (let n = 0; n < entries.length; n++) {
      const e = entries[n]!;
      const at = place[e.sectionIndex]!;
      let acc = perSection[at];
      if (!acc) perSection[at] = acc = { blocks: [], subIds: [], current: -1 };
      if (acc.current !== k) {
        acc.current = k;
        acc.blocks.push(k);
      }
      if (e.subsectionId !== undefined && !acc.subIds.includes(e.subsectionId)) acc.subIds.push(e.subsectionId);
    }
  }
  // The subsections seen as bits: each one's id in its section's list (an entry of a subsection is one of its
  // section's, so the section has its accumulator).
  for (let m = subsectionsSeen; m !== 0; m &= m - 1) {
    const sub = cp.subsections[31 - Math.clz32(m & -m)]!;
    perSection[sub.sectionIndex]!.subIds.push(sub.id);
  }
  const local: BlockEntries = { withEntries, ownerFrom, ownerTo, found, memoised: memo !== undefined };
  return { contentBlocks, found, stats, perSection, local, distinctLo, distinctHi };
}

/** The sections and subsections `entries` name, as bits by place, kept in the block's slot for them. */
function sectionBitsOf(slot: BlockSlot, entries: readonly PhraseEntry[]): void {
  let sections = 0;
  let subsections = 0;
  for (let n = 0; n < entries.length; n++) {
    const e = entries[n]!;
    sections |= 1 << e.sectionIndex;
    if (e.subsectionPlace >= 0) subsections |= 1 << e.subsectionPlace;
  }
  slot.sectionsOf = entries;
  slot.sectionBits = sections;
  slot.subsectionBits = subsections;
}

/** In gatherBlocks's copies of the slots' packed counts: not known yet (-1 is a count that does not fit). */
const UNKNOWN_DISTINCT = -2;

/** The keyword entries of each block, by heading (a plain object read by module functions: no closure made per
 * keystroke, see by-place.ts PlaceFinder). */
interface BlockEntries {
  /** Per heading h, the `found` positions of the blocks it owns that have entries: withEntries[ownerFrom[h]] up
   * to withEntries[ownerTo[h]] (excluded); a heading without such blocks has ownerFrom[h] === ownerTo[h]. */
  readonly withEntries: Int32Array;
  readonly ownerFrom: Int32Array;
  readonly ownerTo: Int32Array;
  readonly found: readonly (readonly PhraseEntry[])[];
  /** Whether topics are remembered (with a memo, the entries of unchanged blocks are the same arrays). */
  readonly memoised: boolean;
}

function hasEntryOf(local: BlockEntries, hIndex: number, sectionId: string): boolean {
  for (let p = local.ownerFrom[hIndex]!; p < local.ownerTo[hIndex]!; p++) for (const e of local.found[local.withEntries[p]!]!) if (e.sectionId === sectionId) return true;
  return false;
}

/** What a heading's own text is about: every section with enough distinct keywords, near the strongest one.
 * With a memo, remembered with the heading's form for its body's entry lists (the same arrays while the blocks'
 * texts stay): no lists made, nothing looked up, for a body whose topics are known (most, on every keystroke). */
function localTopics(local: BlockEntries, hIndex: number, form: HeadingForm | undefined): readonly string[] {
  const from = local.ownerFrom[hIndex]!;
  const count = local.ownerTo[hIndex]! - from;
  if (count <= 0) return NO_IDS;
  const { withEntries, found } = local;
  const memoised = local.memoised && form !== undefined;
  if (memoised) {
    const known = form.topicsLists as readonly (readonly PhraseEntry[])[] | undefined;
    if (known !== undefined && known.length === count) {
      let same = true;
      for (let i = 0; i < count && same; i++) same = known[i] === found[withEntries[from + i]!];
      if (same) return form.topics as readonly string[];
    }
  }
  const lists: (readonly PhraseEntry[])[] = [];
  for (let i = 0; i < count; i++) lists.push(found[withEntries[from + i]!]!);
  const topics = topicsOf(lists);
  if (memoised) {
    form.topicsLists = lists;
    form.topics = topics;
  }
  return topics;
}

/** A section's evidence from its blocks' entries: one object per block and phrase, the subsections' the same
 * objects. */
function buildEvidence(sectionId: string, ks: readonly number[], found: readonly (readonly PhraseEntry[])[], spanOf: (k: number) => Span) {
  const evidence: Evidence[] = [];
  const subs = new Map<string, Evidence[]>();
  for (const k of ks) {
    const span = spanOf(k);
    const runStart = evidence.length;
    for (const e of found[k]!) {
      if (e.sectionId !== sectionId) continue;
      let ev: Evidence | undefined;
      for (let x = runStart; x < evidence.length; x++) {
        if (evidence[x]!.keyword === e.phrase) {
          ev = evidence[x];
          break;
        }
      }
      if (!ev) evidence.push((ev = { span, keyword: e.phrase }));
      if (e.subsectionId !== undefined) {
        let sub = subs.get(e.subsectionId);
        if (!sub) subs.set(e.subsectionId, (sub = []));
        // Within this block's run of the subsection's evidence (its objects all carry this block's span).
        let seen = false;
        for (let x = sub.length - 1; x >= 0 && sub[x]!.span === span; x--) {
          if (sub[x] === ev) {
            seen = true;
            break;
          }
        }
        if (!seen) sub.push(ev);
      }
    }
  }
  return { evidence, subs };
}

/** What a body is about, from its blocks' keyword entries: every section with enough distinct keywords, near the
 * strongest one. */
function topicsOf(lists: readonly (readonly PhraseEntry[])[]): string[] {
  const counts = new Map<string, Set<string>>();
  for (const entries of lists) {
    for (const e of entries) {
      const set = counts.get(e.sectionId) ?? new Set<string>();
      set.add(keyOf(e));
      counts.set(e.sectionId, set);
    }
  }
  const best = Math.max(0, ...[...counts.values()].map((c) => c.size));
  return [...counts.entries()].filter(([, c]) => c.size >= TOPIC_MIN_KEYWORDS && c.size >= TOPIC_RELATIVE * best).map(([id]) => id);
}


interface SectionEvidence {
  /** Built on first call (the same array after). */
  evidence(): Evidence[];
  subEvidence(subId: string): Evidence[];
  /** Whether subEvidence(subId) is not empty, without building it. */
  hasSubEvidence(subId: string): boolean;
  /** evidence().map((e) => e.span.start), without building the evidence. */
  evidenceStarts(): number[];
  /** How many of evidenceStarts() lie in a heading's section ([span.start, sectionSpan.end)); built on first call. */
  evidenceIn(): (h: Heading) => number;
  blocksWithHits(): number;
  distinct(): number;
  score(): number;
}

/** Per heading index (sparse): the sections its body's topics make it own (see topicReason for the words). */
type OwnerReasons = (readonly string[] | undefined)[];

function assignOwners(
  doc: DocumentModel,
  stats: readonly BodyStats[],
  direct: readonly string[][],
  matchesByHeading: readonly SectionMatch[][],
  hasChild: readonly boolean[],
  local: BlockEntries,
  headingEntries: (text: string) => readonly PhraseEntry[],
) {
  const owners: string[][] = [];
  const ownerReason: OwnerReasons = [];
  const weakMentions = new Set<string>();
  const forms = headingForms(doc.headings);
  for (const h of doc.headings) {
    if (h.index === doc.titleIndex) {
      owners.push([]);
      continue;
    }
    let own = direct[h.index]!;
    if (own.length === 0) {
      const topics = localTopics(local, h.index, forms?.[h.index]);
      const named = matchesByHeading[h.index]!;
      // The weak names (confidence under 0.5), each once, in match order. A weak name counts when the text under
      // it agrees, or when there is no text at all (an empty section); under text about something else it is
      // only a mention. (No list made for a heading without weak names: most of 7,000 at 4 MB, every keystroke.)
      let weak: string[] | undefined;
      let empty: boolean | undefined;
      for (let i = 0; i < named.length; i++) {
        const m = named[i]!;
        if (m.confidence >= 0.5) continue;
        let seen = false;
        for (let j = 0; j < i && !seen; j++) seen = named[j]!.confidence < 0.5 && named[j]!.sectionId === m.sectionId;
        if (seen) continue;
        empty ??= stats[h.index]!.words === 0 && !hasChild[h.index];
        if (empty || hasEntryOf(local, h.index, m.sectionId)) (weak ??= []).push(m.sectionId);
        else weakMentions.add(m.sectionId);
      }
      if (topics.length || weak) {
        // The topics list is shared (remembered per body) and never written to; a list of its own with weak names.
        if (weak === undefined) own = topics as string[];
        else {
          own = weak;
          for (const t of topics) if (!own.includes(t)) own.push(t);
        }
        if (topics.length) ownerReason[h.index] = topics;
      } else {
        const p = doc.parent[h.index]!;
        own = p >= 0 ? owners[p]! : NO_IDS;
      }
    }
    owners.push(own);
    // A heading's own words are not body evidence, but a heading that says a section's strong keyword raises
    // the topic: a datasheet's "Does the dataset contain data that might be considered confidential?" answered
    // "No." mentions security, "Were any ethical review processes conducted?" ethics. A mention only.
    for (const e of entriesOfHeading(h, forms, headingEntries)) if (e.weight === 3 && !own.includes(e.sectionId)) weakMentions.add(e.sectionId);
  }
  return { owners, ownerReason, weakMentions };
}

/** The keyword entries of a heading's text, kept with its form (see outline.ts HeadingForm) for this lookup. */
function entriesOfHeading(h: Heading, forms: readonly HeadingForm[] | undefined, headingEntries: (text: string) => readonly PhraseEntry[]): readonly PhraseEntry[] {
  const form = forms?.[h.index];
  if (form === undefined) return headingEntries(h.text);
  if (form.entriesOwner === headingEntries) return form.entries as readonly PhraseEntry[];
  const entries = headingEntries(h.text);
  form.entriesOwner = headingEntries;
  form.entries = entries;
  return entries;
}

/** Why a heading owns a section its body is about, in words. Kept with the heading's form, per topic of its
 * body (the topics list is remembered per body, see localTopics): ~2,600 strings made per keystroke at 4 MB
 * before (a heading's body is often about two sections). */
function topicReason(h: Heading, forms: readonly HeadingForm[] | undefined, cp: CompiledProfile, topics: readonly string[], sectionId: string): string {
  const form = forms?.[h.index];
  const at = topics.indexOf(sectionId);
  if (form !== undefined && form.reasonOwner === cp && form.reasonTopics === topics) {
    const known = form.reasons![at];
    if (known !== undefined) return known;
  } else if (form !== undefined) {
    form.reasonOwner = cp;
    form.reasonTopics = topics;
    form.reasons = new Array<string | undefined>(topics.length).fill(undefined);
  }
  // Flat strings (join), not template literals' trees of concatenations (see match.ts matchTemplates).
  const reason = ["the text under '", h.text, "' is about ", sectionTitle(cp, sectionId)].join('');
  if (form !== undefined) form.reasons![at] = reason;
  return reason;
}

function wordsOf(stats: readonly BodyStats[], hs: readonly Heading[]): number {
  let n = 0;
  for (const h of hs) n += stats[h.index]!.words;
  return n;
}

function anyPlaceholder(stats: readonly BodyStats[], hs: readonly Heading[]): boolean {
  for (const h of hs) if (stats[h.index]!.placeholder) return true;
  return false;
}

function sectionTitle(cp: CompiledProfile, id: string): string {
  for (const x of cp.profile.sections) if (x.id === id) return x.title;
  throw new Error(`no section ${id}`);
}

function finishSections(
  doc: DocumentModel,
  matches: readonly SectionMatch[],
  cp: CompiledProfile,
  config: EngineConfig,
  stats: readonly BodyStats[],
  owners: readonly (readonly string[])[],
  matchesByHeading: readonly SectionMatch[][],
  ownerReason: OwnerReasons,
  weakMentions: ReadonlySet<string>,
  evidenceOf: (sectionId: string) => SectionEvidence,
  contentBlockCount: number,
): CoverageResult {
  const { headings } = doc;
  const forms = headingForms(headings);
  // The headings that own each section, in one pass (owners is per heading).
  const ownedByMap = new Map<string, Heading[]>();
  for (const h of headings) {
    const ids = owners[h.index]!;
    for (let n = 0; n < ids.length; n++) {
      const list = ownedByMap.get(ids[n]!);
      if (list === undefined) ownedByMap.set(ids[n]!, [h]);
      else if (list[list.length - 1] !== h) list.push(h);
    }
  }
  const ownedBy = (sectionId: string): Heading[] => ownedByMap.get(sectionId) ?? [];
  const sectionWords: number[] = [];
  for (const s of cp.profile.sections) {
    const w = wordsOf(stats, ownedBy(s.id));
    if (w > 0) sectionWords.push(w);
  }
  const thin = Math.max(config.thinWords, Math.round(RELATIVE_THIN * median(sectionWords)));

  // Insertions must not land inside an unclosed code block or comment at the end of the document.
  const openTail = openTailStart(doc.text, doc.blocks);
  // The headings matched to each subsection, in match order (one pass, not a filter per subsection).
  const subHeadingsOf = new Map<string, Map<string, Heading[]>>();
  for (const m of matches) {
    if (m.subsectionId === undefined) continue;
    let bySub = subHeadingsOf.get(m.sectionId);
    if (!bySub) subHeadingsOf.set(m.sectionId, (bySub = new Map()));
    let list = bySub.get(m.subsectionId);
    if (!list) bySub.set(m.subsectionId, (list = []));
    list.push(headings[m.headingIndex]!);
  }
  const drafts: SectionDraft[] = [];
  for (const s of cp.profile.sections) {
    const own = ownedBy(s.id);
    const ev = evidenceOf(s.id);
    let status: Status;
    const words = wordsOf(stats, own);
    if (own.length) {
      status = statusOf({ words, placeholder: anyPlaceholder(stats, own) }, thin);
    } else {
      const blocksWithHits = ev.blocksWithHits();
      const distinct = ev.distinct();
      const dense = blocksWithHits >= DENSE_EVIDENCE_BLOCKS && distinct >= DENSE_EVIDENCE_KEYWORDS && blocksWithHits >= DENSE_EVIDENCE_SHARE * contentBlockCount;
      status = dense ? 'covered' : ev.score() >= MENTION_SCORE || weakMentions.has(s.id) ? 'mentioned' : 'missing';
    }
    // The headings that name the section (a match) or whose text is about it (an owner reason); not those that
    // only sit under one. (A direct match is always among the heading's matches.)
    const headingRefs: { index: number; reason: string }[] = [];
    for (const h of own) {
      const named = matchesByHeading[h.index]!;
      let reason: string | undefined;
      for (let i = 0; i < named.length && reason === undefined; i++) if (named[i]!.sectionId === s.id) reason = named[i]!.reason;
      const topics = ownerReason[h.index];
      if (reason === undefined && topics !== undefined && topics.includes(s.id)) reason = topicReason(h, forms, cp, topics, s.id);
      if (reason !== undefined) headingRefs.push({ index: h.index, reason });
    }
    const subsections: SubsectionCoverage[] = s.subsections.map((sub) => {
      const subHeadings = subHeadingsOf.get(s.id)?.get(sub.id) ?? [];
      let subStatus: Status;
      if (subHeadings.length) {
        let subWords = wordsOf(stats, subHeadings);
        for (const h of subHeadings) subWords += childWords(doc, stats, owners, h, s.id);
        subStatus = statusOf({ words: subWords, placeholder: anyPlaceholder(stats, subHeadings) }, config.thinWords);
      } else if (status === 'missing') {
        subStatus = 'missing';
      } else {
        subStatus = ev.hasSubEvidence(sub.id) ? 'mentioned' : 'missing';
      }
      return subsectionCoverage(sub.id, sub.title, subStatus, subHeadings[0]?.index, visibleInsertionPoint(openTail, own.length ? own[0]!.sectionSpan.end : doc.text.length), ev);
    });
    drafts.push({ id: s.id, title: s.title, status, headings: headingRefs, words, subsections, ev });
  }
  // Each section object made once (a spread would read, and so build, the evidence).
  const places = placeSections(doc, drafts);
  const sections: SectionCoverage[] = [];
  for (let i = 0; i < drafts.length; i++) sections.push(sectionCoverage(drafts[i]!, visibleInsertionPoint(openTail, places[i]!.insertAt), places[i]!.after, thin));
  return { sections, owners };
}

// The section and subsection objects are made by module functions: their evidence getters then hold only what
// they read (the section's evidence). Made inside finishSections, a getter's scope chain kept finishSections'
// own scope alive with the analysis: every heading's owners, statistics, matches and reasons (~40,000 objects
// at 4 MB, marked by every full collection and promoted on every keystroke).

function sectionCoverage(d: SectionDraft, insertAt: number, after: string | undefined, thin: number): SectionCoverage {
  const { ev } = d;
  const section: SectionCoverage = {
    id: d.id,
    title: d.title,
    status: d.status,
    headings: d.headings,
    words: d.words,
    // Built when read (see computeCoverage).
    get evidence(): Evidence[] {
      return ev.evidence();
    },
    subsections: d.subsections,
    insertAt,
    after,
    thinBelow: d.status === 'thin' ? thin : undefined,
  };
  evidenceStartsMemo.set(section, ev.evidenceStarts);
  evidenceInMemo.set(section, ev.evidenceIn);
  return section;
}

function subsectionCoverage(id: string, title: string, status: Status, headingIndex: number | undefined, insertAt: number, ev: SectionEvidence): SubsectionCoverage {
  return {
    id,
    title,
    status,
    headingIndex,
    // Built when read (see computeCoverage).
    get evidence(): Evidence[] {
      return ev.subEvidence(id);
    },
    insertAt,
  };
}

/** What finishSections knows of a section before its place in the document. */
interface SectionDraft extends Pick<SectionCoverage, 'id' | 'title' | 'status' | 'headings' | 'words' | 'subsections'> {
  readonly ev: SectionEvidence;
}

const evidenceStartsMemo = new WeakMap<SectionCoverage, () => number[]>();

/** Where a section's evidence starts (its evidence's span starts, in order), without building its evidence
 * objects when coverage can tell (the rules ask on every keystroke; see computeCoverage). */
export function evidenceStartsOf(section: SectionCoverage): number[] {
  return evidenceStartsMemo.get(section)?.() ?? section.evidence.map((e) => e.span.start);
}

/** How many of a section's evidence starts lie in a heading's section span (the rules rank headings by it). */
export function evidenceCounterOf(section: SectionCoverage): (h: Heading) => number {
  return evidenceInMemo.get(section)?.() ?? countsFromStarts(evidenceStartsOf(section));
}

const evidenceInMemo = new WeakMap<SectionCoverage, () => (h: Heading) => number>();

/** The count of starts in [h.span.start, h.sectionSpan.end): two binary searches over the sorted starts. */
export function countsFromStarts(starts: number[]): (h: Heading) => number {
  // Usually in document order already (coverage gathers them block by block): sorted only when not.
  for (let i = 1; i < starts.length; i++) {
    if (starts[i]! < starts[i - 1]!) {
      starts.sort((a, b) => a - b);
      break;
    }
  }
  return (h) => Math.max(0, firstAtOrAfter(starts, h.sectionSpan.end) - firstAtOrAfter(starts, h.span.start));
}

/** A block's distinct phrases for a section (a phrase counted once however often its entries repeat). */
function distinctPhrases(entries: readonly PhraseEntry[], sectionId: string): number {
  return countDistinct(entries, sectionId, -1);
}

/** The distinct phrases of the entries of a section, named by its id or (id undefined) by its index. The
 * section's phrases seen so far in a scratch list: each entry is compared with those only, not with every entry
 * before it (the rules rank a section's headings by this on every keystroke: ~3 ms at 4 MB before). */
function countDistinct(entries: readonly PhraseEntry[], sectionId: string | undefined, sectionIndex: number): number {
  let n = 0;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (sectionId !== undefined ? e.sectionId !== sectionId : e.sectionIndex !== sectionIndex) continue;
    let seen = false;
    for (let m = 0; m < n && !seen; m++) seen = phraseScratch[m] === e.phrase;
    if (!seen) phraseScratch[n++] = e.phrase;
  }
  // Not kept: the scratch list holds the profile's own phrase strings only.
  return n;
}

const phraseScratch: string[] = [];

/** The distinct phrases of section `at` (its place in the profile, under 8; ids distinct) in the block's keyword
 * entries `entries`, from its slot, counted for all sections the first time (-1 when a count does not fit). */
function distinctInSlot(slot: BlockSlot, entries: readonly PhraseEntry[], at: number): number {
  if (slot.distinctOf !== entries) {
    let lo = 0;
    let hi = 0;
    for (let s = 0; s < 8 && lo >= 0; s++) {
      const n = countDistinct(entries, undefined, s);
      // Integer operations: the fields stay small integers (a float would give every slot a number object).
      if (n > 127) lo = hi = -1;
      else if (s < 4) lo |= n << (7 * s);
      else hi |= n << (7 * (s - 4));
    }
    slot.distinctOf = entries;
    slot.distinctLo = lo;
    slot.distinctHi = hi;
  }
  const packed = at < 4 ? slot.distinctLo : slot.distinctHi;
  return packed < 0 ? -1 : (packed >> (7 * (at % 4))) & 127;
}

/**
 * From per-heading counts (of what each heading's own body holds) to the count in each heading's section span:
 * the headings inside it are the run right after it (document order), found by a binary search on their starts.
 */
function headingCounter(headings: readonly Heading[], perOwner: readonly number[]): (h: Heading) => number {
  const prefix = new Array<number>(headings.length + 1);
  prefix[0] = 0;
  for (let i = 0; i < headings.length; i++) prefix[i + 1] = prefix[i]! + perOwner[i]!;
  return (h) => {
    let lo = h.index + 1;
    let hi = headings.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (headings[mid]!.span.start < h.sectionSpan.end) lo = mid + 1;
      else hi = mid;
    }
    return prefix[lo]! - prefix[h.index]!;
  };
}

/** The general path, hit by hit (blocks whose starts are not increasing; the tests compare the summaries with it). */
export function computeCoverageFromHits(doc: DocumentModel, matches: readonly SectionMatch[], cp: CompiledProfile, config: EngineConfig, memo?: Memo): CoverageResult {
  const { headings, blocks } = doc;
  const contentBlocks = evidenceBlocks(doc);
  const hits = findKeywordHits(blocks, contentBlocks, cp, memo);
  const stats = allBodyStats(doc, memo);
  const hitsByOwner: KeywordHit[][] = headings.map(() => []);
  for (const hit of hits) {
    const owner = doc.blockOwner[hit.blockIndex]!;
    if (owner >= 0) hitsByOwner[owner]!.push(hit);
  }
  const { matchesByHeading, hasChild, direct } = headingRelations(doc, matches);
  // Each heading's entries as one list: its topics and evidence are the same whatever the grouping.
  const found: PhraseEntry[][] = hitsByOwner.map((hs) => hs.map((hit) => hit.entry));
  // Each heading's list is its own `found` position: the run [h] for a heading with entries.
  const withEntries = new Int32Array(headings.length);
  const ownerFrom = new Int32Array(headings.length);
  const ownerTo = new Int32Array(headings.length);
  let withCount = 0;
  for (let h = 0; h < found.length; h++) {
    if (found[h]!.length === 0) continue;
    ownerFrom[h] = withCount;
    withEntries[withCount++] = h;
    ownerTo[h] = withCount;
  }
  const local: BlockEntries = { withEntries, ownerFrom, ownerTo, found, memoised: false };
  const { owners, ownerReason, weakMentions } = assignOwners(doc, stats, direct, matchesByHeading, hasChild, local, keywordsOfText(cp, memo));
  return finishSections(doc, matches, cp, config, stats, owners, matchesByHeading, ownerReason, weakMentions, (sectionId) => {
    const sectionHits = hits.filter((h) => h.entry.sectionId === sectionId);
    const evidence = dedupeEvidence(sectionHits);
    return {
      evidence: () => evidence,
      subEvidence: (subId) => dedupeEvidence(sectionHits.filter((h) => h.entry.subsectionId === subId)),
      hasSubEvidence: (subId) => sectionHits.some((h) => h.entry.subsectionId === subId),
      evidenceStarts: () => evidence.map((e) => e.span.start),
      evidenceIn: () => countsFromStarts(evidence.map((e) => e.span.start)),
      blocksWithHits: () => new Set(sectionHits.map((h) => h.blockIndex)).size,
      distinct: () => new Set(sectionHits.map((h) => h.entry.tokens.join(' '))).size,
      score: () => evidenceScore(sectionHits),
    };
  }, contentBlocks.length);
}

/** Per heading: its matches, whether it has child headings, and the sections it speaks for directly (its own
 * strong matches; the rest, what its body is about or its parent's, is decided by assignOwners). */
/** The list of a heading with none (shared, never written to: lists are made on their first element). */
const NO_MATCHES: SectionMatch[] = [];
const NO_IDS: string[] = [];

function headingRelations(doc: DocumentModel, matches: readonly SectionMatch[]) {
  const { headings } = doc;
  // Most headings match nothing: they share one empty list instead of two new ones each per keystroke.
  const matchesByHeading: SectionMatch[][] = new Array<SectionMatch[]>(headings.length).fill(NO_MATCHES);
  const direct: string[][] = new Array<string[]>(headings.length).fill(NO_IDS);
  const runs = matchRunsOf(matches);
  if (runs !== undefined && runs.length === headings.length) {
    // A list headingMatches made (with a memo: every keystroke): each heading's run of it is the list kept with
    // its form, shared (never written to) with its direct sections, not two new lists per heading.
    const forms = headingForms(headings);
    for (let i = 0; i < runs.length; i++) {
      const run = runs[i];
      if (run === undefined || run.length === 0) continue;
      matchesByHeading[i] = run as SectionMatch[];
      direct[i] = (forms?.[i] !== undefined ? directOf(forms[i]!, run) : directIds(run)) as string[];
    }
  } else {
    for (const m of matches) {
      const i = m.headingIndex;
      if (i < 0 || i >= headings.length) continue;
      if (matchesByHeading[i] === NO_MATCHES) matchesByHeading[i] = [m];
      else matchesByHeading[i]!.push(m);
      if (m.confidence >= 0.5 && !direct[i]!.includes(m.sectionId)) {
        if (direct[i] === NO_IDS) direct[i] = [m.sectionId];
        else direct[i]!.push(m.sectionId);
      }
    }
  }
  const hasChild: boolean[] = new Array<boolean>(headings.length).fill(false);
  for (const h of headings) if (doc.parent[h.index]! >= 0) hasChild[doc.parent[h.index]!] = true;
  return { matchesByHeading, hasChild, direct };
}

/** The sections matches name directly (confidence 0.5 or more), each once, in match order (shared lists: never
 * written to). */
function directIds(matches: readonly SectionMatch[]): string[] {
  let ids: string[] = NO_IDS;
  for (const m of matches) {
    if (m.confidence < 0.5 || ids.includes(m.sectionId)) continue;
    if (ids === NO_IDS) ids = oneId(m.sectionId);
    else ids = ids.length === 1 ? [ids[0]!, m.sectionId] : (ids.push(m.sectionId), ids);
  }
  return ids;
}

/** One list per section id for the headings that name one section (nearly all): the forms keep these lists
 * alive, and a full collection marks every object they hold (see heap-trim.ts). */
const ONE_ID = new Map<string, string[]>();
function oneId(id: string): string[] {
  let list = ONE_ID.get(id);
  if (list === undefined) {
    list = [id];
    if (ONE_ID.size < 256) ONE_ID.set(id, list);
  }
  return list;
}

/** The sections a heading's placed matches name directly (confidence 0.5 or more, each once, in match order),
 * kept with its form for that list. */
function directOf(form: HeadingForm, placed: readonly SectionMatch[]): readonly string[] {
  if (form.directOf === placed) return form.direct as readonly string[];
  const ids = directIds(placed);
  form.directOf = placed;
  form.direct = ids;
  return ids;
}

/** Words in the child headings of `h` that count for the same section (they inherited it). */
function childWords(doc: DocumentModel, stats: readonly BodyStats[], owners: readonly (readonly string[])[], h: Heading, sectionId: string): number {
  let n = 0;
  // Headings come in document order, so the ones inside h's section are the run right after it.
  for (let i = h.index + 1; i < doc.headings.length; i++) {
    const child = doc.headings[i]!;
    if (child.span.start >= h.sectionSpan.end) break;
    if (owners[child.index]!.includes(sectionId)) n += stats[child.index]!.words;
  }
  return n;
}

function dedupeEvidence(hits: readonly KeywordHit[]): Evidence[] {
  // Hits come block by block, in document order: a repeat can only be among the hits of the same block start,
  // so remembering that run's phrases is enough (and cheaper than a key per hit on a large document).
  const out: Evidence[] = [];
  const run = new Set<string>();
  let at = -1;
  for (const h of hits) {
    if (h.span.start < at) return dedupeEvidenceByKey(hits);
    if (h.span.start !== at) {
      at = h.span.start;
      run.clear();
    }
    if (run.has(h.entry.phrase)) continue;
    run.add(h.entry.phrase);
    out.push({ span: h.span, keyword: h.entry.phrase });
  }
  return out;
}

function dedupeEvidenceByKey(hits: readonly KeywordHit[]): Evidence[] {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const h of hits) {
    const key = `${h.span.start}:${h.entry.phrase}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ span: h.span, keyword: h.entry.phrase });
  }
  return out;
}

/** Where each missing section belongs: after the nearest present predecessor in lifecycle order. */
/** Where each section goes in the document when it is inserted, and after which section. */
function placeSections(doc: DocumentModel, sections: readonly Pick<SectionCoverage, 'id' | 'headings'>[]): { insertAt: number; after: string | undefined }[] {
  const out: { insertAt: number; after: string | undefined }[] = [];
  for (let i = 0; i < sections.length; i++) {
    let insertAt = doc.text.length;
    let after: string | undefined;
    for (let j = i - 1; j >= 0; j--) {
      if (sections[j]!.headings.length) {
        insertAt = endOfSection(doc, sections[j]!);
        after = sections[j]!.id;
        break;
      }
    }
    if (!after) {
      // Before the first heading of the next section that has one.
      insertAt = doc.text.length;
      for (let j = i + 1; j < sections.length; j++) {
        const refs = sections[j]!.headings;
        const next = refs.length ? doc.headings[refs[0]!.index] : undefined;
        if (next) {
          insertAt = next.span.start;
          break;
        }
      }
    }
    out.push({ insertAt, after });
  }
  return out;
}

/** The end of a section's top-level headings only: a heading of it nested inside another section (a "Business
 * Metrics" under "Model") must not pull the insertion point into that other section. */
function endOfSection(doc: DocumentModel, s: Pick<SectionCoverage, 'headings'>): number {
  let top = Infinity;
  for (const ref of s.headings) top = Math.min(top, doc.headings[ref.index]!.depth);
  let end = 0;
  for (const ref of s.headings) {
    const h = doc.headings[ref.index]!;
    if (h.depth === top) end = Math.max(end, h.sectionSpan.end);
  }
  return end;
}

export function spanOfHeading(doc: DocumentModel, index: number): Span {
  return doc.headings[index]!.span;
}

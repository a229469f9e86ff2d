// Recognising sections by concept. A heading counts for a section when one of the section's titles or aliases
// appears in it as a whole phrase (after normalisation and stemming); longer phrases win over shorter ones that
// overlap them, so "Model Serving" is deployment, not model. One heading may count for several sections
// ("Scaling, Monitoring, and Updates"). Generic headings ("Architecture", "Overview") are weak: the body decides.
import type { ProfileDef } from './profiles/types';
import type { Block, Heading, SectionMatch, Span } from './types';
import { contentToken, contentTokens, findPhrase, normalizeHeading, phraseAt } from './normalize';
import type { Memo, MemoTable } from './parse';
import { readableText } from './html';
import { headingForms } from './outline';

export interface PhraseEntry {
  readonly tokens: readonly string[];
  readonly phrase: string;
  readonly sectionId: string;
  /** The section's place in its profile's list of sections (an array index where an id would be a lookup). */
  readonly sectionIndex: number;
  readonly subsectionId?: string;
  /** The subsection's place among all of the profile's subsections (in profile order); -1 for the section's own. */
  readonly subsectionPlace: number;
  /** Evidence weight: 3 for a strong keyword, 2 for a multi-word phrase, 1 for a single word. */
  readonly weight: number;
  /** The section's or subsection's own title: a heading that is exactly a title is never weak. */
  readonly title?: boolean;
}

export interface CompiledProfile {
  readonly profile: ProfileDef;
  readonly aliases: readonly PhraseEntry[];
  readonly keywords: readonly PhraseEntry[];
  /** The profile's subsections in order (an entry's subsectionPlace indexes this). */
  readonly subsections: readonly { readonly sectionIndex: number; readonly id: string }[];
}

/** WEAK by content tokens (stemmed, stop words out): "Architectures" and "The References" are as generic. */
let weakByTokens: Set<string> | undefined;
function weakTokens(): Set<string> {
  return (weakByTokens ??= new Set([...WEAK].map((w) => contentTokens(w).join(' '))));
}

/** Headings this generic say little by themselves; their body decides what they are about. */
const WEAK = new Set(['architecture', 'overview', 'summary', 'introduction', 'background', 'context', 'solution', 'approach', 'method', 'methodology', 'infrastructure', 'system design', 'plan', 'results', 'requirements', 'uses', 'why', 'task', 'people', 'timeline', 'references', 'citation', 'glossary', 'more information', 'release', 'api', 'model details', 'model description', 'model card', 'overview', 'origin', 'purpose', 'executive summary', 'governance', 'safety', 'quality', 'load', 'access', 'scale', 'docs', 'compute', 'hardware', 'logs', 'sources', 'problem', 'solution architecture', 'system architecture', 'high level architecture', 'architecture overview', 'design', 'details', 'notes', 'other topics', 'appendix', 'discussion', 'misc', 'how to get started with the model', 'how to get started', 'getting started']);

/** Qualifiers that do not change what a heading is about: "Privacy Considerations" is privacy, "Rollout Plan"
 * is rollout. A one-word alias that is itself such a qualifier is ignored inside a longer heading. */
const QUALIFIERS = new Set(
  [
    'considerations', 'consideration', 'assessment', 'schedule', 'requirements', 'requirement', 'plan', 'plans',
    'planning', 'strategy', 'strategies', 'analysis', 'overview', 'design', 'details', 'approach', 'process',
    'concerns', 'issues', 'aspects', 'setup', 'policy', 'policies', 'summary', 'framework', 'checks',
    'guidelines', 'measures', 'practices', 'implementation', 'mechanism', 'mechanisms', 'methods', 'options',
    'choice', 'choices', 'selection', 'infrastructure', 'system', 'systems', 'architecture', 'components',
    'section', 'notes', 'overall', 'general', 'key', 'main', 'proposed', 'current', 'future', 'initial',
    'high', 'level', 'detailed', 'model', 'ml', 'approaches', 'details', 'info', 'information',
  ].map((w) => contentTokens(w)[0]!),
);

const compiled = new WeakMap<ProfileDef, CompiledProfile>();

export function compileProfile(profile: ProfileDef): CompiledProfile {
  const hit = compiled.get(profile);
  if (hit) return hit;
  const aliases: PhraseEntry[] = [];
  const keywords: PhraseEntry[] = [];
  let sectionIndex = 0;
  const subsections: { sectionIndex: number; id: string }[] = [];
  const add = (list: PhraseEntry[], phrase: string, sectionId: string, subsectionId?: string, strong = false, title = false) => {
    const tokens = contentTokens(normalizeHeading(phrase, true));
    const subsectionPlace = subsectionId === undefined ? -1 : subsections.length - 1;
    if (tokens.length) list.push({ tokens, phrase, sectionId, sectionIndex, subsectionId, subsectionPlace, weight: strong ? 3 : tokens.length > 1 ? 2 : 1, ...(title ? { title } : {}) });
  };
  for (const [i, s] of profile.sections.entries()) {
    sectionIndex = i;
    add(aliases, s.title, s.id, undefined, false, true);
    for (const a of s.aliases) add(aliases, a, s.id);
    for (const k of s.keywords) add(keywords, k, s.id);
    for (const k of s.strongKeywords ?? []) add(keywords, k, s.id, undefined, true);
    // A heading that names the whole section ("Deployment", "Monitoring and Maintenance") is the section, not
    // one of its subsections, even where a subsection lists the same name among its aliases.
    const sectionNames = new Set([s.id, s.title].map((n) => contentTokens(normalizeHeading(n, true)).join(' ')));
    for (const sub of s.subsections) {
      subsections.push({ sectionIndex: i, id: sub.id });
      add(aliases, sub.title, s.id, sub.id, false, true);
      for (const a of sub.aliases) if (!sectionNames.has(contentTokens(normalizeHeading(a, true)).join(' '))) add(aliases, a, s.id, sub.id);
      for (const k of sub.keywords) add(keywords, k, s.id, sub.id);
    }
  }
  const result = { profile, aliases, keywords, subsections };
  compiled.set(profile, result);
  return result;
}

interface Candidate {
  readonly entry: PhraseEntry;
  readonly at: number;
  readonly exact: boolean;
}

/** Indices into cp.aliases by first token. */
const aliasIndexes = new WeakMap<CompiledProfile, ReadonlyMap<string, readonly number[]>>();
function aliasesByFirstToken(cp: CompiledProfile): ReadonlyMap<string, readonly number[]> {
  let index = aliasIndexes.get(cp);
  if (!index) {
    const m = new Map<string, number[]>();
    cp.aliases.forEach((e, k) => {
      if (e.tokens.length === 0) return; // never found
      const list = m.get(e.tokens[0]!);
      if (list) list.push(k);
      else m.set(e.tokens[0]!, [k]);
    });
    aliasIndexes.set(cp, (index = m));
  }
  return index;
}

/** Alias matches of one heading text, longest first, without overlapping tokens. */
export function matchHeadingText(text: string, cp: CompiledProfile): { entry: PhraseEntry; exact: boolean; weak: boolean }[] {
  const results: { entry: PhraseEntry; exact: boolean; weak: boolean }[] = [];
  const variants = [normalizeHeading(text), normalizeHeading(text, true)];
  for (const normalized of variants) {
    const toks = contentTokens(normalized);
    if (toks.length === 0) continue;
    // The aliases that can match: those whose first token is a token of the heading, in the profile's order
    // (the same candidates, in the same order, as trying every alias).
    const byFirst = aliasesByFirstToken(cp);
    const possible = new Set<number>();
    for (const t of toks) for (const k of byFirst.get(t) ?? []) possible.add(k);
    const cands: Candidate[] = [];
    for (const k of [...possible].sort((a, b) => a - b)) {
      const entry = cp.aliases[k]!;
      const at = findPhrase(toks, entry.tokens);
      if (at >= 0) cands.push({ entry, at, exact: entry.tokens.length === toks.length });
    }
    if (cands.length === 0) continue;
    cands.sort((a, b) => b.entry.tokens.length - a.entry.tokens.length || (b.entry.subsectionId ? 1 : 0) - (a.entry.subsectionId ? 1 : 0));
    const accepted: { at: number; len: number }[] = [];
    const weak = WEAK.has(normalized) || weakTokens().has(toks.join(' '));
    const longer = toks.length >= 2;
    const kept = cands.filter((c) => !(longer && c.entry.tokens.length === 1 && QUALIFIERS.has(c.entry.tokens[0]!)));
    // Which tokens the longest non-overlapping aliases cover; the rest decide whether a one-word match is a claim.
    const covered = new Set<number>();
    for (const c of kept) {
      const span = c.entry.tokens.map((_, i) => c.at + i);
      if (span.every((p) => !covered.has(p)) || c.entry.tokens.length > 1) span.forEach((p) => covered.add(p));
    }
    const otherWords = toks.some((t, i) => !covered.has(i) && !QUALIFIERS.has(t));
    for (const c of kept) {
      const len = c.entry.tokens.length;
      // Equal matches on the same words may name one concept in two places; keep both. Shorter overlaps lose.
      const same = accepted.some((a) => a.at === c.at && a.len === len);
      const overlaps = accepted.some((a) => c.at < a.at + a.len && a.at < c.at + len);
      if (overlaps && !same) continue;
      if (!same) accepted.push({ at: c.at, len });
      if (results.some((r) => r.entry.sectionId === c.entry.sectionId && r.entry.subsectionId === c.entry.subsectionId)) continue;
      // One word of a longer heading is a hint, not a claim: "Model Examination" is not the Model section.
      const partialWord = len === 1 && longer && otherWords;
      results.push({ entry: c.entry, exact: c.exact, weak: !(c.exact && c.entry.title) && (weak || partialWord) });
    }
    if (results.length) break;
  }
  return results;
}

export interface KeywordHit {
  readonly entry: PhraseEntry;
  readonly blockIndex: number;
  readonly span: Span;
}

/** Words of a block as tokens with their offsets (for evidence locations). */
// The scheme's length is bounded: unbounded, every word boundary of a long dotted run ("a.b.c.d…") would scan
// to its end looking for "://" (quadratic).
const URL = /\b(?:[a-z][a-z0-9+.-]{0,31}:\/\/|www\.)[^\s<>()[\]"'`]+/gi;
const NO_URLS: readonly number[] = [];

/** Where the bare URLs of a text are, as [start, end, start, end, ...] in order. */
function urlSpans(text: string): number[] {
  const out: number[] = [];
  URL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = URL.exec(text)) !== null) out.push(m.index, m.index + m[0].length);
  return out;
}

/** An acronym in capitals with a plural s: "APIs", "KPIs", "GPUs", "LLMs". */
const ACRONYM_PLURAL = /^[A-Z][A-Z0-9]+s$/;

function tokenize(text: string): { toks: string[]; offsets: number[] } {
  const toks: string[] = [];
  const offsets: number[] = [];
  const re = /[\p{L}\p{N}]+/gu;
  // A bare URL's words are an address, not what the text says ("https" is no statement about encryption).
  const urls = text.includes('://') || text.includes('www.') ? urlSpans(text) : NO_URLS;
  let u = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    while (u < urls.length && urls[u]! <= m.index) u += 2;
    if (u > 0 && m.index < urls[u - 1]!) continue;
    // contentTokens of one word: nothing for a stop word, else its stem. An acronym's plural ("APIs", "KPIs",
    // "GPUs") is the acronym: lower-cased, "apis" and "gpus" would keep their s as "basis" and "corpus" do.
    const raw = m[0];
    const word = raw.length > 2 && raw.charCodeAt(raw.length - 1) === 115 /* s */ && ACRONYM_PLURAL.test(raw) ? raw.slice(0, -1) : raw;
    const stemmed = contentToken(word.toLowerCase());
    if (stemmed === undefined) continue;
    toks.push(stemmed);
    offsets.push(m.index);
  }
  return { toks, offsets };
}

/** Keyword entries indexed by their first token (and, for one-token stems, by its first five letters). */
interface KeywordIndex {
  readonly byFirst: ReadonlyMap<string, readonly PhraseEntry[]>;
  readonly byPrefix: ReadonlyMap<string, readonly PhraseEntry[]>;
}
const keywordIndexes = new WeakMap<CompiledProfile, KeywordIndex>();

function keywordIndex(cp: CompiledProfile): KeywordIndex {
  const hit = keywordIndexes.get(cp);
  if (hit) return hit;
  const byFirst = new Map<string, PhraseEntry[]>();
  const byPrefix = new Map<string, PhraseEntry[]>();
  for (const e of cp.keywords) {
    const first = e.tokens[0]!;
    if (e.tokens.length === 1 && first.length >= 5) {
      const key = first.slice(0, 5);
      byPrefix.set(key, [...(byPrefix.get(key) ?? []), e]);
    } else {
      byFirst.set(first, [...(byFirst.get(first) ?? []), e]);
    }
  }
  const index = { byFirst, byPrefix };
  keywordIndexes.set(cp, index);
  return index;
}

/** The keyword entries a text contains (in the order first found). */
function keywordsIn(text: string, index: KeywordIndex): readonly PhraseEntry[] {
  const { toks } = tokenize(text);
  if (toks.length === 0) return NO_ENTRIES;
  const found = new Set<PhraseEntry>();
  for (let t = 0; t < toks.length; t++) {
    const tok = toks[t]!;
    for (const entry of index.byFirst.get(tok) ?? []) {
      if (!found.has(entry) && phraseAt(toks, entry.tokens, t, true)) found.add(entry);
    }
    if (tok.length >= 5) {
      for (const entry of index.byPrefix.get(tok.slice(0, 5)) ?? []) {
        if (!found.has(entry) && tok.startsWith(entry.tokens[0]!)) found.add(entry);
      }
    }
  }
  return found.size === 0 ? NO_ENTRIES : [...found];
}

/** The entries of a text without keywords: one shared list (never written to), not one kept in the slot of
 * every such block (13,000 at 4 MB, each marked by a full collection). */
const NO_ENTRIES: readonly PhraseEntry[] = [];

/** The keyword entries of a block's text (in the order first found); with a memo, the same array for the same
 * text from one analysis to the next. */
export function keywordsOfText(cp: CompiledProfile, memo?: Memo): (text: string) => readonly PhraseEntry[] {
  const index = keywordIndex(cp);
  // The functions are made once per index and memo table, not per call: a full collection drops the optimised
  // code of closures that no longer exist (see by-place.ts PlaceFinder).
  let compute = computeOfIndex.get(index);
  if (!compute) {
    const own = (text: string) => keywordsIn(text, index);
    computeOfIndex.set(index, (compute = own));
  }
  const table = memo?.table<readonly PhraseEntry[]>(index);
  if (!table) return compute;
  let lookup = lookupOfTable.get(table);
  if (!lookup) {
    const c = compute;
    lookupOfTable.set(table, (lookup = (text) => table(text, c)));
  }
  return lookup;
}

const computeOfIndex = new WeakMap<KeywordIndex, (text: string) => readonly PhraseEntry[]>();
const lookupOfTable = new WeakMap<MemoTable<readonly PhraseEntry[]>, (text: string) => readonly PhraseEntry[]>();

/** Keyword evidence in the given blocks: one pass over each block's tokens, entries looked up by first token.
 * With a memo, a block whose text was seen before (an unchanged block while typing) costs a lookup. */
export function findKeywordHits(blocks: readonly Block[], indices: Iterable<number>, cp: CompiledProfile, memo?: Memo): KeywordHit[] {
  const hits: KeywordHit[] = [];
  const entriesOf = keywordsOfText(cp, memo);
  for (const i of indices) {
    const b = blocks[i]!;
    const found = entriesOf(readableText(b));
    for (const entry of found) hits.push({ entry, blockIndex: i, span: b.span });
  }
  return hits;
}

/** What a heading's text matches, without the heading's place: the same for every heading with that text. */
type MatchTemplate = Omit<SectionMatch, 'headingIndex'>;

function matchTemplates(text: string, cp: CompiledProfile): readonly MatchTemplate[] {
  return matchHeadingText(text, cp).map((r) => {
    const section = cp.profile.sections.find((s) => s.id === r.entry.sectionId)!;
    const sub = r.entry.subsectionId ? section.subsections.find((x) => x.id === r.entry.subsectionId) : undefined;
    const target = sub ? `${section.title} › ${sub.title}` : section.title;
    return {
      sectionId: section.id,
      subsectionId: sub?.id,
      // One flat string (join), not a template literal's tree of concatenations: these are remembered for the
      // document's life, and a full collection marks each node of such a tree (see heap-trim.ts).
      reason: (r.exact ? ["'", text, "' is a name for ", target] : ["'", text, "' counts as ", target, " (it says '", r.entry.phrase, "')"]).join(''),
      confidence: r.weak ? 0.4 : r.exact ? 1 : 0.8,
    };
  });
}

/** For a list headingMatches returned with a memo: each heading's run of it (by heading index), the list kept
 * with the heading's form when it was made (so readers need not find the runs, nor check them). */
const runsOfMatches = new WeakMap<readonly SectionMatch[], readonly (readonly SectionMatch[] | undefined)[]>();

/** Each heading's matches in `matches`, by heading index, when headingMatches made the list (with a memo): the
 * lists kept with the headings' forms, never written to. Undefined for any other list. */
export function matchRunsOf(matches: readonly SectionMatch[]): readonly (readonly SectionMatch[] | undefined)[] | undefined {
  return runsOfMatches.get(matches);
}

export function headingMatches(headings: readonly Heading[], cp: CompiledProfile, titleIndex: number | undefined, memo?: Memo): readonly SectionMatch[] {
  const out: SectionMatch[] = [];
  // Remembered by heading text (with the reasons' strings): on a keystroke only the match objects are new.
  const table = memo?.table<readonly MatchTemplate[]>(cp);
  const compute = (text: string) => matchTemplates(text, cp);
  // Kept with the heading's form too (a function of its text): read by position on a keystroke. Only with a
  // memo (a parse cache, kept across keystrokes): a one-off analysis would only pay for keeping them.
  const forms = memo !== undefined ? headingForms(headings) : undefined;
  const runs = forms !== undefined ? new Array<readonly SectionMatch[] | undefined>(headings.length).fill(undefined) : undefined;
  for (const h of headings) {
    if (h.index === titleIndex) continue;
    const form = forms?.[h.index];
    let templates: readonly MatchTemplate[];
    if (form !== undefined && form.matchesOwner === cp) templates = form.matches as readonly MatchTemplate[];
    else {
      templates = table ? table(h.text, compute) : compute(h.text);
      if (form !== undefined) {
        form.matchesOwner = cp;
        form.matches = templates;
      }
    }
    if (templates.length === 0) continue;
    // The match objects too, while the heading keeps its index (a keystroke that adds or removes no heading):
    // the same objects, no new ones for every heading on every keystroke.
    if (form !== undefined && form.placedOwner === templates && form.placedIndex === h.index) {
      const placed = form.placed as readonly SectionMatch[];
      for (let i = 0; i < placed.length; i++) out.push(placed[i]!);
      if (runs !== undefined) runs[h.index] = placed;
      continue;
    }
    const placed: SectionMatch[] = [];
    for (let i = 0; i < templates.length; i++) {
      const t = templates[i]!;
      placed.push({ headingIndex: h.index, sectionId: t.sectionId, subsectionId: t.subsectionId, reason: t.reason, confidence: t.confidence });
    }
    if (form !== undefined) {
      form.placedOwner = templates;
      form.placedIndex = h.index;
      form.placed = placed;
    }
    for (let i = 0; i < placed.length; i++) out.push(placed[i]!);
    if (runs !== undefined) runs[h.index] = placed;
  }
  // Only when every heading's run is a list of its form's (a heading without a form: none are kept).
  if (runs !== undefined && forms !== undefined && forms.length === headings.length) runsOfMatches.set(out, runs);
  return out;
}

// Heading and phrase normalisation. A heading like "**5.3. Data Collection & Preparation (optional):**" and the
// alias "data collection and preparation" must meet; so must "Serving" and "serve", "Metrics" and "metric".

const LEADING_NUMBERING =
  /^(?:(?:step|part|section|chapter|stage|phase)\s+)?(?:\d+(?:\.\d+)*\.?|(?:x{0,3}(?:ix|iv|v?i{1,3}|v)|x{1,3})(?:\.(?:x{0,3}(?:ix|iv|v?i{1,3}|v)|x{1,3}))*[.)]|[a-z][.)](?:[ivx]+[.)])?)[:.)-]?\s+/i;
const STEP_ONLY = /^(?:step|part|section|chapter|stage|phase)\s+\d+\s*[:.-]?\s*/i;

/** Lower case, numbering and punctuation removed, `&` -> `and`, parenthesised qualifiers dropped. */
export function normalizeHeading(raw: string, keepParentheses = false): string {
  // [^<>]: linear on a line of unclosed `<` (see html.ts TAGS).
  let s = raw.normalize('NFKC').replace(/<[^<>]*>/g, ' ').replace(/[*_`~]/g, '');
  // The innermost pairs ([^{}], [^()], [^[\]]): with [^)]* every "(" of a heading full of unclosed ones would
  // scan to its end (quadratic: 2 s for a 50 KB heading line).
  s = s.replace(/\{\{[^{}]*\}\}/g, ' ');
  if (!keepParentheses) s = s.replace(/\([^()]*\)|\[[^[\]]*\]/g, ' ');
  s = s.trim();
  for (let i = 0; i < 3; i++) {
    const before = s;
    s = s.replace(STEP_ONLY, '').replace(LEADING_NUMBERING, '').trim();
    if (s === before) break;
  }
  s = s.toLowerCase().replace(/&/g, ' and ').replace(/\+/g, ' and ');
  s = s.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return s.replace(/\s+/g, ' ');
}

/** Words that end in s without being plurals. */
const NO_PLURAL = new Set(['bias', 'alias', 'atlas', 'canvas', 'gas', 'news', 'series', 'species', 'ethics', 'analytics', 'statistics', 'metadata', 'mlops', 'devops', 'kubernetes', 'aws', 'gcs', 'pros', 'cons']);

/**
 * Words whose ending is not a suffix to strip: stripped, they would meet a different, common word ("container" ~
 * "contain", "owner" ~ "own", "maintainer" ~ "maintain", "manager" ~ "manage", "transformer" ~ "transform",
 * "were" ~ the metric WER, "MAPE" ~ "mapping"), and every "contains" of a document would count as deployment
 * evidence. Found on real documents the engine was not tuned on. Their plurals still meet them.
 */
const WHOLE = new Set(['container', 'owner', 'maintainer', 'manager', 'transformer', 'outer', 'simpler', 'broader', 'were', 'where', 'there', 'here', 'mape', 'wape', 'offer']);

/** Light stemming so that inflected forms meet: "serving" ~ "serve", "metrics" ~ "metric", "labelling" ~ "label". */
export function stem(word: string): string {
  let w = word.toLowerCase();
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is') && !NO_PLURAL.has(w)) w = w.slice(0, -1);
  if (WHOLE.has(w)) return w;
  for (const suffix of ['ation', 'ing', 'ed', 'er', 'e']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  if (/(.)\1$/.test(w) && !/(ll|ss|ff|zz)$/.test(w.slice(-2)) && w.length > 3) w = w.slice(0, -1);
  if (w.endsWith('ll') && w.length > 4) w = w.slice(0, -1);
  return w;
}

export function tokens(normalized: string): string[] {
  return normalized.split(' ').filter(Boolean).map(stem);
}

/** Words that carry no meaning on their own in a heading; ignored when comparing whole headings. */
const STOP = new Set(['the', 'a', 'an', 'and', 'or', 'of', 'for', 'to', 'in', 'on', 'with', 'our', 'your', 'its', 'vs', 'v', 'versus', 'how', 'what']);

export function contentTokens(normalized: string): string[] {
  const out: string[] = [];
  for (const w of normalized.split(' ')) {
    const t = contentToken(w);
    if (t !== undefined) out.push(t);
  }
  return out;
}

// Stems of the words seen lately: documents repeat their words, and stem() is a handful of string tests.
const STEM_MEMO_SIZE = 5000;
let stems = new Map<string, string>();

/** contentTokens of a single word (no spaces): undefined for an empty or stop word, else its stem. */
export function contentToken(word: string): string | undefined {
  if (!word || STOP.has(word)) return undefined;
  let s = stems.get(word);
  if (s === undefined) {
    s = stem(word);
    if (stems.size >= STEM_MEMO_SIZE) stems = new Map();
    // A long word may be a view of the (large) text it was cut from: keep a copy instead (see parse.ts detach).
    stems.set(word.length > 12 ? (word + ' ').slice(0, -1) : word, s);
  }
  return s;
}

/** Whether `phrase` occurs in `haystack` at index `at`. With `prefix`, the phrase's last token may be written
 * as a stem ("anonymi" meets "anonymisation"). */
export function phraseAt(haystack: readonly string[], phrase: readonly string[], at: number, prefix = false): boolean {
  if (phrase.length === 0 || at + phrase.length > haystack.length) return false;
  for (let j = 0; j < phrase.length; j++) {
    const h = haystack[at + j]!;
    const p = phrase[j]!;
    if (h !== p && !(prefix && j === phrase.length - 1 && p.length >= 5 && h.startsWith(p))) return false;
  }
  return true;
}

/** Index of `phrase` as a contiguous run inside `haystack` (both token arrays), or -1. */
export function findPhrase(haystack: readonly string[], phrase: readonly string[], from = 0, prefix = false): number {
  for (let i = from; i + phrase.length <= haystack.length; i++) if (phraseAt(haystack, phrase, i, prefix)) return i;
  return -1;
}

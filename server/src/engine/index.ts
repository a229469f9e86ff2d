// The engine: a pure, total function of text and configuration. No LSP, VS Code, file system or clock.
//   analyze(text, config?) -> Analysis
// Any string gives an Analysis; nothing throws (a failure inside a rule becomes an internal-error finding).
import { parse as parseYaml } from 'yaml';
import type { Analysis, Block, DocStatus, Readiness, EngineConfig, Finding, Heading, SectionCoverage, SectionMatch, Severity, SeveritySetting, Span, Status } from './types';
import { makeBlock, parseDocument, parseWithLineScan, shiftedBlock, type ParseCache } from './parse';
import { computeHeadings } from './outline';
import { compileProfile, headingMatches, matchHeadingText, type CompiledProfile } from './match';
import { computeCoverage, computeDocumentModel } from './coverage';
import { createLineIndex, type LineIndex } from './line-index';
import { DEFAULT_PROFILE, LIFECYCLE_IDS, LIFECYCLE_PROFILE, resolveProfile } from './profiles';
import { computeReadiness } from './readiness';
import { adoptSegments } from './ml/phrases';
import { RULES } from './rules';
import type { RuleContext, RuleDef } from './rules/types';
import { isSuppressed, parseSuppressions } from './suppressions';

export const DEFAULT_CONFIG: EngineConfig = { profile: DEFAULT_PROFILE, rules: {}, thinWords: 5 };

export interface AnalyzeOptions {
  /** Reuse of chunk parses from the previous analysis of the same document. */
  readonly cache?: ParseCache;
  /**
   * Called after every 256 KB of text newly parsed (the opening of a large document, a large paste), where the
   * host may collect garbage (the server's heap trimming). It does not change the analysis; what it throws is
   * ignored.
   */
  readonly checkpoint?: () => void;
}

export function parseFrontMatter(raw: string | undefined): Record<string, unknown> | undefined {
  if (raw === undefined) return undefined;
  try {
    // A placeholder does not span another "{{" (lazy [\s\S]*? would rescan to the end from each unclosed one).
    const value: unknown = parseYaml(raw.replace(/\{\{(?:(?!\{\{)[\s\S])*?\}\}/g, '""'));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const MARKER = /<!--\s*mldoc\s*-->/;

/** Whether a heading's text is exactly the title of one of the profile's sections (not of a subsection). */
function namesSectionExactly(text: string, cp: CompiledProfile): boolean {
  return matchHeadingText(text, cp).some((r) => r.exact && r.entry.title === true && r.entry.subsectionId === undefined);
}

/** Findings in document order, then by rule id. */
const byStartThenRule = (a: Finding, b: Finding): number => a.span.start - b.span.start || a.ruleId.localeCompare(b.ruleId);

/**
 * The heading depth the document uses for its sections: the shallowest real heading (not the title) that
 * counts for a section; else one below the title; else 2. Inserted sections, completions and rules use it.
 */
function sectionDepthOf(headings: readonly Heading[], matches: readonly SectionMatch[], titleIndex: number | undefined): number {
  const named = new Set<number>();
  for (const m of matches) if (m.confidence >= 0.5) named.add(m.headingIndex);
  let depth = Infinity;
  for (const h of headings) if (h.kind !== 'pseudo' && h.index !== titleIndex && named.has(h.index)) depth = Math.min(depth, h.depth);
  if (Number.isFinite(depth)) return depth;
  return titleIndex !== undefined ? Math.min(6, headings[titleIndex]!.depth + 1) : 2;
}

export function analyze(text: string, config: Partial<EngineConfig> = {}, options: AnalyzeOptions = {}): Analysis {
  const input = typeof text === 'string' ? text : '';
  // Front matter is only ever the first block (remark-frontmatter reads it at the document's start only): no
  // scan of every block (28,000 at 4 MB) on each keystroke for a document without any.
  const parsed = parseDocument(input, options.cache, options.checkpoint);
  adoptSegments(input, parsed.chunks, parsed.reuse);
  // What the returned analysis's closures (readiness) read is `blocks`, not the parse: the parse's reuse holds the
  // previous version's chunks, which would then live as long as this analysis.
  const blocks = parsed.blocks;
  const frontMatter = parseFrontMatter(blocks[0]?.kind === 'front-matter' ? blocks[0].text : undefined);
  const fmProfile = typeof frontMatter?.['profile'] === 'string' ? (frontMatter['profile'] as string) : undefined;
  const cfg: EngineConfig = { ...DEFAULT_CONFIG, ...config, profile: fmProfile ?? config.profile ?? DEFAULT_CONFIG.profile };
  const profile = resolveProfile(cfg.profile, cfg.customProfiles ?? []) ?? LIFECYCLE_PROFILE;
  const lines = createLineIndex(input);
  const headings = computeHeadings(parsed.blocks, input, parsed.memo, parsed.slots);
  // Lifecycle coverage always (the eight sections every consumer knows); the selected profile's besides.
  const lifecycleCompiled = compileProfile(LIFECYCLE_PROFILE);
  const isLifecycle = profile === LIFECYCLE_PROFILE;
  const compiled = isLifecycle ? lifecycleCompiled : compileProfile(profile);
  const doc = computeDocumentModel(input, parsed.blocks, headings, (h) => h.kind !== 'pseudo' && namesSectionExactly(h.text, compiled), parsed.slots, { chunks: parsed.chunks, firstBlock: parsed.firstBlock });
  const lifecycleMatches = headingMatches(headings, lifecycleCompiled, doc.titleIndex, parsed.memo);
  const sections = computeCoverage(doc, lifecycleMatches, lifecycleCompiled, cfg, parsed.memo).sections;
  const matches = isLifecycle ? lifecycleMatches : headingMatches(headings, compiled, doc.titleIndex, parsed.memo);
  const profileSections = isLifecycle ? sections : computeCoverage(doc, matches, compiled, cfg, parsed.memo).sections;
  const suppressions = parseSuppressions(input, parsed.blocks, lines);
  const status = docStatusOf(frontMatter);
  const sectionDepth = sectionDepthOf(headings, matches, doc.titleIndex);
  const ctx: RuleContext = {
    text: input,
    doc,
    profile,
    compiled,
    matches,
    sections: profileSections,
    lifecycleSections: sections,
    lifecycleMatches,
    config: cfg,
    lines,
    sectionDepth,
    frontMatter,
    degraded: parsed.degraded,
    memo: parsed.memo,
  };
  const findings = runRules(ctx, lines, suppressions, status);
  const optIn = frontMatter?.['mldoc'] === true || fmProfile !== undefined || MARKER.test(input);
  let readiness: Readiness | undefined;
  return {
    text: input,
    profile: profile.id,
    profileDef: profile,
    headings,
    sectionDepth,
    ...(doc.titleIndex !== undefined ? { titleIndex: doc.titleIndex } : {}),
    blocks: parsed.blocks,
    matches: lifecycleMatches,
    sections,
    score: computeScore(sections),
    ...(isLifecycle ? {} : { profileSections, profileScore: computeScore(profileSections) }),
    ...(status ? { status } : {}),
    // Computed when first read (hover, coverage tree, `mldoc score`): diagnostics do not need it, and it is a
    // tenth of a keystroke's analysis. A pure function of the text, blocks and headings, so the same either way.
    get readiness(): Readiness {
      return (readiness ??= computeReadiness({ text: input, blocks, headings }));
    },
    findings,
    suppressions,
    frontMatter,
    optIn,
    degraded: parsed.degraded,
  };
}

/** Front matter is looked for in the first this many characters of an oversized document. */
const OUTLINE_FRONT_MATTER_MAX = 64 * 1024;
const FRONT_MATTER = /^\uFEFF?---[ \t]*(?:\r\n|\r|\n)([\s\S]*?)(?:\r\n|\r|\n)---[ \t]*(?=\r\n|\r|\n|$)/;

/**
 * The cheap outline of a document too large to check (above mldoc.maxFileSize): never remark, only the line
 * scan (ATX headings; paragraphs are skipped), YAML front matter at the top for the profile, and which sections
 * the headings name. No rule runs (no findings), no keyword evidence, no word counts and no readiness: a section
 * with a heading of its own is 'covered' (its content is not checked), one without is 'missing'. Linear in the
 * length of the text and cheap (tens of milliseconds per megabyte).
 */
export function analyzeOutline(text: string, config: Partial<EngineConfig> = {}): Analysis {
  const input = typeof text === 'string' ? text : '';
  const fm = FRONT_MATTER.exec(input.slice(0, OUTLINE_FRONT_MATTER_MAX));
  const bodyStart = fm ? fm[0].length : 0;
  const headingBlocks: Block[] = [];
  if (fm) headingBlocks.push(makeBlock('front-matter', 0, fm[1]!, { start: input.charCodeAt(0) === 0xfeff ? 1 : 0, end: bodyStart }));
  const inFence = fencedRanges(input, bodyStart);
  for (const b of parseWithLineScan(bodyStart ? input.slice(bodyStart) : input)) {
    if (b.kind !== 'heading') continue;
    const h = bodyStart ? shiftedBlock(b, bodyStart) : b;
    if (!inFence(h.span.start)) headingBlocks.push(h);
  }
  const frontMatter = parseFrontMatter(fm?.[1]);
  const fmProfile = typeof frontMatter?.['profile'] === 'string' ? (frontMatter['profile'] as string) : undefined;
  const cfg: EngineConfig = { ...DEFAULT_CONFIG, ...config, profile: fmProfile ?? config.profile ?? DEFAULT_CONFIG.profile };
  const profile = resolveProfile(cfg.profile, cfg.customProfiles ?? []) ?? LIFECYCLE_PROFILE;
  const headings = computeHeadings(headingBlocks, input);
  const lifecycleCompiled = compileProfile(LIFECYCLE_PROFILE);
  const isLifecycle = profile === LIFECYCLE_PROFILE;
  const compiled = isLifecycle ? lifecycleCompiled : compileProfile(profile);
  const doc = computeDocumentModel(input, headingBlocks, headings, (h) => h.kind !== 'pseudo' && namesSectionExactly(h.text, compiled));
  const outlineStatus = (s: SectionCoverage): SectionCoverage => {
    const present = (st: Status): Status => (st === 'missing' || st === 'mentioned' ? st : 'covered');
    return { ...s, status: present(s.status), words: 0, thinBelow: undefined, evidence: [], subsections: s.subsections.map((x) => ({ ...x, status: present(x.status), evidence: [] })) };
  };
  const lifecycleMatches = headingMatches(headings, lifecycleCompiled, doc.titleIndex);
  const sections = computeCoverage(doc, lifecycleMatches, lifecycleCompiled, cfg).sections.map(outlineStatus);
  const matches = isLifecycle ? lifecycleMatches : headingMatches(headings, compiled, doc.titleIndex);
  const profileSections = isLifecycle ? sections : computeCoverage(doc, matches, compiled, cfg).sections.map(outlineStatus);
  const status = docStatusOf(frontMatter);
  return {
    text: input,
    profile: profile.id,
    profileDef: profile,
    headings,
    sectionDepth: sectionDepthOf(headings, matches, doc.titleIndex),
    ...(doc.titleIndex !== undefined ? { titleIndex: doc.titleIndex } : {}),
    blocks: headingBlocks,
    matches: lifecycleMatches,
    sections,
    score: computeScore(sections),
    ...(isLifecycle ? {} : { profileSections, profileScore: computeScore(profileSections) }),
    ...(status ? { status } : {}),
    readiness: computeReadiness({ text: '', blocks: [], headings: [] }),
    findings: [],
    suppressions: [],
    frontMatter,
    optIn: frontMatter?.['mldoc'] === true || fmProfile !== undefined || MARKER.test(input.slice(0, OUTLINE_FRONT_MATTER_MAX)),
    degraded: input.length ? [{ start: 0, end: input.length }] : [],
    outlineOnly: true,
  };
}

/** Fenced code blocks by lines (a `# comment` in a code block is not a heading): whether an offset is inside one. */
function fencedRanges(text: string, from: number): (offset: number) => boolean {
  const ranges: Span[] = [];
  const re = /^ {0,3}(`{3,}|~{3,})([^\r\n]*)/gm;
  re.lastIndex = from;
  let open: { start: number; fence: string } | undefined;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const fence = m[1]!;
    if (!open) {
      if (fence[0] === '`' && m[2]!.includes('`')) continue; // inline code, not a fence
      open = { start: m.index, fence };
    } else if (fence[0] === open.fence[0] && fence.length >= open.fence.length && m[2]!.trim() === '') {
      ranges.push({ start: open.start, end: m.index + m[0].length });
      open = undefined;
    }
  }
  if (open) ranges.push({ start: open.start, end: text.length });
  let i = 0;
  // Asked in increasing offsets (headings in document order).
  return (offset) => {
    while (i < ranges.length && ranges[i]!.end < offset) i++;
    return i < ranges.length && ranges[i]!.start <= offset && offset <= ranges[i]!.end;
  };
}

const DOC_STATUSES: readonly DocStatus[] = ['draft', 'review', 'approved'];

/** Front matter `status:` when it names a review stage (case and surrounding space do not matter). */
export function docStatusOf(frontMatter: Readonly<Record<string, unknown>> | undefined): DocStatus | undefined {
  const raw = frontMatter?.['status'];
  if (typeof raw !== 'string') return undefined;
  const v = raw.trim().toLowerCase();
  return (DOC_STATUSES as readonly string[]).includes(v) ? (v as DocStatus) : undefined;
}

const LADDER: readonly Severity[] = ['hint', 'info', 'warning', 'error'];
/** Rules whose findings matter more as a document matures: what it covers and what it says. Structure rules
 * (heading levels, order) are style and keep their severity. */
const STATUS_AWARE_TAGS: readonly string[] = ['coverage', 'content', 'ml'];

/**
 * The severity a rule's finding gets. A per-rule setting always wins. Otherwise the rule's default, moved by
 * the document's status for coverage, content and ML rules: a draft one step down (warning -> info), a
 * document in review as is, an approved one one step up (warning -> error). Without a status: the default.
 */
export function resolveSeverity(rule: Pick<RuleDef, 'id' | 'defaultSeverity' | 'tags'>, config: Pick<EngineConfig, 'rules'>, status?: DocStatus): SeveritySetting {
  const set = config.rules[rule.id];
  if (set !== undefined) return set;
  const base = rule.defaultSeverity;
  if (base === 'off' || !status || status === 'review' || !rule.tags.some((t) => STATUS_AWARE_TAGS.includes(t))) return base;
  const i = LADDER.indexOf(base);
  return LADDER[Math.max(0, Math.min(LADDER.length - 1, i + (status === 'approved' ? 1 : -1)))]!;
}

const STATUS_WEIGHT = { covered: 1, thin: 0.5, mentioned: 0.5, placeholder: 0.25, empty: 0.25, missing: 0 } as const;

/** 0..100: each section weighs equally; within a section, its status counts 70% and its subsections 30%. */
export function computeScore(sections: readonly SectionCoverage[]): number {
  if (sections.length === 0) return 0;
  let total = 0;
  for (const s of sections) {
    const subs = s.subsections.length ? s.subsections.reduce((n, x) => n + STATUS_WEIGHT[x.status], 0) / s.subsections.length : STATUS_WEIGHT[s.status];
    total += 0.7 * STATUS_WEIGHT[s.status] + 0.3 * subs;
  }
  return Math.round((100 * total) / sections.length);
}

function runRules(ctx: RuleContext, lines: LineIndex, suppressions: ReturnType<typeof parseSuppressions>, status: DocStatus | undefined): Finding[] {
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const severity = resolveSeverity(rule, ctx.config, status);
    if (severity === 'off') continue;
    let raw;
    try {
      raw = rule.check(ctx);
    } catch (e) {
      raw = [{ message: `Rule ${rule.id} failed on this document: ${e instanceof Error ? e.message : String(e)}`, span: { start: 0, end: 0 } }];
    }
    for (const r of raw) {
      const f: Finding = { ...r, ruleId: rule.id, severity };
      if (!isSuppressed(f, suppressions, lines)) findings.push(f);
    }
  }
  return findings.sort(byStartThenRule);
}

export { LIFECYCLE_IDS };
export { computeReadiness } from './readiness';
export { createLineIndex } from './line-index';
export { createParseCache } from './parse';
export type * from './types';

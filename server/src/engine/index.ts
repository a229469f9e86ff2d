// The engine: a pure, total function of text and configuration. No LSP, VS Code, file system or clock.
//   analyze(text, config?) -> Analysis
// Any string gives an Analysis; nothing throws (a failure inside a rule becomes an internal-error finding).
import { parse as parseYaml } from 'yaml';
import type { Analysis, DocStatus, EngineConfig, Finding, Heading, SectionCoverage, SectionMatch, Severity, SeveritySetting } from './types';
import { parseDocument, type ParseCache } from './parse';
import { computeHeadings } from './outline';
import { compileProfile, headingMatches, matchHeadingText, type CompiledProfile } from './match';
import { computeCoverage, computeDocumentModel } from './coverage';
import { createLineIndex, type LineIndex } from './line-index';
import { DEFAULT_PROFILE, LIFECYCLE_IDS, LIFECYCLE_PROFILE, resolveProfile } from './profiles';
import { computeReadiness } from './readiness';
import { RULES } from './rules';
import type { RuleContext, RuleDef } from './rules/types';
import { isSuppressed, parseSuppressions } from './suppressions';

export const DEFAULT_CONFIG: EngineConfig = { profile: DEFAULT_PROFILE, rules: {}, thinWords: 5 };

export interface AnalyzeOptions {
  /** Reuse of chunk parses from the previous analysis of the same document. */
  readonly cache?: ParseCache;
}

export function parseFrontMatter(raw: string | undefined): Record<string, unknown> | undefined {
  if (raw === undefined) return undefined;
  try {
    const value: unknown = parseYaml(raw.replace(/\{\{[\s\S]*?\}\}/g, '""'));
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

/**
 * The heading depth the document uses for its sections: the shallowest real heading (not the title) that
 * counts for a section; else one below the title; else 2. Inserted sections, completions and rules use it.
 */
function sectionDepthOf(headings: readonly Heading[], matches: readonly SectionMatch[], titleIndex: number | undefined): number {
  const named = new Set(matches.filter((m) => m.confidence >= 0.5).map((m) => m.headingIndex));
  let depth = Infinity;
  for (const h of headings) if (h.kind !== 'pseudo' && h.index !== titleIndex && named.has(h.index)) depth = Math.min(depth, h.depth);
  if (Number.isFinite(depth)) return depth;
  return titleIndex !== undefined ? Math.min(6, headings[titleIndex]!.depth + 1) : 2;
}

export function analyze(text: string, config: Partial<EngineConfig> = {}, options: AnalyzeOptions = {}): Analysis {
  const input = typeof text === 'string' ? text : '';
  const frontMatterBlock = () => parsed.blocks.find((b) => b.kind === 'front-matter');
  const parsed = parseDocument(input, options.cache);
  const frontMatter = parseFrontMatter(frontMatterBlock()?.text);
  const fmProfile = typeof frontMatter?.['profile'] === 'string' ? (frontMatter['profile'] as string) : undefined;
  const cfg: EngineConfig = { ...DEFAULT_CONFIG, ...config, profile: fmProfile ?? config.profile ?? DEFAULT_CONFIG.profile };
  const profile = resolveProfile(cfg.profile, cfg.customProfiles ?? []) ?? LIFECYCLE_PROFILE;
  const lines = createLineIndex(input);
  const headings = computeHeadings(parsed.blocks, input);
  // Lifecycle coverage always (the eight sections every consumer knows); the selected profile's besides.
  const lifecycleCompiled = compileProfile(LIFECYCLE_PROFILE);
  const isLifecycle = profile === LIFECYCLE_PROFILE;
  const compiled = isLifecycle ? lifecycleCompiled : compileProfile(profile);
  const doc = computeDocumentModel(input, parsed.blocks, headings, (h) => h.kind !== 'pseudo' && namesSectionExactly(h.text, compiled));
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
  };
  const findings = runRules(ctx, lines, suppressions, status);
  const optIn = frontMatter?.['mldoc'] === true || fmProfile !== undefined || MARKER.test(input);
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
    readiness: computeReadiness({ text: input, blocks: parsed.blocks, headings }),
    findings,
    suppressions,
    frontMatter,
    optIn,
    degraded: parsed.degraded,
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
  return findings.sort((a, b) => a.span.start - b.span.start || a.ruleId.localeCompare(b.ruleId));
}

export { LIFECYCLE_IDS };
export { computeReadiness } from './readiness';
export { createLineIndex } from './line-index';
export { createParseCache } from './parse';
export type * from './types';

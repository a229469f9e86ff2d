// Engine types. Offsets are UTF-16 code-unit offsets into the analysed string (what JavaScript strings index);
// positions are LSP-style: 0-based line, 0-based UTF-16 character. Nothing here knows LSP or VS Code.
import type { ProfileDef } from './profiles/types';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';
export type Status = 'covered' | 'thin' | 'placeholder' | 'empty' | 'mentioned' | 'missing';

export interface Span {
  readonly start: number;
  readonly end: number;
}
export interface Position {
  readonly line: number;
  readonly character: number;
}
export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** A block of the document, flattened from the Markdown tree (or from the line scan when parsing is unsafe). */
export type BlockKind =
  | 'heading'
  | 'paragraph'
  | 'list-item'
  | 'code'
  | 'html'
  | 'table'
  | 'blockquote'
  | 'thematic-break'
  | 'front-matter'
  | 'definition';

export interface Block {
  readonly kind: BlockKind;
  /** Heading level (1-6) for headings; list nesting depth (1 = top level) for list items; 0 otherwise. */
  readonly depth: number;
  /** Plain text of the block (for list items: the item's own first paragraph, not nested lists). */
  readonly text: string;
  readonly span: Span;
  /** Text of a leading bold run (`**Data** ...`), if the block starts with one. */
  readonly strongLead?: string;
  /** For list items: whether the list is ordered. */
  readonly ordered?: boolean;
  /** For html blocks: whether the block is only an HTML comment. */
  readonly comment?: boolean;
}

export type HeadingKind = 'atx' | 'setext' | 'pseudo';

export interface Heading {
  readonly index: number;
  /** 1-6 for real headings; pseudo headings (bold paragraphs, top-level list items used as titles) get the
   * depth they act at: one below the enclosing heading. */
  readonly depth: number;
  readonly kind: HeadingKind;
  /** Plain text as written (markup stripped). */
  readonly text: string;
  /** Normalised for matching: lower case, numbering and punctuation removed, `&` -> `and`. */
  readonly normalized: string;
  /** The heading itself (the line, or the bold lead). */
  readonly span: Span;
  /** Heading plus everything up to the next heading of the same or a higher level. */
  readonly sectionSpan: Span;
  /** Content directly under this heading, up to the next heading of any level. */
  readonly bodySpan: Span;
}

export interface SectionMatch {
  readonly headingIndex: number;
  readonly sectionId: string;
  readonly subsectionId?: string;
  /** Why the heading counts as this section, in words a user understands. */
  readonly reason: string;
  /** 0..1 */
  readonly confidence: number;
}

export interface Evidence {
  readonly span: Span;
  readonly keyword: string;
}

export interface SubsectionCoverage {
  readonly id: string;
  readonly title: string;
  readonly status: Status;
  readonly headingIndex?: number;
  readonly evidence: readonly Evidence[];
  /** Where a skeleton for this subsection goes if it is inserted (offset). */
  readonly insertAt: number;
}

export interface SectionCoverage {
  readonly id: string;
  readonly title: string;
  readonly status: Status;
  /** Headings that count as this section (first is the primary one). */
  readonly headings: readonly { readonly index: number; readonly reason: string }[];
  /** Words of substance under the matched headings. */
  readonly words: number;
  readonly evidence: readonly Evidence[];
  readonly subsections: readonly SubsectionCoverage[];
  /** Where a skeleton for this section goes if it is inserted (offset): after its lifecycle predecessor. */
  readonly insertAt: number;
  /** Id of the section this one should follow, if any is present. */
  readonly after?: string;
  /** For a thin section: the word count below which a section of this document is thin (the larger of
   * `thinWords` and a fifth of the median section's words). */
  readonly thinBelow?: number;
}

export interface TextEdit {
  /** Insertion point (offset). Edits only ever insert: the product never deletes user text. */
  readonly offset: number;
  /** Plain text to insert. */
  readonly text: string;
  /** The same insertion as an LSP snippet with tab stops, when one exists. */
  readonly snippet?: string;
}

export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

export interface RelatedInfo {
  readonly span: Span;
  readonly message: string;
}

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly related?: readonly RelatedInfo[];
  readonly fix?: Fix;
  readonly sectionId?: string;
  readonly subsectionId?: string;
}

export interface EngineConfig {
  readonly profile: string;
  /** Per-rule severity overrides. */
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  /** Minimum words of substance for a section to count as covered rather than thin. */
  readonly thinWords: number;
  /** Profiles defined in configuration (`profiles` key, `extends` already resolved). Looked up by id before
   * the built-in ones, so a custom profile may also refine a built-in id. */
  readonly customProfiles?: readonly ProfileDef[];
}

/** Where a design doc is in its review (front matter `status:`). Severities rise as the document matures. */
export type DocStatus = 'draft' | 'review' | 'approved';

export type ReadinessGroupId = 'data' | 'model' | 'infrastructure' | 'monitoring';

/** One test of the design-time readiness score: whether the document plans for it, and where it says so. */
export interface ReadinessTestResult {
  readonly id: string;
  readonly group: ReadinessGroupId;
  readonly title: string;
  readonly description: string;
  /** 1: planned; 0.5: only weakly (a generic mention); 0: not planned. */
  readonly score: 0 | 0.5 | 1;
  /** Where the document plans for it (the phrase itself), strongest first. */
  readonly evidence: readonly Evidence[];
}

export interface ReadinessGroupResult {
  readonly id: ReadinessGroupId;
  readonly title: string;
  /** Sum of the group's test scores (0..max). */
  readonly score: number;
  readonly max: number;
}

/** Design-time readiness after Google's ML Test Score: 28 tests in four groups; the final score is the minimum
 * of the four group scores (the weakest area decides). */
export interface Readiness {
  readonly score: number;
  readonly max: number;
  readonly groups: readonly ReadinessGroupResult[];
  readonly tests: readonly ReadinessTestResult[];
}

export interface Suppression {
  readonly kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-file';
  readonly rules: readonly string[]; // empty = all rules
  readonly span: Span;
  readonly line: number;
}

export interface Analysis {
  readonly text: string;
  readonly profile: string;
  /** The selected profile's definition (built-in or from configuration): what `profileSections` are about. */
  readonly profileDef?: ProfileDef;
  readonly headings: readonly Heading[];
  /** The heading depth the document uses for its sections (where inserted sections go). */
  readonly sectionDepth: number;
  /** The document's title heading, when it has one (a lone top-level heading first in the document). */
  readonly titleIndex?: number;
  readonly blocks: readonly Block[];
  readonly matches: readonly SectionMatch[];
  /** The eight lifecycle sections, whatever the selected profile (computed with the lifecycle profile). */
  readonly sections: readonly SectionCoverage[];
  /** 0..100: weighted share of lifecycle sections covered. */
  readonly score: number;
  /** When the selected profile is not lifecycle: that profile's sections (same coverage machinery). */
  readonly profileSections?: readonly SectionCoverage[];
  /** When the selected profile is not lifecycle: 0..100 over the profile's sections. */
  readonly profileScore?: number;
  /** Front matter `status:` when it is one of draft, review, approved. */
  readonly status?: DocStatus;
  /** Design-time readiness (ML Test Score groups). */
  readonly readiness: Readiness;
  readonly findings: readonly Finding[];
  readonly suppressions: readonly Suppression[];
  readonly frontMatter?: Readonly<Record<string, unknown>>;
  /** Whether the document opts in as a design doc by itself (front matter or marker comment). */
  readonly optIn: boolean;
  /** Sections of the text that were too risky to parse fully and were read with the line scan only. */
  readonly degraded: readonly Span[];
  /** The cheap outline of a document too large to check (analyzeOutline): sections recognised by their ATX
   * headings only; no findings, no evidence, no word counts, no readiness. */
  readonly outlineOnly?: boolean;
}

// Custom LSP methods between the ML Design Doc server and its clients. Import-free on purpose: the client,
// the server and the tests share these names and shapes without pulling in each other's dependencies.

/** LSP position: 0-based line, UTF-16 character. */
export interface WirePosition {
  line: number;
  character: number;
}
export interface WireRange {
  start: WirePosition;
  end: WirePosition;
}

export type WireStatus = 'covered' | 'thin' | 'placeholder' | 'empty' | 'mentioned' | 'missing';

/** An insertion the client may apply: plain text, and the same text as a snippet with tab stops. */
export interface WireInsertion {
  position: WirePosition;
  text: string;
  snippet: string;
}

export interface CoverageItem {
  id: string;
  title: string;
  status: WireStatus;
  /** Short text for the tree: e.g. "2/4" subsections present. */
  description: string;
  /** Guidance (Markdown) for a tooltip. */
  guidance: string;
  /** Why the matched heading counts as this section, when one does. */
  reason?: string;
  /** Range of the heading that counts as this item (to reveal), when present. */
  range?: WireRange;
  /** Where and what to insert when the item is missing (or empty). */
  insert?: WireInsertion;
  children: CoverageItem[];
}

export interface CoverageResult {
  uri: string;
  version: number | null;
  /** False when the document is not treated as a design doc (not included, not opted in). */
  enabled: boolean;
  profile: string;
  /** 0..100 */
  score: number;
  /** Lifecycle sections present (covered or partly) and the total. */
  present: number;
  total: number;
  sections: CoverageItem[];
  /** Design-time readiness after the ML Test Score (optional: older servers do not send it). */
  readiness?: ReadinessSummary;
  /** True when only the cheap outline was read (the document is larger than mldoc.maxFileSize): sections are
   * recognised by their ATX headings and their content is not checked (a present section shows as covered);
   * no readiness. `note` says so in words. */
  outlineOnly?: boolean;
  note?: string;
}

/** Readiness: 28 tests in four groups of seven; a group scores the sum of its tests, the document the lowest group. */
export interface ReadinessSummary {
  score: number;
  max: number;
  groups: { id: 'data' | 'model' | 'infrastructure' | 'monitoring'; title: string; score: number; max: number }[];
  tests: ReadinessTestItem[];
}

export interface ReadinessTestItem {
  id: string;
  group: 'data' | 'model' | 'infrastructure' | 'monitoring';
  title: string;
  description: string;
  /** 1 planned, 0.5 only mentioned, 0 not planned. */
  score: number;
  /** Where the document plans for it. */
  evidence: { text: string; range: WireRange }[];
}

/** Request: client -> server. Params: {uri}. Result: CoverageResult (enabled: false when not a design doc). */
export const CoverageRequestMethod = 'mldoc/coverage';
export interface CoverageParams {
  uri: string;
}

/** Notification: server -> client, whenever a design doc's coverage may have changed (after each analysis). */
export const CoverageChangedMethod = 'mldoc/coverageChanged';
export interface CoverageChangedParams {
  uri: string;
  version: number | null;
}

/** Request: client -> server. Params: {uri}. Result: the insertions that add every missing section, in
 * document order, computed from the current text (an empty list when nothing is missing). */
export const MissingSectionsRequestMethod = 'mldoc/missingSections';
export interface MissingSectionsResult {
  uri: string;
  insertions: WireInsertion[];
}

/** Request: client -> server. Params: {uri}. Result: a Markdown coverage report a reviewer can paste. */
export const ReportRequestMethod = 'mldoc/report';
export interface ReportResult {
  markdown: string;
}

/** Request: client -> server. Params: {profile?: string}. Result: a new design doc from the profile's template. */
export const TemplateRequestMethod = 'mldoc/template';
export interface TemplateParams {
  profile?: string;
}
export interface TemplateResult {
  text: string;
}

/** Code action kinds the server offers. */
export const InsertMissingActionKind = 'source.mldoc.insertMissing';
export const FixAllActionKind = 'source.fixAll.mldoc';

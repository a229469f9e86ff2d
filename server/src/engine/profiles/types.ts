// The shape of a profile: lifecycle knowledge as data. Rules and matching are generic code driven by this.

export const LIFECYCLE_IDS = [
  'problem',
  'data',
  'model',
  'deployment',
  'monitoring',
  'security',
  'collaboration',
  'ethics',
] as const;
export type LifecycleId = (typeof LIFECYCLE_IDS)[number];

export interface SubsectionDef {
  readonly id: string;
  readonly title: string;
  /** Other names a heading may use for this subsection (matched after normalisation, as whole phrases). */
  readonly aliases: readonly string[];
  /** Phrases whose presence in body text is evidence the topic is addressed. */
  readonly keywords: readonly string[];
  /** What a good subsection answers, in our words (Markdown). */
  readonly guidance: string;
  /** Skeleton body; `${n:placeholder}` tab stops in LSP snippet syntax. */
  readonly snippet: string;
}

export interface SectionDef {
  readonly id: string;
  readonly title: string;
  readonly aliases: readonly string[];
  readonly keywords: readonly string[];
  /** Keywords specific enough that one occurrence alone shows the topic is addressed ("GDPR", "drift"). */
  readonly strongKeywords?: readonly string[];
  readonly guidance: string;
  /** Skeleton body placed under the section heading, before its subsections. */
  readonly snippet: string;
  readonly subsections: readonly SubsectionDef[];
  /** For profiles other than lifecycle: the lifecycle concerns this section addresses. */
  readonly lifecycle?: readonly LifecycleId[];
}

export interface ProfileDef {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly sections: readonly SectionDef[];
}

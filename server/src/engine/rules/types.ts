// What a rule is: a small object with a stable id, a default severity and a check over the analysis so far.
import type { CompiledProfile } from '../match';
import type { DocumentModel } from '../coverage';
import type { LineIndex } from '../line-index';
import type { ProfileDef } from '../profiles/types';
import type { EngineConfig, Finding, SectionCoverage, SectionMatch, SeveritySetting, Span } from '../types';
import type { Memo } from '../parse';

export interface RuleContext {
  readonly text: string;
  readonly doc: DocumentModel;
  readonly profile: ProfileDef;
  readonly compiled: CompiledProfile;
  readonly matches: readonly SectionMatch[];
  /** Coverage of the selected profile's sections (ctx.profile). */
  readonly sections: readonly SectionCoverage[];
  /** Coverage of the eight lifecycle sections, whatever the selected profile (the ML-aware rules read this). */
  readonly lifecycleSections: readonly SectionCoverage[];
  /** Heading matches against the lifecycle profile (ctx.matches are the selected profile's). */
  readonly lifecycleMatches: readonly SectionMatch[];
  readonly config: EngineConfig;
  readonly lines: LineIndex;
  /** The heading depth the document uses for lifecycle sections. */
  readonly sectionDepth: number;
  readonly frontMatter?: Readonly<Record<string, unknown>>;
  /** Parts of the text read with the line scan only (risky shapes; see parse.ts and risk.ts). */
  readonly degraded?: readonly Span[];
  /** What rules remember per text across keystrokes (with a parse cache; see parse.ts createMemo). */
  readonly memo?: Memo;
}

export type RuleFinding = Omit<Finding, 'ruleId' | 'severity'>;

export interface RuleDef {
  /** Stable kebab-case id; also the rule's file name and its docs page (docs/rules/<id>.md). */
  readonly id: string;
  /** One line, for the README table and the settings description. */
  readonly description: string;
  readonly defaultSeverity: SeveritySetting;
  readonly tags: readonly string[];
  check(ctx: RuleContext): RuleFinding[];
}

// The rule registry: every rule, listed explicitly, in the order they are documented. The README rules table,
// the per-rule settings in package.json and the snippets are generated from this list (npm run generate);
// a test fails when they drift. Each rule lives in rules/<id>.ts and is documented in docs/rules/<id>.md.
import type { RuleDef } from './types';
import { missingSection } from './missing-section';
import { missingSubsection } from './missing-subsection';
import { emptySection } from './empty-section';
import { placeholderText } from './placeholder-text';
import { thinSection } from './thin-section';
import { duplicateSection } from './duplicate-section';
import { outOfOrderSection } from './out-of-order-section';
import { skippedHeadingLevel } from './skipped-heading-level';

export const RULES: readonly RuleDef[] = [
  missingSection,
  missingSubsection,
  emptySection,
  placeholderText,
  thinSection,
  duplicateSection,
  outOfOrderSection,
  skippedHeadingLevel,
];

export function getRule(id: string): RuleDef | undefined {
  return RULES.find((r) => r.id === id);
}
export type { RuleDef, RuleContext, RuleFinding } from './types';

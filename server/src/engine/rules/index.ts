// The rule registry: every rule, listed explicitly. The README rules table, the settings block of
// package.json and docs/rules/ are generated from this list; a test fails when they drift.
import type { RuleDef } from './types';
import { missingSection } from './missing-section';

export const RULES: readonly RuleDef[] = [missingSection];

export function getRule(id: string): RuleDef | undefined {
  return RULES.find((r) => r.id === id);
}
export type { RuleDef, RuleContext, RuleFinding } from './types';

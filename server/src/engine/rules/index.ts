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
import { unmeasurableSuccessCriteria } from './unmeasurable-success-criteria';
import { metricNotEvaluated } from './metric-not-evaluated';
import { noBaseline } from './no-baseline';
import { offlineOnlineMetrics } from './offline-online-metrics';
import { noSplitStrategy } from './no-split-strategy';
import { latencyWithoutPercentile } from './latency-without-percentile';
import { servingModeUnstated } from './serving-mode-unstated';
import { servingModeInconsistent } from './serving-mode-inconsistent';
import { noRolloutPlan } from './no-rollout-plan';
import { noDriftDetection } from './no-drift-detection';
import { noRetrainingTrigger } from './no-retraining-trigger';
import { personalDataUnprotected } from './personal-data-unprotected';
import { fairnessUnanalyzed } from './fairness-unanalyzed';
import { degradedParse } from './degraded-parse';

export const RULES: readonly RuleDef[] = [
  missingSection,
  missingSubsection,
  emptySection,
  placeholderText,
  thinSection,
  duplicateSection,
  outOfOrderSection,
  skippedHeadingLevel,
  unmeasurableSuccessCriteria,
  metricNotEvaluated,
  noBaseline,
  offlineOnlineMetrics,
  noSplitStrategy,
  latencyWithoutPercentile,
  servingModeUnstated,
  servingModeInconsistent,
  noRolloutPlan,
  noDriftDetection,
  noRetrainingTrigger,
  personalDataUnprotected,
  fairnessUnanalyzed,
  degradedParse,
];

export function getRule(id: string): RuleDef | undefined {
  return RULES.find((r) => r.id === id);
}
export type { RuleDef, RuleContext, RuleFinding } from './types';

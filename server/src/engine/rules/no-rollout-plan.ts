// no-rollout-plan: the deployment section says how the model is served but not how a new version reaches
// users safely: no canary, shadow, A/B test, staged rollout, feature flag or rollback.
// Bad:  ## Deployment  The model runs behind a REST endpoint on the payments cluster.
// Good: ## Deployment  … new versions run in shadow for a week, then take 5% of traffic; rollback is one click.
// Only runs when the document has a deployment section of its own that talks about serving a system (a model
// card's "How to get started" is about using the model, not releasing it).
import type { RuleDef } from './types';
import { appendToSection, hasServingSection, anchorHeading, mentions } from '../ml/scope';

export const ROLLOUT_PHRASES = [
  'rollback*', 'roll back', 'rolled back', 'revert*', 'canary', 'canaries', 'canaried', 'shadow*', 'a b test*', 'ab test*',
  'a b experiment*', 'split test*', 'staged rollout', 'gradual rollout', 'phased rollout', 'progressive rollout', 'ramp*',
  'percent of traffic', 'of traffic', 'of users', 'blue green', 'feature flag*', 'kill switch', 'fallback*', 'fall back',
  'dark launch', 'champion challenger', 'interleav*', 'pilot*', 'online experiment*', 'holdout group', 'control group',
  'previous version', 'release cycle', 'release process', 'online testing', 'experiment*',
] as const;

export const noRolloutPlan: RuleDef = {
  id: 'no-rollout-plan',
  description: 'The deployment section has no safe release plan: no canary, shadow, A/B test, staged rollout or rollback.',
  defaultSeverity: 'info',
  tags: ['ml'],
  check(ctx) {
    if (!hasServingSection(ctx) || mentions(ctx, ROLLOUT_PHRASES)) return [];
    const heading = anchorHeading(ctx, 'deployment')!;
    return [
      {
        message:
          'No rollout plan: the design does not say how a new model version reaches users safely. Plan a shadow run, ' +
          'canary or A/B test on a share of traffic, the metric that decides, and how to roll back.',
        span: heading.span,
        sectionId: 'deployment',
        fix: {
          title: 'Add a rollout and rollback line to the deployment section',
          edits: [appendToSection(ctx, heading, '- Rollout: ${1:shadow for a week, then a canary on 5% of traffic}; rollback: ${2:how and who decides}', '- Rollout: shadow for a week, then a canary on 5% of traffic; rollback: how and who decides')],
        },
      },
    ];
  },
};

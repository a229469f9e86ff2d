// no-drift-detection: the monitoring section watches the model but never says how changes in the input or
// prediction distributions are detected (drift, distribution shift, PSI, KS test, …).
// Bad:  ## Monitoring  A dashboard shows request volume and errors; on-call is paged on outages.
// Good: ## Monitoring  … PSI of the top 20 features against the training window, daily; alert above 0.2.
// Only runs when the document has a monitoring section of its own (else: missing-section).
import type { RuleDef } from './types';
import { appendToSection, hasSection, anchorHeading, mentions } from '../ml/scope';

export const DRIFT_PHRASES = [
  'drift*', 'distribution shift*', 'dataset shift', 'covariate shift', 'concept shift', 'label shift', 'prior shift',
  'population stability', 'psi', 'kolmogorov*', 'ks test', 'ks statistic', 'chi squared', 'chi square', 'wasserstein',
  'kl divergence', 'jensen shannon', 'js divergence', 'distribution change*', 'changes in distribution*',
  'feature distribution*', 'input distribution*', 'data distribution*', 'prediction distribution*', 'score distribution*',
  'distribution of predictions', 'distribution of the predictions', 'distribution of scores', 'distribution of inputs',
  'out of distribution', 'training serving skew', 'data quality monitor*', 'shift in', 'shifts in', 'distributions',
  'prediction trend*', 'change in trend', 'change in the trend', 'trend is not expected', 'prediction statistics', 'unexpected predictions',
] as const;

export const noDriftDetection: RuleDef = {
  id: 'no-drift-detection',
  description: 'The monitoring section does not say how data or prediction drift is detected.',
  defaultSeverity: 'info',
  tags: ['ml'],
  check(ctx) {
    if (!hasSection(ctx, 'monitoring') || mentions(ctx, DRIFT_PHRASES)) return [];
    const heading = anchorHeading(ctx, 'monitoring')!;
    return [
      {
        message:
          'No drift detection: monitoring does not say how changes in the input or prediction distributions are noticed. ' +
          'Name the test (PSI, KS, chi-squared), the features or scores it watches, how often, and the alert threshold.',
        span: heading.span,
        sectionId: 'monitoring',
        fix: {
          title: 'Add a drift detection line to the monitoring section',
          edits: [appendToSection(ctx, heading, '- Drift: ${1:PSI} on ${2:the top features and the score}, ${3:daily}; alert above ${4:0.2}', '- Drift: PSI on the top features and the score, daily; alert above 0.2')],
        },
      },
    ];
  },
};

// no-baseline: the model section chooses and evaluates a model but never says what it must beat: no random,
// heuristic, rule-based, current-system or human baseline anywhere in the document.
// Bad:  ## Model  A gradient-boosted classifier trained on twelve months of transactions, evaluated by AUC.
// Good: ## Model  … evaluated by AUC against the current rule set (AUC 0.71) and a logistic regression.
// Only runs when the document has a model section of its own: a missing one is missing-section's finding.
import type { RuleDef } from './types';
import { appendToSection, hasSection, anchorHeading, mentions } from '../ml/scope';

/** Ways a design names what the model is compared against. */
export const BASELINE_PHRASES = [
  'baseline*', 'heuristic*', 'rule based', 'rules based', 'rule set', 'ruleset', 'hand written rules', 'business rules',
  'current system', 'existing system', 'current model', 'existing model', 'current approach', 'current solution',
  'existing solution', 'current process', 'status quo', 'human performance', 'human level', 'human baseline',
  'manual process', 'manual review', 'majority class', 'random guess*', 'random classifier', 'random ranking', 'naive',
  'compared against', 'compared with', 'compared to', 'compare against', 'compare with', 'against the current',
  'than the current', 'over the current', 'than today', 'champion', 'previous model', 'prior model', 'benchmark*',
  'simpler model*', 'simple model*', 'logistic regression', 'linear regression', 'outperform*',
] as const;

export const noBaseline: RuleDef = {
  id: 'no-baseline',
  description: 'The model section names no baseline (random, heuristic, current system or human) that the model must beat.',
  defaultSeverity: 'info',
  tags: ['ml'],
  check(ctx) {
    if (!hasSection(ctx, 'model') || mentions(ctx, BASELINE_PHRASES)) return [];
    const heading = anchorHeading(ctx, 'model')!;
    return [
      {
        message:
          'No baseline: the design does not say what the model must beat. Name a simple baseline (random, a heuristic or ' +
          'rule set, the current system, human performance) and its value on the same metric, so the gain is measurable.',
        span: heading.span,
        sectionId: 'model',
        fix: {
          title: 'Add a baseline line to the model section',
          edits: [appendToSection(ctx, heading, '- Baseline: ${1:heuristic, current system or simple model} (${2:metric} = ${3:value})', '- Baseline: heuristic, current system or simple model (metric = value)')],
        },
      },
    ];
  },
};

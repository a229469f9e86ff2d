// no-split-strategy: the model is evaluated, but the design never says on what data: no train/validation/test
// split, hold-out or cross-validation; or the data is time-ordered and the split is random, with no time-based
// split and no word on leakage.
// Bad:  ## Model  Daily demand forecasts … evaluated by MAPE with 5-fold cross-validation.
// Good: … rolling-origin backtest: train on weeks 1..n, test on week n+1, so no future data leaks into training.
// Only runs when the document has a model section of its own that names an evaluation metric.
import type { RuleDef } from './types';
import { firstPhrase, hasSection, anchorHeading, mentions, sectionSpans } from '../ml/scope';
import { notAMetric, OFFLINE_PHRASES } from './offline-online-metrics';

const SPLIT_PHRASES = [
  'split*', 'hold out', 'holdout', 'held out', 'test set', 'test data', 'testing data', 'validation set', 'validation data',
  'eval set', 'evaluation set', 'evaluation data', 'dev set', 'cross validation', 'cross validated', 'k fold', 'kfold',
  'out of time', 'out of sample', 'backtest*', 'train test', 'train validation', 'temporal', 'rolling', 'walk forward',
  'time based', 'chronolog*', 'unseen data', 'validation schema', 'inner and outer loop*', 'leave one out', 'bootstrap*',
] as const;
const TIME_ORDERED = ['time series', 'forecast*', 'time ordered', 'temporal data', 'sequential data', 'seasonal*', 'time stamped'] as const;
const RANDOM_SPLIT = ['random split*', 'randomly split', 'split randomly', 'shuffle*', 'k fold', 'kfold', 'random sample of rows'] as const;
const TIME_AWARE = [
  'time based', 'time split', 'temporal split', 'temporal validation', 'split by time', 'split by date', 'out of time',
  'chronolog*', 'rolling', 'walk forward', 'backtest*', 'expanding window', 'sliding window', 'time series split',
  'leak*', 'future data', 'most recent', 'last month', 'last week', 'last year', 'later period',
] as const;

export const noSplitStrategy: RuleDef = {
  id: 'no-split-strategy',
  description: 'The model is evaluated without a stated split strategy, or time-ordered data is split at random with no word on leakage.',
  defaultSeverity: 'info',
  tags: ['ml'],
  check(ctx) {
    if (!hasSection(ctx, 'model')) return [];
    if (!firstPhrase(ctx, OFFLINE_PHRASES, sectionSpans(ctx, 'model'), (h) => !notAMetric(ctx.text, h))) return [];
    if (!mentions(ctx, SPLIT_PHRASES)) {
      // Ranked only when it is reported (the ranking goes through the section's headings and evidence).
      const heading = anchorHeading(ctx, 'model')!;
      return [
        {
          message:
            'No split strategy: the model is evaluated, but the design does not say on what data. State the train/validation/test ' +
            'split (random, grouped or time-based) or the cross-validation scheme, and how leakage is prevented.',
          span: heading.span,
          sectionId: 'model',
          subsectionId: 'validation',
        },
      ];
    }
    const timeOrdered = firstPhrase(ctx, TIME_ORDERED);
    const random = firstPhrase(ctx, RANDOM_SPLIT);
    if (!timeOrdered || !random || mentions(ctx, TIME_AWARE)) return [];
    return [
      {
        message:
          `Random split of time-ordered data: the data is time-ordered ('${timeOrdered.text}') but the evaluation uses '${random.text}'. ` +
          'Split by time (train on the past, test on a later period) or say why leakage from the future cannot happen.',
        span: random.span,
        sectionId: 'model',
        subsectionId: 'validation',
        related: [{ span: timeOrdered.span, message: `Time-ordered data: '${timeOrdered.text}'` }],
      },
    ];
  },
};

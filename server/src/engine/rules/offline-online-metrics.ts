// offline-online-metrics: the design judges the model on one side only: offline metrics (AUC, RMSE on held-out
// data) with no online measure of the launched model (A/B test, business metric), or online metrics with no
// offline evaluation that decides whether a model is good enough to try.
// Bad:  ## Model  … evaluated by AUC-PR on a held-out month.   (and the deployment section never measures it live)
// Good: … the launch is an A/B test on 10% of traffic; success is a 3% lower chargeback rate.
// Only runs when the document has model and deployment sections of its own.
import type { RuleDef } from './types';
import { firstPhrase, hasSection, hasServingSection, anchorHeading, type PhraseHit } from '../ml/scope';

export const OFFLINE_PHRASES = [
  'offline metric*', 'offline evaluation', 'offline eval', 'offline test*', 'held out', 'hold out', 'holdout', 'test set',
  'validation set', 'cross validation', 'backtest*', 'auc', 'roc auc', 'pr auc', 'auc pr', 'auc roc', 'precision', 'recall',
  'f1', 'f1 score', 'rmse', 'mae', 'mape', 'wape', 'smape', 'mse', 'log loss', 'logloss', 'cross entropy', 'ndcg*',
  'mean average precision', 'mrr', 'accuracy', 'word error rate', 'bleu', 'calibration', 'r squared', 'quantile loss',
] as const;
export const ONLINE_PHRASES = [
  'online metric*', 'online evaluation', 'online experiment*', 'online test*', 'a b test*', 'ab test*', 'a b experiment*',
  'split test*', 'interleav*', 'business metric*', 'business kpi*', 'kpi', 'kpis', 'click through rate', 'ctr',
  'conversion*', 'revenue', 'engagement', 'retention rate', 'churn rate', 'chargeback*', 'live traffic', 'in production',
  'after launch', 'post launch', 'user satisfaction', 'dwell time', 'watch time', 'bounce rate', 'sales uplift', 'uplift',
  'canary', 'shadow', 'control group', 'treatment group', 'override rate', 'share of recommendations',
] as const;

/** "mixed precision", "fp16 precision", "numerical precision" are number formats, not the metric. */
export function notAMetric(text: string, h: PhraseHit): boolean {
  return /precision$/i.test(h.text) && /\b(?:mixed|half|single|double|full|numerical|floating|fp\d+|bf\d+|int\d+)[\s-]*$/i.test(text.slice(Math.max(0, h.span.start - 20), h.span.start));
}

export const offlineOnlineMetrics: RuleDef = {
  id: 'offline-online-metrics',
  description: 'The design evaluates the model only offline (no online measure after launch) or only online (no offline evaluation).',
  defaultSeverity: 'info',
  tags: ['ml'],
  check(ctx) {
    if (!hasSection(ctx, 'model') || !hasServingSection(ctx)) return [];
    // Only the first of each is shown: no list of every hit of a large document on each keystroke.
    const offline = firstPhrase(ctx, OFFLINE_PHRASES, undefined, (h) => !notAMetric(ctx.text, h));
    const online = firstPhrase(ctx, ONLINE_PHRASES);
    if ((offline === undefined) === (online === undefined)) return [];
    if (offline) {
      return [
        {
          message:
            `Offline metrics only: the model is judged by '${offline.text}' before launch, but nothing says how it is measured ` +
            'once live. Add the online metric (a business KPI, an A/B test against the current system) and the change that counts as success.',
          span: offline.span,
          sectionId: 'model',
        },
      ];
    }
    const heading = anchorHeading(ctx, 'model')!;
    return [
      {
        message:
          `Online metrics only: '${online!.text}' measures the model live, but no offline evaluation (metric on held-out data) ` +
          'decides whether a model is good enough to put in front of users.',
        span: heading.span,
        sectionId: 'model',
        related: [{ span: online!.span, message: `Online measure: '${online!.text}'` }],
      },
    ];
  },
};

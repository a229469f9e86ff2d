// metric-not-evaluated: a metric promised in the success criteria is never mentioned again: not in the
// offline evaluation, the A/B test or the monitoring, so nobody will measure it.
// Bad:  Success metric: 5% higher conversion rate.  … (evaluation uses AUC; monitoring watches latency only)
// Good: … the A/B test compares conversion rate between arms; the dashboard tracks it weekly.
// Only runs when the document has a model or monitoring section of its own.
import type { RuleDef, RuleFinding } from './types';
import { insideAny } from '../masks';
import { compilePhrases, eachInProse, type PhraseHit } from '../ml/phrases';
import { hasSection } from '../ml/scope';

/** A success statement that says where its metric is measured is its own evaluation plan. */
const EVALUATED_IN_PLACE = compilePhrases([
  'a b test*', 'ab test*', 'experiment*', 'measured', 'monitor*', 'dashboard*', 'tracked', 'track', 'held out', 'holdout',
  'hold out', 'test set', 'evaluated', 'backtest*', 'reported weekly', 'reported monthly', 'in production',
]);
import { statedSuccess } from '../ml/success';

/** Metric names with their other spellings: a mention of any counts as the same metric. */
export const METRIC_NAMES: readonly (readonly string[])[] = [
  ['pr auc', 'auc pr', 'auprc', 'average precision', 'area under the precision recall curve'],
  ['auc', 'roc auc', 'auc roc', 'auroc', 'area under the curve', 'area under the roc curve'],
  ['precision'], ['recall', 'sensitivity', 'true positive rate', 'tpr'], ['f1', 'f1 score', 'f score', 'f measure'],
  ['accuracy'], ['rmse', 'root mean squared error', 'root mean square error'], ['mae', 'mean absolute error'],
  ['mape', 'mean absolute percentage error'], ['wape', 'weighted absolute percentage error'], ['smape'],
  ['log loss', 'logloss', 'cross entropy', 'cross-entropy'], ['ndcg*', 'normalized discounted cumulative gain'],
  ['mrr', 'mean reciprocal rank'], ['click through rate', 'ctr'], ['conversion rate', 'conversions', 'conversion'],
  ['churn rate', 'churn'], ['retention rate'], ['revenue'], ['false positive rate', 'fpr', 'false positives', 'false decline rate', 'false declines', 'false alarm rate', 'false alarms'],
  ['false negative rate', 'fnr', 'false negatives'], ['chargeback rate', 'chargebacks', 'chargeback'],
  ['word error rate', 'wer'], ['bleu'], ['calibration', 'calibration error', 'ece'], ['latency'], ['throughput'],
  ['engagement'], ['dwell time'], ['watch time'], ['average order value', 'aov'], ['net promoter score', 'nps'],
];

const FLAT = METRIC_NAMES.flatMap((names, g) => names.map((n) => ({ n, g })));
const ALL_NAMES = compilePhrases(FLAT.map((x) => x.n));
const GROUP_OF = FLAT.map((x) => x.g);

interface Promises {
  readonly text: string;
  readonly inStatements: (offset: number) => boolean;
  readonly firstPromised: (PhraseHit | undefined)[];
  readonly elsewhere: boolean[];
}

function visitMetric(this: Promises, phrase: number, start: number, end: number): void {
  const g = GROUP_OF[phrase]!;
  if (this.elsewhere[g]) return;
  if (!this.inStatements(start)) this.elsewhere[g] = true;
  else this.firstPromised[g] ??= { phrase, span: { start, end }, text: this.text.slice(start, end) };
}

export const metricNotEvaluated: RuleDef = {
  id: 'metric-not-evaluated',
  description: 'A metric promised in the success criteria is never evaluated offline, tested online or monitored.',
  defaultSeverity: 'info',
  tags: ['ml'],
  check(ctx) {
    if (!hasSection(ctx, 'model') && !hasSection(ctx, 'monitoring')) return [];
    const statements = statedSuccess(ctx).filter((s) => EVALUATED_IN_PLACE.find(s.text).length === 0);
    if (statements.length === 0) return [];
    const inStatements = insideAny(statements.map((s) => s.span));
    // One pass over the text for every name; hits are then grouped by metric.
    // Per metric: its first hit inside a statement, and whether it appears anywhere else (one pass).
    const firstPromised: (PhraseHit | undefined)[] = new Array(METRIC_NAMES.length);
    const elsewhere: boolean[] = new Array(METRIC_NAMES.length).fill(false);
    // Hits are visited, not listed: an object only for each metric's first promise. (The visitor is a bound
    // module function, not a closure made per analysis: see by-place.ts PlaceFinder.)
    const state: Promises = { text: ctx.text, inStatements, firstPromised, elsewhere };
    eachInProse(ctx.text, ctx.doc.blocks, ALL_NAMES, undefined, visitMetric.bind(state));
    const out: RuleFinding[] = [];
    for (let g = 0; g < METRIC_NAMES.length; g++) {
      const first = firstPromised[g];
      if (!first || elsewhere[g]) continue;
      // A longer name that contains this one ("PR AUC" for "AUC") is the other metric's business.
      if (out.some((f) => f.span.start <= first.span.start && first.span.end <= f.span.end)) continue;
      out.push({
        message:
          `Metric not evaluated: '${first.text}' is promised in the success criteria but never appears in the evaluation, ` +
          'the online test or the monitoring. Say where it is measured (offline on held-out data, in the A/B test, on a dashboard) and how often.',
        span: first.span,
        sectionId: 'problem',
        subsectionId: 'objective',
      });
    }
    return out;
  },
};

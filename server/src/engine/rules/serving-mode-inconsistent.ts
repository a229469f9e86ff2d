// serving-mode-inconsistent: the design promises real-time (online) predictions but also has the predictions
// computed by a daily, nightly or batch job, and never says how the two fit (precomputed scores served from
// a cache, a hybrid design).
// Bad:  Fraud scores are returned in real time at checkout. … A nightly batch job scores all accounts.
// Good: … A nightly batch job precomputes account risk; checkout looks it up and adds a real-time model.
// The finding sits on the batch statement; related information points at the real-time promise.
import type { RuleDef } from './types';
import { firstAffirmed, mentions } from '../ml/scope';

const REAL_TIME = [
  'real time prediction*', 'real time scor*', 'real time inference', 'real time recommendation*', 'real time classification',
  'real time detection', 'realtime prediction*', 'realtime scor*', 'realtime inference', 'online prediction*',
  'online inference', 'online scoring', 'synchronous prediction*', 'per request prediction*', 'at request time',
  'predictions in real time', 'scores in real time', 'scored in real time', 'in real time',
] as const;
const BATCH = [
  'batch prediction*', 'batch scoring', 'batch inference', 'offline scoring', 'offline inference', 'nightly scoring',
  'daily scoring', 'scored nightly', 'scored daily', 'scores nightly', 'scores daily', 'nightly batch', 'daily batch',
  'nightly job', 'daily job', 'batch job', 'predictions are computed daily', 'predictions are computed nightly',
  'predictions are generated daily', 'predictions are generated nightly', 'once a day', 'once per day',
] as const;
/** Words that reconcile the two: the batch part precomputes what the online part serves or combines. */
const RECONCILED = [
  'precomput*', 'pre comput*', 'cache*', 'cached', 'look up', 'lookup', 'looked up', 'hybrid', 'both batch and',
  'batch and online', 'batch and real time', 'feature store', 'features are computed', 'feature computation',
  'batch features', 'retrain*', 'training job', 'lambda architecture', 'two stage', 'stale by', 'freshness',
] as const;

export const servingModeInconsistent: RuleDef = {
  id: 'serving-mode-inconsistent',
  description: "Real-time predictions are promised, but the predictions come from a daily or batch job, and the design does not reconcile the two.",
  defaultSeverity: 'warning',
  tags: ['ml'],
  check(ctx) {
    const o = firstAffirmed(ctx, REAL_TIME);
    const b = o && firstAffirmed(ctx, BATCH);
    if (!o || !b || mentions(ctx, RECONCILED)) return [];
    return [
      {
        message:
          `Serving mode is inconsistent: '${o.text}' is promised, but '${b.text}' produces the predictions. Say which it is, ` +
          'or how they fit: e.g. batch scores precomputed and looked up online, with how stale they may be.',
        span: b.span,
        sectionId: 'deployment',
        related: [{ span: o.span, message: `Real-time predictions promised here: '${o.text}'` }],
      },
    ];
  },
};

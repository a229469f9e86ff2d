// ML vocabulary the editor explains and offers: metrics, drift tests, validation schemes, serving and release
// patterns, privacy controls and fairness measures, each with a one-line explanation in our words and the
// lifecycle sections where it belongs. Data only, plus a lookup of the term under an offset. Pure.
import type { LifecycleId } from './profiles/types';
import type { Span } from './types';
import { compilePhrases } from './ml/phrases';

export type MlTermKind = 'metric' | 'drift-test' | 'validation' | 'serving' | 'release' | 'privacy' | 'fairness';

export interface MlTerm {
  /** How the term is inserted and shown. */
  readonly term: string;
  /** Other spellings that count as the term when hovering (phrase syntax of ml/phrases.ts). */
  readonly aliases: readonly string[];
  readonly kind: MlTermKind;
  /** One line: what it is and when to use it. */
  readonly explanation: string;
  /** Lifecycle sections where the term is worth offering. */
  readonly sections: readonly LifecycleId[];
}

const M: LifecycleId[] = ['problem', 'model', 'monitoring'];

export const ML_TERMS: readonly MlTerm[] = [
  // Metrics
  { term: 'AUC-ROC', aliases: ['auc roc', 'roc auc', 'auroc', 'auc'], kind: 'metric', sections: M, explanation: 'Probability that a random positive is scored above a random negative; threshold-free, but optimistic when positives are rare.' },
  { term: 'AUC-PR', aliases: ['auc pr', 'pr auc', 'auprc', 'average precision'], kind: 'metric', sections: M, explanation: 'Area under the precision-recall curve; the threshold-free metric to prefer when positives are rare (fraud, defects).' },
  { term: 'precision', aliases: ['precision'], kind: 'metric', sections: M, explanation: 'Share of predicted positives that are right; what a reviewer or customer sees as false alarms.' },
  { term: 'recall', aliases: ['recall', 'true positive rate'], kind: 'metric', sections: M, explanation: 'Share of actual positives the model finds; what it misses is the cost of false negatives.' },
  { term: 'F1 score', aliases: ['f1', 'f1 score', 'f score'], kind: 'metric', sections: M, explanation: 'Harmonic mean of precision and recall at one threshold; hides which of the two you are trading.' },
  { term: 'precision@k', aliases: ['precision at k', 'precision@k', 'p@k'], kind: 'metric', sections: M, explanation: 'Share of the top k results that are relevant; fits fixed review capacity (the k cases a team can handle).' },
  { term: 'recall@k', aliases: ['recall at k', 'recall@k'], kind: 'metric', sections: M, explanation: 'Share of all relevant items that appear in the top k; the usual metric for candidate retrieval.' },
  { term: 'nDCG@k', aliases: ['ndcg', 'ndcg@k', 'ndcg@10', 'normalized discounted cumulative gain'], kind: 'metric', sections: M, explanation: 'Ranking quality that rewards relevant items near the top, normalised to 0..1; the standard offline metric for search and recommendations.' },
  { term: 'MRR', aliases: ['mrr', 'mean reciprocal rank'], kind: 'metric', sections: M, explanation: 'Average of 1/rank of the first relevant result; for tasks with one right answer (query autocomplete, QA).' },
  { term: 'log loss', aliases: ['log loss', 'logloss', 'cross entropy', 'binary cross entropy'], kind: 'metric', sections: M, explanation: 'Penalises confident wrong probabilities; use when the probabilities themselves are consumed (bidding, pricing).' },
  { term: 'calibration error', aliases: ['calibration error', 'expected calibration error', 'ece', 'calibration'], kind: 'metric', sections: M, explanation: 'Gap between predicted probabilities and observed frequencies (ECE over bins); matters when scores are read as probabilities.' },
  { term: 'Brier score', aliases: ['brier score', 'brier'], kind: 'metric', sections: M, explanation: 'Mean squared error of predicted probabilities; combines calibration and sharpness in one number.' },
  { term: 'RMSE', aliases: ['rmse', 'root mean squared error', 'root mean square error'], kind: 'metric', sections: M, explanation: 'Root mean squared error; in the target\'s unit, weighs large errors heavily.' },
  { term: 'MAE', aliases: ['mae', 'mean absolute error'], kind: 'metric', sections: M, explanation: 'Mean absolute error; in the target\'s unit, robust to outliers, optimised by the median.' },
  { term: 'MAPE', aliases: ['mape', 'mean absolute percentage error'], kind: 'metric', sections: M, explanation: 'Mean absolute percentage error; scale-free but undefined at zero and biased towards under-forecasting.' },
  { term: 'WAPE', aliases: ['wape', 'weighted absolute percentage error', 'wmape'], kind: 'metric', sections: M, explanation: 'Sum of absolute errors over sum of actuals; the forecasting metric that survives zeros and weighs big items more.' },
  { term: 'quantile loss', aliases: ['quantile loss', 'pinball loss'], kind: 'metric', sections: M, explanation: 'Loss for a predicted quantile (e.g. P90 demand); asymmetric, so over- and under-forecasting cost differently.' },
  { term: 'word error rate', aliases: ['word error rate', 'wer'], kind: 'metric', sections: M, explanation: 'Edits (substitutions, insertions, deletions) per reference word; the standard speech-recognition metric.' },
  { term: 'click-through rate', aliases: ['click through rate', 'ctr'], kind: 'metric', sections: ['problem', 'deployment', 'monitoring'], explanation: 'Clicks per impression; an online metric, measured in an A/B test rather than offline.' },
  { term: 'conversion rate', aliases: ['conversion rate'], kind: 'metric', sections: ['problem', 'deployment', 'monitoring'], explanation: 'Share of sessions or users that complete the target action; a business metric for the online test.' },
  // Drift tests
  { term: 'PSI', aliases: ['psi', 'population stability index', 'population stability'], kind: 'drift-test', sections: ['monitoring'], explanation: 'Population Stability Index: binned divergence between a baseline and a current distribution; < 0.1 stable, > 0.25 a real shift.' },
  { term: 'KS test', aliases: ['ks test', 'kolmogorov smirnov', 'kolmogorov smirnov test', 'ks statistic'], kind: 'drift-test', sections: ['monitoring'], explanation: 'Kolmogorov-Smirnov: largest gap between two cumulative distributions of a numeric feature; very sensitive on large samples.' },
  { term: 'chi-squared test', aliases: ['chi squared', 'chi square', 'chi squared test', 'chi square test', 'χ2'], kind: 'drift-test', sections: ['monitoring'], explanation: 'Compares category frequencies between two samples; the drift test for categorical features.' },
  { term: 'Jensen-Shannon divergence', aliases: ['jensen shannon', 'js divergence', 'jensen shannon divergence'], kind: 'drift-test', sections: ['monitoring'], explanation: 'Symmetric, bounded (0..1) divergence between distributions; a drift score that works for scores and categories.' },
  { term: 'Wasserstein distance', aliases: ['wasserstein', 'earth mover', 'earth movers distance'], kind: 'drift-test', sections: ['monitoring'], explanation: 'How much probability mass must move to turn one distribution into the other, in the feature\'s unit.' },
  { term: 'concept drift', aliases: ['concept drift'], kind: 'drift-test', sections: ['monitoring', 'model'], explanation: 'The relation between inputs and label changes (fraudsters adapt); only labels or proxies reveal it, input drift tests do not.' },
  { term: 'training-serving skew', aliases: ['training serving skew', 'train serve skew', 'training-serving skew'], kind: 'drift-test', sections: ['monitoring', 'data', 'deployment'], explanation: 'Features computed differently online than in training; compare logged serving features with the training pipeline\'s.' },
  // Validation
  { term: 'time-based split', aliases: ['time based split', 'temporal split', 'out of time', 'out of time validation'], kind: 'validation', sections: ['model'], explanation: 'Train on the past, validate on a later period; required for time-ordered data so the model never sees the future.' },
  { term: 'rolling-origin backtest', aliases: ['backtest', 'backtesting', 'rolling origin', 'walk forward', 'walk forward validation'], kind: 'validation', sections: ['model'], explanation: 'Repeated time-based splits with a moving cut-off; gives several honest estimates for forecasting models.' },
  { term: 'stratified k-fold', aliases: ['stratified k fold', 'stratified kfold', 'stratified cross validation'], kind: 'validation', sections: ['model'], explanation: 'K-fold cross-validation that keeps class proportions in each fold; for i.i.d. data with rare classes.' },
  { term: 'group k-fold', aliases: ['group k fold', 'grouped cross validation', 'group kfold'], kind: 'validation', sections: ['model'], explanation: 'Folds that keep all rows of one user or entity together, so the model is tested on unseen entities.' },
  { term: 'data leakage', aliases: ['data leakage', 'target leakage', 'leakage'], kind: 'validation', sections: ['model', 'data'], explanation: 'Information unavailable at prediction time reaching training (future rows, post-outcome fields); inflates every offline metric.' },
  // Serving
  { term: 'online inference', aliases: ['online inference', 'real time inference', 'online prediction', 'real time prediction'], kind: 'serving', sections: ['deployment'], explanation: 'The model answers each request synchronously; needs a latency budget (p99) and features available at request time.' },
  { term: 'batch prediction', aliases: ['batch prediction', 'batch inference', 'batch scoring', 'offline scoring'], kind: 'serving', sections: ['deployment'], explanation: 'Scores computed on a schedule and stored for lookup; cheap and simple, but as stale as the last run.' },
  { term: 'streaming inference', aliases: ['streaming inference', 'stream processing', 'streaming prediction'], kind: 'serving', sections: ['deployment'], explanation: 'The model consumes events from a stream (Kafka, Kinesis) and emits predictions within seconds, without a caller waiting.' },
  { term: 'feature store', aliases: ['feature store'], kind: 'serving', sections: ['data', 'deployment'], explanation: 'One definition of each feature served offline for training and online at low latency; the usual cure for training-serving skew.' },
  { term: 'p99 latency', aliases: ['p99', 'p99 latency', 'p95', 'p95 latency', 'tail latency'], kind: 'serving', sections: ['deployment', 'monitoring'], explanation: 'The latency 99% (95%) of requests stay under; the budget to state, since averages hide the slow tail.' },
  // Release
  { term: 'shadow deployment', aliases: ['shadow deployment', 'shadow mode', 'shadow traffic', 'in shadow'], kind: 'release', sections: ['deployment'], explanation: 'The new model scores live traffic without acting on it; compares it with the current one at no risk to users.' },
  { term: 'canary release', aliases: ['canary', 'canary release', 'canary deployment'], kind: 'release', sections: ['deployment'], explanation: 'The new model serves a small share of traffic first, with automatic rollback if health or business metrics drop.' },
  { term: 'A/B test', aliases: ['a b test', 'ab test', 'a b testing', 'ab testing', 'a b experiment'], kind: 'release', sections: ['deployment', 'problem'], explanation: 'Randomised experiment between the current and the new model on live traffic; sized in advance for the effect that matters.' },
  { term: 'rollback', aliases: ['rollback', 'roll back'], kind: 'release', sections: ['deployment', 'monitoring'], explanation: 'Returning to the previous model version quickly; needs the old version kept deployable and a named trigger.' },
  // Privacy controls
  { term: 'pseudonymisation', aliases: ['pseudonymisation', 'pseudonymization', 'pseudonymised', 'pseudonymized'], kind: 'privacy', sections: ['security', 'data'], explanation: 'Replacing identifiers with tokens kept apart from the data; still personal data under GDPR, but a smaller risk.' },
  { term: 'anonymisation', aliases: ['anonymisation', 'anonymization', 'anonymised', 'anonymized'], kind: 'privacy', sections: ['security', 'data'], explanation: 'Removing the link to a person irreversibly; rarely achieved with quasi-identifiers left in (zip code, birth date).' },
  { term: 'differential privacy', aliases: ['differential privacy', 'dp sgd'], kind: 'privacy', sections: ['security', 'model'], explanation: 'Noise calibrated so that no single record changes the output much; a provable bound (epsilon) on what leaks.' },
  { term: 'access control', aliases: ['access control', 'rbac', 'role based access control', 'least privilege'], kind: 'privacy', sections: ['security'], explanation: 'Who may read the data, call the model and change it, enforced (IAM, RBAC) and audited.' },
  { term: 'encryption at rest', aliases: ['encryption at rest', 'encrypted at rest', 'encryption in transit', 'encrypted in transit'], kind: 'privacy', sections: ['security'], explanation: 'Data encrypted on disk and on the wire (TLS), with keys held in a key management service.' },
  { term: 'data retention', aliases: ['data retention', 'retention policy', 'retention period'], kind: 'privacy', sections: ['security', 'data'], explanation: 'How long raw and derived data are kept, and how deletion requests reach training sets and models.' },
  { term: 'GDPR', aliases: ['gdpr'], kind: 'privacy', sections: ['security', 'ethics'], explanation: 'EU data protection law: a lawful basis, purpose limitation, data minimisation, erasure rights, and a DPIA for high-risk processing.' },
  // Fairness
  { term: 'demographic parity', aliases: ['demographic parity', 'statistical parity'], kind: 'fairness', sections: ['ethics'], explanation: 'Equal positive-decision rates across groups, whatever the labels; a policy choice more than a performance metric.' },
  { term: 'equalized odds', aliases: ['equalized odds', 'equalised odds', 'equal opportunity'], kind: 'fairness', sections: ['ethics'], explanation: 'Equal true- (and false-) positive rates across groups; equal opportunity asks it for the true-positive rate only.' },
  { term: 'disparate impact ratio', aliases: ['disparate impact', 'four fifths rule', 'adverse impact ratio', '80% rule'], kind: 'fairness', sections: ['ethics'], explanation: 'Ratio of positive-decision rates between groups; below 0.8 (the four-fifths rule) is the usual red flag in hiring and lending.' },
  { term: 'slice analysis', aliases: ['slice analysis', 'sliced evaluation', 'data slices', 'subgroup analysis', 'disaggregated evaluation'], kind: 'fairness', sections: ['model', 'ethics'], explanation: 'Metrics computed per segment (region, device, group), not only overall; finds where the model fails.' },
];

/** Terms worth offering in a lifecycle section. */
export function mlTermsFor(sectionId: string): MlTerm[] {
  return ML_TERMS.filter((t) => (t.sections as readonly string[]).includes(sectionId));
}

const ALL_ALIASES = ML_TERMS.flatMap((t, i) => [t.term, ...t.aliases].map((a) => ({ alias: a, index: i })));
const MATCHER = compilePhrases(ALL_ALIASES.map((a) => a.alias.replace(/[^\p{L}\p{N}@%*χ]+/gu, ' ').trim()));

/** The ML term written at `offset` (on its line), if any: the longest match that covers the offset. */
export function mlTermAt(text: string, offset: number): { term: MlTerm; span: Span } | undefined {
  if (typeof text !== 'string' || offset < 0 || offset > text.length) return undefined;
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && offset - start < 400) start--;
  let end = offset;
  while (end < text.length && text[end] !== '\n' && end - offset < 400) end++;
  let best: { term: MlTerm; span: Span } | undefined;
  for (const h of MATCHER.find(text, { start, end })) {
    if (h.span.start > offset || h.span.end < offset) continue;
    if (!best || h.span.end - h.span.start > best.span.end - best.span.start) best = { term: ML_TERMS[ALL_ALIASES[h.phrase]!.index]!, span: h.span };
  }
  return best;
}

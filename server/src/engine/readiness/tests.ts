// The design-time readiness tests: the 28 tests of Google's ML Test Score (Breck et al., "The ML Test Score: A
// Rubric for ML Production Readiness and Technical Debt Reduction", 2017), seven in each of four groups, read
// as questions a design doc can answer before anything is built: does the design plan for this?
//
// Data only. For each test: `strong` phrases show the doc plans for it (score 1); `weak` phrases are a generic
// mention (score 0.5); `together` lists groups of phrases that count as planning when every group occurs in the
// text under one heading (e.g. "monitor" and "latency"). Phrase syntax: see ml/phrases.ts.
import type { ReadinessGroupId } from '../types';

export interface ReadinessTestDef {
  readonly id: string;
  readonly group: ReadinessGroupId;
  readonly title: string;
  /** What a design doc should say to pass, in one line. */
  readonly description: string;
  readonly strong: readonly string[];
  readonly weak: readonly string[];
  readonly together?: readonly (readonly string[])[];
}

export const READINESS_GROUPS: readonly { readonly id: ReadinessGroupId; readonly title: string }[] = [
  { id: 'data', title: 'Features and data' },
  { id: 'model', title: 'Model development' },
  { id: 'infrastructure', title: 'ML infrastructure' },
  { id: 'monitoring', title: 'Monitoring' },
];

const MONITOR = ['monitor*', 'alert*', 'dashboard*', 'track*', 'observability', 'paged', 'on call'];

export const READINESS_TESTS: readonly ReadinessTestDef[] = [
  // Features and data
  {
    id: 'data-schema',
    group: 'data',
    title: 'Feature expectations are written down as a schema',
    description: 'The expected types, ranges and distributions of inputs are stated and checked automatically.',
    strong: ['schema validation', 'data validation', 'feature schema', 'data schema', 'expected range*', 'value range*', 'great expectations', 'tensorflow data validation', 'tfdv', 'data contract*', 'schema check*', 'range check*', 'expected distribution*'],
    weak: ['schema', 'data quality', 'missing value*', 'outlier*', 'data type*'],
  },
  {
    id: 'feature-value',
    group: 'data',
    title: 'Every feature earns its place',
    description: 'Features are kept only when they help: feature importance, ablation or selection is planned.',
    strong: ['feature importance', 'feature selection', 'ablation*', 'shap', 'permutation importance', 'feature ablation', 'select features', 'selected features'],
    weak: ['feature engineering', 'feature list', 'candidate features'],
  },
  {
    id: 'feature-cost',
    group: 'data',
    title: 'The cost of each feature is known',
    description: 'What each feature costs (latency, compute, storage, upkeep) is weighed against what it adds.',
    strong: ['feature cost*', 'cost of computing', 'cost per feature', 'expensive feature*', 'feature latency', 'feature budget', 'cost of each feature', 'cost of a feature'],
    weak: ['computational cost', 'compute cost*', 'storage cost*', 'inference cost*', 'cost of inference'],
  },
  {
    id: 'feature-policy',
    group: 'data',
    title: 'Features meet policy requirements',
    description: 'Which inputs may not be used (protected attributes, data without consent, restricted sources) is stated.',
    strong: ['protected attribute*', 'sensitive attribute*', 'prohibited feature*', 'not model inputs', 'not used as features', 'not used as a feature', 'excluded from the features', 'excluded features', 'allowed features', 'feature approval', 'protected characteristic*'],
    weak: ['demographic feature*', 'regulat*', 'compliance'],
  },
  {
    id: 'data-privacy',
    group: 'data',
    title: 'The data pipeline has privacy controls',
    description: 'Personal data is protected: access control, encryption, anonymisation, retention, consent or GDPR/CCPA treatment.',
    strong: ['pii', 'personally identifiable', 'anonymi*', 'pseudonymi*', 'encrypt*', 'access control*', 'gdpr', 'ccpa', 'hipaa', 'differential privacy', 'data retention', 'retention policy', 'retention period', 'consent', 'least privilege', 'restricted access', 'access is restricted', 'access is limited', 'audit log*', 'audited'],
    weak: ['privacy', 'personal data', 'sensitive data', 'permission*'],
  },
  {
    id: 'feature-velocity',
    group: 'data',
    title: 'New features can be added quickly',
    description: 'A feature store or feature pipeline lets a new feature go from idea to production without a rewrite.',
    strong: ['feature store', 'feature registry', 'feature platform', 'adding new features', 'add new features', 'new features can be added', 'feature pipeline*'],
    weak: ['experiment tracking', 'feature engineering pipeline', 'reusable features'],
  },
  {
    id: 'feature-code-tests',
    group: 'data',
    title: 'Feature code is tested',
    description: 'The code that computes features has tests of its own.',
    strong: ['feature test*', 'feature unit test*', 'tests for features', 'tests for the feature*', 'test the feature code', 'feature code is tested', 'feature code tests'],
    weak: ['unit test*', 'test coverage'],
  },
  // Model development
  {
    id: 'model-review',
    group: 'model',
    title: 'Model specs are reviewed and versioned',
    description: 'Model and training configuration go through review and live in version control or a model registry.',
    strong: ['code review*', 'peer review*', 'model review*', 'model registry', 'version control*', 'versioned', 'design review*', 'sign off', 'signs off', 'signed off'],
    weak: ['review*', 'model version*'],
  },
  {
    id: 'offline-online',
    group: 'model',
    title: 'Offline and online metrics are related',
    description: 'The offline metric is checked against the online (business) metric it stands in for.',
    strong: ['offline and online metric*', 'online and offline metric*', 'offline online correlation', 'correlation between offline', 'offline metric* correlat*', 'proxy metric*'],
    weak: ['online metric*', 'a b test*', 'ab test*', 'business metric*'],
    together: [['offline metric*', 'offline evaluation', 'offline eval'], ['online metric*', 'a b test*', 'ab test*', 'online experiment*', 'online evaluation', 'business metric*']],
  },
  {
    id: 'hyperparameters',
    group: 'model',
    title: 'Hyperparameters are tuned',
    description: 'A hyperparameter search (grid, random, Bayesian) is planned, not defaults alone.',
    strong: ['hyperparameter tuning', 'hyperparameter search', 'hyperparameter optimi*', 'grid search', 'random search', 'bayesian optimi*', 'optuna', 'hyperopt', 'tune hyperparameters', 'tuned hyperparameters', 'hp tuning'],
    weak: ['hyperparameter*', 'learning rate', 'tuning'],
  },
  {
    id: 'staleness-impact',
    group: 'model',
    title: 'The cost of a stale model is known',
    description: 'How fast quality decays without retraining is measured, and that sets the update frequency.',
    strong: ['staleness', 'stale model*', 'model decay', 'performance decay', 'degrades over time', 'update frequency', 'retraining frequency', 'retraining cadence', 'refresh rate', 'model freshness'],
    weak: ['retrain*', 'concept drift'],
  },
  {
    id: 'simple-baseline',
    group: 'model',
    title: 'A simpler model is not better',
    description: 'The model is compared with a simple baseline: a heuristic, the current system, a linear model, random.',
    strong: ['baseline*', 'heuristic*', 'rule based', 'current system', 'majority class', 'random classifier', 'simpler model*'],
    weak: ['simple model*', 'benchmark*'],
  },
  {
    id: 'slice-quality',
    group: 'model',
    title: 'Quality holds on important data slices',
    description: 'Quality is evaluated per slice (segment, region, cohort, rare classes), not only overall.',
    strong: ['data slice*', 'slices', 'sliced', 'per segment', 'per group', 'per region', 'per country', 'subgroup*', 'disaggregated', 'by segment', 'cohort*', 'breakdown by', 'broken down by'],
    weak: ['segment*', 'long tail', 'rare class*', 'corner case*', 'edge case*'],
  },
  {
    id: 'inclusion',
    group: 'model',
    title: 'The model is checked for inclusion and fairness',
    description: 'Fairness across groups of people is evaluated (parity, equal opportunity, unintended bias).',
    strong: ['fairness', 'demographic parity', 'equal opportunity', 'equalized odds', 'equalised odds', 'disparate impact', 'bias audit*', 'bias evaluation', 'unintended bias', 'protected group*', 'fair lending'],
    weak: ['bias', 'biases', 'inclusion', 'inclusive', 'demographic*'],
  },
  // ML infrastructure
  {
    id: 'reproducible-training',
    group: 'infrastructure',
    title: 'Training is reproducible',
    description: 'Training on the same data gives the same model: pinned data snapshots, code and seeds, tracked experiments.',
    strong: ['reproducib*', 'random seed*', 'deterministic training', 'pinned version*', 'data versioning', 'dataset version*', 'versioned dataset*', 'versioned per', 'dvc', 'data snapshot*', 'experiment tracking', 'mlflow'],
    weak: ['seed', 'snapshot*', 'versioning'],
  },
  {
    id: 'model-unit-tests',
    group: 'infrastructure',
    title: 'Model code is unit tested',
    description: 'The model and training code have unit tests (e.g. a training step lowers the loss).',
    strong: ['unit test*', 'model code is tested', 'test the training code', 'tests for the model'],
    weak: ['pytest', 'continuous integration', 'ci pipeline*', 'ci cd'],
  },
  {
    id: 'pipeline-integration-test',
    group: 'infrastructure',
    title: 'The whole ML pipeline is integration tested',
    description: 'An end-to-end test runs the pipeline from data to served model.',
    strong: ['integration test*', 'end to end test*', 'e2e test*', 'pipeline test*', 'smoke test*'],
    weak: ['ci cd', 'continuous integration', 'staging environment', 'staging'],
  },
  {
    id: 'validate-before-serving',
    group: 'infrastructure',
    title: 'Model quality is checked before serving',
    description: 'A new model must pass an offline quality gate before it may take traffic.',
    strong: ['validated before', 'validation gate', 'quality gate', 'before promot*', 'must beat', 'must exceed', 'acceptance criteria', 'acceptance threshold', 'champion challenger', 'before deploy*', 'before it ships', 'before release', 'before launch', 'before it is deployed', 'before going live'],
    weak: ['offline evaluation', 'holdout', 'hold out', 'held out', 'test set'],
  },
  {
    id: 'debuggable',
    group: 'infrastructure',
    title: 'The model is debuggable',
    description: 'Single predictions can be inspected and explained (error analysis, attributions, logged inputs).',
    strong: ['debug*', 'explainab*', 'interpretab*', 'shap', 'lime', 'error analysis', 'feature attribution*', 'reason codes', 'top reasons'],
    weak: ['explain*', 'logging', 'logged'],
  },
  {
    id: 'canary',
    group: 'infrastructure',
    title: 'Models are canaried before serving',
    description: 'A new model first meets a small share of traffic (canary, shadow, staged rollout).',
    strong: ['canary', 'canaries', 'canaried', 'shadow mode', 'shadow deployment', 'shadow traffic', 'in shadow', 'staged rollout', 'gradual rollout', 'percent of traffic', 'of traffic', 'dark launch'],
    weak: ['a b test*', 'ab test*', 'rollout', 'roll out', 'staging'],
  },
  {
    id: 'rollback',
    group: 'infrastructure',
    title: 'Serving models can be rolled back',
    description: 'There is a quick, tested way back to the previous model.',
    strong: ['roll back', 'rollback*', 'rolled back', 'revert to', 'previous model version', 'previous version', 'fallback model', 'kill switch'],
    weak: ['fallback*', 'fall back', 'model registry', 'blue green'],
  },
  // Monitoring
  {
    id: 'dependency-changes',
    group: 'monitoring',
    title: 'Dependency changes are notified',
    description: 'Changes in upstream data, schemas or services reach the team before they reach the model.',
    strong: ['upstream change*', 'dependency change*', 'schema change*', 'data contract*', 'upstream outage*', 'upstream data change*', 'notified when', 'source changes'],
    weak: ['upstream', 'dependenc*'],
  },
  {
    id: 'input-invariants',
    group: 'monitoring',
    title: 'Input data invariants hold in training and serving',
    description: 'Inputs are validated against the schema in production too (nulls, ranges, categories).',
    strong: ['data validation', 'input validation', 'schema validation', 'data quality monitor*', 'data quality check*', 'validate input*', 'input check*', 'range check*', 'null rate*', 'missing value rate*', 'great expectations', 'tfdv', 'feature drift', 'data drift', 'input drift', 'drift detection', 'psi', 'population stability'],
    weak: ['data quality', 'missing value*', 'anomal*', 'drift'],
  },
  {
    id: 'training-serving-skew',
    group: 'monitoring',
    title: 'Training and serving are not skewed',
    description: 'Features are computed the same way offline and online, and the difference is measured.',
    strong: ['training serving skew', 'train serve skew', 'online offline skew', 'offline online skew', 'feature skew', 'same feature code', 'feature store', 'point in time'],
    weak: ['skew', 'parity'],
  },
  {
    id: 'staleness-monitored',
    group: 'monitoring',
    title: 'Models are not too stale',
    description: 'The age of the model in production is watched, and retraining has a schedule or a trigger.',
    strong: ['retrained daily', 'retrained weekly', 'retrained monthly', 'retrain daily', 'retrain weekly', 'retrain monthly', 'retrain every', 'retrained every', 'retraining schedule', 'scheduled retraining', 'retraining trigger*', 'trigger* retraining', 'trigger* a retrain*', 'model age', 'staleness alert*'],
    weak: ['retrain*', 'refresh*', 'continual learning', 'update frequency', 'model update*'],
  },
  {
    id: 'numerical-stability',
    group: 'monitoring',
    title: 'The model is numerically stable',
    description: 'NaNs, infinities and exploding or vanishing values are watched for in training and serving.',
    strong: ['nan', 'nans', 'infinite values', 'numerical stability', 'numerically stable', 'numerical instabilit*', 'exploding gradient*', 'vanishing gradient*', 'gradient clipping'],
    weak: ['loss spike*', 'training stability', 'overflow'],
  },
  {
    id: 'compute-performance',
    group: 'monitoring',
    title: 'Computing performance has not regressed',
    description: 'Latency, throughput and memory of training and serving are monitored.',
    strong: ['latency monitor*', 'monitor* latency', 'throughput monitor*', 'resource utili*', 'cpu utili*', 'gpu utili*', 'memory usage'],
    weak: ['latency', 'throughput', 'p99', 'p95', 'qps', 'response time'],
    together: [MONITOR, ['latency', 'throughput', 'p99', 'p95', 'p50', 'memory', 'qps', 'response time*', 'cpu', 'gpu']],
  },
  {
    id: 'prediction-quality',
    group: 'monitoring',
    title: 'Prediction quality has not regressed',
    description: 'The quality of live predictions is monitored against the offline bar, with alerts.',
    strong: ['model monitoring', 'performance monitoring', 'prediction monitoring', 'monitor* model performance', 'monitor* model quality', 'monitor* prediction*', 'quality monitoring'],
    weak: ['monitor*'],
    together: [MONITOR, ['prediction quality', 'model quality', 'accuracy', 'precision', 'recall', 'auc', 'error rate', 'online metric*', 'business metric*', 'ctr', 'click through rate', 'delinquency', 'mape', 'rmse', 'override*']],
  },
];

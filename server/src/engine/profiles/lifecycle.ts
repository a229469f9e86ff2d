// The default profile: the ML-system lifecycle, from problem definition to ethics. Written in our own words.
// Aliases name the ways real design docs title a topic; keywords are body evidence for a topic written
// without a heading of its own. Both are matched as whole phrases after normalisation and light stemming.
import type { ProfileDef } from './types';

export const lifecycle = {
  id: 'lifecycle',
  title: 'ML system lifecycle',
  description: 'The eight concerns of an ML system design, from problem definition to ethics.',
  sections: [
    {
      id: 'problem',
      title: 'Problem Definition and Scope',
      aliases: [
        'problem definition', 'problem statement', 'problem formulation', 'problem', 'problem framing',
        'scope', 'overview', 'introduction', 'background', 'motivation', 'objective', 'objectives', 'goals',
        'business problem', 'business objective', 'business goal', 'business case', 'business understanding',
        'business domain', 'use case', 'use cases', 'intended use', 'intended uses', 'uses', 'direct use',
        'out of scope use', 'out of scope', 'executive summary', 'summary', 'context', 'purpose',
        'requirements', 'success criteria', 'success metrics', 'metrics', 'metrics and losses', 'kpis',
        'origin', 'relevance and reasons', 'what is the problem', 'task definition', 'task', 'primary intended uses',
        'clarifying questions', 'project overview', 'project description', 'project scope', 'why',
      ],
      keywords: [
        'business objective', 'business goal', 'business need', 'business problem', 'business impact',
        'success criteria', 'success metric', 'measure success', 'kpi', 'key performance indicator',
        'problem statement', 'use case', 'intended use', 'out of scope', 'scope',
        'stakeholder requirement', 'requirements', 'constraints', 'budget', 'deadline', 'roi',
        'return on investment', 'revenue', 'ml objective', 'ml formulation', 'problem formulation',
      ],
      strongKeywords: ['business objective', 'success criteria', 'success metric', 'kpi', 'problem statement', 'out of scope', 'intended use'],
      guidance:
        'State the business need in one or two sentences, who has it, and how success will be measured ' +
        '(a business metric and the model metric that stands in for it, each with a target). Then bound the ' +
        'work: what is in and out of scope, and the constraints of time, budget, compute and regulation.',
      snippet: '${1:One paragraph: the problem, who has it, and why it matters now.}',
      subsections: [
        {
          id: 'objective',
          title: 'Business Objective and Success Metrics',
          aliases: [
            'business objective', 'business objectives', 'business goal', 'business goals', 'objective',
            'objectives', 'goals', 'goal', 'success metrics', 'success criteria', 'metrics', 'kpis',
            'business metrics', 'online metrics', 'motivation', 'business problem', 'business case',
            'relevance and reasons', 'business impact', 'benefits', 'expected impact', 'why',
            'problem statement', 'business understanding', 'metrics and losses',
          ],
          keywords: [
            'business objective', 'business goal', 'business need', 'business impact', 'success criteria',
            'success metric', 'measure success', 'kpi', 'revenue', 'roi', 'return on investment',
            'cost saving', 'conversion rate', 'click through rate', 'ctr', 'engagement', 'retention',
          ],
          guidance:
            'What business outcome should move, by how much, and how will you know? Name the business metric, ' +
            'the model metric that predicts it, a target for each, and the baseline you compare against.',
          snippet:
            '- Business objective: ${1:what should improve, for whom}\n' +
            '- Success metric: ${2:metric} reaching ${3:target} (baseline: ${4:current value})',
        },
        {
          id: 'scope',
          title: 'Scope and Constraints',
          aliases: [
            'scope', 'project scope', 'scope and constraints', 'constraints', 'requirements', 'requirements and constraints',
            'assumptions', 'limitations', 'out of scope', 'out of scope use', 'out of scope uses', 'non goals',
            'intended use', 'intended uses', 'primary intended uses', 'direct use', 'downstream use', 'uses',
            'use cases', 'use case', 'other issues and risks', 'risks', 'clarifying questions',
            'functional requirements', 'non functional requirements',
          ],
          keywords: [
            'scope', 'out of scope', 'non goal', 'constraint', 'assumption', 'budget', 'deadline', 'timeline',
            'intended use', 'not intended', 'requirement', 'limitation',
          ],
          guidance:
            'Say what the system will and will not do, the assumptions it rests on, and the limits it must ' +
            'respect: time, budget, compute, data access, regulation.',
          snippet:
            '- In scope: ${1:what the first version does}\n- Out of scope: ${2:what it will not do}\n' +
            '- Constraints: ${3:time, budget, compute, regulation}',
        },
      ],
    },
    {
      id: 'data',
      title: 'Data Management',
      aliases: [
        'data', 'dataset', 'datasets', 'data management', 'data collection', 'data collection and preparation',
        'data preparation', 'data processing', 'data pipeline', 'data sources', 'training data', 'evaluation data',
        'features', 'feature engineering', 'data preprocessing', 'data labeling', 'data labelling', 'etl pipeline',
        'data quality', 'input data', 'data requirements', 'data understanding', 'data acquisition',
        'data and features', 'composition', 'collection process', 'data storage', 'feature store',
        'available metadata', 'available history', 'data description', 'data overview', 'datasheet',
      ],
      keywords: [
        'data source', 'dataset', 'training data', 'data collection', 'collect data', 'labeled data',
        'labelled data', 'labeling', 'labelling', 'annotation', 'annotator', 'ground truth', 'feature engineering',
        'feature', 'preprocessing', 'data cleaning', 'missing value', 'dedup', 'etl', 'data pipeline',
        'data lake', 'data warehouse', 'feature store', 'schema', 'data quality', 'sampling', 'class imbalance',
        'feature normalization', 'embedding', 'tokeniz', 'data set',
      ],
      strongKeywords: ['training data', 'data source', 'dataset', 'labeled data', 'labelled data', 'feature engineering', 'data collection'],
      guidance:
        'Where the data comes from and how you get it, how good it is, how it is cleaned, labelled and turned ' +
        'into features, and where it is stored. Reviewers look for sources, volumes, label quality, leakage ' +
        'risks and how training data will match what the model sees in production.',
      snippet: '${1:What data the system learns from and uses at prediction time.}',
      subsections: [
        {
          id: 'data-sources',
          title: 'Data Sources and Collection',
          aliases: [
            'data sources', 'data source', 'data collection', 'sources', 'data acquisition', 'collection process',
            'training data', 'evaluation data', 'datasets', 'dataset', 'data', 'data labeling', 'data labelling',
            'labeling', 'labelling', 'available history', 'available metadata', 'inner sources', 'outer sources',
            'data collection and preparation', 'input data', 'composition', 'ground truth',
          ],
          keywords: [
            'data source', 'collected from', 'collect data', 'data collection', 'third party', 'log data',
            'historical data', 'labeled data', 'labelled data', 'labeling', 'labelling', 'annotation',
            'annotator', 'ground truth', 'crowdsourc', 'scraped', 'dataset',
          ],
          guidance:
            'List each source (internal system, third-party API, sensor, manual labelling), its volume and ' +
            'freshness, who owns it, and how labels are obtained.',
          snippet: '- Source: ${1:system or provider}, ${2:volume}, refreshed ${3:how often}\n- Labels: ${4:how labels are obtained}',
        },
        {
          id: 'data-quality',
          title: 'Data Quality',
          aliases: ['data quality', 'data quality issues', 'data validation', 'quality', 'data integrity', 'data issues'],
          keywords: [
            'data quality', 'missing value', 'outlier', 'noisy', 'noise', 'inconsisten', 'data validation',
            'completeness', 'data integrity', 'duplicate', 'label noise', 
          ],
          guidance: 'How you will check that data is complete, correct and relevant, and what happens when it is not.',
          snippet: '- Checks: ${1:completeness, ranges, duplicates}\n- Known issues: ${2:gaps, noise, bias in collection}',
        },
        {
          id: 'preprocessing',
          title: 'Cleaning and Preprocessing',
          aliases: [
            'preprocessing', 'data preprocessing', 'pre processing', 'data cleaning', 'cleaning', 'data preparation',
            'data processing', 'preprocessing cleaning labelling', 'etl pipeline', 'etl', 'final etl pipeline',
          ],
          keywords: [
            'preprocess', 'data cleaning', 'clean the data', 'missing value', 'impute', 'imputation', 'dedup',
            'remove duplicate', 'etl', 'standardiz',
          ],
          guidance: 'How raw data becomes training data: handling missing values, duplicates, outliers and inconsistencies.',
          snippet: '- Missing values: ${1:strategy}\n- Duplicates and outliers: ${2:strategy}',
        },
        {
          id: 'features',
          title: 'Transformations and Feature Engineering',
          aliases: [
            'feature engineering', 'features', 'feature', 'feature selection', 'feature list', 'transformations',
            'data transformations', 'feature extraction', 'representation', 'feature representation', 'feature store',
            'feature selection criteria', 'feature tests',
          ],
          keywords: [
            'feature engineering', 'feature', 'one hot', 'embedding', 'bucketiz', 'feature normalization', 'standardiz',
            'tokeniz', 'feature store', 'transformation', 'encoding', 'feature selection', 'aggreg',
          ],
          guidance: 'Which features the model uses, how each is computed, and how training and serving compute them identically.',
          snippet: '- Features: ${1:name, source, transformation}\n- Consistency: ${2:how serving computes the same features}',
        },
        {
          id: 'storage',
          title: 'Data Storage',
          aliases: ['storage', 'data storage', 'data store', 'data infrastructure', 'data lake', 'data warehouse'],
          keywords: [
            'data lake', 'data warehouse', 'database', 'sql', 'nosql', 'object storage', 's3', 'gcs', 'bigquery',
            'hdfs', 'parquet', 'storage', 'feature store', 'retention period', 'kafka', 'data stream',
          ],
          guidance: 'Where raw data, features and artefacts live, chosen for volume and access speed; retention periods.',
          snippet: '- Raw data: ${1:store}\n- Features and artefacts: ${2:store}\n- Retention: ${3:period}',
        },
      ],
    },
    {
      id: 'model',
      title: 'Model Selection and Training',
      aliases: [
        'model', 'models', 'modeling', 'modelling', 'model selection', 'model selection and training', 'training',
        'model training', 'model development', 'model development and offline evaluation', 'modeling validation',
        'model architecture', 'algorithm', 'approach', 'methodology', 'method', 'solution', 'baseline',
        'baseline solution', 'baselines', 'training details', 'training procedure', 'training pipeline',
        'evaluation', 'offline evaluation', 'model evaluation', 'validation', 'validation schema', 'experiments',
        'experimentation', 'results', 'model details', 'model description', 'model card', 'loss functions',
        'error analysis', 'architectural components', 'ml formulation', 'quantitative analyses',
        'performance and limitations', 'evaluation results', 'testing data factors and metrics',
        'candidate generation', 'ranking', 're ranking', 'ranking model', 'retrieval', 'model development',
        'alternatives considered', 'model design',
      ],
      keywords: [
        'model architecture', 'algorithm', 'gradient boosting', 'xgboost', 'lightgbm', 'logistic regression',
        'linear regression', 'random forest', 'decision tree', 'neural network', 'transformer', 'deep learning',
        'fine tun', 'pretrained', 'training', 'hyperparameter', 'grid search', 'random search', 'cross validation',
        'validation set', 'test set', 'train test split', 'offline evaluation', 'offline metric', 'precision',
        'recall', 'f1', 'auc', 'roc', 'accuracy', 'mse', 'rmse', 'mae', 'mape', 'loss function', 'baseline',
        'overfitting', 'underfitting', 'epoch', 'gpu', 'word error rate', 'wer',
        // Language-model systems: what they are built from and how they are judged.
        'llm', 'large language model', 'language model', 'foundation model', 'retrieval augmented', 'rag', 'prompt engineering',
        'few shot', 'zero shot', 'benchmark', 'perplexity', 'rouge', 'llm as a judge', 'faithfulness', 'answer relevan',
      ],
      strongKeywords: ['hyperparameter', 'cross validation', 'model architecture', 'offline evaluation', 'model training'],
      guidance:
        'Which model family and why (against a simple baseline), how it trades accuracy against ' +
        'interpretability, where and how it is trained and tuned, and how it is evaluated offline: metrics, ' +
        'splits and the bar it must clear before it ships.',
      snippet: '${1:The modelling approach in one paragraph, and the baseline it must beat.}',
      subsections: [
        {
          id: 'algorithm',
          title: 'Algorithm Choice',
          aliases: [
            'algorithm', 'algorithm choice', 'model selection', 'model choice', 'model architecture',
            'model', 'models', 'approach', 'baseline', 'baselines', 'baseline solution', 'model baselines',
            'modeling', 'modelling', 'model development', 'model description', 'model details', 'model type',
            'candidate models', 'constant baseline',
          ],
          keywords: [
            'algorithm', 'model architecture', 'gradient boosting', 'xgboost', 'lightgbm', 'logistic regression',
            'linear regression', 'random forest', 'decision tree', 'neural network', 'transformer', 'cnn', 'rnn',
            'lstm', 'bert', 'baseline', 'heuristic', 'classifier', 'regressor', 'pretrained',
          ],
          guidance: 'The model family chosen for the problem type, the alternatives considered, and the simple baseline it must beat.',
          snippet: '- Baseline: ${1:simple heuristic or model}\n- Candidate: ${2:model family} because ${3:reason}',
        },
        {
          id: 'interpretability',
          title: 'Complexity vs Interpretability',
          aliases: [
            'interpretability', 'complexity vs interpretability', 'model complexity', 'explainability',
            'tradeoffs', 'trade offs', 'interpretability and explainability',
          ],
          keywords: [
            'interpretab', 'explainab', 'shap', 'lime', 'feature importance', 'trade off', 'tradeoff', 'complexity',
            'simpler model', 'black box',
          ],
          guidance: 'How much accuracy is worth giving up for a model people can understand and debug, and how you will explain it.',
          snippet: '- Trade-off: ${1:accuracy gained vs interpretability lost}\n- Explanations: ${2:method}',
        },
        {
          id: 'training-infra',
          title: 'Training Infrastructure',
          aliases: [
            'training infrastructure', 'training', 'model training', 'training pipeline', 'training procedure',
            'training details', 'training setup', 'infrastructure', 'compute', 'toolset', 'experiment tracking',
            'experiment tracking and model management', 'training process', 'hardware',
          ],
          keywords: [
            'gpu', 'tpu', 'cluster', 'premise', 'cloud', 'sagemaker', 'vertex ai', 'kubeflow', 'mlflow',
            'airflow', 'training pipeline', 'distributed training', 'compute', 'experiment tracking', 'epoch',
            'batch size', 'training time',
          ],
          guidance: 'Where training runs (cloud, on premise, hybrid), on what hardware, orchestrated how, and how experiments are tracked.',
          snippet: '- Compute: ${1:hardware and where}\n- Pipeline: ${2:orchestration, experiment tracking}',
        },
        {
          id: 'tuning',
          title: 'Hyperparameter Tuning',
          aliases: ['hyperparameter tuning', 'hyperparameters', 'tuning', 'hyperparameter optimization', 'training hyperparameters'],
          keywords: [
            'hyperparameter', 'grid search', 'random search', 'bayesian optimization', 'optuna', 'learning rate',
            'early stopping', 'tuning',
          ],
          guidance: 'Which hyperparameters matter, how they are searched (grid, random, Bayesian), and the budget for search.',
          snippet: '- Search: ${1:grid, random or Bayesian} over ${2:parameters}\n- Budget: ${3:trials or hours}',
        },
        {
          id: 'evaluation-metrics',
          title: 'Evaluation Metrics',
          aliases: [
            'evaluation metrics', 'evaluation', 'offline evaluation', 'offline metrics', 'model evaluation',
            'model metrics', 'performance metrics', 'results', 'evaluation results', 'quantitative analyses',
            'loss functions', 'loss function', 'error analysis', 'residual analysis', 'model performance measures',
            'model quality',
          ],
          keywords: [
            'precision', 'recall', 'f1', 'auc', 'roc', 'pr auc', 'accuracy', 'mse', 'rmse', 'mae', 'mape', 'wape',
            'r squared', 'log loss', 'cross entropy', 'ndcg', 'map', 'calibration', 'offline evaluation',
            'offline metric', 'evaluation metric', 'loss function', 'quantile loss', 'word error rate', 'bleu',
          ],
          guidance: 'The offline metrics that decide whether a model is good enough, why they fit the problem, and the target for each.',
          snippet: '- Primary metric: ${1:metric} >= ${2:target}\n- Secondary: ${3:metrics}',
        },
        {
          id: 'validation',
          title: 'Validation and Splits',
          aliases: [
            'validation', 'validation schema', 'validation strategy', 'splits', 'data splits', 'train test split',
            'cross validation', 'inner and outer loops', 'evaluation data', 'testing data', 'test data',
            'modeling validation', 'dataset construction',
          ],
          keywords: [
            'cross validation', 'k fold', 'holdout', 'hold out', 'validation set', 'test set', 'train test',
            'train validation', 'time based split', 'temporal split', 'out of time', 'leakage', 'split',
          ],
          guidance: 'How data is split for training, validation and test so the estimate holds on unseen data (time-based splits for time-ordered data; no leakage).',
          snippet: '- Split: ${1:random, grouped or time-based} (${2:proportions})\n- Leakage guard: ${3:how}',
        },
      ],
    },
    {
      id: 'deployment',
      title: 'Deployment',
      aliases: [
        'deployment', 'deploy', 'model deployment', 'serving', 'model serving', 'serving and inference', 'inference',
        'prediction service', 'online testing and deployment', 'production', 'productionization', 'integration',
        'serving architecture', 'system architecture', 'solution architecture', 'architecture', 'infrastructure',
        'release', 'release cycle', 'rollout', 'launch', 'ab testing', 'a b testing', 'ab tests', 'a b tests',
        'online testing', 'api design', 'api', 'scaling', 'scalability', 'latency', 'operationalization',
        'how to get started with the model', 'fallback strategies', 'operational concerns', 'green blue deployment',
        'deployment plan', 'system design', 'rollout plan', 'launch plan', 'release plan', 'fallback', 'ci cd',
        'continuous deployment', 'model registry', 'inference pipeline', 'batch inference', 'online inference',
      ],
      keywords: [
        'deploy', 'serving', 'inference', 'rest api', 'endpoint', 'batch prediction', 'real time', 'realtime',
        'online prediction', 'streaming', 'latency', 'throughput', 'qps', 'requests per second', 'load balanc',
        'horizontal scaling', 'autoscal', 'kubernetes', 'docker', 'container', 'microservice', 'cache', 'caching',
        'a b test', 'ab test', 'canary', 'shadow mode', 'rollout', 'rollback', 'production', 'p99', 'p95', 'web service', 'api', 'operationaliz',
        'milliseconds', 'ms', 'vllm', 'onnx', 'triton', 'tensorrt', 'tokens per second', 'inference server',
      ],
      // The section's own word: a design doc that says a model is (not yet) to be deployed mentions deployment.
      strongKeywords: ['deploy', 'rest api', 'batch prediction', 'canary', 'a b test', 'ab test', 'shadow mode', 'model serving', 'inference service', 'prediction service'],
      guidance:
        'How predictions reach users: the serving mode (REST, batch, streaming), the infrastructure, how it ' +
        'scales, its latency and throughput budget, caching, and how a new model is released safely ' +
        '(A/B test, canary, shadow, rollback).',
      snippet: '${1:How the model is served and released.}',
      subsections: [
        {
          id: 'serving',
          title: 'Model Serving',
          aliases: [
            'serving', 'model serving', 'serving architecture', 'inference', 'prediction service', 'serving and inference',
            'api design', 'api', 'deployment', 'online testing and deployment', 'release cycle', 'release',
            'rollout', 'integration', 'fallback strategies', 'green blue deployment', 'online testing',
            'ab testing', 'a b testing', 'ab tests', 'a b tests', 'how to get started with the model',
            'canary', 'canary release', 'shadow deployment', 'shadow mode', 'real time inference', 'batch inference',
            'online inference', 'rollout plan',
          ],
          keywords: [
            'serving', 'inference', 'rest api', 'grpc', 'endpoint', 'batch prediction', 'batch job', 'real time',
            'online prediction', 'streaming', 'deploy', 'container', 'kubernetes', 'docker', 'canary', 'shadow',
            'a b test', 'ab test', 'rollout', 'rollback',
          ],
          guidance: 'The serving mode (REST, batch, streaming), where it runs, how callers use it, and how new versions roll out and roll back.',
          snippet: '- Mode: ${1:REST, batch or streaming}\n- Release: ${2:A/B, canary or shadow; rollback plan}',
        },
        {
          id: 'scalability',
          title: 'Scalability',
          aliases: ['scalability', 'scaling', 'scale', 'capacity', 'load'],
          keywords: [
            'scalab', 'scale', 'load balanc', 'horizontal scaling', 'autoscal', 'replica', 'shard', 'capacity',
            'peak load', 'requests per second', 'qps',
          ],
          guidance: 'Expected load and growth, and how the system scales to it (load balancing, horizontal scaling, autoscaling).',
          snippet: '- Expected load: ${1:requests per second, peak}\n- Scaling: ${2:horizontal, autoscaling}',
        },
        {
          id: 'latency',
          title: 'Latency and Throughput',
          aliases: ['latency', 'latency and throughput', 'throughput', 'performance requirements', 'optimization', 'sla', 'slo'],
          keywords: ['latency', 'throughput', 'p99', 'p95', 'p50', 'milliseconds', 'response time', 'qps', 'sla', 'slo', 'quantiz', 'distill'],
          guidance: 'The latency budget (with percentile and unit) and throughput the service must meet, and how the model is optimised to meet them.',
          snippet: '- Latency budget: p${1:99} < ${2:100} ms\n- Throughput: ${3:requests per second}',
        },
        {
          id: 'caching',
          title: 'Caching',
          aliases: ['caching', 'cache', 'precomputation'],
          keywords: ['cache', 'caching', 'precompute', 'memoiz', 'redis', 'memcached'],
          guidance: 'Which predictions or features can be cached or precomputed, and how the cache stays fresh.',
          snippet: '- Cached: ${1:what}\n- Invalidation: ${2:when}',
        },
      ],
    },
    {
      id: 'monitoring',
      title: 'Monitoring and Maintenance',
      aliases: [
        'monitoring', 'monitoring and maintenance', 'model monitoring', 'maintenance', 'observability',
        'performance monitoring', 'drift', 'data drift', 'model drift', 'retraining', 'continual learning',
        'updates', 'monitoring and updates', 'alerts', 'alerting', 'logging', 'post deployment', 'operations',
        'mlops', 'software system health', 'model quality and relevance', 'data quality and integrity',
        'prediction monitoring', 'update frequency', 'maintenance plan', 'lifecycle management',
      ],
      keywords: [
        // Not 'on call': 'on' is a stop word, so it would be the word 'call' (an API call, a function call).
        'monitor', 'drift', 'retrain', 'alert', 'dashboard', 'logging', 'observability', 'on call rotation',
        'on call engineer', 'oncall', 'pagerduty',
        'degradation', 'continual learning', 'online learning', 'model decay', 'grafana', 'prometheus',
        'datadog', 'incident',
      ],
      // 'monitor': the section's own word, as 'deploy' for deployment (on 35 labelled real documents, one that
      // said it meant something else: forest monitoring).
      strongKeywords: ['monitor', 'drift', 'retrain', 'model monitoring', 'continual learning'],
      guidance:
        'How you will know the model still works after launch: which metrics are tracked, how drift is ' +
        'detected, what is logged, who is alerted and when, and what triggers retraining.',
      snippet: '${1:What is watched after launch and who acts on it.}',
      subsections: [
        {
          id: 'performance-monitoring',
          title: 'Performance Monitoring',
          aliases: [
            'performance monitoring', 'monitoring', 'model monitoring', 'model quality', 'model quality and relevance',
            'business metrics', 'prediction monitoring', 'software system health', 'dashboards',
          ],
          keywords: ['monitor', 'dashboard', 'tracked', 'online metric', 'model quality', 'degradation', 'health check'],
          guidance: 'The model and system metrics tracked in production, how often, and the thresholds that mean trouble.',
          snippet: '- Metrics: ${1:model and system metrics}\n- Thresholds: ${2:when to act}',
        },
        {
          id: 'drift',
          title: 'Drift Detection',
          aliases: ['drift', 'drift detection', 'data drift', 'model drift', 'concept drift', 'data quality and integrity'],
          keywords: [
            'drift', 'distribution shift', 'covariate shift', 'population stability', 'psi', 'kolmogorov',
            'ks test', 'chi squared', 'distribution change',
          ],
          guidance: 'How changes in input or prediction distributions are detected (which test, on which features, how often).',
          snippet: '- Method: ${1:PSI, KS test} on ${2:features}\n- Cadence: ${3:daily}',
        },
        {
          id: 'logging',
          title: 'Logging and Error Tracking',
          aliases: ['logging', 'logs', 'error tracking', 'logging and error tracking', 'observability', 'tracing'],
          keywords: ['log', 'logging', 'error tracking', 'trace', 'tracing', 'sentry', 'audit trail', 'observability'],
          guidance: 'What is recorded for each prediction (inputs, outputs, version, latency) and how errors are tracked.',
          snippet: '- Logged: ${1:inputs, outputs, model version, latency}\n- Errors: ${2:where they are tracked}',
        },
        {
          id: 'retraining',
          title: 'Continual Learning and Retraining',
          aliases: [
            'retraining', 'continual learning', 'continuous learning', 'model updates', 'updates', 'update frequency',
            'feedback loop', 'retraining schedule',
            'maintenance', 'model refresh', 'continuous training', 'lifecycle management',
          ],
          keywords: [
            'retrain', 're train', 'continual learning', 'continuous training', 'online learning', 'update frequency',
            'refresh the model', 'model update', 'catastrophic forgetting',
          ],
          guidance: 'When and how the model is retrained (cadence or trigger), validated and promoted, without forgetting what it knew.',
          snippet: '- Trigger: ${1:schedule or drift threshold}\n- Promotion: ${2:checks before a new model ships}',
        },
        {
          id: 'alerts',
          title: 'Alerts and Notifications',
          aliases: ['alerts', 'alerting', 'notifications', 'alerts and notifications', 'on call rotation', 'oncall', 'incident response'],
          keywords: ['alert', 'notify', 'notification', 'pagerduty', 'on call rotation', 'on call engineer', 'oncall', 'incident', 'escal'],
          guidance: 'Which conditions raise an alert, who receives it, and what they do first.',
          snippet: '- Alert when: ${1:condition}\n- Goes to: ${2:team or rota}',
        },
      ],
    },
    {
      id: 'security',
      title: 'Security and Privacy',
      aliases: [
        'security', 'privacy', 'security and privacy', 'data security', 'privacy compliance', 'compliance',
        'data protection', 'access control', 'encryption', 'regulatory compliance', 'legal', 'data privacy',
        'privacy and security', 'safety and security', 'governance', 'data governance', 'sensitive data',
        'personal data', 'data sensitivity',
      ],
      keywords: [
        'security', 'privacy', 'gdpr', 'ccpa', 'hipaa', 'pii', 'personally identifiable', 'personal data',
        'sensitive data', 'access control', 'authentication', 'authorization', 'rbac', 'iam', 'encrypt', 'tls',
        'anonymi', 'pseudonymi', 'consent', 'data protection', 'compliance', 'regulation', 'confidential',
        'differential privacy', 'secure', 'prompt injection', 'vulnerabilit', 'api key', 'secrets management', 'malicious',
      ],
      strongKeywords: ['gdpr', 'ccpa', 'hipaa', 'pii', 'personally identifiable', 'consent', 'privacy', 'encrypt', 'ddos', 'malicious', 'access control', 'data protection', 'confidential', 'sensitive data', 'prompt injection'],
      guidance:
        'Who may access the data and the system and how that is enforced, how data is encrypted at rest and ' +
        'in transit, and how personal data is handled under the regulations that apply (GDPR, CCPA, ...).',
      snippet: '${1:How data and the system are protected.}',
      subsections: [
        {
          id: 'access-control',
          title: 'Access Control',
          aliases: ['access control', 'access', 'authentication', 'authorization', 'permissions', 'iam'],
          keywords: ['access control', 'authentication', 'authorization', 'rbac', 'iam', 'least privilege', 'permission', 'role based', 'oauth', 'api key'],
          guidance: 'Who can read the data, call the model and change it, and how that is enforced and audited.',
          snippet: '- Roles: ${1:who may do what}\n- Enforcement: ${2:IAM, RBAC, audit}',
        },
        {
          id: 'encryption',
          title: 'Encryption',
          aliases: ['encryption', 'data encryption'],
          keywords: ['encrypt', 'tls', 'ssl', 'https', 'at rest', 'data in transit', 'encrypted in transit', 'kms', 'key management'],
          guidance: 'How data is encrypted at rest and in transit, and who holds the keys.',
          snippet: '- At rest: ${1:method}\n- In transit: ${2:TLS}',
        },
        {
          id: 'privacy',
          title: 'Privacy Compliance',
          aliases: [
            'privacy', 'privacy compliance', 'compliance', 'regulatory compliance', 'data protection', 'gdpr',
            'data retention', 'retention policy',
            'data privacy', 'legal', 'personal data', 'legal and ethical',
          ],
          keywords: [
            'privacy', 'gdpr', 'ccpa', 'hipaa', 'pii', 'personally identifiable', 'personal data', 'consent',
            'anonymi', 'pseudonymi', 'data protection', 'right to be forgotten', 'data retention', 'differential privacy',
          ],
          guidance: 'Which personal data is processed, on what legal basis, and how the system complies with GDPR, CCPA or similar.',
          snippet: '- Personal data: ${1:which fields}\n- Compliance: ${2:GDPR/CCPA measures, retention}',
        },
      ],
    },
    {
      id: 'collaboration',
      title: 'Collaboration and Documentation',
      aliases: [
        'collaboration', 'collaboration and documentation', 'documentation', 'team', 'team members', 'personnel',
        'roles', 'roles and responsibilities', 'stakeholders', 'communication', 'ownership', 'owners', 'contacts',
        'contact', 'raci', 'people', 'project team', 'cross functional collaboration', 'model card authors',
        'model card contact', 'authors', 'get involved', 'contact us', 'governance', 'project execution', 'handoff', 'reviewers',
        'more information', 'glossary',
        'contributors', 'acknowledgements', 'acknowledgments', 'credits', 'maintainers', 'core team',
        'who was involved', 'who is involved', 'people involved', 'partners',
      ],
      keywords: [
        'stakeholder', 'team member', 'data scientist', 'data engineer', 'product manager', 'domain expert',
        'owner', 'ownership', 'responsible', 'raci', 'communication', 'meeting', 'sync', 'documentation',
        'knowledge base', 'wiki', 'handoff', 'onboarding', 'contact', 'review', 'sign off', 'developed by',
        'contributor', 'maintainer', 'maintained by',
      ],
      // 'developed by': a model card's authorship line, who built it.
      strongKeywords: ['stakeholder', 'raci', 'sre', 'product manager', 'roles and responsibilities', 'developed by', 'maintained by'],
      guidance:
        'Who works on the system and who decides (owners, roles, stakeholders), how the teams stay aligned, ' +
        'and where the system is documented so that it can be maintained and handed over.',
      snippet: '${1:Who builds, owns and reviews the system.}',
      subsections: [
        {
          id: 'cross-functional',
          title: 'Cross-functional Collaboration',
          aliases: [
            'collaboration', 'cross functional collaboration', 'team', 'team members', 'personnel', 'roles',
            'roles and responsibilities', 'stakeholders', 'communication', 'ownership', 'owners', 'raci', 'people',
            'project team', 'contacts', 'contact', 'authors', 'model card authors', 'model card contact',
          ],
          keywords: [
            'stakeholder', 'team member', 'data scientist', 'data engineer', 'product manager', 'domain expert',
            'owner', 'ownership', 'raci', 'communication', 'meeting', 'sync', 'contact', 'sign off', 'responsible',
          ],
          guidance: 'Roles and owners (data, model, service), the stakeholders to consult, and how decisions and updates are communicated.',
          snippet: '- Owner: ${1:team or person}\n- Stakeholders: ${2:who is consulted}\n- Cadence: ${3:how the team syncs}',
        },
        {
          id: 'documentation',
          title: 'Documentation',
          // Not 'references' or 'citation': a bibliography is not how the team documents the system.
          aliases: ['documentation', 'docs', 'knowledge base', 'glossary', 'more information', 'handoff'],
          keywords: ['documentation', 'documented', 'knowledge base', 'wiki', 'readme', 'runbook', 'playbook', 'handoff', 'onboarding', 'decision log'],
          guidance: 'Where design decisions, data sources, pipelines and runbooks are written down, and who keeps them current.',
          snippet: '- Where: ${1:wiki, repository, model card}\n- Kept current by: ${2:owner}',
        },
      ],
    },
    {
      id: 'ethics',
      title: 'Ethics and Bias',
      aliases: [
        'ethics', 'ethics and bias', 'ethical considerations', 'bias', 'fairness', 'responsible ai',
        'bias risks and limitations', 'risks and limitations', 'bias and fairness', 'fairness and bias',
        'transparency', 'explainability', 'harms', 'potential harms', 'misuse', 'broader implications',
        'societal impact', 'ethical considerations and limitations', 'caveats and recommendations',
        'limitations and biases', 'bias mitigation', 'responsible use', 'safety', 'human in the loop', 'human oversight',
        'broader impact', 'broader impacts', 'impact statement', 'societal impacts', 'social impact',
      ],
      keywords: [
        'fairness', 'bias', 'biased', 'discrimin', 'protected attribute', 'protected group', 'underrepresented', 'equal opportunity', 'disparate impact', 'ethic',
        'harm', 'misuse', 'explainab', 'transparen', 'accountab', 'human oversight', 'human in the loop',
        'responsible ai', 'hallucin', 'toxic', 'red team', 'jailbreak', 'harmful content', 'guardrail', 'misinformation',
        'disinformation', 'broader impact', 'offensive',
      ],
      strongKeywords: ['fairness', 'offensive', 'bias mitigation', 'unintended bias', 'disparate', 'discrimin', 'responsible ai', 'ethic', 'human in the loop', 'human oversight'],
      guidance:
        'Who could be treated unfairly by the system and how you will check (metrics over groups or slices), ' +
        'how bias in data or model is mitigated, and how decisions are explained to the people they affect.',
      snippet: '${1:Who the system affects and how it stays fair and accountable.}',
      subsections: [
        {
          id: 'fairness',
          title: 'Fairness and Bias',
          aliases: [
            'fairness', 'bias', 'fairness and bias', 'bias and fairness', 'bias mitigation', 'bias risks and limitations',
            'data bias', 'algorithmic bias', 'user bias', 'ethical considerations', 'harms', 'potential harms',
          ],
          keywords: [
            'fairness', 'bias', 'discrimin', 'protected attribute', 'protected group', 'demographic parity',
            'underrepresented', 'equal opportunity', 'disparate impact', 'subgroup', 'slice',
          ],
          guidance: 'Which groups could be harmed, the fairness metric computed over them, and the mitigation if gaps appear.',
          snippet: '- Groups: ${1:who could be treated unfairly}\n- Check: ${2:metric across groups}\n- Mitigation: ${3:plan}',
        },
        {
          id: 'transparency',
          title: 'Transparency',
          aliases: ['transparency', 'explainability', 'interpretability', 'accountability', 'human oversight'],
          keywords: ['transparen', 'explain', 'explainab', 'accountab', 'human oversight', 'human in the loop', 'appeal', 'disclos'],
          guidance: 'How the system explains its decisions to users and reviewers, and how people can contest them.',
          snippet: '- Explanations: ${1:what users see}\n- Oversight: ${2:who reviews, how to appeal}',
        },
      ],
    },
  ],
} as const satisfies ProfileDef;

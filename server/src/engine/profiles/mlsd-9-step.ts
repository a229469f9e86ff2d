// The 9-step ML system design outline (the interview formula: problem formulation, metrics, architecture,
// data, features, model, prediction service, online testing, scaling/monitoring/updates). Written in our
// own words; `lifecycle` says which lifecycle concerns each step addresses.
import type { ProfileDef } from './types';

export const mlsd9Step = {
  id: 'mlsd-9-step',
  title: '9-step ML system design',
  description: 'The nine steps of an ML system design: problem formulation to scaling, monitoring and updates.',
  sections: [
    {
      id: 'problem-formulation',
      title: 'Problem Formulation',
      aliases: [
        'problem formulation', 'problem statement', 'problem definition', 'problem', 'clarifying questions',
        'use cases and business goal', 'business goal', 'business objective', 'requirements', 'ml formulation',
        'problem framing', 'scope', 'objective',
      ],
      keywords: [
        'business goal', 'business objective', 'use case', 'clarifying question', 'requirement', 'constraint',
        'assumption', 'ml formulation', 'ml objective', 'binary classification', 'regression problem', 'ranking problem',
      ],
      strongKeywords: ['ml formulation', 'business goal', 'clarifying question', 'problem formulation'],
      guidance:
        'Ask the clarifying questions, then state the use case and business goal, the functional and ' +
        'non-functional requirements, constraints and assumptions, and how the problem becomes an ML task ' +
        '(input, output, type of task).',
      snippet: '${1:The use case, the business goal, and the ML task it becomes.}',
      lifecycle: ['problem'],
      subsections: [
        {
          id: 'requirements',
          title: 'Requirements and Constraints',
          aliases: ['requirements', 'constraints', 'requirements and constraints', 'assumptions', 'functional requirements', 'non functional requirements'],
          keywords: ['requirement', 'constraint', 'assumption', 'latency', 'scale', 'budget'],
          guidance: 'Functional and non-functional requirements (scale, latency, freshness) and the constraints and assumptions the design rests on.',
          snippet: '- Requirements: ${1:what the system must do, at what scale}\n- Constraints: ${2:time, compute, privacy}',
        },
        {
          id: 'ml-formulation',
          title: 'ML Formulation',
          aliases: ['ml formulation', 'ml objective', 'ml task', 'framing as an ml problem', 'ml problem'],
          keywords: ['ml formulation', 'ml objective', 'classification', 'regression', 'ranking', 'input', 'output', 'label'],
          guidance: 'The ML task: what the model takes as input, what it predicts, and the type of task (classification, ranking, ...).',
          snippet: '- Input: ${1:what the model sees}\n- Output: ${2:what it predicts}\n- Task: ${3:classification, ranking, ...}',
        },
      ],
    },
    {
      id: 'metrics',
      title: 'Metrics',
      aliases: ['metrics', 'evaluation metrics', 'success metrics', 'offline metrics', 'online metrics', 'metrics and losses', 'kpis'],
      keywords: [
        'offline metric', 'online metric', 'precision', 'recall', 'auc', 'f1', 'ndcg', 'log loss', 'click through rate',
        'ctr', 'conversion', 'kpi', 'success metric',
      ],
      strongKeywords: ['offline metric', 'online metric', 'success metric'],
      guidance:
        'The offline metrics that judge the model before launch and the online metrics that judge it in ' +
        'production (and tie it to the business goal), each with a target.',
      snippet: '- Offline: ${1:metric} >= ${2:target}\n- Online: ${3:business metric} up ${4:target}',
      lifecycle: ['problem', 'model'],
      subsections: [
        {
          id: 'offline-metrics',
          title: 'Offline Metrics',
          aliases: ['offline metrics', 'offline metric', 'offline evaluation metrics'],
          keywords: ['offline', 'precision', 'recall', 'auc', 'f1', 'ndcg', 'log loss', 'rmse', 'mae'],
          guidance: 'The metrics computed on held-out data before launch.',
          snippet: '- ${1:metric} >= ${2:target} on ${3:held-out data}',
        },
        {
          id: 'online-metrics',
          title: 'Online Metrics',
          aliases: ['online metrics', 'online metric', 'business metrics'],
          keywords: ['online', 'click through rate', 'ctr', 'conversion', 'revenue', 'engagement', 'retention'],
          guidance: 'The metrics measured on live traffic, usually in an A/B test.',
          snippet: '- ${1:business metric}: ${2:expected change}',
        },
      ],
    },
    {
      id: 'architecture',
      title: 'Architectural Components',
      aliases: [
        'architectural components', 'high level architecture', 'high level design', 'system architecture',
        'architecture', 'system design', 'components', 'architecture overview',
      ],
      keywords: ['component', 'pipeline', 'service', 'architecture', 'diagram', 'candidate generation', 'ranking stage', 'data flow'],
      strongKeywords: ['high level architecture', 'architectural component'],
      guidance: 'The main components (data pipelines, training, serving, feedback loop) and how data flows between them.',
      snippet: '${1:The components and how data flows between them (a diagram helps).}',
      lifecycle: ['deployment', 'model'],
      subsections: [],
    },
    {
      id: 'data-preparation',
      title: 'Data Collection and Preparation',
      aliases: [
        'data collection and preparation', 'data collection', 'data preparation', 'data', 'data sources',
        'data needs', 'datasets', 'dataset', 'training data', 'labelling', 'labeling', 'data storage',
        'data pipeline', 'data processing',
      ],
      keywords: [
        'data source', 'dataset', 'training data', 'label', 'annotation', 'ground truth', 'data storage',
        'data lake', 'data warehouse', 'etl', 'sampling', 'class imbalance', 'data type',
      ],
      strongKeywords: ['training data', 'data source', 'labeled data', 'labelled data', 'data collection'],
      guidance: 'What data is needed, where it comes from, how it is labelled, stored and sampled, and which data types it holds.',
      snippet: '- Sources: ${1:systems and volumes}\n- Labels: ${2:how obtained}\n- Storage: ${3:where}',
      lifecycle: ['data'],
      subsections: [
        {
          id: 'sources',
          title: 'Data Sources',
          aliases: ['data sources', 'data source', 'sources', 'data needs', 'data availability'],
          keywords: ['data source', 'collected from', 'log', 'third party', 'historical data'],
          guidance: 'Each source, its volume and freshness, and who owns it.',
          snippet: '- ${1:source}: ${2:volume}, ${3:freshness}',
        },
        {
          id: 'labelling',
          title: 'Labelling',
          aliases: ['labelling', 'labeling', 'labels', 'data labeling', 'data labelling', 'annotation', 'ground truth'],
          keywords: ['label', 'annotation', 'annotator', 'ground truth', 'implicit feedback', 'explicit feedback'],
          guidance: 'How labels are obtained (implicit feedback, human annotation) and how good they are.',
          snippet: '- Labels from ${1:implicit feedback or annotation}; quality check: ${2:how}',
        },
      ],
    },
    {
      id: 'feature-engineering',
      title: 'Feature Engineering',
      aliases: [
        'feature engineering', 'features', 'feature selection', 'feature representation', 'feature preprocessing',
        'feature extraction', 'feature store', 'feature list',
      ],
      keywords: [
        'feature', 'embedding', 'one hot', 'normaliz', 'standardiz', 'bucketiz', 'hashing', 'feature store',
        'feature selection', 'feature crossing', 'tokeniz',
      ],
      strongKeywords: ['feature engineering', 'feature selection', 'feature representation', 'feature store'],
      guidance: 'Which features the model uses, how each is represented (embeddings, one-hot, buckets) and preprocessed, and where they are computed.',
      snippet: '- Features: ${1:list}\n- Representation: ${2:embedding, one-hot, bucketised}\n- Preprocessing: ${3:normalisation, missing values}',
      lifecycle: ['data'],
      subsections: [],
    },
    {
      id: 'model-development',
      title: 'Model Development and Offline Evaluation',
      aliases: [
        'model development and offline evaluation', 'model development', 'offline evaluation', 'model selection',
        'model training', 'model', 'modeling', 'modelling', 'model eval', 'model evaluation', 'dataset construction',
        'training', 'baseline',
      ],
      keywords: [
        'model selection', 'baseline', 'training', 'loss function', 'hyperparameter', 'cross validation',
        'train test split', 'offline evaluation', 'logistic regression', 'gradient boost', 'neural network',
        'transformer', 'fine tun',
      ],
      strongKeywords: ['model selection', 'offline evaluation', 'hyperparameter', 'dataset construction'],
      guidance:
        'The model chosen (against a simple baseline), how the training set is constructed, how it is trained ' +
        'and tuned, and how it is evaluated offline before it may go online.',
      snippet: '- Baseline: ${1:simple model}\n- Model: ${2:family} because ${3:reason}\n- Offline evaluation: ${4:metric on held-out data}',
      lifecycle: ['model'],
      subsections: [
        {
          id: 'model-selection',
          title: 'Model Selection',
          aliases: ['model selection', 'model choice', 'model architecture', 'baseline', 'baselines'],
          keywords: ['baseline', 'logistic regression', 'gradient boost', 'neural network', 'transformer', 'model architecture'],
          guidance: 'The model family and the simple baseline it must beat.',
          snippet: '- Baseline: ${1:heuristic or simple model}\n- Candidate: ${2:model family}',
        },
        {
          id: 'training',
          title: 'Training and Tuning',
          aliases: ['model training', 'training', 'model eval and hp tuning', 'hyperparameter tuning', 'tuning', 'dataset construction'],
          keywords: ['training', 'loss function', 'hyperparameter', 'epoch', 'learning rate', 'train test split', 'cross validation'],
          guidance: 'How the training set is built and split, the loss, and how hyperparameters are tuned.',
          snippet: '- Dataset: ${1:construction and split}\n- Loss: ${2:loss function}\n- Tuning: ${3:search}',
        },
      ],
    },
    {
      id: 'prediction-service',
      title: 'Prediction Service',
      aliases: [
        'prediction service', 'serving', 'model serving', 'inference', 'prediction pipeline', 'inference service',
        'serving and inference', 'online serving', 'batch prediction',
      ],
      keywords: [
        'serving', 'inference', 'endpoint', 'rest api', 'batch prediction', 'online prediction', 'real time',
        'latency', 'cache', 'candidate generation', 'ranking', 'request',
      ],
      strongKeywords: ['prediction service', 'batch prediction', 'online prediction', 'rest api', 'inference service'],
      guidance: 'How predictions are served: online or batch, the request path, latency budget, caching and the components on the way.',
      snippet: '- Mode: ${1:online or batch}\n- Latency budget: p${2:99} < ${3:100} ms',
      lifecycle: ['deployment'],
      subsections: [],
    },
    {
      id: 'online-testing',
      title: 'Online Testing and Deployment',
      aliases: [
        'online testing and deployment', 'online testing', 'deployment', 'ab testing', 'a b testing', 'a b test',
        'ab test', 'deployment and release', 'release', 'rollout', 'launch',
      ],
      keywords: ['a b test', 'ab test', 'canary', 'shadow', 'rollout', 'rollback', 'release', 'deploy', 'experiment', 'control group'],
      strongKeywords: ['a b test', 'ab test', 'canary', 'shadow mode', 'rollback'],
      guidance: 'How a new model is tested on live traffic (A/B test, canary, shadow) and released, and how it is rolled back.',
      snippet: '- Online test: ${1:A/B test on x% of traffic}\n- Release: ${2:canary, shadow}; rollback: ${3:how}',
      lifecycle: ['deployment'],
      subsections: [],
    },
    {
      id: 'scaling-monitoring',
      title: 'Scaling, Monitoring, and Updates',
      aliases: [
        'scaling monitoring and updates', 'scaling', 'monitoring', 'updates', 'monitoring and updates', 'scalability',
        'maintenance', 'retraining', 'model monitoring', 'drift',
      ],
      keywords: [
        'scale', 'scaling', 'distributed', 'monitor', 'drift', 'retrain', 'alert', 'dashboard', 'update',
        'continual learning', 'logging',
      ],
      strongKeywords: ['drift', 'retrain', 'model monitoring', 'continual learning'],
      guidance: 'How the system scales (software and ML), what is monitored after launch (drift, quality, failures), and how and when the model is updated.',
      snippet: '- Scaling: ${1:how}\n- Monitoring: ${2:metrics, drift}\n- Updates: ${3:retraining cadence or trigger}',
      lifecycle: ['deployment', 'monitoring'],
      subsections: [
        {
          id: 'scaling',
          title: 'Scaling',
          aliases: ['scaling', 'scalability', 'scale'],
          keywords: ['scale', 'scaling', 'distributed', 'shard', 'replica', 'autoscal', 'load balanc'],
          guidance: 'How the software and the ML parts scale with load and data.',
          snippet: '- ${1:horizontal scaling, sharding, distributed training}',
        },
        {
          id: 'monitoring',
          title: 'Monitoring',
          aliases: ['monitoring', 'model monitoring', 'observability', 'alerts'],
          keywords: ['monitor', 'drift', 'alert', 'dashboard', 'logging'],
          guidance: 'What is watched in production (drift, quality, failures) and who is alerted.',
          snippet: '- Watched: ${1:metrics}\n- Drift: ${2:method}',
        },
        {
          id: 'updates',
          title: 'Updates',
          aliases: ['updates', 'model updates', 'retraining', 'continual learning'],
          keywords: ['retrain', 'update', 'continual learning', 'fine tun', 'refresh'],
          guidance: 'How and when the model is retrained or updated.',
          snippet: '- Retraining: ${1:cadence or trigger}',
        },
      ],
    },
  ],
} as const satisfies ProfileDef;

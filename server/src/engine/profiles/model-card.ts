// A model card (after Mitchell et al., "Model Cards for Model Reporting", 2019): the nine parts a reader of a
// released model needs. Written in our own words; aliases cover the Hugging Face template and cards in the wild.
import type { ProfileDef } from './types';

export const modelCard = {
  id: 'model-card',
  title: 'Model card',
  description: 'A model card: details, intended use, factors, metrics, data, analyses, ethics, caveats.',
  sections: [
    {
      id: 'model-details',
      title: 'Model Details',
      aliases: [
        'model details', 'model description', 'model information', 'model overview', 'overview', 'model summary',
        'model type', 'model sources', 'technical specifications', 'model architecture', 'model architecture and objective',
      ],
      keywords: [
        'developed by', 'model type', 'model version', 'version', 'release date', 'license', 'architecture',
        'paper', 'citation', 'parameters', 'trained by', 'contact', 'fine tuned from', 'finetuned from', 'language',
      ],
      strongKeywords: ['developed by', 'model type', 'release date', 'model version', 'fine tuned from'],
      guidance:
        'Who built the model and when, its version and type (architecture, size, what it was fine-tuned from), ' +
        'the paper or other resources, the licence, and where to send questions.',
      snippet: '- Developed by: ${1:team}\n- Version and date: ${2:version}, ${3:date}\n- Type: ${4:architecture, size}\n- Licence: ${5:licence}',
      lifecycle: ['model', 'collaboration'],
      subsections: [],
    },
    {
      id: 'intended-use',
      title: 'Intended Use',
      aliases: [
        'intended use', 'intended uses', 'uses', 'model use', 'direct use', 'downstream use', 'evaluated use',
        'primary intended uses', 'primary intended users', 'out of scope use', 'out of scope uses', 'uses to avoid',
        'use cases', 'how to use', 'limitations of use',
      ],
      keywords: [
        'intended use', 'intended for', 'primary use', 'primary user', 'out of scope', 'not intended', 'should not be used',
        'use case', 'downstream', 'misuse', 'avoid',
      ],
      strongKeywords: ['intended use', 'out of scope', 'not intended', 'primary intended'],
      guidance: 'What the model is for and who should use it, and the uses it is not meant for (out of scope).',
      snippet: '- Intended use: ${1:task and users}\n- Out of scope: ${2:uses to avoid}',
      lifecycle: ['problem'],
      subsections: [
        {
          id: 'out-of-scope',
          title: 'Out-of-Scope Uses',
          aliases: ['out of scope use', 'out of scope uses', 'uses to avoid', 'out of scope', 'misuse', 'limitations of use'],
          keywords: ['out of scope', 'not intended', 'should not be used', 'avoid', 'misuse'],
          guidance: 'The uses the model is not fit for, and why.',
          snippet: '- Not for: ${1:use} because ${2:reason}',
        },
      ],
    },
    {
      id: 'factors',
      title: 'Factors',
      aliases: ['factors', 'relevant factors', 'evaluation factors', 'group factors', 'groups', 'subgroups', 'instrumentation', 'environments'],
      keywords: [
        'demographic', 'subgroup', 'group', 'age', 'gender', 'race', 'ethnicity', 'accent', 'dialect', 'skin tone',
        'instrumentation', 'environment', 'lighting', 'identity term', 'population',
      ],
      strongKeywords: ['demographic group', 'subgroup', 'relevant factors', 'evaluation factors'],
      guidance:
        'The factors performance may vary with: groups of people (age, gender, accent, ...), instruments and ' +
        'environments, and which of them the evaluation covers.',
      snippet: '- Groups: ${1:demographic or phenotypic groups}\n- Instruments and environments: ${2:factors}',
      lifecycle: ['ethics'],
      subsections: [],
    },
    {
      id: 'metrics',
      title: 'Metrics',
      aliases: ['metrics', 'model performance measures', 'performance measures', 'evaluation metrics', 'decision thresholds', 'testing metrics'],
      keywords: [
        'metric', 'accuracy', 'precision', 'recall', 'auc', 'f1', 'word error rate', 'false positive rate',
        'false negative rate', 'threshold', 'confidence interval', 'calibration', 'bleu',
      ],
      strongKeywords: ['decision threshold', 'false positive rate', 'false negative rate', 'performance measure'],
      guidance: 'Which metrics report performance and why, the decision thresholds used, and how uncertainty (variance, intervals) is estimated.',
      snippet: '- Metrics: ${1:metric} because ${2:reason}\n- Threshold: ${3:value}',
      lifecycle: ['model', 'problem'],
      subsections: [],
    },
    {
      id: 'evaluation-data',
      title: 'Evaluation Data',
      aliases: [
        'evaluation data', 'testing data', 'test data', 'evaluation datasets', 'evaluation dataset', 'testing data factors and metrics',
        'overall evaluation data', 'unintended bias evaluation data', 'evaluation', 'benchmarks',
      ],
      keywords: ['evaluation data', 'test set', 'held out', 'benchmark', 'evaluation dataset', 'test data'],
      strongKeywords: ['evaluation data', 'evaluation dataset', 'test set'],
      guidance: 'The datasets the model was evaluated on, why they were chosen, and how they were preprocessed.',
      snippet: '- Datasets: ${1:names and sources}\n- Why: ${2:reason}\n- Preprocessing: ${3:steps}',
      lifecycle: ['data', 'model'],
      subsections: [],
    },
    {
      id: 'training-data',
      title: 'Training Data',
      aliases: ['training data', 'training details', 'training dataset', 'training procedure', 'data', 'datasets', 'dataset', 'training'],
      keywords: ['training data', 'trained on', 'dataset', 'hours of audio', 'tokens', 'corpus', 'preprocessing', 'collected from', 'annotat'],
      strongKeywords: ['training data', 'trained on', 'training dataset'],
      guidance: 'What the model was trained on (sources, size, distribution) and how it was preprocessed, as far as it can be shared.',
      snippet: '- Data: ${1:sources and size}\n- Preprocessing: ${2:steps}',
      lifecycle: ['data'],
      subsections: [],
    },
    {
      id: 'quantitative-analyses',
      title: 'Quantitative Analyses',
      aliases: [
        'quantitative analyses', 'quantitative analysis', 'results', 'evaluation results', 'performance',
        'performance and limitations', 'unitary results', 'intersectional results', 'subgroup evaluation',
        'unitary identity subgroup evaluation', 'intersectional identity subgroup evaluation', 'model examination',
      ],
      keywords: ['result', 'per group', 'subgroup', 'disaggregated', 'intersectional', 'unitary', 'error bar', 'confidence interval', 'compared to', 'outperform'],
      strongKeywords: ['disaggregated', 'intersectional', 'subgroup evaluation', 'quantitative analys'],
      guidance: 'Results on the metrics, overall and disaggregated by the factors above (per group and intersections), with uncertainty.',
      snippet: '- Overall: ${1:metric = value}\n- By group: ${2:table or link}',
      lifecycle: ['model', 'ethics'],
      subsections: [],
    },
    {
      id: 'ethical-considerations',
      title: 'Ethical Considerations',
      aliases: [
        'ethical considerations', 'ethics', 'bias risks and limitations', 'bias', 'risks', 'broader implications',
        'broader impact', 'fairness', 'sensitive use', 'environmental impact', 'values', 'risks and harms',
      ],
      keywords: [
        'bias', 'fairness', 'harm', 'sensitive data', 'privacy', 'surveillance', 'risk', 'mitigation', 'human life',
        'discriminat', 'misuse', 'ethical', 'societal',
      ],
      strongKeywords: ['ethical consideration', 'fairness', 'harm', 'discriminat', 'broader implication'],
      guidance: 'Sensitive data the model uses, risks and harms to people, the mitigations taken, and uses that could be fraught.',
      snippet: '- Sensitive data: ${1:what}\n- Risks and harms: ${2:what}\n- Mitigations: ${3:what}',
      lifecycle: ['ethics', 'security'],
      subsections: [],
    },
    {
      id: 'caveats',
      title: 'Caveats and Recommendations',
      aliases: ['caveats and recommendations', 'caveats', 'recommendations', 'limitations', 'known limitations', 'warnings'],
      keywords: ['caveat', 'recommend', 'limitation', 'should be aware', 'not evaluated', 'further testing', 'known issue'],
      strongKeywords: ['caveat', 'recommendation', 'known limitation'],
      guidance: 'What the evaluation did not cover, known limitations, and recommendations for those who use or build on the model.',
      snippet: '- Not covered: ${1:what}\n- Recommendations: ${2:what users should do}',
      lifecycle: ['problem', 'ethics'],
      subsections: [],
    },
  ],
} as const satisfies ProfileDef;

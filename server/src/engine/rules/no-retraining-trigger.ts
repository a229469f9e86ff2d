// no-retraining-trigger: the monitoring section never says when the model is retrained or updated: neither a
// schedule (weekly, monthly) nor a trigger (a metric drop, drift above a threshold).
// Bad:  ## Monitoring  Weekly precision on a labelled sample is shown on the team dashboard.
// Good: ## Monitoring  … the model is retrained monthly, or early when weekly precision drops below 0.85.
// "Retrain" without a when counts as unplanned too. Only runs with a monitoring section of its own.
import type { RuleDef } from './types';
import { appendToSection, eachPhrase, type PhraseHit, hasSection, anchorHeading, mentions } from '../ml/scope';

const UPDATE_PHRASES = [
  'retrain*', 're train*', 'continual learning', 'continuous learning', 'continuous training', 'online learning',
  'incremental learning', 'model refresh*', 'refresh* the model', 'refresh* models', 'model update*', 'update* the model',
  'updates to the model', 'fine tun*', 'train* a new model', 'new model version*', 'warm start*', 'update frequency',
] as const;
/** Words that make an update planned: when it happens (cadence) or what sets it off (trigger). */
const WHEN_PHRASES = [
  'daily', 'nightly', 'weekly', 'monthly', 'quarterly', 'yearly', 'annually', 'hourly', 'every', 'each day', 'each week',
  'each month', 'each quarter', 'schedule*', 'cadence', 'periodic*', 'regularly', 'regular', 'trigger*', 'when', 'whenever',
  'once', 'if', 'threshold*', 'drops', 'degrad*', 'drift*', 'as soon as', 'frequency', 'per day', 'per week', 'automated', 'automatically',
] as const;

export const noRetrainingTrigger: RuleDef = {
  id: 'no-retraining-trigger',
  description: 'Monitoring never says when the model is retrained: no schedule and no trigger.',
  defaultSeverity: 'info',
  tags: ['ml'],
  check(ctx) {
    if (!hasSection(ctx, 'monitoring')) return [];
    // Planned when some mention of updating says when: a cadence or a trigger in the same block. The mentions
    // are read one at a time, up to the first that is planned.
    let said: PhraseHit | undefined;
    let planned = false;
    eachPhrase(ctx, UPDATE_PHRASES, undefined, (u) => {
      said ??= u;
      const b = ctx.doc.blocks.find((x) => x.span.start <= u.span.start && u.span.start < x.span.end && x.kind !== 'blockquote');
      return (planned = b !== undefined && mentions(ctx, WHEN_PHRASES, [b.span]));
    });
    if (planned) return [];
    const heading = anchorHeading(ctx, 'monitoring')!;
    return [
      {
        message: said
          ? `Retraining without a when: '${said.text}' is mentioned, but not on what schedule or on what signal. ` +
            'Say how often the model is retrained, or which metric drop or drift level triggers it.'
          : 'No retraining plan: the design does not say when the model is retrained or updated. Give a schedule ' +
            '(weekly, monthly) or a trigger (a metric drop, drift above a threshold), and who approves the new version.',
        span: said?.span ?? heading.span,
        sectionId: 'monitoring',
        fix: {
          title: 'Add a retraining line to the monitoring section',
          edits: [appendToSection(ctx, heading, '- Retraining: ${1:monthly}, or early when ${2:the primary metric drops below its launch value}', '- Retraining: monthly, or early when the primary metric drops below its launch value')],
        },
      },
    ];
  },
};

// serving-mode-unstated: the deployment section never says how predictions reach their users: online per
// request (REST, gRPC), batch on a schedule, streaming, or on device.
// Bad:  ## Deployment  The model is packaged in a container and deployed on the ML platform.
// Good: ## Deployment  A nightly batch job scores all accounts and writes the scores to the CRM table.
// Only runs when the document has a deployment section of its own.
import type { RuleDef } from './types';
import { appendToSection, hasServingSection, anchorHeading, mentions } from '../ml/scope';

export const SERVING_MODE_PHRASES = [
  'batch*', 'real time', 'realtime', 'online', 'offline', 'stream*', 'rest', 'restful', 'grpc', 'api', 'apis', 'endpoint*',
  'http', 'per request', 'on request', 'request*', 'synchronous*', 'asynchronous*', 'on device', 'on the device', 'edge',
  'embedded', 'in browser', 'mobile', 'nightly', 'daily', 'hourly', 'weekly', 'scheduled', 'cron', 'queue', 'kafka',
  'pub sub', 'lambda', 'serverless', 'web service*', 'microservice*', 'sagemaker endpoint', 'precomput*', 'lookup',
] as const;

export const servingModeUnstated: RuleDef = {
  id: 'serving-mode-unstated',
  description: 'The deployment section does not say whether predictions are served online, in batch, streaming or on device.',
  defaultSeverity: 'info',
  tags: ['ml'],
  check(ctx) {
    if (!hasServingSection(ctx) || mentions(ctx, SERVING_MODE_PHRASES)) return [];
    const heading = anchorHeading(ctx, 'deployment')!;
    return [
      {
        message:
          'Serving mode unstated: the design does not say how predictions reach their users. Say whether the model answers ' +
          'online per request (REST, gRPC), runs as a scheduled batch job, consumes a stream, or runs on device, and why.',
        span: heading.span,
        sectionId: 'deployment',
        subsectionId: 'serving',
        fix: {
          title: 'Add the serving mode to the deployment section',
          edits: [appendToSection(ctx, heading, '- Serving mode: ${1:online per request | nightly batch | streaming | on device}, because ${2:reason}', '- Serving mode: online per request | nightly batch | streaming | on device, because reason')],
        },
      },
    ];
  },
};

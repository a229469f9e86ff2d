// personal-data-unprotected: the design uses personal data (PII, user data, email addresses, location, health
// records, …) but says nothing about protecting it: no access control, encryption, anonymisation, retention,
// consent or privacy regulation (GDPR, CCPA, HIPAA).
// Bad:  Features: the customer's email address, home location and purchase history.
// Good: … Emails are hashed before training; access is limited to the fraud team; GDPR erasure is honoured.
// The finding sits on the first mention of personal data. One finding per document.
import type { RuleDef } from './types';
import { findAffirmed, firstAffirmed, mentions } from '../ml/scope';

/** Phrases that show personal data is involved (specific on purpose: "health" alone is often system health). */
export const PERSONAL_DATA_PHRASES = [
  'pii', 'personally identifiable', 'personal data', 'personal information', 'personal details', 'user data',
  'customer records', 'user profile*', 'customer profile*', 'email address*', 'e mail address*', 'phone number*',
  'telephone number*', 'home address*', 'postal address*', 'street address*', 'ip address*', 'location data', 'location history',
  'gps', 'geolocation', 'precise location', 'user location*', 'health data', 'health record*', 'health information',
  'medical record*', 'medical data', 'patient data', 'patient record*', 'clinical data', 'medical diagnos*', 'date of birth',
  'birth date*', 'social security', 'ssn', 'passport', 'national id*', 'biometric*', 'face image*', 'facial', 'fingerprint*',
  'voice recording*', 'browsing history', 'search history', 'purchase history', 'credit card number*',
  'card number*', 'bank account*', 'salary', 'income', 'religion', 'ethnicity', 'sexual orientation', 'political',
  'demographic data', 'demographic information', 'children', 'minors',
] as const;

/** Phrases that show the design treats personal data with care. */
export const PROTECTION_PHRASES = [
  'access control*', 'access is restricted', 'access is limited', 'restricted access', 'limited access', 'least privilege',
  'role based access', 'rbac', 'iam', 'authoriz*', 'authoris*', 'permission*', 'encrypt*', 'tls', 'at rest', 'in transit',
  'anonymi*', 'pseudonymi*', 'de identif*', 'deidentif*', 'data masking', 'pii masking', 'masked', 'redact*', 'hashed',
  'hashing', 'differential privacy', 'k anonymity', 'privacy', 'gdpr', 'ccpa', 'hipaa', 'coppa', 'lgpd', 'pipeda',
  'data protection', 'consent*', 'opt out', 'data retention', 'retention policy', 'retention period', 'retained for',
  'kept for', 'deleted after', 'right to be forgotten', 'erasure', 'audit*', 'compliance', 'legal review', 'dpia',
  'privacy impact', 'security review',
] as const;

export const personalDataUnprotected: RuleDef = {
  id: 'personal-data-unprotected',
  description: 'Personal data (PII, user data, email, location, health, …) is used without access control, encryption or privacy treatment.',
  defaultSeverity: 'warning',
  tags: ['ml'],
  check(ctx) {
    // Every hit is listed only for a finding (its message names the kinds of data).
    if (!firstAffirmed(ctx, PERSONAL_DATA_PHRASES) || mentions(ctx, PROTECTION_PHRASES)) return [];
    const personal = findAffirmed(ctx, PERSONAL_DATA_PHRASES);
    const first = personal[0]!;
    const kinds = [...new Set(personal.map((p) => p.text.toLowerCase().replace(/\s+/g, ' ')))].slice(0, 4);
    return [
      {
        message:
          `Personal data without protection: the design uses ${kinds.map((k) => `'${k}'`).join(', ')} but says nothing about ` +
          'who may access it, encryption, anonymisation or retention, or which privacy rules apply (GDPR, CCPA, HIPAA, consent).',
        span: first.span,
        sectionId: 'security',
        related: personal.slice(1, 4).map((p) => ({ span: p.span, message: `Personal data: '${p.text}'` })),
      },
    ];
  },
};

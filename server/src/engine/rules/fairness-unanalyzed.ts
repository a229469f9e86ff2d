// fairness-unanalyzed: the model makes or informs decisions about people (credit, hiring, insurance, health,
// housing, moderation of their content, …) but the design plans no fairness analysis across groups.
// Bad:  ## Problem  Score loan applicants so that underwriters approve the safest ones first.
// Good: … Approval rates and error rates are compared across age bands and gender each quarter.
// The finding sits on the first mention of a decision about people.
import type { RuleDef } from './types';
import { findAffirmed, firstAffirmed, mentions } from '../ml/scope';

/** Decisions with consequences for the people they are about. */
export const PEOPLE_DECISION_PHRASES = [
  'loan*', 'lending', 'credit limit*', 'credit score*', 'credit scoring', 'credit decision*', 'creditworth*', 'underwrit*',
  'mortgage*', 'applicant*', 'hiring', 'recruit*', 'job candidate*', 'resume screening', 'cv screening', 'promotion decision*',
  'insurance', 'insurer*', 'insurance claim*', 'claims processing', 'patient*', 'medical diagnos*', 'clinical diagnos*',
  // Not 'tenant' alone: a platform's tenants ("multi-tenant", "Kubeflow tenants") are its customers; nor
  // 'housing' alone: "housing prices" is a regression target, not a decision about people.
  'medical treatment*', 'triage', 'tenant screening', 'tenant selection', 'prospective tenant*', 'housing application*',
  'housing allocation', 'housing assistance', 'housing decision*', 'social housing', 'public housing', 'rental application*', 'admission*', 'grading', 'welfare',
  'benefit claim*', 'eligibility', 'recidivism', 'parole', 'sentencing', 'policing', 'bail', 'child welfare',
  'content moderation', 'moderation decision*', 'ban users', 'account suspension*', 'suspend accounts', 'facial recognition',
  'face recognition', 'employee performance', 'performance review*',
] as const;

/** Ways a design plans to look at outcomes across groups of people. */
export const FAIRNESS_PHRASES = [
  'fairness', 'fair', 'unfair*', 'bias*', 'disparate', 'discriminat*', 'equal opportunity', 'equalized odds', 'equalised odds',
  'demographic parity', 'statistical parity', 'protected attribute*', 'protected group*', 'protected class*',
  'protected characteristic*', 'sensitive attribute*', 'subgroup*', 'per group', 'across groups', 'between groups',
  'group level', 'disaggregat*', 'across age*', 'across gender*', 'across race*', 'by age', 'by gender', 'by race',
  'adverse impact', 'four fifths', '80% rule', 'fair lending', 'equal credit', 'ecoa', 'inclusion', 'inclusive',
  'identity term*', 'underrepresented', 'under represented', 'marginali*', 'equity',
] as const;

export const fairnessUnanalyzed: RuleDef = {
  id: 'fairness-unanalyzed',
  description: 'The model affects decisions about people, but no fairness analysis across groups or slices is planned.',
  defaultSeverity: 'info',
  tags: ['ml'],
  check(ctx) {
    // Every hit is listed only for a finding (it anchors on the first outside a heading).
    if (!firstAffirmed(ctx, PEOPLE_DECISION_PHRASES) || mentions(ctx, FAIRNESS_PHRASES)) return [];
    const decisions = findAffirmed(ctx, PEOPLE_DECISION_PHRASES);
    // Anchor on a sentence rather than the title when there is one.
    const inHeading = (offset: number) => ctx.doc.headings.some((h) => h.span.start <= offset && offset < h.span.end);
    const first = decisions.find((d) => !inHeading(d.span.start)) ?? decisions[0]!;
    return [
      {
        message:
          `No fairness analysis: the model informs decisions about people ('${first.text}'), but the design does not say how ` +
          'outcomes and errors are compared across groups (age, gender, region, …) or which disparity would stop a release.',
        span: first.span,
        sectionId: 'ethics',
      },
    ];
  },
};

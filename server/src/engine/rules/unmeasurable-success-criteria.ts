// unmeasurable-success-criteria: the design says how success is measured but gives no number, threshold or
// reference point, so nobody can tell later whether it succeeded.
// Bad:  - Success metric: fewer fraudulent transactions and happier customers.
// Good: - Success metric: recall of 80% at a false-positive rate under 0.5% (today's rules: 55%).
// Questions and template prompts ("How will success be measured?") are not criteria and are skipped.
import type { RuleDef, RuleFinding } from './types';
import { isMeasurable, isPrompt, successStatements } from '../ml/success';
import { snippetToText } from '../snippets';

export const unmeasurableSuccessCriteria: RuleDef = {
  id: 'unmeasurable-success-criteria',
  description: 'Success criteria are stated without a number, threshold, unit or reference point.',
  defaultSeverity: 'info',
  tags: ['ml'],
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const s of successStatements(ctx)) {
      if (isPrompt(s.text) || isMeasurable(s.text)) continue;
      let end = s.span.end;
      while (end > s.span.start && /\s/.test(ctx.text[end - 1]!)) end--;
      const clause = ' (target: ${1:metric} from ${2:baseline}% to ${3:target}% by ${4:date})';
      out.push({
        message:
          'Unmeasurable success criteria: no number, threshold or reference point. Say which metric moves from what baseline ' +
          'to what target, by when, so that the launch can be judged a success or not.',
        span: s.anchor,
        sectionId: 'problem',
        subsectionId: 'objective',
        fix: { title: 'Add a measurable target', edits: [{ offset: end, text: snippetToText(clause), snippet: clause }] },
      });
    }
    return out;
  },
};


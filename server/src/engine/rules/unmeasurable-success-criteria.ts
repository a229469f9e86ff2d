// unmeasurable-success-criteria: the design says how success is measured but gives no number, threshold or
// reference point, so nobody can tell later whether it succeeded.
// Bad:  - Success metric: fewer fraudulent transactions and happier customers.
// Good: - Success metric: recall of 80% at a false-positive rate under 0.5% (today's rules: 55%).
// Questions and template prompts ("How will success be measured?") are not criteria and are skipped.
import type { Block, Span } from '../types';
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
      const last = proseEnd(ctx.doc.blocks, s.span);
      const end = last && trimmedEnd(ctx.text, last.start, last.end);
      const clause = ' (target: ${1:metric} from ${2:baseline}% to ${3:target}% by ${4:date})';
      out.push({
        message:
          'Unmeasurable success criteria: no number, threshold or reference point. Say which metric moves from what baseline ' +
          'to what target, by when, so that the launch can be judged a success or not.',
        span: s.anchor,
        sectionId: 'problem',
        subsectionId: 'objective',
        ...(end !== undefined ? { fix: { title: 'Add a measurable target', edits: [{ offset: end, text: snippetToText(clause), snippet: clause }] } } : {}),
      });
    }
    return out;
  },
};


/**
 * The end of the statement's last line of prose (a paragraph, or a list item with no code, HTML or table in it):
 * where the clause reads as part of the statement. Never after a code fence, a comment or a table row, where it
 * would change what the block is (a closing fence with text after it no longer closes). None when the statement
 * has no such line.
 */
function proseEnd(blocks: readonly Block[], span: Span): Span | undefined {
  let last: Span | undefined;
  const inside = (b: Block, outer: Span) => b.span.start >= outer.start && b.span.end <= outer.end;
  for (const b of blocks) {
    if (!inside(b, span) || (b.kind !== 'paragraph' && b.kind !== 'list-item')) continue;
    if (b.kind === 'list-item' && blocks.some((c) => (c.kind === 'code' || c.kind === 'html' || c.kind === 'table') && inside(c, b.span))) continue;
    if (last === undefined || b.span.end > last.end) last = b.span;
  }
  return last;
}

function trimmedEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end;
}

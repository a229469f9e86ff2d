// unmeasurable-success-criteria: the design says how success is measured but gives no number, threshold or
// reference point, so nobody can tell later whether it succeeded.
// Bad:  - Success metric: fewer fraudulent transactions and happier customers.
// Good: - Success metric: recall of 80% at a false-positive rate under 0.5% (today's rules: 55%).
// Questions and template prompts ("How will success be measured?") are not criteria and are skipped.
import type { Block, Span } from '../types';
import type { RuleDef, RuleFinding } from './types';
import { isMeasurable, statedSuccess } from '../ml/success';
import { snippetToText } from '../snippets';

const CLAUSE = ' (target: ${1:metric} from ${2:baseline}% to ${3:target}% by ${4:date})';
const CLAUSE_TEXT = snippetToText(CLAUSE);

export const unmeasurableSuccessCriteria: RuleDef = {
  id: 'unmeasurable-success-criteria',
  description: 'Success criteria are stated without a number, threshold, unit or reference point.',
  defaultSeverity: 'info',
  tags: ['ml'],
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const s of statedSuccess(ctx)) {
      if (isMeasurable(s.text)) continue;
      const last = proseEnd(ctx.doc.blocks, s.span);
      const end = last && trimmedEnd(ctx.text, last.start, last.end);
      out.push({
        message:
          'Unmeasurable success criteria: no number, threshold or reference point. Say which metric moves from what baseline ' +
          'to what target, by when, so that the launch can be judged a success or not.',
        span: s.anchor,
        sectionId: 'problem',
        subsectionId: 'objective',
        ...(end !== undefined ? { fix: { title: 'Add a measurable target', edits: [{ offset: end, text: CLAUSE_TEXT, snippet: CLAUSE }] } } : {}),
      });
    }
    return out;
  },
};


/**
 * The end of the statement's last line of prose (a paragraph, or a list item with no code, HTML or table in it):
 * where the clause reads as part of the statement. Never after a code fence, a comment or a table row, where it
 * would change what the block is (a closing fence with text after it no longer closes). None when the statement
 * has no such line. Only the blocks that start inside the span are looked at (through an index by start): a scan
 * of every block per statement made a document with 32,000 such statements take 4.4 s.
 */
export function proseEnd(blocks: readonly Block[], span: Span): Span | undefined {
  let last: Span | undefined;
  const inside = (b: Block, outer: Span) => b.span.start >= outer.start && b.span.end <= outer.end;
  for (const i of blocksStartingIn(blocks, span)) {
    const b = blocks[i]!;
    if (!inside(b, span) || (b.kind !== 'paragraph' && b.kind !== 'list-item')) continue;
    if (b.kind === 'list-item' && blocksStartingIn(blocks, b.span).some((j) => {
      const c = blocks[j]!;
      return (c.kind === 'code' || c.kind === 'html' || c.kind === 'table') && inside(c, b.span);
    })) continue;
    if (last === undefined || b.span.end > last.end) last = b.span;
  }
  return last;
}

/** The blocks' positions sorted by start (ties by position), per list of blocks; null when the list is in that
 * order already (the usual case: no copy and no sort on each keystroke). */
const byStart = new WeakMap<readonly Block[], readonly number[] | null>();

/**
 * Positions (in increasing order) of the blocks whose start lies in [span.start, span.end]: every block inside the
 * span is one of them (a block's end is never before its start).
 */
function blocksStartingIn(blocks: readonly Block[], span: Span): number[] {
  let order = byStart.get(blocks);
  if (order === undefined) {
    let sorted = true;
    for (let i = 1; i < blocks.length && sorted; i++) sorted = blocks[i - 1]!.span.start <= blocks[i]!.span.start;
    order = sorted ? null : blocks.map((_, i) => i).sort((a, b) => blocks[a]!.span.start - blocks[b]!.span.start || a - b);
    byStart.set(blocks, order);
  }
  const at = order === null ? (k: number) => k : (k: number) => order[k]!;
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[at(mid)]!.span.start < span.start) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  for (let k = lo; k < blocks.length && blocks[at(k)]!.span.start <= span.end; k++) out.push(at(k));
  return order === null ? out : out.sort((a, b) => a - b);
}

function trimmedEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end;
}

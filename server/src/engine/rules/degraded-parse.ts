// degraded-parse: parts of the document had a shape on which the Markdown parser is quadratic or worse (block
// quotes nested dozens deep, hundreds of open brackets or emphasis markers in one paragraph, a block of
// hundreds of KB without a blank line, ...); they were read line by line instead (headings and paragraphs).
// Bad:  > > > > > > > > ... (forty levels of quoting)
// Good: a quote one or two levels deep.
// One informational finding for the whole document, at the first such part; related information points at
// the others.
import type { RuleDef, RuleFinding } from './types';

const MAX_RELATED = 20;

export const degradedParse: RuleDef = {
  id: 'degraded-parse',
  description: 'Parts of the document were too costly to parse fully and were read line by line.',
  defaultSeverity: 'info',
  tags: ['performance'],
  check(ctx) {
    const spans = ctx.degraded ?? [];
    if (spans.length === 0) return [];
    const chars = spans.reduce((n, s) => n + (s.end - s.start), 0);
    const first = spans[0]!;
    const lineEnd = ctx.text.indexOf('\n', first.start);
    const finding: RuleFinding = {
      message:
        `${spans.length === 1 ? 'A part' : `${spans.length} parts`} of this document (${chars} characters) ` +
        'had a shape that makes Markdown parsing very slow (deep nesting, very long paragraphs or huge blocks) and ' +
        'were read line by line instead: only headings and paragraphs were seen there.',
      span: { start: first.start, end: Math.min(first.end, lineEnd < 0 ? ctx.text.length : lineEnd) },
      related: spans.slice(1, MAX_RELATED + 1).map((s) => ({ span: { start: s.start, end: s.start }, message: 'Also read line by line from here' })),
    };
    return [finding];
  },
};

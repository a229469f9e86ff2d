// placeholder-text: template filler left in the document: TBD, TODO, FIXME, `[More Information Needed]`,
// Jinja `{{ variable }}` / `{% tag %}`, "to be determined", "lorem ipsum".
// Bad:  ## Deployment  TBD
// Good: ## Deployment  Batch scoring nightly on Airflow; results written to the orders table.
// Anchored on the placeholder itself. Placeholders in code blocks, inline code, HTML comments and front matter
// are not reported (they are examples, notes to the author, or metadata). TBD/TODO/FIXME/TBA/XXX count only
// in capitals: "a todo list" is prose. The same patterns make a section's status `placeholder`.
import type { RuleDef, RuleFinding } from './types';
import { PLACEHOLDER } from '../coverage';
import { insideAny, nonProseSpans } from '../masks';

// The shared pattern with its open-ended `{{ … }}` runs bounded, so that a stray `{{` costs no more than a
// short look ahead (the whole text is scanned here, not one block at a time).
const PATTERN = PLACEHOLDER.source.replace(/\[\\s\\S\]\*\?/g, '[\\s\\S]{0,300}?');
const SHOUTED = /^(?:tbd|tba|todo|fixme|xxx)$/i;
const MAX_SHOWN = 40;

export const placeholderText: RuleDef = {
  id: 'placeholder-text',
  description: 'Template placeholder text (TBD, TODO, [More Information Needed], {{ … }}) is left in the document.',
  defaultSeverity: 'warning',
  tags: ['content'],
  check(ctx) {
    // The masks are built at the first candidate (a document without placeholders needs none).
    let maskTest: ((offset: number) => boolean) | undefined;
    const masked = (offset: number): boolean => (maskTest ??= insideAny(nonProseSpans(ctx.text, ctx.doc.blocks)))(offset);
    const re = new RegExp(PATTERN, 'gi');
    const out: RuleFinding[] = [];
    let m: RegExpExecArray | null;
    while ((m = re.exec(ctx.text)) !== null) {
      const found = m[0];
      if (found.length === 0) {
        re.lastIndex++;
        continue;
      }
      if (masked(m.index)) continue;
      if (SHOUTED.test(found) && found !== found.toUpperCase()) continue;
      const shown = found.length > MAX_SHOWN ? `${found.slice(0, MAX_SHOWN - 1)}…` : found;
      out.push({
        message: `Placeholder '${shown.replace(/\s+/g, ' ')}' left in the document: replace it with the real content.`,
        span: { start: m.index, end: m.index + found.length },
      });
    }
    return out;
  },
};

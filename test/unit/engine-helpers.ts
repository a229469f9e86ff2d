// Shared helpers of the engine tests (not a test file itself: it is bundled into each test that imports it).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, type Analysis, type Finding, type TextEdit } from '../../server/src/engine';

export const FIXTURES = join(process.cwd(), 'test', 'fixtures');

/** 1-based line of an offset, as editors and the fixture comments count. */
export function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split(/\r\n|\r|\n/).length;
}

/** `rule@line` or `rule@line:id` (id = the subsection, else the section the finding is about). */
export function findingKey(text: string, f: Finding): string {
  const id = f.subsectionId ?? f.sectionId;
  return `${f.ruleId}@${lineOf(text, f.span.start)}${id ? `:${id}` : ''}`;
}

/** Expected findings from a trailing `<!-- expect: rule@line[:id] ... -->` comment. */
export function parseExpect(text: string): string[] | undefined {
  const m = /<!--\s*expect:([\s\S]*?)-->\s*$/.exec(text);
  return m ? m[1]!.split(/\s+/).filter(Boolean) : undefined;
}

export function listFixtures(): { rule: string; kind: string; path: string; text: string }[] {
  const out: { rule: string; kind: string; path: string; text: string }[] = [];
  for (const rule of readdirSync(FIXTURES).sort()) {
    for (const name of readdirSync(join(FIXTURES, rule)).filter((n) => n.endsWith('.md')).sort()) {
      const path = join(FIXTURES, rule, name);
      out.push({ rule, kind: name.replace(/\.md$/, ''), path, text: readFileSync(path, 'utf8') });
    }
  }
  return out;
}

/** Apply insert-only edits; edits at the same offset keep their given order. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const ordered = edits.map((e, i) => ({ e, i })).sort((a, b) => b.e.offset - a.e.offset || b.i - a.i);
  let out = text;
  for (const { e } of ordered) out = out.slice(0, e.offset) + e.text + out.slice(e.offset);
  return out;
}

/** How many times each real heading's normalised text occurs. */
export function headingCounts(a: Analysis): Map<string, number> {
  const counts = new Map<string, number>();
  for (const h of a.headings) if (h.kind !== 'pseudo') counts.set(h.normalized, (counts.get(h.normalized) ?? 0) + 1);
  return counts;
}

/** Headings that occur more often in `after` than in `before` and more than once. */
export function newDuplicateHeadings(before: Analysis, after: Analysis): string[] {
  const b = headingCounts(before);
  return [...headingCounts(after)].filter(([k, n]) => n > 1 && n > (b.get(k) ?? 0)).map(([k]) => k);
}

/** The identity of a finding across edits: rule and what it is about (offsets move). */
export function identity(f: Finding): string {
  return `${f.ruleId}|${f.sectionId ?? ''}|${f.subsectionId ?? ''}|${f.message}`;
}

export function analyzeAll(text: string): Analysis {
  // Every rule on, at its default severity, including hints.
  return analyze(text);
}

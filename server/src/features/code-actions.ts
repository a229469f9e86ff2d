// Code actions, computed from the CURRENT analysis (never from data carried by a possibly stale diagnostic):
// a quick fix per finding that has one, "disable RULE for this line / for this file", and the source actions
// "insert all missing sections" and fix-all. Once a fix is applied the finding is gone, so it is not offered
// again and applying twice cannot duplicate a section.
import type { Analysis, Finding, Range, TextEdit } from '../engine/types';
import type { LineIndex } from '../engine/line-index';
import { eolOf, lineAround, outlineOf } from './common';
import { mergeInsertions, missingSectionInsertions } from './insertions';

export type ActionKind = 'quickfix' | 'source.mldoc.insertMissing' | 'source.fixAll.mldoc';

export interface ActionEntry {
  readonly title: string;
  readonly kind: ActionKind;
  readonly edits: readonly TextEdit[];
  readonly isPreferred?: boolean;
  /** The finding the action is about (its diagnostic gets attached). */
  readonly finding?: Finding;
}

/** What a client tells us about a diagnostic it shows: the rule id (code), the range and the message. */
export interface DiagnosticRef {
  readonly code?: unknown;
  readonly range: Range;
  readonly message?: unknown;
}

/**
 * The current findings the client's diagnostics stand for: same rule id and range, and the same message when
 * several findings share a place (missing sections that all belong after the same section do). A diagnostic
 * that matches no current finding is stale and gets no fix.
 */
export function matchFindings(analysis: Analysis, lines: LineIndex, refs: readonly DiagnosticRef[]): Finding[] {
  const index = findingIndex(analysis, lines);
  const out: Finding[] = [];
  const seen = new Set<Finding>();
  for (const ref of refs) {
    const r = ref.range as Range | undefined;
    const candidates = r?.start && r.end ? (index.get(rangeKey(String(ref.code), r)) ?? []) : [];
    const f = candidates.find((x) => x.message === ref.message) ?? (candidates.length === 1 && ref.message === undefined ? candidates[0] : undefined);
    if (f && !seen.has(f)) {
      seen.add(f);
      out.push(f);
    }
  }
  return out;
}

const rangeKey = (ruleId: string, r: Range) => `${ruleId}|${r.start.line}:${r.start.character}|${r.end.line}:${r.end.character}`;
/** Findings by rule id and range, built once per analysis: matching every diagnostic of a document with
 * thousands of findings against every finding took minutes (found by test/protocol/abuse-documents.test.ts). */
const findingIndexes = new WeakMap<Analysis, Map<string, Finding[]>>();
function findingIndex(analysis: Analysis, lines: LineIndex): Map<string, Finding[]> {
  let index = findingIndexes.get(analysis);
  if (!index) {
    index = new Map();
    for (const f of analysis.findings) {
      const key = rangeKey(f.ruleId, lines.rangeOf(f.span));
      const list = index.get(key);
      if (list) list.push(f);
      else index.set(key, [f]);
    }
    findingIndexes.set(analysis, index);
  }
  return index;
}

/** Findings whose range touches the given one (for clients that ask without diagnostics in the context). */
export function findingsInRange(analysis: Analysis, lines: LineIndex, range: Range): Finding[] {
  const start = lines.offsetAt(range.start);
  const end = lines.offsetAt(range.end);
  return analysis.findings.filter((f) => {
    const s = lines.lineOf(f.span.start);
    return (f.span.start <= end && f.span.end >= start) || (s >= range.start.line && s <= range.end.line);
  });
}

export function computeQuickFixes(analysis: Analysis, lines: LineIndex, findings: readonly Finding[]): ActionEntry[] {
  const out: ActionEntry[] = [];
  for (const f of findings) {
    if (f.fix && f.fix.edits.length) out.push({ title: f.fix.title, kind: 'quickfix', edits: f.fix.edits, isPreferred: true, finding: f });
  }
  const eol = eolOf(analysis.text);
  const seen = new Set<string>();
  for (const f of findings) {
    if (seen.has(f.ruleId)) continue;
    seen.add(f.ruleId);
    const line = lineAround(analysis.text, lines.lineStarts[lines.lineOf(f.span.start)] ?? 0);
    const indent = /^[ \t]*/.exec(line.text)![0];
    out.push({
      title: `Disable ${f.ruleId} for this line`,
      kind: 'quickfix',
      edits: [{ offset: line.start, text: `${indent}<!-- mldoc-disable-next-line ${f.ruleId} -->${eol}` }],
      finding: f,
    });
    out.push({
      title: `Disable ${f.ruleId} for this file`,
      kind: 'quickfix',
      edits: [{ offset: fileDirectiveOffset(analysis), text: `<!-- mldoc-disable-file ${f.ruleId} -->${eol}` }],
      finding: f,
    });
  }
  return out;
}

/** Where a file-wide directive goes: the line after the front matter, else the top. */
export function fileDirectiveOffset(analysis: Analysis): number {
  const fm = analysis.blocks.find((b) => b.kind === 'front-matter');
  if (!fm) return 0;
  const text = analysis.text;
  let at = fm.span.end;
  while (at < text.length && text[at] !== '\n' && text[at] !== '\r') at++;
  if (text[at] === '\r') at++;
  if (text[at] === '\n') at++;
  return at;
}

export function computeSourceActions(analysis: Analysis, only?: readonly string[]): ActionEntry[] {
  const wants = (kind: string) => !only || only.length === 0 || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const out: ActionEntry[] = [];
  if (wants('source.mldoc.insertMissing')) {
    const edits = missingSectionInsertions(analysis);
    if (edits.length) out.push({ title: `Insert all missing sections (${outlineOf(analysis).filter((s) => s.status === 'missing').length})`, kind: 'source.mldoc.insertMissing', edits });
  }
  if (wants('source.fixAll.mldoc')) {
    const edits = fixAllEdits(analysis);
    if (edits.length) out.push({ title: 'Fix all ML design doc findings', kind: 'source.fixAll.mldoc', edits });
  }
  return out;
}

/** Every finding's fix, de-duplicated, with insertions at one offset merged into one block. */
export function fixAllEdits(analysis: Analysis): TextEdit[] {
  const seen = new Set<string>();
  const list: { offset: number; text: string; snippet: string }[] = [];
  for (const f of analysis.findings) {
    for (const e of f.fix?.edits ?? []) {
      const key = `${e.offset}\u0000${e.text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      list.push({ offset: e.offset, text: e.text, snippet: e.snippet ?? e.text.replace(/[$}\\]/g, '\\$&') });
    }
  }
  return mergeInsertions(analysis.text, list);
}

/** Apply insert-only edits to a text (for tests and for checking an action's outcome). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => b.e.offset - a.e.offset || b.i - a.i);
  let out = text;
  for (const { e } of sorted) out = out.slice(0, e.offset) + e.text + out.slice(e.offset);
  return out;
}

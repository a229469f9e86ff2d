// The one module that turns engine and feature results (offset spans, findings, fixes) into LSP types.
// Positions come from the engine's line index: 0-based lines, UTF-16 characters.
import {
  CodeAction,
  CompletionItemKind,
  DiagnosticSeverity,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type Diagnostic,
  type Hover,
  type Position,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { LineIndex } from './engine/line-index';
import type { Finding, Readiness, Severity, Span, TextEdit as EngineEdit } from './engine/types';
import type { ActionEntry } from './features/code-actions';
import type { CompletionEntry } from './features/completion';
import type { CoverageEntry, CoverageSummary } from './features/coverage';
import type { HoverResult } from './features/hover';
import type { Insertion } from './features/insertions';
import { ruleDocsUrl } from './features/rule-docs';
import type { CoverageItem, CoverageResult, ReadinessSummary, WireInsertion } from './protocol';

export const SOURCE = 'mldoc';

export function toRange(lines: LineIndex, span: Span): Range {
  const r = lines.rangeOf(span);
  return { start: { ...r.start }, end: { ...r.end } };
}

export function toPosition(lines: LineIndex, offset: number): Position {
  return { ...lines.positionAt(offset) };
}

export function toSeverity(severity: Severity): DiagnosticSeverity {
  switch (severity) {
    case 'error':
      return DiagnosticSeverity.Error;
    case 'warning':
      return DiagnosticSeverity.Warning;
    case 'info':
      return DiagnosticSeverity.Information;
    default:
      return DiagnosticSeverity.Hint;
  }
}

export function toDiagnostic(finding: Finding, lines: LineIndex, uri: string): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toRange(lines, finding.span),
    severity: toSeverity(finding.severity),
    code: finding.ruleId,
    codeDescription: { href: ruleDocsUrl(finding.ruleId) },
    source: SOURCE,
    message: finding.message,
  };
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map((r) => ({ location: { uri, range: toRange(lines, r.span) }, message: r.message }));
  }
  return diagnostic;
}

export function toInfoDiagnostic(message: string, code: string, range: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }): Diagnostic {
  return { range, severity: DiagnosticSeverity.Information, code, source: SOURCE, message };
}

/** A problem in a config file, at its line (0-based line and column). */
export function toConfigDiagnostic(error: { message: string; line: number; column: number; severity: 'error' | 'warning' }): Diagnostic {
  const pos = { line: Math.max(0, error.line), character: Math.max(0, error.column) };
  return {
    range: { start: pos, end: { line: pos.line, character: pos.character + 1 } },
    severity: error.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: 'config',
    source: SOURCE,
    message: error.message,
  };
}

const COMPLETION_KIND = {
  section: CompletionItemKind.Snippet,
  subsection: CompletionItemKind.Snippet,
  key: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  term: CompletionItemKind.Keyword,
} as const;

export function toCompletionItem(entry: CompletionEntry, lines: LineIndex, snippetSupport: boolean): CompletionItem {
  const range = toRange(lines, entry.replace);
  const item: CompletionItem = {
    label: entry.label,
    kind: COMPLETION_KIND[entry.kind],
    sortText: entry.sortText,
    textEdit: { range, newText: snippetSupport ? entry.snippet : entry.text },
    insertTextFormat: snippetSupport ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
  };
  if (entry.detail) item.detail = entry.detail;
  if (entry.filterText) item.filterText = entry.filterText;
  if (entry.documentation) item.documentation = { kind: MarkupKind.Markdown, value: entry.documentation };
  return item;
}

export interface EditCapabilities {
  /** workspace.workspaceEdit.documentChanges */
  readonly documentChanges: boolean;
  /** workspace.workspaceEdit.snippetEditSupport (LSP 3.18) */
  readonly snippetEdits: boolean;
}

/** Insert-only engine edits -> a WorkspaceEdit; snippet edits only when allowed and there is exactly one. */
export function toWorkspaceEdit(edits: readonly EngineEdit[], lines: LineIndex, uri: string, version: number | null, caps: EditCapabilities): WorkspaceEdit {
  const useSnippet = caps.snippetEdits && caps.documentChanges && edits.length === 1 && edits[0]!.snippet !== undefined;
  if (useSnippet) {
    const e = edits[0]!;
    const at = toPosition(lines, e.offset);
    return {
      documentChanges: [{ textDocument: { uri, version }, edits: [{ range: { start: at, end: at }, snippet: { kind: 'snippet', value: e.snippet! } }] }],
    };
  }
  const textEdits: TextEdit[] = edits.map((e) => {
    const at = toPosition(lines, e.offset);
    return { range: { start: at, end: at }, newText: e.text };
  });
  return caps.documentChanges ? { documentChanges: [{ textDocument: { uri, version }, edits: textEdits }] } : { changes: { [uri]: textEdits } };
}

export function toCodeAction(entry: ActionEntry, lines: LineIndex, uri: string, version: number | null, caps: EditCapabilities, diagnostics: readonly Diagnostic[]): CodeAction {
  const action = CodeAction.create(entry.title, toWorkspaceEdit(entry.edits, lines, uri, version, caps), entry.kind);
  if (entry.isPreferred) action.isPreferred = true;
  if (diagnostics.length) action.diagnostics = [...diagnostics];
  return action;
}

export function toHover(result: HoverResult, lines: LineIndex): Hover {
  return { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: toRange(lines, result.span) };
}

export function toWireInsertion(ins: Insertion, lines: LineIndex): WireInsertion {
  return { position: toPosition(lines, ins.offset), text: ins.text, snippet: ins.snippet };
}

function toCoverageItem(entry: CoverageEntry, lines: LineIndex): CoverageItem {
  const item: CoverageItem = {
    id: entry.id,
    title: entry.title,
    status: entry.status,
    description: entry.description,
    guidance: entry.guidance,
    children: entry.children.map((c) => toCoverageItem(c, lines)),
  };
  if (entry.reason) item.reason = entry.reason;
  if (entry.span) item.range = toRange(lines, entry.span);
  if (entry.insert) item.insert = toWireInsertion(entry.insert, lines);
  return item;
}

export function toCoverageResult(summary: CoverageSummary, lines: LineIndex, uri: string, version: number | null): CoverageResult {
  return {
    uri,
    version,
    enabled: true,
    profile: summary.profile,
    score: summary.score,
    present: summary.present,
    total: summary.total,
    sections: summary.sections.map((s) => toCoverageItem(s, lines)),
    ...(summary.readiness ? { readiness: toReadinessSummary(summary.readiness, lines) } : {}),
    ...(summary.outlineOnly ? { outlineOnly: true } : {}),
  };
}

function toReadinessSummary(r: Readiness, lines: LineIndex): ReadinessSummary {
  return {
    score: r.score,
    max: r.max,
    groups: r.groups.map((g) => ({ id: g.id, title: g.title, score: g.score, max: g.max })),
    tests: r.tests.map((t) => ({
      id: t.id,
      group: t.group,
      title: t.title,
      description: t.description,
      score: t.score,
      evidence: t.evidence.map((e) => ({ text: e.keyword, range: toRange(lines, e.span) })),
    })),
  };
}

export function disabledCoverage(uri: string, version: number | null, profile: string): CoverageResult {
  return { uri, version, enabled: false, profile, score: 0, present: 0, total: 0, sections: [] };
}

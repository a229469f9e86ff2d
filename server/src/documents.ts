// Per-document state: the latest analysis per uri+version (shared by every feature), a ParseCache so that
// re-analysis reuses unchanged chunks (rolled after each analysis), and the diagnostics push.
// Scheduling: no fixed debounce. A change is analysed as soon as the server is idle: the analysis waits only
// until the JSON-RPC queue has no further change for the document (vscode-jsonrpc handles one message per
// event-loop turn, so we wait for one turn without a change). While an analysis runs, the edits that arrive
// queue up; they are then applied one per turn and analysed once, at the latest version. Work for a version
// that has been superseded is dropped. `debounceMs` > 0 adds a quiet period on top (for clients that want it).
import type { Diagnostic, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, analyzeOutline, createLineIndex, createParseCache, type Analysis } from './engine';
import type { LineIndex } from './engine/line-index';
import type { ConfigStore, Effective } from './configuration';
import { uriToPath } from './configuration';
import { toDiagnostic, toInfoDiagnostic } from './convert';
import { isMarkdown, matchesGlobs, mayOptIn } from './features/selection';
import { createHeapTrimmer, GC_BUDGET_MB, OPEN_GC_BUDGET_MB, TRIM_DOCUMENTS_FROM } from './heap-trim';

export type DocKind = 'design' | 'ignored' | 'too-large';

export interface DocResult {
  readonly uri: string;
  readonly version: number;
  readonly kind: DocKind;
  readonly generation: number;
  readonly diagnostics: readonly Diagnostic[];
  /** Present for design docs. */
  readonly analysis?: Analysis;
  readonly lines?: LineIndex;
  readonly effective: Effective;
  /** For a document above mldoc.maxFileSize: its cheap outline (analyzeOutline), computed on first use. */
  readonly outline?: () => { readonly analysis: Analysis; readonly lines: LineIndex };
}

interface DocState {
  cache: ReturnType<typeof createParseCache>;
  timer?: ReturnType<typeof setTimeout>;
  /** Changes seen, and how many of them the pending settle check has seen (see schedule). */
  changes: number;
  settled?: number;
  result?: DocResult;
  inflight?: { version: number; generation: number; promise: Promise<DocResult | undefined> };
  published?: { version: number; generation: number; count: number; kind: DocKind };
}

export interface AnalyzerDeps {
  readonly documents: TextDocuments<TextDocument>;
  readonly config: ConfigStore;
  readonly publish: (uri: string, version: number, diagnostics: Diagnostic[]) => void;
  readonly coverageChanged: (uri: string, version: number) => void;
  readonly log: (message: string) => void;
  readonly debounceMs: number;
}

export function createAnalyzer(deps: AnalyzerDeps) {
  const states = new Map<string, DocState>();
  let generation = 0;
  // MLDOC_GC_BUDGET_MB: how far the heap may grow between the collections of heap-trim.ts after an analysis
  // (0: never collect); while a large document is parsed, three times that (default OPEN_GC_BUDGET_MB).
  const envBudget = Number(process.env['MLDOC_GC_BUDGET_MB']);
  const fromEnv = Number.isFinite(envBudget) && process.env['MLDOC_GC_BUDGET_MB'] !== undefined && process.env['MLDOC_GC_BUDGET_MB'] !== '';
  const MB = 1024 * 1024;
  const trimmer = fromEnv ? createHeapTrimmer(envBudget * MB) : createHeapTrimmer(GC_BUDGET_MB * MB, undefined, OPEN_GC_BUDGET_MB * MB);
  let trimScheduled = false;

  const stateOf = (uri: string): DocState => {
    let st = states.get(uri);
    if (!st) {
      st = { cache: createParseCache(), changes: 0 };
      states.set(uri, st);
    }
    return st;
  };

  const compute = (doc: TextDocument, st: DocState, effective: Effective, gen: number): DocResult => {
    const base = { uri: doc.uri, version: doc.version, generation: gen, effective };
    if (!effective.enable || !isMarkdown(doc.languageId, doc.uri)) return { ...base, kind: 'ignored', diagnostics: [] };
    const text = doc.getText();
    const path = uriToPath(doc.uri);
    const included = path !== undefined && matchesGlobs(path, effective.roots, effective.include, effective.exclude);
    if (!included && !mayOptIn(text)) return { ...base, kind: 'ignored', diagnostics: [] };
    if (text.length > effective.maxFileSize) {
      const message = `This document has ${text.length} characters, more than mldoc.maxFileSize (${effective.maxFileSize}): it is not checked.`;
      return { ...base, kind: 'too-large', diagnostics: [toInfoDiagnostic(message, 'file-too-large')], outline: lazyOutline(text, effective) };
    }
    // Opening a large document parses all of it: the heap is trimmed along the way too (peak memory).
    const large = text.length >= TRIM_DOCUMENTS_FROM;
    const analysis = analyze(text, effective.engine, { cache: st.cache, ...(large ? { checkpoint: () => trimmer.duringLargeParse() } : {}) });
    st.cache.roll();
    if (!included && !analysis.optIn) return { ...base, kind: 'ignored', diagnostics: [] };
    const lines = createLineIndex(text);
    return { ...base, kind: 'design', analysis, lines, diagnostics: analysis.findings.map((f) => toDiagnostic(f, lines, doc.uri)) };
  };

  /** The result for the document's current version (analysing now if needed); undefined when it is not open. */
  const ensure = async (uri: string): Promise<DocResult | undefined> => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const doc = deps.documents.get(uri);
      if (!doc) return undefined;
      const st = stateOf(uri);
      const gen = generation;
      if (st.result && st.result.version === doc.version && st.result.generation === gen) return st.result;
      if (!st.inflight || st.inflight.version !== doc.version || st.inflight.generation !== gen) {
        const version = doc.version;
        const promise = deps.config.effectiveFor(uri).then((effective) => {
          const current = deps.documents.get(uri);
          if (!current || current.version !== version || generation !== gen || states.get(uri) !== st) return undefined;
          const result = compute(current, st, effective, gen);
          st.result = result;
          return result;
        });
        // A failure must not stick to this version: the next request tries again.
        promise.catch(() => {
          if (st.inflight?.promise === promise) st.inflight = undefined;
        });
        st.inflight = { version, generation: gen, promise };
      }
      const result = await st.inflight.promise;
      if (result) return result;
    }
    return undefined;
  };

  const run = async (uri: string): Promise<void> => {
    try {
      const result = await ensure(uri);
      const st = states.get(uri);
      const doc = deps.documents.get(uri);
      if (!result || !st || !doc || doc.version !== result.version) return; // superseded: a newer run is scheduled
      const p = st.published;
      if (p && p.version === result.version && p.generation === result.generation) return;
      const quiet = result.kind === 'ignored' && p?.kind === 'ignored' && p.count === 0;
      st.published = { version: result.version, generation: result.generation, count: result.diagnostics.length, kind: result.kind };
      if (!quiet) deps.publish(uri, result.version, [...result.diagnostics]);
      if (result.kind !== 'ignored' || (p && p.kind !== result.kind)) deps.coverageChanged(uri, result.version);
      if (result.analysis && result.analysis.text.length >= TRIM_DOCUMENTS_FROM && !trimScheduled) {
        // After the diagnostics have been written out.
        trimScheduled = true;
        setImmediate(() => {
          trimScheduled = false;
          trimmer.afterLargeAnalysis();
        });
      }
    } catch (e) {
      deps.log(`Analysis of ${uri} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  };

  /** Analyse once the document has stopped changing for one event-loop turn (two setImmediate hops: the first
   * lets the JSON-RPC queue apply its next message, the second checks whether that was a change). */
  const settle = (uri: string, st: DocState): void => {
    st.settled = st.changes;
    setImmediate(() =>
      setImmediate(() => {
        if (states.get(uri) !== st || st.settled === undefined) return;
        if (st.changes !== st.settled) return settle(uri, st);
        st.settled = undefined;
        void run(uri);
      }),
    );
  };

  const schedule = (uri: string, delay: number): void => {
    const st = stateOf(uri);
    st.changes++;
    if (delay > 0) {
      if (st.timer) clearTimeout(st.timer);
      st.timer = setTimeout(() => {
        st.timer = undefined;
        void run(uri);
      }, delay);
      return;
    }
    if (st.settled === undefined) settle(uri, st);
  };

  return {
    ensure,
    /** Opened (first content: analyse at once) or changed (analysed when the burst of changes is over). */
    changed: (uri: string) => schedule(uri, states.has(uri) ? deps.debounceMs : 0),
    closed(uri: string): void {
      const st = states.get(uri);
      if (st?.timer) clearTimeout(st.timer);
      states.delete(uri);
    },
    /** Settings or config files changed: re-analyse every open document. */
    async reanalyzeAll(): Promise<void> {
      generation++;
      const uris = deps.documents.all().map((d) => d.uri);
      await Promise.all(uris.map((u) => run(u)));
    },
  };
}

export type Analyzer = ReturnType<typeof createAnalyzer>;

/** A result with its analysis and line index when it is a checked design doc; undefined otherwise. */
export function checkedDesign(r: DocResult | undefined): (DocResult & { readonly analysis: Analysis; readonly lines: LineIndex }) | undefined {
  return r?.kind === 'design' && r.analysis && r.lines ? { ...r, analysis: r.analysis, lines: r.lines } : undefined;
}

/** Like checkedDesign, and for a document above mldoc.maxFileSize its cheap outline (for hovers and coverage). */
export function designOrOutline(r: DocResult | undefined): (DocResult & { readonly analysis: Analysis; readonly lines: LineIndex }) | undefined {
  return r?.kind === 'too-large' && r.outline ? { ...r, ...r.outline() } : checkedDesign(r);
}

/** The outline of an oversized document, computed once, when a request first needs it (not per keystroke). */
function lazyOutline(text: string, effective: Effective): NonNullable<DocResult['outline']> {
  let done: { analysis: Analysis; lines: LineIndex } | undefined;
  return () => (done ??= { analysis: analyzeOutline(text, effective.engine), lines: createLineIndex(text) });
}

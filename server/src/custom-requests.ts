// The custom methods of protocol.ts (coverage tree, missing sections, report, template): each one gets the
// current analysis, calls a feature and converts. Names and shapes are the client's contract.
import { basename } from 'node:path';
import type { Connection } from 'vscode-languageserver';
import { uriToPath } from './configuration';
import { disabledCoverage, toCoverageResult, toWireInsertion } from './convert';
import { checkedDesign, designOrOutline, type Analyzer } from './documents';
import { computeCoverageSummary, renderReport } from './features/coverage';
import { missingSectionInsertions } from './features/insertions';
import { renderNewDocument } from './features/template';
import * as P from './protocol';
import type { Guard } from './guard';

export function registerCustomRequests(connection: Connection, analyzer: Analyzer, safe: Guard): void {
  const designDoc = async (uri: string) => checkedDesign(await analyzer.ensure(uri));
  connection.onRequest(
    P.CoverageRequestMethod,
    safe('coverage', null, async (p: P.CoverageParams): Promise<P.CoverageResult | null> => {
      const r = await analyzer.ensure(p.uri);
      const d = designOrOutline(r);
      if (d?.kind === 'design') return toCoverageResult(computeCoverageSummary(d.analysis), d.lines, p.uri, d.version);
      if (d) {
        // Too large to check: the cheap outline, marked as such (the client says so).
        const note = `${d.diagnostics[0]?.message ?? 'This document is too large to check.'} Outline only: sections are recognised by their headings; their content is not checked.`;
        return { ...toCoverageResult(computeCoverageSummary(d.analysis), d.lines, p.uri, d.version), outlineOnly: true, note };
      }
      return disabledCoverage(p.uri, r?.version ?? null, r?.effective.engine.profile ?? 'lifecycle');
    }),
  );
  connection.onRequest(
    P.MissingSectionsRequestMethod,
    safe('missingSections', null, async (p: P.CoverageParams): Promise<P.MissingSectionsResult> => {
      const d = await designDoc(p.uri);
      return { uri: p.uri, insertions: d ? missingSectionInsertions(d.analysis).map((i) => toWireInsertion(i, d.lines)) : [] };
    }),
  );
  connection.onRequest(
    P.ReportRequestMethod,
    safe('report', { markdown: '' }, async (p: P.CoverageParams): Promise<P.ReportResult> => {
      const r = await analyzer.ensure(p.uri);
      const d = checkedDesign(r);
      const name = basename(uriToPath(p.uri) ?? decodeURIComponent(p.uri));
      if (r?.kind === 'too-large') return { markdown: `_${name} is not checked: ${r.diagnostics[0]?.message ?? 'it is larger than mldoc.maxFileSize.'}_\n` };
      if (!d) return { markdown: `_${name} is not checked as an ML design doc (it does not match mldoc.include and does not opt in)._\n` };
      return { markdown: renderReport(d.analysis, name, (o) => d.lines.lineOf(o)) };
    }),
  );
  connection.onRequest(
    P.TemplateRequestMethod,
    safe('template', { text: '' }, (p: P.TemplateParams | undefined): P.TemplateResult => ({ text: renderNewDocument(typeof p?.profile === 'string' ? p.profile : undefined) })),
  );
}

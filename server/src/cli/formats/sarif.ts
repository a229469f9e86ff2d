// SARIF 2.1.0 for GitHub code scanning (and any SARIF viewer). One run; the driver lists every rule (engine
// rules and the CLI's own) so that results can refer to them by ruleIndex. Artifact URIs are relative to the
// working directory under %SRCROOT%; files outside it get an absolute file: URI.
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Severity, SeveritySetting } from '../../engine/types';
import { allRules, INFORMATION_URI, RULE_DOCS_BASE, toPosix, type FileResult } from '../results';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

function defaultLevel(s: SeveritySetting): 'error' | 'warning' | 'note' | 'none' {
  return s === 'off' ? 'none' : LEVEL[s];
}

/** A relative URI reference for a path under `cwd` (each segment percent-encoded), or undefined outside it. */
export function relativeUri(cwd: string, abs: string): string | undefined {
  const rel = toPosix(relative(cwd, abs));
  if (rel === '' || rel.startsWith('../') || rel === '..' || /^[a-zA-Z]:/.test(rel) || rel.startsWith('/')) return undefined;
  return rel.split('/').map(encodeURIComponent).join('/');
}

export function formatSarif(results: readonly FileResult[], opts: { cwd: string; version: string }): string {
  const rules = allRules();
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const srcRoot = pathToFileURL(opts.cwd.endsWith('/') ? opts.cwd : opts.cwd + '/').href;
  const sarifResults = [];
  for (const r of results) {
    const rel = relativeUri(opts.cwd, r.abs);
    const artifactLocation = rel !== undefined ? { uri: rel, uriBaseId: '%SRCROOT%' } : { uri: pathToFileURL(r.abs).href };
    for (const f of r.findings) {
      const ruleIndex = index.get(f.ruleId);
      sarifResults.push({
        ruleId: f.ruleId,
        ...(ruleIndex !== undefined ? { ruleIndex } : {}),
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation,
              region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
            },
          },
        ],
        ...(f.related.length
          ? {
              relatedLocations: f.related.map((x, i) => ({
                id: i + 1,
                physicalLocation: { artifactLocation, region: { startLine: x.line, startColumn: x.column } },
                message: { text: x.message },
              })),
            }
          : {}),
      });
    }
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'mldoc',
            version: opts.version,
            semanticVersion: opts.version,
            informationUri: INFORMATION_URI,
            rules: rules.map((r) => ({
              id: r.id,
              name: pascalCase(r.id),
              shortDescription: { text: r.description },
              fullDescription: { text: r.description },
              helpUri: `${RULE_DOCS_BASE}${r.id}.md`,
              help: { text: `${r.description} See ${RULE_DOCS_BASE}${r.id}.md` },
              defaultConfiguration: { level: defaultLevel(r.defaultSeverity), ...(r.defaultSeverity === 'off' ? { enabled: false } : {}) },
              properties: { tags: [...r.tags] },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: srcRoot } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function pascalCase(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_m, _d: string, c: string) => c.toUpperCase());
}

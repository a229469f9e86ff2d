// mldoc check: findings in text, json, sarif or github format; exit 0 / 1 / 2.
import type { Options } from '../args';
import { ANSI, NO_PAINT, useColor } from '../color';
import { loadDocuments } from '../documents';
import { formatGithub } from '../formats/github';
import { formatJson } from '../formats/json';
import { formatSarif } from '../formats/sarif';
import { formatText } from '../formats/text';
import { EXIT, type CliIo, type ExitCode } from '../io';
import { countFindings, tooLargeResult, type CliFinding, type FileResult } from '../results';

export async function runCheck(opts: Options, io: CliIo, version: string): Promise<ExitCode> {
  const { documents, failed } = await loadDocuments(opts, io);
  let results: FileResult[] = documents.map(({ target, config, outcome: o }) =>
    o.kind === 'analysed' ? o.result : tooLargeResult(target.display, target.abs, o.size, o.unit, config.maxFileSize),
  );
  // Hints are editor-only, as in VS Code (dots under the text, not in the Problems panel): a rule set to
  // `hint` is not reported here; set it to `info` to see it on the command line.
  const keep = opts.quiet ? (f: CliFinding) => f.severity === 'error' : (f: CliFinding) => f.severity !== 'hint';
  results = results.map((r) => ({ ...r, findings: r.findings.filter(keep) }));
  if (documents.length || !failed) {
    const paint = opts.format === 'text' && useColor(opts.color, io) ? ANSI : NO_PAINT;
    io.out(
      opts.format === 'json'
        ? formatJson(results)
        : opts.format === 'sarif'
          ? formatSarif(results, { cwd: io.cwd, version })
          : opts.format === 'github'
            ? formatGithub(results, io.cwd)
            : formatText(results, paint),
    );
  }
  const counts = countFindings(results);
  let code: ExitCode = counts.errors > 0 ? EXIT.findings : EXIT.ok;
  if (opts.maxWarnings !== undefined && counts.warnings > opts.maxWarnings) {
    io.err(`mldoc: too many warnings (${counts.warnings}; maximum: ${opts.maxWarnings})\n`);
    code = EXIT.findings;
  }
  if (belowMinScore(results, opts, io)) code = EXIT.findings;
  return failed ? EXIT.usage : code;
}

/** Reports each document whose coverage score is below --min-score; true when there is one. */
export function belowMinScore(results: readonly { display: string; score?: number }[], opts: Options, io: CliIo): boolean {
  if (opts.minScore === undefined) return false;
  let below = false;
  for (const r of results) {
    if (r.score !== undefined && r.score < opts.minScore) {
      io.err(`mldoc: ${r.display}: coverage score ${r.score} is below --min-score ${opts.minScore}\n`);
      below = true;
    }
  }
  return below;
}

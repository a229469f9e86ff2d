// mldoc coverage: lifecycle sections x status per document, as a table or as JSON for tools.
import type { Options } from '../args';
import { ANSI, NO_PAINT, useColor } from '../color';
import { loadDocuments } from '../documents';
import { formatCoverageJson, formatCoverageText, toCoverageFile } from '../formats/coverage';
import { EXIT, type CliIo, type ExitCode } from '../io';
import { belowMinScore } from './check';

export function runCoverage(opts: Options, io: CliIo): ExitCode {
  const { documents, failed } = loadDocuments(opts, io);
  const files = [];
  for (const d of documents) {
    if (d.kind === 'analysis') files.push(toCoverageFile(d.target.display, d.analysis));
    else io.err(`mldoc: ${d.target.display}: not analysed: ${d.size} ${d.unit}, more than maxFileSize (${d.config.maxFileSize} characters)\n`);
  }
  if (documents.length || !failed) {
    const paint = opts.format === 'text' && useColor(opts.color, io) ? ANSI : NO_PAINT;
    io.out(opts.format === 'json' ? formatCoverageJson(files) : formatCoverageText(files, paint));
  }
  const low = belowMinScore(files.map((f) => ({ display: f.file, score: f.score })), opts, io);
  return failed ? EXIT.usage : low ? EXIT.findings : EXIT.ok;
}

// mldoc coverage: lifecycle sections x status per document, as a table or as JSON for tools.
import type { Options } from '../args';
import { ANSI, NO_PAINT, useColor } from '../color';
import { loadDocuments } from '../documents';
import { wanted } from '../job';
import { formatCoverageJson, formatCoverageText } from '../formats/coverage';
import { EXIT, type CliIo, type ExitCode } from '../io';
import { belowMinScore } from './check';

export async function runCoverage(opts: Options, io: CliIo): Promise<ExitCode> {
  const { documents, failed } = await loadDocuments(opts, io);
  const files = [];
  for (const { target, config, outcome: o } of documents) {
    if (o.kind === 'analysed') files.push(wanted(o.coverage, 'coverage'));
    else if (o.outline) {
      io.err(`mldoc: ${target.display}: outline only: ${o.size} ${o.unit}, more than maxFileSize (${config.maxFileSize} characters); sections are recognised by their headings, their content is not checked\n`);
      files.push(o.outline);
    } else io.err(`mldoc: ${target.display}: not analysed: ${o.size} ${o.unit}, more than maxFileSize (${config.maxFileSize} characters)\n`);
  }
  if (documents.length || !failed) {
    const paint = opts.format === 'text' && useColor(opts.color, io) ? ANSI : NO_PAINT;
    io.out(opts.format === 'json' ? formatCoverageJson(files) : formatCoverageText(files, paint));
  }
  const low = belowMinScore(files.map((f) => ({ display: f.file, score: f.score })), opts, io);
  return failed ? EXIT.usage : low ? EXIT.findings : EXIT.ok;
}

// mldoc score: the design-time readiness score of each document (ML Test Score: 28 tests, four groups of
// seven; the lowest group is the score), with the evidence for each planned test. Exit 1 when a document's
// readiness is below --min-score (0-7).
import type { Options } from '../args';
import { ANSI, NO_PAINT, useColor } from '../color';
import { loadDocuments } from '../documents';
import { wanted } from '../job';
import { formatScoreJson, formatScoreText, type ScoreFile } from '../formats/score';
import { EXIT, type CliIo, type ExitCode } from '../io';

export async function runScore(opts: Options, io: CliIo): Promise<ExitCode> {
  const { documents, failed } = await loadDocuments(opts, io);
  const files: ScoreFile[] = [];
  for (const { target, config, outcome: o } of documents) {
    if (o.kind === 'analysed') files.push(wanted(o.readiness, 'readiness'));
    else io.err(`mldoc: ${target.display}: not analysed: ${o.size} ${o.unit}, more than maxFileSize (${config.maxFileSize} characters)\n`);
  }
  if (documents.length || !failed) {
    const paint = opts.format === 'text' && useColor(opts.color, io) ? ANSI : NO_PAINT;
    io.out(opts.format === 'json' ? formatScoreJson(files) : formatScoreText(files, paint));
  }
  let low = false;
  if (opts.minScore !== undefined) {
    for (const f of files) {
      if (f.score < opts.minScore) {
        io.err(`mldoc: ${f.file}: readiness score ${f.score} is below --min-score ${opts.minScore}\n`);
        low = true;
      }
    }
  }
  return failed ? EXIT.usage : low ? EXIT.findings : EXIT.ok;
}

// mldoc: dispatch. Every failure ends as a one-line message and an exit code; never a stack trace
// (set MLDOC_DEBUG=1 to see one for an internal error).
import { version } from '../../../package.json';
import { parseArgs } from './args';
import { runCheck } from './commands/check';
import { runCoverage } from './commands/coverage';
import { runInit } from './commands/init';
import { runScore } from './commands/score';
import { COMMAND_HELP, MAIN_HELP } from './help';
import { EXIT, UsageError, type CliIo, type ExitCode } from './io';

export const VERSION: string = version;

export async function run(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  try {
    const opts = parseArgs(argv);
    if (opts.command === 'version') {
      io.out(`${VERSION}\n`);
      return EXIT.ok;
    }
    if (opts.command === 'help') {
      const topic = opts.topic;
      if (topic !== undefined && COMMAND_HELP[topic] === undefined) throw new UsageError(`No help for '${topic}'. Commands: check, coverage, score, init`);
      io.out(topic ? COMMAND_HELP[topic]! : MAIN_HELP);
      return EXIT.ok;
    }
    if (opts.help) {
      io.out(COMMAND_HELP[opts.command]!);
      return EXIT.ok;
    }
    if (opts.command === 'check') return await runCheck(opts, io, VERSION);
    if (opts.command === 'coverage') return await runCoverage(opts, io);
    if (opts.command === 'score') return await runScore(opts, io);
    return runInit(opts, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`mldoc: ${e.message}\n`);
      return EXIT.usage;
    }
    io.err(`mldoc: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    if (io.env['MLDOC_DEBUG'] && e instanceof Error && e.stack) io.err(e.stack + '\n');
    return EXIT.usage;
  }
}

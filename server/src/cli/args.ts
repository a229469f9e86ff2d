// argv -> options, per command. Unknown options and bad values are usage errors (exit 2), reported in words.
import { UsageError } from './io';

export type Command = 'check' | 'coverage' | 'score' | 'init' | 'help' | 'version';
export const FORMATS = { check: ['text', 'json', 'sarif', 'github'], coverage: ['text', 'json'], score: ['text', 'json'], init: [] } as const;

export interface Options {
  command: Command;
  /** For `help`: the command asked about. */
  topic?: string;
  paths: string[];
  format: string;
  profile?: string;
  config?: string;
  quiet: boolean;
  maxWarnings?: number;
  minScore?: number;
  color?: boolean;
  help: boolean;
}

interface OptionSpec {
  readonly name: string;
  readonly alias?: string;
  readonly value?: 'string' | 'number';
  readonly commands: readonly Command[];
}

const OPTIONS: readonly OptionSpec[] = [
  { name: 'format', alias: 'f', value: 'string', commands: ['check', 'coverage', 'score'] },
  { name: 'profile', alias: 'p', value: 'string', commands: ['check', 'coverage', 'score', 'init'] },
  { name: 'config', alias: 'c', value: 'string', commands: ['check', 'coverage', 'score', 'init'] },
  { name: 'quiet', alias: 'q', commands: ['check'] },
  { name: 'max-warnings', value: 'number', commands: ['check'] },
  { name: 'min-score', value: 'number', commands: ['check', 'coverage', 'score'] },
  { name: 'color', commands: ['check', 'coverage', 'score', 'init'] },
  { name: 'no-color', commands: ['check', 'coverage', 'score', 'init'] },
  { name: 'help', alias: 'h', commands: ['check', 'coverage', 'score', 'init'] },
];

const COMMANDS: readonly Command[] = ['check', 'coverage', 'score', 'init'];

export function parseArgs(argv: readonly string[]): Options {
  const first = argv[0];
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    return base('help', { topic: first === 'help' ? argv[1] : undefined });
  }
  if (first === '--version' || first === '-v' || first === 'version') return base('version');
  if (!(COMMANDS as readonly string[]).includes(first)) {
    throw new UsageError(first.startsWith('-') ? `Unknown option '${first}' (expected a command first: check, coverage, score or init)` : `Unknown command '${first}'. Commands: check, coverage, score, init (see mldoc --help)`);
  }
  const command = first as Command;
  const opts = base(command);
  opts.format = 'text';
  let onlyPaths = false;
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    if (onlyPaths || arg === '-' || !arg.startsWith('-')) {
      opts.paths.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPaths = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const raw = arg.startsWith('--') ? arg.slice(2, eq > 0 ? eq : undefined) : arg.slice(1, eq > 0 ? eq : undefined);
    const spec = OPTIONS.find((o) => (arg.startsWith('--') ? o.name === raw : o.alias === raw));
    if (!spec || !spec.commands.includes(command)) {
      throw new UsageError(`Unknown option '${arg.slice(0, eq > 0 ? eq : undefined)}' for 'mldoc ${command}' (see mldoc ${command} --help)`);
    }
    let value: string | undefined;
    if (spec.value) {
      value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '') throw new UsageError(`Option --${spec.name} needs a value`);
    } else if (eq > 0) throw new UsageError(`Option --${spec.name} takes no value`);
    apply(opts, spec.name, value, command);
  }
  return opts;
}

function base(command: Command, extra: Partial<Options> = {}): Options {
  return { command, paths: [], format: 'text', quiet: false, help: false, ...extra };
}

function apply(opts: Options, name: string, value: string | undefined, command: Command): void {
  switch (name) {
    case 'format': {
      const allowed: readonly string[] = FORMATS[command as 'check' | 'coverage' | 'score'];
      if (!allowed.includes(value!)) throw new UsageError(`Unknown format '${value}' for 'mldoc ${command}'. Formats: ${allowed.join(', ')}`);
      opts.format = value!;
      return;
    }
    case 'profile':
      opts.profile = value;
      return;
    case 'config':
      opts.config = value;
      return;
    case 'quiet':
      opts.quiet = true;
      return;
    case 'max-warnings':
      opts.maxWarnings = count(name, value!);
      return;
    case 'min-score': {
      const n = count(name, value!);
      if (n > 100) throw new UsageError(`--min-score must be between 0 and 100, not ${value}`);
      if (command === 'score' && n > 7) throw new UsageError(`--min-score for 'mldoc score' must be between 0 and 7 (the readiness score), not ${value}`);
      opts.minScore = n;
      return;
    }
    case 'color':
      opts.color = true;
      return;
    case 'no-color':
      opts.color = false;
      return;
    case 'help':
      opts.help = true;
      return;
  }
}

function count(name: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} must be a whole number of 0 or more, not '${value}'`);
  return Number(value);
}

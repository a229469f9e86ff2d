// mldoc's argument parsing, in-process (the process-level behaviour is in cli.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArgs } from '../../server/src/cli/args';
import { UsageError } from '../../server/src/cli/io';

test('options with values as separate words or after =, aliases, paths in order, -- ends options', () => {
  const o = parseArgs(['check', 'a.md', '--format=sarif', '-p', 'lifecycle', '--max-warnings', '3', '--min-score=40', '-q', '--no-color', '--', '--odd-name.md']);
  assert.deepEqual(o, { command: 'check', paths: ['a.md', '--odd-name.md'], format: 'sarif', quiet: true, help: false, profile: 'lifecycle', maxWarnings: 3, minScore: 40, color: false });
  assert.equal(parseArgs(['coverage', '-f', 'json', 'x']).format, 'json');
  assert.equal(parseArgs(['init']).command, 'init');
  assert.equal(parseArgs(['--version']).command, 'version');
  assert.deepEqual(parseArgs(['help', 'check']), { command: 'help', topic: 'check', paths: [], format: 'text', quiet: false, help: false });
});

test('usage errors name the problem', () => {
  const bad: [string[], RegExp][] = [
    [['lint'], /Unknown command 'lint'/],
    [['--frob'], /Unknown option '--frob'/],
    [['check', '--format', 'xml'], /Unknown format 'xml' for 'mldoc check'. Formats: text, json, sarif, github/],
    [['coverage', '--format', 'github'], /Formats: text, json$/],
    [['check', '--format'], /--format needs a value/],
    [['check', '--quiet=yes'], /--quiet takes no value/],
    [['coverage', '--quiet'], /Unknown option '--quiet' for 'mldoc coverage'/],
    [['check', '--max-warnings', '-1'], /--max-warnings must be a whole number/],
    [['check', '--min-score', '150'], /between 0 and 100/],
  ];
  for (const [args, message] of bad) assert.throws(() => parseArgs(args), (e: unknown) => e instanceof UsageError && message.test(e.message), args.join(' '));
});

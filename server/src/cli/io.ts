// What the CLI needs from the outside world, injected so that commands are testable in-process.
export interface CliIo {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
  /** The CLI's own script, which worker threads start. */
  readonly script: string;
  out(text: string): void;
  err(text: string): void;
}

export function processIo(): CliIo {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    script: __filename,
    out: (t) => void process.stdout.write(t),
    err: (t) => void process.stderr.write(t),
  };
}

/** Exit codes, as ESLint uses them. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A problem that stops the command with exit code 2 and a one-line message (never a stack trace). */
export class UsageError extends Error {}

// Running the built CLI (dist/cli.js) as a process, in a scratch folder or in the repository.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { tempDir } from '../temp-dir';

export const ROOT = resolve(__dirname, '../../..');
export const CLI = join(ROOT, 'dist', 'cli.js');

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function mldoc(args: readonly string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Run {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...opts.env };
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: opts.cwd ?? ROOT, env: env as NodeJS.ProcessEnv, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A scratch folder with the given files (string contents, or raw bytes); removed when the tests end. */
export function scratch(files: Record<string, string | Uint8Array>): string {
  const dir = tempDir('mldoc-cli-');
  for (const [name, content] of Object.entries(files)) {
    const p = join(dir, name);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
  return dir;
}

export const COMPLETE_DOC = `# Demand forecasting design

## Problem Definition and Scope
Stores run out of fresh produce on weekends. We forecast daily demand per store and product so that orders
match sales; success is ten percent less waste with no more stock-outs than today.

## Data Management
Three years of point-of-sale data per store and product, joined with promotions, holidays and weather. We
check completeness daily and fill gaps from the previous week with a flag.

## Model Selection and Training
A gradient-boosted model per product family, compared against last year's sales as a naive baseline, trained
on a rolling time split and evaluated by weighted absolute percentage error.

## Deployment
A nightly batch job writes forecasts to the ordering system before the order cut-off at five in the morning.

## Monitoring and Maintenance
We track forecast error per store each week, alert when it doubles, and retrain every month on fresh data.

## Security and Privacy
Sales data holds no personal data; access to the warehouse is limited to the forecasting team and audited.

## Collaboration and Documentation
The forecasting team owns the model and the supply team owns the orders; decisions are written in this doc.

## Ethics and Bias
Small rural stores must not get systematically worse forecasts: we compare the error across store sizes.
`;

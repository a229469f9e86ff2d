// ANSI colours, only on a terminal, never with NO_COLOR (https://no-color.org) or --no-color.
import type { CliIo } from './io';

export interface Paint {
  red(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\x1b[${open}m${s}\x1b[${close}m`;
const identity = (s: string) => s;

export const NO_PAINT: Paint = { red: identity, yellow: identity, blue: identity, green: identity, dim: identity, bold: identity };
export const ANSI: Paint = { red: wrap(31, 39), yellow: wrap(33, 39), blue: wrap(34, 39), green: wrap(32, 39), dim: wrap(2, 22), bold: wrap(1, 22) };

export function useColor(flag: boolean | undefined, io: CliIo): boolean {
  if (flag !== undefined) return flag;
  if (io.env['NO_COLOR']) return false;
  if (io.env['FORCE_COLOR'] && io.env['FORCE_COLOR'] !== '0') return true;
  return io.stdoutIsTTY && io.env['TERM'] !== 'dumb';
}

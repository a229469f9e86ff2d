// A tiny syntax tree with positions, produced by both the JSON and the YAML reader, so that validation
// (parse.ts) is written once and can point at the line of the offending key or value.

export interface Pos {
  readonly line: number;
  readonly column: number;
}

export type ConfigNode =
  | { readonly kind: 'object'; readonly pos: Pos; readonly entries: readonly ConfigEntry[] }
  | { readonly kind: 'array'; readonly pos: Pos; readonly items: readonly ConfigNode[] }
  | { readonly kind: 'scalar'; readonly pos: Pos; readonly value: string | number | boolean | null };

export interface ConfigEntry {
  readonly key: string;
  readonly keyPos: Pos;
  readonly value: ConfigNode;
}

export interface SyntaxProblem {
  readonly message: string;
  readonly pos: Pos;
}

export interface TreeResult {
  /** The document's root, or undefined when nothing could be read. */
  readonly root?: ConfigNode;
  readonly problems: readonly SyntaxProblem[];
}

/** Offset -> 0-based line and column. */
export function createPositioner(text: string): (offset: number) => Pos {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return (offset) => {
    const o = Math.max(0, Math.min(text.length, offset));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, column: o - starts[lo]! };
  };
}

export function describe(node: ConfigNode): string {
  if (node.kind !== 'scalar') return node.kind === 'object' ? 'an object' : 'a list';
  const v = node.value;
  if (v === null) return 'null';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
  return `${typeof v === 'number' ? 'the number' : 'the boolean'} ${String(v)}`;
}

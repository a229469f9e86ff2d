// YAML -> ConfigNode, with the `yaml` package's own error positions. Anchors and aliases are resolved by
// following the alias once; tags and custom types are not supported (plain data only).
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { createPositioner, type ConfigEntry, type ConfigNode, type Pos, type SyntaxProblem, type TreeResult } from './tree';

const MAX_DEPTH = 64;
/** Aliases can expand exponentially ("billion laughs"); a config never needs this many values. */
const MAX_NODES = 10_000;

export function readYamlTree(text: string): TreeResult {
  const posAt = createPositioner(text);
  const problems: SyntaxProblem[] = [];
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false, strict: true });
  } catch (e) {
    return { problems: [{ message: `Invalid YAML: ${e instanceof Error ? e.message : String(e)}`, pos: { line: 0, column: 0 } }] };
  }
  for (const err of doc.errors) problems.push({ message: `Invalid YAML: ${firstLine(err.message)}`, pos: posAt(err.pos[0]) });
  if (problems.length) return { problems };

  let count = 0;
  const convert = (node: unknown, depth: number, fallback: Pos): ConfigNode => {
    const pos = posOf(node, fallback);
    if (depth > MAX_DEPTH || ++count > MAX_NODES) throw new Error('The configuration is nested too deeply or expands to too many values');
    if (isAlias(node)) return convert(node.resolve(doc), depth + 1, pos);
    if (isMap(node)) {
      const entries: ConfigEntry[] = [];
      for (const item of node.items) {
        if (!isPair(item)) continue;
        const keyPos = posOf(item.key, pos);
        const key = isScalar(item.key) ? String(item.key.value) : item.key === null ? '' : String(item.key);
        entries.push({ key, keyPos, value: convert(item.value, depth + 1, keyPos) });
      }
      return { kind: 'object', pos, entries };
    }
    if (isSeq(node)) return { kind: 'array', pos, items: node.items.map((x) => convert(x, depth + 1, pos)) };
    if (isScalar(node)) {
      const v = node.value;
      const value = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null ? v : String(v);
      return { kind: 'scalar', pos, value };
    }
    return { kind: 'scalar', pos, value: null };
  };

  const posOf = (node: unknown, fallback: Pos): Pos => {
    const range = (node as YamlNode | null)?.range;
    return range ? posAt(range[0]) : fallback;
  };

  if (doc.contents === null) return { problems };
  try {
    return { root: convert(doc.contents, 0, { line: 0, column: 0 }), problems };
  } catch (e) {
    return { problems: [{ message: `Invalid YAML: ${e instanceof Error ? e.message : String(e)}`, pos: { line: 0, column: 0 } }] };
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

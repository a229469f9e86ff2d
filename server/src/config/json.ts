// JSON with comments (JSONC) -> ConfigNode. Tolerates // and /* */ comments and trailing commas, as VS Code's
// own settings files do. Stops at the first syntax error and reports where it is.
import { createPositioner, type ConfigEntry, type ConfigNode, type Pos, type TreeResult } from './tree';

const MAX_DEPTH = 64;

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

export function readJsonTree(text: string): TreeResult {
  const posAt = createPositioner(text);
  let i = 0;

  const fail = (message: string, at = i): never => {
    throw new JsonSyntaxError(message, at);
  };
  const found = (): string => (i >= text.length ? 'the end of the file' : `'${text[i]}'`);

  const skip = (): void => {
    for (;;) {
      const c = text[i];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\uFEFF') i++;
      else if (c === '/' && text[i + 1] === '/') {
        while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
      } else if (c === '/' && text[i + 1] === '*') {
        const end = text.indexOf('*/', i + 2);
        if (end < 0) fail('Unterminated /* comment');
        i = end + 2;
      } else return;
    }
  };

  const readString = (): string => {
    const start = i;
    i++; // opening quote
    let out = '';
    for (;;) {
      if (i >= text.length) fail('Unterminated string', start);
      const c = text[i]!;
      if (c === '"') {
        i++;
        return out;
      }
      if (c === '\n' || c === '\r') fail('Unterminated string (strings cannot span lines)', start);
      if (c === '\\') {
        const e = text[i + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e !== undefined && simple[e] !== undefined) {
          out += simple[e];
          i += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else fail('Invalid escape sequence in string');
      } else {
        out += c;
        i++;
      }
    }
  };

  const readValue = (depth: number): ConfigNode => {
    skip();
    const pos: Pos = posAt(i);
    const c = text[i];
    if (depth > MAX_DEPTH) fail('Nesting too deep');
    if (c === '{') {
      i++;
      const entries: ConfigEntry[] = [];
      for (;;) {
        skip();
        if (text[i] === '}') {
          i++;
          return { kind: 'object', pos, entries };
        }
        if (text[i] !== '"') fail(`Expected a property name in double quotes or '}', found ${found()}`);
        const keyPos = posAt(i);
        const key = readString();
        skip();
        if (text[i] !== ':') fail(`Expected ':' after the property name, found ${found()}`);
        i++;
        entries.push({ key, keyPos, value: readValue(depth + 1) });
        skip();
        if (text[i] === ',') i++;
        else if (text[i] !== '}') fail(`Expected ',' or '}' after a property value, found ${found()}`);
      }
    }
    if (c === '[') {
      i++;
      const items: ConfigNode[] = [];
      for (;;) {
        skip();
        if (text[i] === ']') {
          i++;
          return { kind: 'array', pos, items };
        }
        items.push(readValue(depth + 1));
        skip();
        if (text[i] === ',') i++;
        else if (text[i] !== ']') fail(`Expected ',' or ']' after a list item, found ${found()}`);
      }
    }
    if (c === '"') return { kind: 'scalar', pos, value: readString() };
    const num = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 64));
    if (num && (c === '-' || (c !== undefined && c >= '0' && c <= '9'))) {
      i += num[0].length;
      return { kind: 'scalar', pos, value: Number(num[0]) };
    }
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return { kind: 'scalar', pos, value };
      }
    }
    if (c === "'") return fail('Strings must use double quotes in JSON');
    return fail(`Expected a value, found ${found()}`);
  };

  try {
    skip();
    if (i >= text.length) return { problems: [] };
    const root = readValue(0);
    skip();
    if (i < text.length) fail(`Unexpected ${found()} after the end of the configuration object`);
    return { root, problems: [] };
  } catch (e) {
    if (e instanceof JsonSyntaxError) return { problems: [{ message: `Invalid JSON: ${e.message}`, pos: posAt(e.offset) }] };
    // RangeError from a pathological input: still never throw.
    return { problems: [{ message: `Invalid JSON: ${e instanceof Error ? e.message : String(e)}`, pos: posAt(i) }] };
  }
}

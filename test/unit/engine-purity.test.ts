// Architecture invariant: the engine is a pure function of its input. Nothing under server/src/engine may import
// the editor, the protocol, Node's built-ins or anything outside the engine, nor read a clock, the process or
// other global state. This test reads the sources (comments and strings removed) and fails on any of them.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';

const ENGINE = join(process.cwd(), 'server', 'src', 'engine');
const FORBIDDEN_MODULE = /^(?:vscode(?:-.*)?|node:.*|fs|fs\/promises|path|child_process|os|http|https|net|url|util|worker_threads|crypto|perf_hooks|process|timers)$/;
const FORBIDDEN_GLOBAL = /\b(?:Date|performance|process|globalThis|window|setTimeout|setInterval|setImmediate|queueMicrotask|require)\b|\bMath\.random\b|\bcrypto\.|\bfetch\s*\(/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : /\.[cm]?[jt]s$/.test(name) ? [p] : [];
  });
}

/** Code with comments, string contents and regex literals blanked out, offset for offset (strings keep their
 * quotes, so that import specifiers can still be read from the original at the same position). */
export function stripNonCode(src: string): string {
  let out = '';
  let i = 0;
  let lastSignificant = '';
  while (i < src.length) {
    const c = src[i]!;
    const next = src[i + 1];
    if (c === '/' && next === '/') {
      while (i < src.length && src[i] !== '\n') {
        out += ' ';
        i++;
      }
      continue;
    }
    if (c === '/' && next === '*') {
      const end = src.indexOf('*/', i + 2);
      const stop = end < 0 ? src.length : end + 2;
      out += src.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      while (j < src.length && src[j] !== c) j += src[j] === '\\' ? 2 : 1;
      out += c + ' '.repeat(Math.max(0, Math.min(j, src.length) - i - 1)) + c;
      i = j + 1;
      lastSignificant = c;
      continue;
    }
    if (c === '/' && (lastSignificant === '' || /[(,=:[!&|?{};+\-*%<>~^]/.test(lastSignificant) || /\breturn\s*$/.test(out))) {
      let j = i + 1;
      let inClass = false;
      while (j < src.length && src[j] !== '\n' && (inClass || src[j] !== '/')) {
        if (src[j] === '\\') j++;
        else if (src[j] === '[') inClass = true;
        else if (src[j] === ']') inClass = false;
        j++;
      }
      while (j + 1 < src.length && /[a-z]/.test(src[j + 1]!)) j++;
      out += ' '.repeat(j - i + 1);
      i = j + 1;
      lastSignificant = '/';
      continue;
    }
    out += c;
    if (!/\s/.test(c)) lastSignificant = c;
    i++;
  }
  return out;
}

function importsOf(src: string): string[] {
  const code = stripNonCode(src);
  const out: string[] = [];
  const re = /\b(?:from|import)\s*\(?\s*(['"])|\brequire\s*\(\s*(['"])/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(code)) !== null) {
    const quoteAt = m.index + m[0].length - 1;
    const end = src.indexOf(src[quoteAt]!, quoteAt + 1);
    out.push(src.slice(quoteAt + 1, end));
  }
  return out;
}

describe('engine purity', () => {
  const files = sources(ENGINE);

  it('finds the engine sources and their imports (the checks below are not vacuous)', () => {
    assert.ok(files.length >= 10, `only ${files.length} files under ${ENGINE}`);
    const all = files.flatMap((f) => importsOf(readFileSync(f, 'utf8')));
    assert.ok(all.includes('./types'));
    assert.ok(all.some((s) => s === 'unified' || s.startsWith('remark-')));
  });

  it('the source scanner sees through comments, strings and regular expressions', () => {
    const code = stripNonCode("// Date\nconst a = '/Date/'; const r = /['\"]process/g; /* performance */ const d = Date.now();");
    assert.equal((code.match(/\bDate\b/g) ?? []).length, 1);
    assert.doesNotMatch(code, /process|performance/);
    assert.deepEqual(importsOf("import { x } from './a';\nimport type { Y } from \"../b\";\nconst z = await import('c');"), ['./a', '../b', 'c']);
  });

  for (const file of files) {
    const name = relative(process.cwd(), file);
    it(`${name} imports nothing outside the engine but pure libraries`, () => {
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        assert.doesNotMatch(spec, FORBIDDEN_MODULE, `${name} imports ${spec}`);
        if (spec.startsWith('.')) {
          const target = resolve(dirname(file), spec);
          assert.ok(target === ENGINE || target.startsWith(ENGINE + '/') || target.startsWith(ENGINE + '\\'), `${name} imports ${spec}, outside the engine`);
        }
      }
    });
    it(`${name} reads no clock, process or global state`, () => {
      const code = stripNonCode(readFileSync(file, 'utf8'));
      const m = FORBIDDEN_GLOBAL.exec(code);
      const line = m ? code.slice(0, m.index).split('\n').length : 0;
      assert.equal(m, null, m ? `${name}:${line} uses ${m[0]}` : '');
    });
  }
});

// Security checks on what ships: the built bundles reach no network, the manifest is safe in untrusted
// workspaces, and configuration is data only (no code is evaluated, no prototype is polluted).
//
// Why `net` is allowed in two bundles: vscode-jsonrpc's Node transport (node_modules/vscode-jsonrpc/lib/node/
// main.js) requires `net` to offer pipe and socket transports (`--pipe`, `--socket=N`) next to stdio and IPC.
// Both ends of our language server link it: dist/server.js (vscode-languageserver) and dist/client.js
// (vscode-languageclient). It opens local pipes/sockets only when a client asks for that transport. So the
// scan is precise: http, https, http2, dgram and tls are forbidden in every bundle; `net` is allowed only in the
// server and client bundles and only from that one vscode-jsonrpc module (checked through the source maps,
// whose sourcesContent holds every bundled module); the CLI has no `net` at all; no bundled module calls
// the global fetch or uses WebSocket or XMLHttpRequest.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseConfigText } from '../../server/src/config/parse';
import { parseSettings } from '../../server/src/settings';

const ROOT = join(__dirname, '..', '..', '..');
const DIST = join(ROOT, 'dist');
const FORBIDDEN_MODULES = ['http', 'https', 'http2', 'dgram', 'tls'];
const JSONRPC_TRANSPORT = 'node_modules/vscode-jsonrpc/lib/node/main.js';
const NET_ALLOWED_IN = ['client.js', 'server.js'];

/** Node built-ins a text requires or imports, without the `node:` prefix. */
function builtinsRequired(code: string): Set<string> {
  const out = new Set<string>();
  for (const m of code.matchAll(/require\(\s*["'`](?:node:)?([a-z_0-9/]+)["'`]\s*\)|\bfrom\s+["'](?:node:)?([a-z_0-9/]+)["']|\bimport\(\s*["'](?:node:)?([a-z_0-9/]+)["']\s*\)/g)) {
    out.add((m[1] ?? m[2] ?? m[3])!);
  }
  return out;
}

/** Calls of the global fetch (not a method named fetch: `this.fetch(`, `async fetch(uri) {`). */
const GLOBAL_FETCH = /(?<![\w$.]|\basync\s+|\bfunction\s+)fetch\s*\((?![\w$,\s]*\)\s*\{)/;
const BROWSER_NETWORK = /\bWebSocket\b|\bXMLHttpRequest\b|\bEventSource\b/;

const bundles = existsSync(DIST) ? readdirSync(DIST).filter((f) => f.endsWith('.js')) : [];

describe('built bundles reach no network', () => {
  it('the three bundles are built (npm run build) and each has a source map with the bundled sources', () => {
    for (const b of ['client.js', 'server.js', 'cli.js']) {
      assert.ok(bundles.includes(b), `dist/${b} is missing: run node scripts/build.mjs`);
      const map = JSON.parse(readFileSync(join(DIST, `${b}.map`), 'utf8')) as { sources: string[]; sourcesContent?: (string | null)[] };
      assert.equal(map.sourcesContent?.length, map.sources.length, `${b}.map carries every source`);
    }
  });

  for (const b of bundles) {
    it(`dist/${b}: no http, https, http2, dgram or tls; net only from vscode-jsonrpc's transport, and only in the server and client`, () => {
      const code = readFileSync(join(DIST, b), 'utf8');
      const required = builtinsRequired(code);
      for (const m of FORBIDDEN_MODULES) assert.ok(!required.has(m), `dist/${b} requires ${m}`);
      if (!NET_ALLOWED_IN.includes(b)) assert.ok(!required.has('net'), `dist/${b} requires net`);

      const map = JSON.parse(readFileSync(join(DIST, `${b}.map`), 'utf8')) as { sources: string[]; sourcesContent: (string | null)[] };
      const netUsers: string[] = [];
      map.sources.forEach((source, i) => {
        const content = map.sourcesContent[i] ?? '';
        const mods = builtinsRequired(content);
        for (const m of FORBIDDEN_MODULES) assert.ok(!mods.has(m), `${source} (in dist/${b}) requires ${m}`);
        if (mods.has('net')) netUsers.push(source.replace(/^(\.\.\/)+/, ''));
        assert.ok(!GLOBAL_FETCH.test(content), `${source} (in dist/${b}) calls fetch(): ${content.match(new RegExp(`.{0,60}${GLOBAL_FETCH.source}.{0,40}`))?.[0]}`);
        assert.ok(!BROWSER_NETWORK.test(content), `${source} (in dist/${b}) uses ${content.match(BROWSER_NETWORK)?.[0]}`);
      });
      if (NET_ALLOWED_IN.includes(b)) assert.deepEqual(netUsers, required.has('net') ? [JSONRPC_TRANSPORT] : []);
      else assert.deepEqual(netUsers, []);
    });
  }

  it('the scan itself tells a method named fetch from the global one', () => {
    assert.ok(GLOBAL_FETCH.test('const r = await fetch(url);'));
    assert.ok(GLOBAL_FETCH.test('x=fetch("https://example.com")'));
    assert.ok(!GLOBAL_FETCH.test('this.latest = this.fetch(uri, generation);'));
    assert.ok(!GLOBAL_FETCH.test('private async fetch(uri, generation) {'));
    assert.deepEqual([...builtinsRequired('a=require("node:https");import b from "net";')].sort(), ['https', 'net']);
  });
});

describe('untrusted workspaces', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

  it('the manifest declares untrusted-workspace support', () => {
    const untrusted = pkg.capabilities?.untrustedWorkspaces;
    assert.ok(untrusted, 'capabilities.untrustedWorkspaces is declared');
    assert.ok(untrusted.supported === true || untrusted.supported === 'limited', `supported: ${untrusted.supported}`);
    if (untrusted.supported === 'limited') assert.ok(Array.isArray(untrusted.restrictedConfigurations));
  });

  it('no contributed setting names an executable, a path or a command to run', () => {
    const properties: Record<string, { type?: string | string[]; description?: string; markdownDescription?: string }> = pkg.contributes?.configuration?.properties ?? {};
    assert.ok(Object.keys(properties).length > 0);
    for (const [key, schema] of Object.entries(properties)) {
      assert.doesNotMatch(key, /path|executable|command|binary|program|runtime|server\.?(?:path|args)|node|script|exec|shell|cmd/i, `setting ${key}`);
      const text = `${schema.description ?? ''} ${schema.markdownDescription ?? ''}`;
      assert.doesNotMatch(text, /\b(?:executable|run the|path to (?:a |the )?(?:binary|program|script|server))\b/i, `setting ${key}: ${text}`);
    }
  });

  it('the client starts only the bundled server, never a path from settings', () => {
    const source = readFileSync(join(ROOT, 'client', 'src', 'language-client.ts'), 'utf8');
    assert.match(source, /asAbsolutePath\(|join\([^)]*['"]dist['"]|['"]dist\/server\.js['"]/, 'the server module comes from the extension folder');
    assert.doesNotMatch(source, /getConfiguration\([^)]*\)\s*\.get[^;]*(?:path|command|executable)/i);
  });
});

describe('configuration is data only', () => {
  const pristine = () => {
    const probe = {} as Record<string, unknown>;
    return probe['polluted'] === undefined && probe['enable'] === undefined && (globalThis as Record<string, unknown>)['mldocPwned'] === undefined;
  };

  it('YAML tags that would build code or objects are read as plain strings (and then rejected), never run', () => {
    const cases = [
      "profile: !!js/function 'function () { globalThis.mldocPwned = 1 }'\n",
      "profile: !!js/regexp /(a+)+$/\n",
      'rules: !!js/undefined ""\n',
      'profile: !<tag:yaml.org,2002:js/function> "function () { globalThis.mldocPwned = 1 }"\n',
      'profile: !!python/object/apply:os.system ["echo pwned"]\n',
    ];
    for (const text of cases) {
      const { config, errors } = parseConfigText(text, '.mldoc.yaml');
      assert.equal(config.profile, undefined, text);
      assert.equal(config.rules, undefined, text);
      assert.ok(errors.length > 0, `an error or warning for ${text}`);
      for (const e of errors) assert.equal(e.line, 0, `${text}: ${e.message}`);
    }
    assert.ok(pristine());
  });

  it('__proto__ and constructor keys pollute no prototype, in JSON, YAML and editor settings', () => {
    const json = parseConfigText('{"__proto__": {"polluted": true}, "rules": {"__proto__": {"polluted": "off"}, "constructor": "off"}, "profiles": {"__proto__": {"sections": []}}}', '.mldoc.json');
    assert.ok(json.errors.some((e) => /__proto__/.test(e.message)));
    const yaml = parseConfigText('__proto__:\n  polluted: true\nrules:\n  __proto__:\n    polluted: off\n', '.mldoc.yaml');
    assert.ok(yaml.errors.some((e) => /__proto__/.test(e.message)));
    for (const { config } of [json, yaml]) {
      assert.equal(Object.getPrototypeOf(config), Object.prototype);
      if (config.rules) assert.equal(Object.getPrototypeOf(config.rules), Object.prototype);
      assert.equal((config as Record<string, unknown>)['polluted'], undefined);
    }
    const settings = parseSettings(JSON.parse('{"mldoc": {"__proto__": {"enable": false}, "rules": {"__proto__": {"polluted": "off"}, "constructor": "off"}}}'));
    assert.equal(settings.enable, true);
    assert.equal(Object.getPrototypeOf(settings.rules), Object.prototype);
    assert.ok(pristine());
  });

  it('YAML alias bombs and merge keys are bounded or ignored', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`), 'include: *j'].join('\n');
    const t0 = performance.now();
    const r = parseConfigText(bomb, '.mldoc.yaml');
    assert.ok(performance.now() - t0 < 5000);
    assert.ok(r.errors.length > 0);
    assert.equal(r.config.include, undefined);
    const merged = parseConfigText('base: &b\n  profile: lifecycle\n<<: *b\n', '.mldoc.yaml');
    assert.equal(merged.config.profile, undefined, 'merge keys are not expanded into settings');
  });
});

// Runs the e2e mocha suite (out/test/e2e/index.js) inside a real VS Code extension host.
//   Desktop VS Code through @vscode/test-electron when it can be downloaded (and a display exists);
//   otherwise code-server (VS Code's workbench + Node extension host, see scripts/setup-code-server.sh) driven by
//   headless Chromium through playwright-core.
// Build first: node scripts/build.mjs --tests (npm run test:e2e does both).
// Env: MLDOC_E2E_TARGET=desktop|code-server forces one; CODE_SERVER_BIN, CHROMIUM override the binaries;
//      E2E_TIMEOUT_S (default 600) bounds the whole run; VERBOSE=1 shows code-server's own log lines too;
//      MLDOC_E2E_GREP filters the tests (mocha grep).
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const testsPath = join(root, 'out', 'test', 'e2e', 'index.js');
const fixtures = join(root, 'test', 'e2e', 'workspace');
const vscodeVersion = '1.100.3';
const timeoutMs = Number(process.env.E2E_TIMEOUT_S ?? 600) * 1000;
const started = Date.now();
const log = (...args) => console.log(`[e2e ${((Date.now() - started) / 1000).toFixed(1)}s]`, ...args);

const userSettings = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.tips.enabled': false,
  'git.enabled': false,
};

/** A throwaway profile: user data, extensions, a copy of the fixture workspace (the tests edit it), short TMPDIR. */
function createProfile() {
  const dir = mkdtempSync(join(process.env.TMPDIR ?? tmpdir(), 'mldoc-e2e-'));
  const profile = {
    dir,
    userData: join(dir, 'user-data'),
    extensions: join(dir, 'extensions'),
    workspace: join(dir, 'workspace'),
    tmp: join(dir, 't'),
  };
  mkdirSync(join(profile.userData, 'User'), { recursive: true });
  mkdirSync(profile.extensions, { recursive: true });
  mkdirSync(profile.tmp);
  writeFileSync(join(profile.userData, 'User', 'settings.json'), JSON.stringify(userSettings, null, 2));
  cpSync(fixtures, profile.workspace, { recursive: true });
  return profile;
}

function checkBuilt() {
  for (const file of [testsPath, join(root, 'dist', 'client.js'), join(root, 'dist', 'server.js')]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run node scripts/build.mjs --tests first`);
  }
}

async function desktopExecutable() {
  if (process.env.MLDOC_E2E_TARGET === 'code-server') return undefined;
  if (process.platform === 'linux' && !process.env.DISPLAY && process.env.MLDOC_E2E_TARGET !== 'desktop') {
    log('no DISPLAY: skipping desktop VS Code');
    return undefined;
  }
  const { downloadAndUnzipVSCode } = await import('@vscode/test-electron');
  try {
    return await downloadAndUnzipVSCode({
      version: vscodeVersion,
      cachePath: join(root, '.vscode-test'),
      timeout: 20_000,
    });
  } catch (error) {
    log(`desktop VS Code ${vscodeVersion} could not be downloaded (${error.message.split('\n')[0]}); using code-server`);
    return undefined;
  }
}

async function runDesktop(executable, profile) {
  const { runTests } = await import('@vscode/test-electron');
  log('running in desktop VS Code', executable);
  try {
    return await runTests({
    vscodeExecutablePath: executable,
    extensionDevelopmentPath: root,
    extensionTestsPath: testsPath,
    extensionTestsEnv: { MLDOC_E2E_GREP: process.env.MLDOC_E2E_GREP ?? '' },
    launchArgs: [
      profile.workspace,
      '--disable-extensions',
      '--disable-workspace-trust',
      `--user-data-dir=${profile.userData}`,
      `--extensions-dir=${profile.extensions}`,
      ],
    });
  } catch (error) {
    log('desktop run failed:', error instanceof Error ? error.message : String(error));
    return 1;
  }
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
    server.on('error', reject);
  });
}

/** Resolves once code-server answers its health check; rejects when it exits first or takes too long. */
function waitForCodeServer(url, child, limitMs) {
  return new Promise((resolveUp, reject) => {
    const deadline = Date.now() + limitMs;
    let settled = false;
    child.once('exit', (code) => {
      if (!settled) reject(new Error(`code-server exited early (code ${code})`));
      settled = true;
    });
    const probe = async () => {
      if (settled) return;
      try {
        const response = await fetch(url);
        if (response.status < 500) {
          settled = true;
          resolveUp();
          return;
        }
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        settled = true;
        reject(new Error(`code-server did not answer ${url} within ${limitMs / 1000}s`));
        return;
      }
      setTimeout(probe, 100);
    };
    void probe();
  });
}

export function codeServerBinary() {
  const bin = process.env.CODE_SERVER_BIN ?? join(root, '.vscode-test', 'code-server', 'node_modules', '.bin', 'code-server');
  if (!existsSync(bin)) throw new Error(`code-server not found at ${bin}: run scripts/setup-code-server.sh first`);
  return bin;
}

/** Starts code-server in its own process group (so the extension host and language servers die with it). */
function codeServerVersion() {
  try {
    const manifest = join(dirname(dirname(codeServerBinary())), 'code-server', 'package.json');
    return JSON.parse(readFileSync(manifest, 'utf8')).version;
  } catch {
    return '(version unknown)';
  }
}

export async function startCodeServer(profile, extraArgs = []) {
  const port = await freePort();
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: join(profile.dir, 'xdg-config'),
    XDG_DATA_HOME: join(profile.dir, 'xdg-data'),
    XDG_CACHE_HOME: join(profile.dir, 'xdg-cache'),
    XDG_STATE_HOME: join(profile.dir, 'xdg-state'),
    // VS Code puts its IPC sockets in the temp dir: keep them in the profile (and the path short: sockets <= 107 bytes).
    TMPDIR: profile.tmp,
  };
  const args = [
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', profile.userData,
    '--extensions-dir', profile.extensions,
    ...extraArgs,
  ];
  const child = spawn(codeServerBinary(), args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const serverLog = [];
  const keep = (chunk) => serverLog.push(chunk.toString());
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const killer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 3000);
    await exited;
    clearTimeout(killer);
  };
  try {
    await waitForCodeServer(`http://127.0.0.1:${port}/healthz`, child, 60_000);
  } catch (error) {
    await stop();
    throw new Error(`${error.message}\n${serverLog.join('')}`);
  }
  return { port, authority: `127.0.0.1:${port}`, stop, log: serverLog };
}

export async function launchChromium(profile) {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    // Chromium otherwise writes crash reports and caches into ~.
    env: { ...process.env, HOME: profile.dir, XDG_CONFIG_HOME: join(profile.dir, 'xdg-config'), XDG_CACHE_HOME: join(profile.dir, 'xdg-cache') },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

// The workbench's own chatter (connection set-up, offline look-ups) hides mocha's report; VERBOSE=1 shows it.
const workbenchNoise =
  /ENOTFOUND|getaddrinfo|ERR_NAME_NOT_RESOLVED|^\s+at |connection token|^Creating a socket|builtin extensions cache|\[Service Worker\]|ChatSessionStore/;

async function runCodeServer(profile) {
  const server = await startCodeServer(profile);
  log('code-server', codeServerVersion(), 'on', server.authority);
  let browser;
  try {
    browser = await launchChromium(profile);
    const page = await browser.newPage();
    const exitCode = new Promise((resolveExit) => {
      // The workbench calls codeAutomationExit when the suite's run() settles, and forwards the extension host's
      // console (mocha's reporter) to codeAutomationLog.
      void page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));
    });
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = format(...(args ?? []));
      if (process.env.VERBOSE || !workbenchNoise.test(line)) console.log(line);
    });
    page.on('pageerror', (error) => log('page error:', error.message));
    const remote = (path) => `vscode-remote://${server.authority}${path}`;
    const payload = [
      ['extensionDevelopmentPath', remote(root)],
      ['extensionTestsPath', remote(testsPath)],
    ];
    const url = `http://${server.authority}/?folder=${encodeURIComponent(profile.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    log('workbench loading; the suite runs in its extension host');
    return await exitCode;
  } finally {
    await browser?.close().catch(() => undefined);
    await server.stop();
    if (process.env.VERBOSE) console.log(server.log.join(''));
  }
}

async function main() {
  checkBuilt();
  const profile = createProfile();
  const watchdog = setTimeout(() => {
    log(`timed out after ${timeoutMs / 1000}s`);
    process.exit(2);
  }, timeoutMs);
  let code = 2;
  try {
    const executable = await desktopExecutable();
    if (executable) code = await runDesktop(executable, profile);
    else {
      // Env of this process reaches the extension host.
      process.env.MLDOC_E2E_GREP ??= '';
      code = await runCodeServer(profile);
    }
  } finally {
    clearTimeout(watchdog);
    rmSync(profile.dir, { recursive: true, force: true });
  }
  log(code === 0 ? 'e2e passed' : `e2e failed (exit code ${code})`);
  return code;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      log('harness error:', error.message);
      process.exit(2);
    },
  );
}

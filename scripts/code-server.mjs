// code-server (VS Code's workbench and Node extension host, installed by scripts/setup-code-server.sh) and headless
// Chromium: shared by the e2e runner, the UI smoke check and `npm start` where no desktop VS Code exists.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

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

/** A profile: user data, extensions, XDG dirs and a short TMPDIR. Throwaway (in the temp dir) unless `dir` is given. */
export function createProfile(dir) {
  const base = dir ?? mkdtempSync(join(process.env.TMPDIR ?? tmpdir(), 'mldoc-cs-'));
  const profile = {
    dir: base,
    userData: join(base, 'user-data'),
    extensions: join(base, 'extensions'),
    tmp: join(base, 't'),
  };
  mkdirSync(join(profile.userData, 'User'), { recursive: true });
  mkdirSync(profile.extensions, { recursive: true });
  mkdirSync(profile.tmp, { recursive: true });
  const settings = join(profile.userData, 'User', 'settings.json');
  if (!existsSync(settings)) writeFileSync(settings, JSON.stringify(userSettings, null, 2));
  return profile;
}

export function codeServerBinary() {
  const bin = process.env.CODE_SERVER_BIN ?? join(root, '.vscode-test', 'code-server', 'node_modules', '.bin', 'code-server');
  if (!existsSync(bin)) throw new Error(`code-server not found at ${bin}: run scripts/setup-code-server.sh first`);
  return bin;
}

export function codeServerVersion() {
  try {
    const manifest = join(dirname(dirname(codeServerBinary())), 'code-server', 'package.json');
    return JSON.parse(readFileSync(manifest, 'utf8')).version;
  } catch {
    return '(version unknown)';
  }
}

/** code-server writes into ~/.config, ~/.local and /tmp unless told otherwise: keep all of it in the profile. */
function profileEnv(profile) {
  return {
    ...process.env,
    XDG_CONFIG_HOME: join(profile.dir, 'xdg-config'),
    XDG_DATA_HOME: join(profile.dir, 'xdg-data'),
    XDG_CACHE_HOME: join(profile.dir, 'xdg-cache'),
    XDG_STATE_HOME: join(profile.dir, 'xdg-state'),
    // VS Code puts its IPC sockets in the temp dir; socket paths must stay under ~107 bytes.
    TMPDIR: profile.tmp,
  };
}

const profileArgs = (profile) => ['--user-data-dir', profile.userData, '--extensions-dir', profile.extensions];

export function installExtension(profile, vsix) {
  const run = spawnSync(codeServerBinary(), [...profileArgs(profile), '--install-extension', vsix, '--force'], {
    env: profileEnv(profile),
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`installing ${vsix} failed:\n${run.stdout}${run.stderr}`);
}

export function freePort() {
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

/**
 * Starts code-server on 127.0.0.1 in its own process group, so that stop() also ends the extension host and the
 * language servers it started. Returns { authority, url(folder), stop(), log }.
 */
export async function startCodeServer(profile, { port, folder } = {}) {
  const chosenPort = port ?? (await freePort());
  const args = [
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${chosenPort}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    ...profileArgs(profile),
    ...(folder ? [folder] : []),
  ];
  const child = spawn(codeServerBinary(), args, { env: profileEnv(profile), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const log = [];
  const keep = (chunk) => log.push(chunk.toString());
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
  const authority = `127.0.0.1:${chosenPort}`;
  try {
    await waitForCodeServer(`http://${authority}/healthz`, child, 60_000);
  } catch (error) {
    await stop();
    throw new Error(`${error.message}\n${log.join('')}`);
  }
  const url = (workspace, query = '') => `http://${authority}/?folder=${encodeURIComponent(workspace)}${query}`;
  return { authority, url, stop, log, exited: new Promise((done) => child.once('exit', done)) };
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

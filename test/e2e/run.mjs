// Runs the e2e mocha suite (out/test/e2e/index.js) inside a real VS Code extension host:
//   desktop VS Code through @vscode/test-electron when it can be downloaded and a display exists; otherwise
//   code-server (scripts/setup-code-server.sh) with headless Chromium, through playwright-core.
// Build first: node scripts/build.mjs --tests (npm run test:e2e does both, and installs code-server when missing).
// Env: MLDOC_E2E_TARGET=desktop|code-server forces one; CODE_SERVER_BIN, CHROMIUM override the binaries;
//      E2E_TIMEOUT_S (default 600) bounds the whole run; MLDOC_E2E_GREP selects tests; VERBOSE=1 shows all logs.
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { codeServerVersion, createProfile, launchChromium, root, startCodeServer } from '../../scripts/code-server.mjs';

const testsPath = join(root, 'out', 'test', 'e2e', 'index.js');
const vscodeVersion = '1.100.3';
const timeoutMs = Number(process.env.E2E_TIMEOUT_S ?? 600) * 1000;
const started = Date.now();
const log = (...args) => console.log(`[e2e ${((Date.now() - started) / 1000).toFixed(1)}s]`, ...args);

// The workbench's own chatter (connection set-up, offline look-ups) hides mocha's report; VERBOSE=1 shows it.
const workbenchNoise =
  /ENOTFOUND|getaddrinfo|ERR_NAME_NOT_RESOLVED|^\s+at |connection token|^Creating a socket|builtin extensions cache|\[Service Worker\]|ChatSessionStore/;

function checkBuilt() {
  for (const file of [testsPath, join(root, 'dist', 'client.js'), join(root, 'dist', 'server.js')]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run node scripts/build.mjs --tests first`);
  }
}

async function desktopExecutable() {
  if (process.env.MLDOC_E2E_TARGET === 'code-server') return undefined;
  const { downloadAndUnzipVSCode } = await import('@vscode/test-electron');
  let executable;
  try {
    executable = await downloadAndUnzipVSCode({ version: vscodeVersion, cachePath: join(root, '.vscode-test'), timeout: 20_000 });
  } catch (error) {
    log(`desktop VS Code ${vscodeVersion} could not be downloaded (${error.message.split('\n')[0]}); using code-server`);
    return undefined;
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && process.env.MLDOC_E2E_TARGET !== 'desktop') {
    log('desktop VS Code is there but no display is: using code-server (set DISPLAY, e.g. under xvfb-run, for desktop)');
    return undefined;
  }
  return executable;
}

async function runDesktop(executable, profile, workspace) {
  const { runTests } = await import('@vscode/test-electron');
  log('running in desktop VS Code', executable);
  try {
    return await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: root,
      extensionTestsPath: testsPath,
      extensionTestsEnv: { MLDOC_E2E_GREP: process.env.MLDOC_E2E_GREP ?? '' },
      launchArgs: [
        workspace,
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

async function runCodeServer(profile, workspace) {
  const server = await startCodeServer(profile);
  log('code-server', codeServerVersion(), 'on', server.authority);
  let browser;
  try {
    browser = await launchChromium(profile);
    const page = await browser.newPage();
    // The workbench calls codeAutomationExit when the suite's run() settles, and forwards the extension host's
    // console (mocha's reporter) to codeAutomationLog.
    let exit;
    const exitCode = new Promise((resolveExit) => {
      exit = resolveExit;
    });
    await page.exposeFunction('codeAutomationExit', (code) => exit(code));
    await page.exposeFunction('codeAutomationLog', (_type, args) => {
      const line = format(...(args ?? []));
      if (process.env.VERBOSE || !workbenchNoise.test(line)) console.log(line);
    });
    page.on('pageerror', (error) => log('page error:', error.message));
    const remote = (path) => `vscode-remote://${server.authority}${path}`;
    const payload = [
      ['extensionDevelopmentPath', remote(root)],
      ['extensionTestsPath', remote(testsPath)],
    ];
    await page.goto(server.url(workspace, `&payload=${encodeURIComponent(JSON.stringify(payload))}`), {
      waitUntil: 'domcontentloaded',
    });
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
  // The tests edit files: give them a copy of the fixture workspace.
  const workspace = join(profile.dir, 'workspace');
  cpSync(join(root, 'test', 'e2e', 'workspace'), workspace, { recursive: true });
  const watchdog = setTimeout(() => {
    log(`timed out after ${timeoutMs / 1000}s`);
    process.exit(2);
  }, timeoutMs);
  try {
    const executable = await desktopExecutable();
    // This process's environment reaches code-server's extension host.
    const code = executable ? await runDesktop(executable, profile, workspace) : await runCodeServer(profile, workspace);
    log(code === 0 ? 'e2e passed' : `e2e failed (exit code ${code})`);
    return code;
  } finally {
    clearTimeout(watchdog);
    rmSync(profile.dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    log('harness error:', error.message);
    process.exit(2);
  },
);

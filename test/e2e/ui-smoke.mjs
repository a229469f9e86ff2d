// UI smoke check: installs the packaged .vsix into a fresh code-server profile, opens the e2e fixture workspace in
// headless Chromium, opens a design doc and the ML Design Doc sidebar, reads a few things from the DOM (the coverage
// tree's rows, the status bar item, a squiggle, the welcome view for a README) and saves screenshots to
// .vscode-test/screenshots/.
// The DOM selectors are VS Code internals: keep these checks few. Run: npm run test:ui (packages first).
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createProfile, installExtension, launchChromium, root, startCodeServer } from '../../scripts/code-server.mjs';

const vsix = process.argv[2] ?? join(root, 'mldoc.vsix');
const shots = join(root, '.vscode-test', 'screenshots');
const started = Date.now();
const log = (...args) => console.log(`[ui ${((Date.now() - started) / 1000).toFixed(1)}s]`, ...args);

async function check(page) {
  const results = {};
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  const file = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'payment-fraud-design.md' });
  await file.first().waitFor({ timeout: 60_000 });
  await file.first().click();
  await page.waitForSelector('.editor-instance .monaco-editor .view-lines', { timeout: 30_000 });
  log('design doc open');

  await page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error, .monaco-editor .squiggly-info').first().waitFor({ timeout: 60_000 });
  results.squiggle = true;
  log('squiggle rendered');

  const status = page.locator('.statusbar-item', { hasText: 'ML doc' });
  await status.first().waitFor({ timeout: 30_000 });
  results.statusBar = (await status.first().innerText()).trim();
  log('status bar:', results.statusBar);

  await page.locator('.activitybar .action-item a[aria-label^="ML Design Doc"]').first().click();
  const rows = page.locator('.pane-body .monaco-list-row', { hasText: 'Security' });
  await rows.first().waitFor({ timeout: 30_000 });
  results.treeRows = (await page.locator('.sidebar .pane-body .monaco-list-row').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
  log('tree rows:', JSON.stringify(results.treeRows));
  // The picture for the README: no tooltips, the cursor over the editor text.
  await page.mouse.move(900, 600);
  await page.locator('.monaco-hover, .workbench-hover').first().waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
  await page.screenshot({ path: join(shots, 'sidebar.png') });

  const missing = page.locator('.sidebar .monaco-list-row', { hasText: 'Security' }).first();
  await missing.hover();
  await missing.locator('.action-label[aria-label="Insert Section"]').waitFor({ timeout: 10_000 });
  results.insertAction = true;

  // A file that is not a design doc: the tree gives way to the welcome view and the status bar item hides.
  await page.keyboard.press('Control+P');
  await page.keyboard.type('README.md');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'README.md' }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  const welcome = page.locator('.sidebar .welcome-view-content', { hasText: 'not treated as an ML design doc' });
  await welcome.first().waitFor({ timeout: 30_000 });
  await status.first().waitFor({ state: 'hidden', timeout: 10_000 });
  results.welcome = (await welcome.first().innerText()).split('\n')[0];
  await page.mouse.move(900, 600);
  await page.screenshot({ path: join(shots, 'welcome.png') });
  return results;
}

async function main() {
  if (!existsSync(vsix)) throw new Error(`${vsix} is missing: run npm run package first`);
  mkdirSync(shots, { recursive: true });
  const profile = createProfile();
  const workspace = join(profile.dir, 'workspace');
  cpSync(join(root, 'test', 'e2e', 'workspace'), workspace, { recursive: true });
  let server;
  let browser;
  try {
    installExtension(profile, vsix);
    log('installed', vsix);
    server = await startCodeServer(profile);
    browser = await launchChromium(profile);
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    page.on('pageerror', (error) => log('page error:', error.message));
    await page.goto(server.url(workspace), { waitUntil: 'domcontentloaded' });
    try {
      const results = await check(page);
      log('PASS', JSON.stringify(results));
      log('screenshot:', join(shots, 'sidebar.png'));
      return 0;
    } catch (error) {
      await page.screenshot({ path: join(shots, 'failure.png') }).catch(() => undefined);
      log('FAIL', error.message.split('\n')[0], `(screenshot: ${join(shots, 'failure.png')})`);
      return 1;
    }
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
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

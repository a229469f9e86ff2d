// The e2e suite's entry point (extensionTestsPath): VS Code's test runner calls run() inside the extension host.
// Suites run in this order, each starting from clean editors.
import Mocha from 'mocha';
import { join } from 'node:path';

const suites = ['activation', 'diagnostics', 'coverage-tree', 'commands'];

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    // Generous: two cores run VS Code, the browser, the extension host and the language server at once.
    timeout: 120_000,
    slow: 15_000,
    ...(process.env.MLDOC_E2E_GREP ? { grep: process.env.MLDOC_E2E_GREP } : {}),
  });
  for (const suite of suites) mocha.addFile(join(__dirname, `${suite}.e2e.js`));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const { passes = 0, failures: failed = 0, pending = 0 } = runner.stats ?? {};
      console.log(`e2e: ${passes} passed, ${failed} failed, ${pending} skipped`);
      if (failures > 0) reject(new Error(`${failures} e2e test(s) failed`));
      else resolve();
    });
  });
}

// The extension manifest hangs together: menus name contributed commands, the client registers each command,
// views have welcome content, and the files the manifest points at ship in the .vsix.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const root = join(__dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const contributes = pkg.contributes;
const commandIds: string[] = contributes.commands.map((command: { command: string }) => command.command);

describe('extension manifest', () => {
  it('activates on Markdown and targets the VS Code we test in', () => {
    assert.deepEqual(pkg.activationEvents, ['onLanguage:markdown']);
    assert.equal(pkg.engines.vscode, '^1.100.0');
    assert.equal(pkg.main, './dist/client.js');
  });

  it('puts every command in the ML Design Doc category', () => {
    for (const command of contributes.commands) assert.equal(command.category, 'ML Design Doc', command.command);
  });

  it('registers in the client exactly the contributed commands', () => {
    const source = readFileSync(join(root, 'client', 'src', 'commands.ts'), 'utf8');
    const registered = [...source.matchAll(/register\('([\w.]+)'/g)].map((match) => match[1]);
    assert.deepEqual([...registered].sort(), [...commandIds].sort());
  });

  it('only names contributed commands in menus, and hides the internal ones from the palette', () => {
    for (const [menu, entries] of Object.entries<{ command: string; when?: string }[]>(contributes.menus)) {
      for (const entry of entries) assert.ok(commandIds.includes(entry.command), `${menu}: ${entry.command}`);
    }
    const hidden = contributes.menus.commandPalette.filter((entry: { when?: string }) => entry.when === 'false');
    assert.deepEqual(hidden.map((entry: { command: string }) => entry.command).sort(), ['mldoc.insertSection', 'mldoc.revealSection']);
  });

  it('offers Insert inline on missing tree items', () => {
    const inline = contributes.menus['view/item/context'].find((entry: { group: string }) => entry.group === 'inline');
    assert.equal(inline.command, 'mldoc.insertSection');
    assert.match(inline.when, /viewItem =~ .*missing/);
  });

  it('shows the coverage views in their own container and the Explorer, each with welcome content', () => {
    const views = [...contributes.views.mldoc, ...contributes.views.explorer].map((view: { id: string }) => view.id);
    assert.deepEqual(views, ['mldocCoverage', 'mldocCoverageExplorer']);
    assert.equal(contributes.viewsContainers.activitybar[0].id, 'mldoc');
    for (const view of views) {
      assert.ok(contributes.viewsWelcome.some((welcome: { view: string }) => welcome.view === view), view);
    }
  });

  it('declares the settings the server reads', () => {
    const properties = contributes.configuration.properties;
    assert.deepEqual(properties['mldoc.include'].default, ['**/*design*.md', '**/design-docs/**', '**/*.mldoc.md']);
    assert.deepEqual(properties['mldoc.profile'].enum, ['lifecycle', 'mlsd-9-step', 'design-doc', 'model-card', 'datasheet']);
    assert.deepEqual(properties['mldoc.trace.server'].enum, ['off', 'messages', 'verbose']);
    assert.equal(properties['mldoc.maxFileSize'].default, 5000000);
    assert.equal(properties['mldoc.enable'].type, 'boolean');
    assert.equal(properties['mldoc.rules'].type, 'object');
  });

  it('points at files that exist and ship in the .vsix', () => {
    const ignore = readFileSync(join(root, '.vscodeignore'), 'utf8');
    const shipped = (path: string) => ignore.split('\n').some((line) => line.startsWith('!') && path.startsWith(line.slice(1).replace(/\*\*$/, '')));
    const paths = [
      pkg.icon,
      contributes.viewsContainers.activitybar[0].icon,
      ...contributes.grammars.map((grammar: { path: string }) => grammar.path),
      ...contributes.jsonValidation.map((entry: { url: string }) => entry.url),
    ].map((path: string) => path.replace(/^\.\//, ''));
    for (const path of paths) {
      assert.ok(existsSync(join(root, path)), `${path} is missing`);
      assert.ok(shipped(path), `${path} is not kept by .vscodeignore`);
    }
    assert.ok(shipped(contributes.snippets[0].path.replace(/^\.\//, '')), 'snippets are not kept by .vscodeignore');
  });
});

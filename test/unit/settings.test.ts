import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_SETTINGS, parseSettings } from '../../server/src/settings';
import { matchesGlobs, mayOptIn } from '../../server/src/features/selection';
import { analyze } from '../../server/src/engine';

describe('parseSettings (untrusted input, never throws)', () => {
  it('reads a well-formed section', () => {
    const s = parseSettings({ enable: false, include: ['docs/**/*.md'], rules: { 'missing-section': 'error', 'thin-section': 'off' }, profile: 'lifecycle', maxFileSize: 1000, trace: { server: 'off' } });
    assert.deepEqual(s, { enable: false, include: ['docs/**/*.md'], rules: { 'missing-section': 'error', 'thin-section': 'off' }, profile: 'lifecycle', maxFileSize: 1000 });
  });

  it('accepts the whole settings object with an `mldoc` key', () => {
    assert.equal(parseSettings({ mldoc: { enable: false } }).enable, false);
  });

  it('falls back field by field on garbage', () => {
    for (const raw of [null, undefined, 42, 'x', [], { enable: 'yes', include: 7, rules: ['a'], profile: 3, maxFileSize: -1 }]) {
      assert.deepEqual(parseSettings(raw), DEFAULT_SETTINGS);
    }
    const s = parseSettings({ rules: { 'missing-section': 'loud', 'empty-section': 'warn', 'placeholder-text': false, 'bad key!': 'error' }, include: ['a/**', 3, ''] });
    assert.deepEqual(s.rules, { 'empty-section': 'warning', 'placeholder-text': 'off' });
    assert.deepEqual(s.include, ['a/**']);
  });

  it('survives hostile objects', () => {
    const hostile = new Proxy({}, { get: () => { throw new Error('boom'); }, ownKeys: () => { throw new Error('boom'); } });
    assert.deepEqual(parseSettings(hostile), DEFAULT_SETTINGS);
    assert.deepEqual(parseSettings({ rules: hostile }).rules, {});
  });
});

describe('which documents are design docs', () => {
  const include = DEFAULT_SETTINGS.include;
  it('matches the default globs relative to the workspace folder and absolutely', () => {
    assert.ok(matchesGlobs('/ws/docs/fraud-design.md', ['/ws'], include));
    assert.ok(matchesGlobs('/ws/design-docs/ranking.md', ['/ws'], include));
    assert.ok(matchesGlobs('/ws/notes/ranking.mldoc.md', ['/ws'], include));
    assert.ok(matchesGlobs('/elsewhere/design-docs/a.md', [], include));
    assert.ok(!matchesGlobs('/ws/README.md', ['/ws'], include));
    assert.ok(matchesGlobs('/ws/docs/a.md', ['/ws'], ['docs/*.md']), 'relative globs need the workspace folder');
    assert.ok(!matchesGlobs('/ws/node_modules/x/design.md', ['/ws'], include, ['**/node_modules/**']));
    assert.ok(matchesGlobs('C:\\ws\\docs\\design.md', ['C:\\ws'], ['docs/design.md']), 'Windows separators');
  });

  it('mayOptIn is true whenever the engine says optIn', () => {
    const cases = ['<!-- mldoc -->\n# A\n', '---\nmldoc: true\n---\n# A\n', '---\nprofile: lifecycle\n---\n# A\n', '---\ntitle: x\n---\n# A\n', '# README\n', '---\nmldoc: false\n---\n'];
    for (const text of cases) if (analyze(text).optIn) assert.ok(mayOptIn(text), text);
    assert.ok(!mayOptIn('# README\n\nInstall it.\n'));
    assert.ok(!mayOptIn('---\ntitle: x\n---\n# A\n'));
  });
});

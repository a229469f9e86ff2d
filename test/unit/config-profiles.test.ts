// Custom profiles in .mldoc.json / .mldoc.yaml: parsed as data, errors at their line, `extends` of a built-in
// profile, selection with `profile`, and the engine analysing against the result.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadConfigFor, toEngineConfig } from '../../server/src/config/files';
import { parseConfigText } from '../../server/src/config/parse';
import { renderConfigSchema } from '../../server/src/config/schema';
import { analyze } from '../../server/src/engine';
import { getProfile } from '../../server/src/engine/profiles';
import { tempDir } from '../temp-dir';

const JSON_CONFIG = `{
  "profile": "team-rfc",
  "profiles": {
    "team-rfc": {
      "extends": "design-doc",
      "omit": ["appendix"],
      "sections": [
        { "id": "motivation", "aliases": ["why now"] },
        { "id": "rollout", "title": "Rollout", "aliases": ["launch plan"], "keywords": ["canary"], "lifecycle": ["deployment"] }
      ]
    }
  }
}`;

describe('custom profiles in the configuration', () => {
  it('parse without errors, extend a built-in profile, and reach the engine', () => {
    const { config, errors } = parseConfigText(JSON_CONFIG, '.mldoc.json');
    assert.deepEqual(errors, []);
    assert.equal(config.profile, 'team-rfc');
    const engine = toEngineConfig(config);
    const profile = engine.customProfiles?.[0];
    assert.ok(profile);
    const base = getProfile('design-doc')!.sections.map((s) => s.id).filter((id) => id !== 'appendix');
    assert.deepEqual(profile.sections.map((s) => s.id), [...base, 'rollout']);
    const motivation = profile.sections.find((s) => s.id === 'motivation')!;
    assert.ok(motivation.aliases.includes('why now') && motivation.aliases.includes('business problem'), 'aliases are added to the inherited ones');
    assert.equal(motivation.guidance, getProfile('design-doc')!.sections.find((s) => s.id === 'motivation')!.guidance);

    const a = analyze('# Search ranking\n\n## Why now\n\nSearch abandonment costs us 4% of orders a month.\n\n## Launch plan\n\nA canary on 5% of traffic for a week.\n', engine);
    assert.equal(a.profile, 'team-rfc');
    assert.equal(a.profileSections?.find((s) => s.id === 'motivation')?.status, 'covered');
    assert.equal(a.profileSections?.find((s) => s.id === 'rollout')?.status, 'covered');
    assert.deepEqual(a.sections.map((s) => s.id).length, 8, 'the lifecycle sections are still there');
  });

  it('read the same from YAML', () => {
    const yaml = `profile: slim\nprofiles:\n  slim:\n    sections:\n      - id: goal\n        title: Goal\n        lifecycle: [problem]\n      - id: data\n        title: Data\n`;
    const { config, errors } = parseConfigText(yaml, '.mldoc.yaml');
    assert.deepEqual(errors, []);
    assert.deepEqual(toEngineConfig(config).customProfiles?.[0]?.sections.map((s) => s.title), ['Goal', 'Data']);
  });

  it('report problems at their line and keep the rest of the configuration', () => {
    const text = [
      '{', // 0
      '  "thinWords": 7,', // 1
      '  "profile": "nope",', // 2
      '  "profiles": {', // 3
      '    "lifecycle": { "sections": [] },', // 4
      '    "a": { "extends": "mystery" },', // 5
      '    "b": { "sections": [ { "id": "x" } ] },', // 6
      '    "c": { "sections": [ { "id": "y", "title": "Y", "lifecycle": ["cooking"] } ] }', // 7
      '  }', // 8
      '}', // 9
    ].join('\n');
    const { config, errors } = parseConfigText(text, '.mldoc.json');
    const at = (re: RegExp) => errors.find((e) => re.test(e.message))?.line;
    assert.equal(at(/built-in profile/), 4);
    assert.equal(at(/extends 'mystery'/), 5);
    assert.equal(at(/'x' of profile 'b' is new .* needs a "title"/), 6);
    assert.equal(at(/Unknown lifecycle section 'cooking'/), 7);
    assert.equal(at(/Unknown profile 'nope'/), 2);
    assert.equal(config.thinWords, 7);
    assert.equal(config.profile, undefined);
    assert.deepEqual(Object.keys(config.profiles ?? {}), ['c']);
  });

  it('a profile defined in an extended config file may be selected by the file that extends it', () => {
    const dir = tempDir('mldoc-profiles-');
    writeFileSync(join(dir, 'base.mldoc.json'), JSON.stringify({ profiles: { cards: { extends: 'model-card', omit: ['factors'] } } }));
    writeFileSync(join(dir, '.mldoc.json'), JSON.stringify({ extends: './base.mldoc.json', profile: 'cards' }));
    const loaded = loadConfigFor(join(dir, 'doc.md'));
    assert.deepEqual(loaded.errors, []);
    assert.equal(loaded.config.profile, 'cards');
    assert.equal(toEngineConfig(loaded.config).customProfiles?.[0]?.sections.length, 8);

    writeFileSync(join(dir, '.mldoc.json'), `{\n  "extends": "./base.mldoc.json",\n  "profile": "kards"\n}`);
    const bad = loadConfigFor(join(dir, 'doc.md'));
    assert.equal(bad.errors.length, 1);
    assert.match(bad.errors[0]!.message, /Unknown profile 'kards'.*cards/);
    assert.equal(bad.errors[0]!.line, 2);
    assert.equal(bad.config.profile, undefined);
  });

  it('the JSON Schema describes custom profiles and accepts their ids for "profile"', () => {
    const schema = JSON.parse(renderConfigSchema());
    assert.deepEqual(schema.properties.profiles.additionalProperties.properties.extends.enum, ['lifecycle', 'mlsd-9-step', 'design-doc', 'model-card', 'datasheet']);
    assert.equal(schema.properties.profiles.additionalProperties.properties.sections.items.required[0], 'id');
    assert.equal(schema.properties.profile.anyOf[1].pattern, '^[a-z][a-z0-9-]*$');
  });
});

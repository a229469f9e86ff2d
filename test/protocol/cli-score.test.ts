// `mldoc score` as a process: the readiness table and its JSON, --min-score, and the coverage JSON's profile
// fields (sections stay the eight lifecycle ids under every profile; profileSections beside them).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { COMPLETE_DOC, mldoc, scratch } from './cli-helpers';

const LIFECYCLE = ['problem', 'data', 'model', 'deployment', 'monitoring', 'security', 'collaboration', 'ethics'];

test('score text: the readiness score, four groups of seven tests, evidence lines for planned tests', () => {
  const dir = scratch({ 'x-design.md': COMPLETE_DOC });
  const r = mldoc(['score', 'x-design.md'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^x-design\.md {2}readiness \d(\.5)?\/7 {2}\(data .*monitoring .*\)$/m);
  for (const g of ['Features and data', 'Model development', 'ML infrastructure', 'Monitoring']) assert.match(r.stdout, new RegExp(`^  ${g}  \\d(\\.5)?/7$`, 'm'));
  assert.equal(r.stdout.split('\n').filter((l) => /^ {4}[✔◐✖] /.test(l)).length, 28);
  assert.match(r.stdout, /✔ 1 {3}A simpler model is not better {2}line 12: "baseline"/);
  assert.match(r.stdout, /✖ 0 {3}Serving models can be rolled back {2}not planned: /);
});

test('score --format json: files with score, groups and tests with evidence positions', () => {
  const dir = scratch({ 'a-design.md': COMPLETE_DOC, 'b-design.md': '# Empty\n' });
  const r = mldoc(['score', '--format', 'json', 'a-design.md', 'b-design.md'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(out.files.map((f: { file: string }) => f.file), ['a-design.md', 'b-design.md']);
  const [a, b] = out.files;
  assert.deepEqual(Object.keys(a), ['file', 'score', 'max', 'groups', 'tests']);
  assert.equal(a.max, 7);
  assert.deepEqual(a.groups.map((g: { id: string }) => g.id), ['data', 'model', 'infrastructure', 'monitoring']);
  assert.equal(a.score, Math.min(...a.groups.map((g: { score: number }) => g.score)));
  assert.equal(a.tests.length, 28);
  const baseline = a.tests.find((t: { id: string }) => t.id === 'simple-baseline');
  assert.deepEqual(baseline.evidence[0], { text: 'baseline', line: 12, column: 92 });
  assert.equal(b.score, 0);
  assert.ok(b.tests.every((t: { score: number; evidence: unknown[] }) => t.score === 0 && t.evidence.length === 0));
});

test('score --min-score: exit 1 below it, usage error above 7', () => {
  const dir = scratch({ 'x-design.md': COMPLETE_DOC });
  assert.equal(mldoc(['score', 'x-design.md', '--min-score', '0'], { cwd: dir }).code, 0);
  const low = mldoc(['score', 'x-design.md', '--min-score', '7'], { cwd: dir });
  assert.equal(low.code, 1);
  assert.match(low.stderr, /x-design\.md: readiness score [\d.]+ is below --min-score 7/);
  assert.equal(mldoc(['score', 'x-design.md', '--min-score', '8'], { cwd: dir }).code, 2);
  assert.match(mldoc(['help', 'score']).stdout, /ML Test Score/);
});

test('coverage --format json under another profile: lifecycle sections plus profile and profileSections', () => {
  const card = '---\nprofile: model-card\n---\n\n# Card\n\n## Intended Use\n\nRanks support tickets by urgency for the support team; not for staff evaluation.\n\n## Training Data\n\nTwo years of tickets with the urgency agents assigned.\n';
  const dir = scratch({ 'card-design.md': card, 'x-design.md': COMPLETE_DOC });
  const r = mldoc(['coverage', '--format', 'json', 'card-design.md', 'x-design.md', '--profile', 'datasheet'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  const [c, x] = JSON.parse(r.stdout).files;
  assert.equal(c.profile, 'model-card', 'front matter wins over --profile');
  assert.deepEqual(c.sections.map((s: { id: string }) => s.id), LIFECYCLE);
  assert.deepEqual(Object.keys(c), ['file', 'profile', 'sections', 'profileScore', 'profileSections']);
  const intended = c.profileSections.find((s: { id: string }) => s.id === 'intended-use');
  assert.equal(intended.status, 'covered');
  assert.deepEqual(intended.lifecycle, ['problem']);
  assert.equal(x.profile, 'datasheet');
  assert.deepEqual(x.sections.map((s: { id: string }) => s.id), LIFECYCLE);
  assert.deepEqual(x.profileSections.map((s: { id: string }) => s.id), ['motivation', 'composition', 'collection', 'preprocessing', 'uses', 'distribution', 'maintenance']);
});

test('--profile may name a custom profile defined in the config file; an unknown one is a usage error', () => {
  const config = JSON.stringify({ profiles: { 'team-rfc': { extends: 'design-doc', omit: ['appendix'], sections: [{ id: 'rollout', title: 'Rollout', aliases: ['launch plan'], lifecycle: ['deployment'] }] } } });
  const dir = scratch({ '.mldoc.json': config, 'rfc-design.md': '# RFC\n\n## Overview\n\nWe propose a ranking model for search.\n\n## Launch plan\n\nA canary on 5% of traffic.\n' });
  const r = mldoc(['coverage', '--format', 'json', '--profile', 'team-rfc', 'rfc-design.md'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  const f = JSON.parse(r.stdout).files[0];
  assert.equal(f.profile, 'team-rfc');
  assert.deepEqual(f.profileSections.map((s: { id: string; status: string }) => `${s.id}:${s.status}`).filter((s: string) => s.endsWith(':covered')), ['overview:covered', 'rollout:covered']);
  assert.equal(f.sections.length, 8);
  const bad = mldoc(['check', '--profile', 'nope', 'rfc-design.md'], { cwd: dir });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /Unknown profile 'nope'.*team-rfc/);
  assert.equal(mldoc(['check', '--profile', 'nope', 'x.md'], { cwd: scratch({ 'x.md': '# X\n' }) }).code, 2);
});

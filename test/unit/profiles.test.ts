// Profiles: the built-in outlines are well-formed data, each recognises documents of its kind, the analysis
// always carries the eight lifecycle sections beside the selected profile's, structure rules follow the
// selected profile, and front matter `status:` moves severities.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze, resolveSeverity, type Analysis } from '../../server/src/engine';
import { getProfile, LIFECYCLE_IDS, PROFILES, type ProfileDef } from '../../server/src/engine/profiles';

const DOCS = join(process.cwd(), 'test', 'documents');
const read = (...p: string[]) => readFileSync(join(DOCS, ...p), 'utf8');
const present = (a: Analysis) => (a.profileSections ?? a.sections).filter((s) => s.status !== 'missing').map((s) => s.id);
const withHeading = (a: Analysis) => (a.profileSections ?? a.sections).filter((s) => s.headings.length > 0).map((s) => s.id);

describe('built-in profiles', () => {
  it('are registered under the ids the settings and the schema offer', () => {
    assert.deepEqual(
      PROFILES.map((p) => p.id),
      ['lifecycle', 'mlsd-9-step', 'design-doc', 'model-card', 'datasheet'],
    );
    const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
    assert.deepEqual(manifest.contributes.configuration.properties['mldoc.profile'].enum, PROFILES.map((p) => p.id));
  });

  for (const p of PROFILES) {
    it(`${p.id}: unique ids, guidance and snippets everywhere, lifecycle mapping for every section`, () => {
      const ids = p.sections.map((s) => s.id);
      assert.equal(new Set(ids).size, ids.length);
      for (const s of p.sections) {
        assert.ok(s.title && s.guidance && s.snippet, `${p.id}/${s.id} needs a title, guidance and a snippet`);
        if (p.id !== 'lifecycle') {
          assert.ok(s.lifecycle && s.lifecycle.length > 0, `${p.id}/${s.id} maps onto no lifecycle section`);
          for (const l of s.lifecycle) assert.ok((LIFECYCLE_IDS as readonly string[]).includes(l));
        }
        const subIds = s.subsections.map((x) => x.id);
        assert.equal(new Set(subIds).size, subIds.length);
        for (const sub of s.subsections) assert.ok(sub.guidance && sub.snippet, `${p.id}/${s.id}/${sub.id}`);
      }
    });
  }

  it('the lifecycle mappings of each non-default profile reach the core of the lifecycle', () => {
    for (const p of PROFILES.filter((x) => x.id !== 'lifecycle')) {
      const reached = new Set(p.sections.flatMap((s) => s.lifecycle ?? []));
      assert.ok(reached.has('problem') && reached.has('data'), `${p.id} reaches ${[...reached].join(', ')}`);
    }
  });
});

describe('profile selection and the analysis', () => {
  const doc = read('corpus', '04-alirezadir-ads-click-prediction.md');

  it('always carries the eight lifecycle sections, identical to a lifecycle analysis', () => {
    const lifecycle = analyze(doc);
    assert.equal(lifecycle.profile, 'lifecycle');
    assert.equal(lifecycle.profileSections, undefined);
    for (const p of PROFILES) {
      const a = analyze(doc, { profile: p.id });
      assert.equal(a.profile, p.id);
      assert.deepEqual(a.sections.map((s) => s.id), [...LIFECYCLE_IDS]);
      assert.deepEqual(a.sections, lifecycle.sections, `lifecycle sections change under ${p.id}`);
      assert.equal(a.score, lifecycle.score);
      if (p.id !== 'lifecycle') {
        assert.deepEqual(a.profileSections?.map((s) => s.id), p.sections.map((s) => s.id));
        assert.equal(typeof a.profileScore, 'number');
      }
    }
  });

  it('front matter `profile:` wins over the configured profile; an unknown id falls back to lifecycle', () => {
    const a = analyze(read('profiles', 'model-card.md'), { profile: 'design-doc' });
    assert.equal(a.profile, 'model-card');
    const unknown = analyze('---\nprofile: nonsense\n---\n\n# T\n\n## Data\n\nRows.\n');
    assert.equal(unknown.profile, 'lifecycle');
    assert.equal(unknown.profileSections, undefined);
  });

  it('structure rules run against the selected profile: missing-section names its sections', () => {
    const a = analyze(read('profiles', 'model-card.md'));
    const missing = a.findings.filter((f) => f.ruleId === 'missing-section').map((f) => f.sectionId).sort();
    assert.deepEqual(missing, ['caveats', 'ethical-considerations', 'evaluation-data', 'factors', 'quantitative-analyses']);
    const lifecycle = analyze(read('profiles', 'model-card.md'), {}).sections.find((s) => s.id === 'deployment');
    assert.equal(lifecycle?.status, 'missing', 'the lifecycle view is still there');
  });

  it('a custom profile from the engine configuration is selected by id', () => {
    const custom: ProfileDef = {
      id: 'team-rfc',
      title: 'Team RFC',
      description: 'Our RFC outline.',
      sections: [
        { ...getProfile('design-doc')!.sections[0]!, id: 'summary', title: 'Summary', aliases: ['summary', 'tl dr'] },
        { id: 'rollout', title: 'Rollout', aliases: ['rollout', 'launch plan'], keywords: ['canary'], guidance: 'How it ships.', snippet: '${1:plan}', subsections: [], lifecycle: ['deployment'] },
      ],
    };
    const a = analyze('# RFC\n\n## TL;DR\n\nWe ship a ranking model for search.\n', { profile: 'team-rfc', customProfiles: [custom] });
    assert.equal(a.profile, 'team-rfc');
    assert.deepEqual(a.profileSections?.map((s) => `${s.id}:${s.status}`), ['summary:covered', 'rollout:missing']);
    assert.ok(a.findings.some((f) => f.ruleId === 'missing-section' && f.sectionId === 'rollout'));
  });
});

describe('profiles on documents of their kind', () => {
  it('model-card: the corpus model cards (Whisper, Perspective, Hugging Face template)', () => {
    const whisper = analyze(read('corpus', '19-whisper-model-card.md'), { profile: 'model-card' });
    assert.deepEqual(withHeading(whisper), ['model-details', 'intended-use', 'training-data', 'quantitative-analyses', 'ethical-considerations']);
    const perspective = analyze(read('corpus', '22-perspective-toxicity-model-card.md'), { profile: 'model-card' });
    assert.deepEqual(withHeading(perspective), ['model-details', 'intended-use', 'factors', 'evaluation-data', 'training-data', 'quantitative-analyses', 'ethical-considerations', 'caveats']);
    const template = analyze(read('corpus', '23-hf-modelcard-template.md'), { profile: 'model-card' });
    assert.deepEqual(withHeading(template), getProfile('model-card')!.sections.map((s) => s.id), 'the template has every part');
    // Model cards score better against their own outline than against the lifecycle.
    for (const a of [whisper, perspective, template]) assert.ok(a.profileScore! > a.score, `${a.profileScore} vs ${a.score}`);
  });

  it('mlsd-9-step: the 9-step template and a filled-in 9-step design', () => {
    const template = analyze(read('corpus', '02-alirezadir-9step-template.md'), { profile: 'mlsd-9-step' });
    assert.deepEqual(present(template), getProfile('mlsd-9-step')!.sections.map((s) => s.id));
    const ads = analyze(read('corpus', '04-alirezadir-ads-click-prediction.md'), { profile: 'mlsd-9-step' });
    assert.deepEqual(withHeading(ads), getProfile('mlsd-9-step')!.sections.map((s) => s.id));
    assert.equal(ads.findings.filter((f) => f.ruleId === 'missing-section').length, 0);
  });

  it('design-doc: the TDSP project charter and exit report', () => {
    const charter = analyze(read('corpus', '27-tdsp-project-charter.md'), { profile: 'design-doc' });
    assert.deepEqual(withHeading(charter), ['overview', 'motivation', 'success-metrics', 'requirements', 'methodology', 'implementation']);
    const exit = analyze(read('corpus', '28-tdsp-exit-report.md'), { profile: 'design-doc' });
    assert.deepEqual(withHeading(exit), ['overview', 'motivation', 'success-metrics', 'methodology', 'implementation', 'appendix']);
  });

  it('datasheet: a filled-in datasheet covers all seven parts and maps onto the lifecycle', () => {
    const a = analyze(read('profiles', 'datasheet.md'));
    assert.equal(a.profile, 'datasheet');
    assert.deepEqual(a.profileSections?.map((s) => s.status), Array(7).fill('covered'));
    assert.equal(a.findings.filter((f) => f.ruleId === 'missing-section').length, 0);
    assert.equal(a.sections.find((s) => s.id === 'data')?.status, 'covered');
  });
});

describe('status-aware strictness', () => {
  const text = (status?: string) => `---\nmldoc: true\n${status ? `status: ${status}\n` : ''}---\n\n# Churn\n\n## Problem\n\nCut churn by 5% this year, measured monthly.\n`;
  const severityOf = (a: Analysis, rule: string) => [...new Set(a.findings.filter((f) => f.ruleId === rule).map((f) => f.severity))];

  it('a draft lowers coverage findings one step, review keeps them, approved raises them', () => {
    assert.deepEqual(severityOf(analyze(text()), 'missing-section'), ['warning']);
    assert.deepEqual(severityOf(analyze(text('draft')), 'missing-section'), ['info']);
    assert.deepEqual(severityOf(analyze(text('review')), 'missing-section'), ['warning']);
    assert.deepEqual(severityOf(analyze(text('Approved')), 'missing-section'), ['error']);
    assert.equal(analyze(text('approved')).status, 'approved');
    assert.equal(analyze(text('someday')).status, undefined);
  });

  it('a configured severity always wins; structure rules and "off" keep theirs', () => {
    assert.deepEqual(severityOf(analyze(text('approved'), { rules: { 'missing-section': 'info' } }), 'missing-section'), ['info']);
    assert.equal(resolveSeverity({ id: 'x', defaultSeverity: 'info', tags: ['structure'] }, { rules: {} }, 'approved'), 'info');
    assert.equal(resolveSeverity({ id: 'x', defaultSeverity: 'off', tags: ['coverage'] }, { rules: {} }, 'approved'), 'off');
    assert.equal(resolveSeverity({ id: 'x', defaultSeverity: 'hint', tags: ['content'] }, { rules: {} }, 'draft'), 'hint');
    assert.equal(resolveSeverity({ id: 'x', defaultSeverity: 'error', tags: ['ml'] }, { rules: {} }, 'approved'), 'error');
    assert.equal(resolveSeverity({ id: 'x', defaultSeverity: 'info', tags: ['ml'] }, { rules: {} }, 'approved'), 'warning');
  });
});

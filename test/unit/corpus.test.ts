// Detection regression on the hand-labelled corpus of real design docs (../shared/corpus beside the clone).
// Statuses map onto the labels as the evaluation script maps them: covered -> covered; thin, placeholder,
// empty, mentioned -> brief; missing -> absent. The floors sit a little below the values measured when they
// were set, so that tuning may move single labels but a real regression fails. Raise them as detection improves.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze, type Status } from '../../server/src/engine';

/** Measured when set, default configuration: F1 0.977 (P 0.984, R 0.969), accuracy 0.932 on 88 labels (0.943 in
 * the sixth session of 2026-11-27, F1 0.985 and 0.955 in the seventh) (the same
 * numbers as `node ../shared/eval/corpus-eval.mjs -- node dist/cli.js coverage --format json`). */
const MIN_F1 = 0.96;
const MIN_ACCURACY = 0.9;
/** The same for test/documents/unseen (floors set a little below the values measured when they were added). */
const UNSEEN_MIN_F1 = 0.86;
const UNSEEN_MIN_ACCURACY = 0.66;

const CORPUS = join(process.cwd(), '..', 'shared', 'corpus');
type Label = 'covered' | 'brief' | 'absent';
interface LabelledDoc {
  readonly file: string;
  readonly sections: Readonly<Record<string, { readonly status: Label }>>;
}

export function toLabel(status: Status): Label {
  return status === 'covered' ? 'covered' : status === 'missing' ? 'absent' : 'brief';
}

export interface Score {
  readonly f1: number;
  readonly precision: number;
  readonly recall: number;
  readonly accuracy: number;
  readonly pairs: number;
  readonly misses: readonly string[];
}

export function scoreCorpus(docs: readonly LabelledDoc[], read: (file: string) => string): Score {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let agree = 0;
  let pairs = 0;
  const misses: string[] = [];
  for (const doc of docs) {
    const a = analyze(read(doc.file));
    for (const [id, want] of Object.entries(doc.sections)) {
      const section = a.sections.find((s) => s.id === id);
      assert.ok(section, `${doc.file}: no section '${id}' in the analysis`);
      const got = toLabel(section.status);
      pairs++;
      if (got === want.status) agree++;
      else misses.push(`${doc.file} ${id}: want ${want.status}, got ${section.status}`);
      const present = got !== 'absent';
      const shouldBe = want.status !== 'absent';
      if (present && shouldBe) tp++;
      else if (present) fp++;
      else if (shouldBe) fn++;
    }
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { f1, precision, recall, accuracy: pairs ? agree / pairs : 0, pairs, misses };
}

describe('labelled corpus', () => {
  it('scores present-vs-absent F1 and three-class accuracy above their floors', () => {
    const labelsPath = join(CORPUS, 'labels.json');
    assert.ok(
      existsSync(labelsPath),
      `The labelled corpus is missing: expected ${labelsPath}. Check out the shared folder beside the clone (../shared/corpus), as CI does; this test does not pass without it.`,
    );
    const docs = JSON.parse(readFileSync(labelsPath, 'utf8')) as LabelledDoc[];
    assert.ok(docs.length >= 10, `only ${docs.length} labelled documents in ${labelsPath}`);
    const score = scoreCorpus(docs, (file) => readFileSync(join(CORPUS, file), 'utf8'));
    const summary = `F1 ${score.f1.toFixed(3)} (P ${score.precision.toFixed(3)} R ${score.recall.toFixed(3)}), accuracy ${score.accuracy.toFixed(3)} on ${score.pairs} labels\n  ${score.misses.join('\n  ')}`;
    assert.equal(score.pairs, docs.length * 8, 'every document is labelled for the eight sections');
    assert.ok(score.f1 >= MIN_F1, `present-vs-absent F1 fell below ${MIN_F1}: ${summary}`);
    assert.ok(score.accuracy >= MIN_ACCURACY, `three-class accuracy fell below ${MIN_ACCURACY}: ${summary}`);
  });

  it('every rule runs on every corpus document without failing, with findings inside the text', () => {
    const labelsPath = join(CORPUS, 'labels.json');
    assert.ok(existsSync(labelsPath), `The labelled corpus is missing: expected ${labelsPath}.`);
    const docs = JSON.parse(readFileSync(labelsPath, 'utf8')) as LabelledDoc[];
    let findings = 0;
    for (const doc of docs) {
      const text = readFileSync(join(CORPUS, doc.file), 'utf8');
      for (const f of analyze(text).findings) {
        findings++;
        assert.doesNotMatch(f.message, /failed on this document/, `${doc.file}: ${f.message}`);
        assert.ok(0 <= f.span.start && f.span.start <= f.span.end && f.span.end <= text.length, `${doc.file}: ${f.ruleId} span out of range`);
        for (const r of f.related ?? []) assert.ok(r.span.end <= text.length, `${doc.file}: ${f.ruleId} related span out of range`);
      }
    }
    assert.ok(findings > 0);
  });

  it('scores the unseen documents kept in test/documents/unseen above their floors', () => {
    // Thirteen real documents labelled after the engine was written (model cards, datasheets, a checklist, a
    // template, an ML canvas, two filled-in design docs, a design pattern). Measured when set: F1 0.892, accuracy
    // 0.661 on the first seven (56 labels); F1 0.890, accuracy 0.702 on all thirteen (104 labels), of which the six
    // G- documents (never tuned on) F1 0.839, accuracy 0.688.
    const dir = join(process.cwd(), 'test', 'documents', 'unseen');
    const docs = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as LabelledDoc[];
    assert.equal(docs.length, 13);
    const score = scoreCorpus(docs, (file) => readFileSync(join(dir, file), 'utf8'));
    const summary = `F1 ${score.f1.toFixed(3)} (P ${score.precision.toFixed(3)} R ${score.recall.toFixed(3)}), accuracy ${score.accuracy.toFixed(3)} on ${score.pairs} labels\n  ${score.misses.join('\n  ')}`;
    assert.equal(score.pairs, 104);
    assert.ok(score.f1 >= UNSEEN_MIN_F1, `present-vs-absent F1 fell below ${UNSEEN_MIN_F1}: ${summary}`);
    assert.ok(score.accuracy >= UNSEEN_MIN_ACCURACY, `three-class accuracy fell below ${UNSEEN_MIN_ACCURACY}: ${summary}`);
  });

  it('scoring maps statuses onto labels as the evaluation script does', () => {
    assert.deepEqual((['covered', 'thin', 'placeholder', 'empty', 'mentioned', 'missing'] as const).map(toLabel), ['covered', 'brief', 'brief', 'brief', 'brief', 'absent']);
    const docs = [{ file: 'x.md', sections: { problem: { status: 'covered' as const }, ethics: { status: 'absent' as const }, data: { status: 'brief' as const } } }];
    const s = scoreCorpus(docs, () => '# T\n\n## Problem Definition\n\nCut fraud losses by a fifth without blocking good orders, measured monthly.\n\n## Data Management\n');
    assert.equal(s.pairs, 3);
    assert.equal(s.accuracy, 1);
    assert.equal(s.f1, 1);
  });
});

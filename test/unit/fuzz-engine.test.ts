// Property-based tests of the engine (fast-check): on any text analyze() returns, never throws, keeps every
// range inside the document and on UTF-16 / line-ending boundaries, gives the same result twice, agrees with
// itself when a warm ParseCache is used across random edits, and offers fixes that are pure insertions which
// make their finding go away without duplicating a heading. The number of generated documents is printed
// (`# fuzz: ...`) so that the run's figure can be reported. MLDOC_FUZZ_SEED replays a failing seed;
// MLDOC_FUZZ_SCALE multiplies the run counts.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { analyze, createParseCache, type Analysis, type EngineConfig } from '../../server/src/engine';
import { PROFILES } from '../../server/src/engine/profiles';
import { RULES } from '../../server/src/engine/rules';
import { fixAllEdits } from '../../server/src/features/code-actions';
import {
  applyEdit,
  edit,
  longLineDoc,
  markdownDoc,
  noiseDoc,
  params,
  pathologicalDoc,
  splicedDoc,
} from '../fuzz/arbitraries';
import { applyInsertions, insertionOnlyProblems, insertedHeadingIsTitle, landsInsideBlock, newDuplicateHeadings, onlyTitleDuplicated, positionsAfter, rangeProblems, stats, stillReported } from '../fuzz/invariants';

/** A generated document that takes longer than this to analyse counts as a hang. Generous: CI has 2 busy cores. */
const HANG_MS = 10_000;

const config: fc.Arbitrary<Partial<EngineConfig>> = fc.record(
  {
    profile: fc.constantFrom(...PROFILES.map((p) => p.id), 'no-such-profile', ''),
    rules: fc.dictionary(fc.constantFrom(...RULES.map((r) => r.id), 'no-such-rule'), fc.constantFrom('off', 'hint', 'info', 'warning', 'error') as fc.Arbitrary<'off'>, { maxKeys: 4 }),
    thinWords: fc.integer({ min: 0, max: 200 }),
  },
  { requiredKeys: [] },
);

const anyDoc = fc.oneof(
  { weight: 8, arbitrary: markdownDoc },
  { weight: 4, arbitrary: splicedDoc },
  { weight: 4, arbitrary: noiseDoc },
  { weight: 1, arbitrary: longLineDoc },
  { weight: 2, arbitrary: pathologicalDoc },
);

/** analyze() with the checks every analysis must pass; counts the document. */
function analyzeChecked(text: string, cfg: Partial<EngineConfig> = {}): Analysis {
  stats.documents++;
  const t0 = performance.now();
  let a: Analysis;
  try {
    a = analyze(text, cfg);
  } catch (e) {
    assert.fail(`analyze threw on ${JSON.stringify(text.slice(0, 300))}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }
  const ms = performance.now() - t0;
  assert.ok(ms < HANG_MS, `analyze took ${ms.toFixed(0)} ms on ${text.length} characters: ${JSON.stringify(text.slice(0, 200))}`);
  assert.deepEqual(rangeProblems(text, a), []);
  return a;
}

describe('engine under generated documents (fast-check)', () => {
  after(() => {
    // node:test prints stdout lines of a test file as diagnostics: the figure for docs/reliability.md.
    console.log(`# fuzz: ${stats.documents} generated documents analysed (engine), ${stats.fixesApplied} fixed documents re-analysed, ${stats.edits} edits applied; ${stats.titleRepeated} fixes repeating the heading taken as the title (known gap)`);
  });

  it('analyze never throws, keeps every range inside the document on boundaries, and is deterministic', () => {
    fc.assert(
      fc.property(anyDoc, config, (text, cfg) => {
        const first = analyzeChecked(text, cfg);
        // Determinism on every third document: the run time goes to variety.
        if (stats.documents % 3 === 0) assert.deepEqual(analyze(text, cfg), first);
      }),
      params(6300),
    );
  });

  it('applying an offered fix makes its finding go away, inserts only, and duplicates no heading', () => {
    fc.assert(
      fc.property(markdownDoc, fc.constantFrom(...PROFILES.map((p) => p.id)), (text, profile) => {
        const cfg = { profile };
        const before = analyzeChecked(text, cfg);
        // At most three fixes per document (from different rules first), so that a document with many gaps does
        // not dominate the run time.
        const withFix = before.findings.filter((f) => f.fix);
        const fixable = [...new Map(withFix.map((f) => [f.ruleId, f])).values(), ...withFix].filter((f, i, all) => all.indexOf(f) === i).slice(0, 3);
        for (const f of fixable) {
          const edits = f.fix!.edits;
          const fixed = applyInsertions(text, edits);
          assert.deepEqual(insertionOnlyProblems(text, fixed, edits), [], `${f.ruleId}: ${f.fix!.title}`);
          stats.fixesApplied++;
          const later = analyze(fixed, cfg);
          assert.deepEqual(rangeProblems(fixed, later), []);
          const len = edits.reduce((n, e) => n + e.text.length, 0);
          // Formerly known gaps, now fixed: a section appended inside an unclosed code block or comment at the
          // end, and a section inserted into a document without real headings being taken as its title.
          assert.ok(!landsInsideBlock(later, edits[0]!.offset, edits[0]!.text), `'${f.fix!.title}' landed inside a code block or comment.\nBefore: ${JSON.stringify(text)}\nAfter: ${JSON.stringify(fixed)}`);
          assert.ok(!insertedHeadingIsTitle(later, edits[0]!.offset, len), `the heading '${f.fix!.title}' inserted was taken as the title.\nBefore: ${JSON.stringify(text)}\nAfter: ${JSON.stringify(fixed)}`);
          assert.ok(!stillReported(f, before, later, edits[0]!.offset, len), `after '${f.fix!.title}' the ${f.ruleId} finding is still reported.\nBefore: ${JSON.stringify(text)}\nAfter: ${JSON.stringify(fixed)}`);
          const dups = newDuplicateHeadings(before, later);
          if (onlyTitleDuplicated(before, dups)) stats.titleRepeated++;
          else assert.deepEqual(dups, [], `after '${f.fix!.title}':\nBefore: ${JSON.stringify(text)}\nAfter: ${JSON.stringify(fixed)}`);
        }
      }),
      params(1200),
    );
  });

  it('fix-all (every fix at once, merged) inserts only and leaves none of the fixed findings behind', () => {
    fc.assert(
      fc.property(markdownDoc, (text) => {
        const before = analyzeChecked(text);
        const edits = fixAllEdits(before);
        if (edits.length === 0) return;
        const fixed = applyInsertions(text, edits);
        assert.deepEqual(insertionOnlyProblems(text, fixed, edits), []);
        stats.fixesApplied++;
        const later = analyze(fixed);
        assert.deepEqual(rangeProblems(fixed, later), []);
        assert.ok(!positionsAfter(edits).some((at, i) => landsInsideBlock(later, at, edits[i]!.text)), `an insertion landed inside a code block or comment.\nBefore: ${JSON.stringify(text)}\nAfter: ${JSON.stringify(fixed)}`);
        const left = later.findings.filter((g) => (g.ruleId === 'missing-section' || g.ruleId === 'missing-subsection') && before.findings.some((f) => f.fix && f.ruleId === g.ruleId && f.sectionId === g.sectionId && f.subsectionId === g.subsectionId));
        assert.deepEqual(left.map((g) => g.message), [], `Before: ${JSON.stringify(text)}\nAfter: ${JSON.stringify(fixed)}`);
        const dups = newDuplicateHeadings(before, later);
        if (onlyTitleDuplicated(before, dups)) stats.titleRepeated++;
        else assert.deepEqual(dups, [], `Before: ${JSON.stringify(text)}\nAfter: ${JSON.stringify(fixed)}`);
      }),
      params(400),
    );
  });

  it('incremental analysis with a warm ParseCache agrees with full analysis after random edit sequences', () => {
    fc.assert(
      fc.property(fc.oneof(markdownDoc, splicedDoc), fc.array(edit, { minLength: 1, maxLength: 10 }), config, (start, edits, cfg) => {
        const cache = createParseCache();
        let text = start;
        const check = () => {
          stats.documents++;
          const incremental = analyze(text, cfg, { cache });
          cache.roll();
          assert.deepEqual(incremental, analyze(text, cfg), `after ${stats.edits} edits: ${JSON.stringify(text)}`);
          assert.deepEqual(rangeProblems(text, incremental), []);
        };
        check();
        for (const e of edits) {
          text = applyEdit(text, e);
          stats.edits++;
          check();
        }
      }),
      params(400),
    );
  });
});

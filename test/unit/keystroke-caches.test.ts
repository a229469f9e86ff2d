// The per-keystroke shortcuts give what the plain computation gives: coverage read from the blocks' keyword
// entries in one pass against coverage hit by hit; success statements found through one search of the
// whole text against a search of every block; and a parsed chunk that did not move gives the same block objects.
// Random documents and edits from a seeded PRNG.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, createParseCache, DEFAULT_CONFIG } from '../../server/src/engine';
import { parseDocument } from '../../server/src/engine/parse';
import { computeHeadings } from '../../server/src/engine/outline';
import { computeCoverage, computeCoverageFromHits, computeDocumentModel, evidenceStartsOf } from '../../server/src/engine/coverage';
import { compileProfile, headingMatches } from '../../server/src/engine/match';
import { strongMatches, STRONG } from '../../server/src/engine/rules/util';
import type { RuleContext } from '../../server/src/engine/rules/types';
import type { SectionMatch } from '../../server/src/engine/types';
import { LIFECYCLE_PROFILE } from '../../server/src/engine/profiles';
import { computeSuccessStatements, wordCharAt } from '../../server/src/engine/ml/success';
import { PLACEHOLDER } from '../../server/src/engine/coverage';
import { placeholderMatches } from '../../server/src/engine/rules/placeholder-text';
// @ts-expect-error: the benchmark's generator is plain JavaScript, shared so that tests and bench agree.
import { designDoc, prng } from '../../bench/generate.mjs';

const PIECES = [
  'x', ' ', '\n', '\n\n', '## Monitoring\n', '### Success metrics\n', '- ', '**KPIs:** ', 'Success metric: 5% lift', 'success is',
  'key results', 'AcceptanceCriteria', 'kpi', '```\n', '<!--', '-->', ' model training data ', 'é', '𝐀', '2', '\r\n', 'Data drift',
];

function edited(text: string, rnd: () => number): string {
  const at = Math.floor(rnd() * (text.length + 1));
  if (rnd() < 0.7) return text.slice(0, at) + PIECES[Math.floor(rnd() * PIECES.length)] + text.slice(at);
  return text.slice(0, at) + text.slice(at + 1 + Math.floor(rnd() * 30));
}

/** Texts: a design doc edited step by step, each version analysed with one warm cache (as the server does). */
function* versions(seed: number, steps: number) {
  const rnd = prng(seed) as () => number;
  const cache = createParseCache();
  let text = designDoc(5000, seed);
  for (let i = 0; i < steps; i++) {
    text = i === 0 ? text : edited(text, rnd);
    const parsed = parseDocument(text, cache);
    yield { text, parsed };
    cache.roll();
  }
}

describe('per-keystroke caches', () => {
  it('coverage in one pass over the keyword entries equals coverage hit by hit, with a warm cache, over 150 edits', () => {
    const cp = compileProfile(LIFECYCLE_PROFILE);
    let sections = 0;
    let mentioned = 0;
    for (const { text, parsed } of versions(5, 150)) {
      const headings = computeHeadings(parsed.blocks, text);
      const doc = computeDocumentModel(text, parsed.blocks, headings);
      const matches = headingMatches(headings, cp, doc.titleIndex, parsed.memo);
      const fast = computeCoverage(doc, matches, cp, DEFAULT_CONFIG, parsed.memo);
      const plain = computeCoverageFromHits(doc, matches, cp, DEFAULT_CONFIG);
      // The evidence starts the rules read without building the evidence are the evidence's (read first, so
      // that the evidence is not built yet), and the evidence itself is a getter (built when read).
      for (const s of fast.sections) {
        assert.equal(typeof Object.getOwnPropertyDescriptor(s, 'evidence')?.get, 'function', 'evidence is built when read');
        const starts = evidenceStartsOf(s);
        assert.deepEqual(starts, s.evidence.map((e) => e.span.start));
      }
      assert.deepEqual(fast.sections, plain.sections);
      assert.deepEqual(fast.owners, plain.owners);
      // And with the blocks' slots, as an analysis has them (sections and subsections read as bits kept there).
      const slotted = computeDocumentModel(text, parsed.blocks, computeHeadings(parsed.blocks, text, parsed.memo, parsed.slots), undefined, parsed.slots);
      const slottedMatches = headingMatches(slotted.headings, cp, slotted.titleIndex, parsed.memo);
      const bySlots = computeCoverage(slotted, slottedMatches, cp, DEFAULT_CONFIG, parsed.memo);
      const byHits = computeCoverageFromHits(slotted, [...slottedMatches], cp, DEFAULT_CONFIG);
      assert.deepEqual(bySlots.sections, byHits.sections);
      assert.deepEqual(bySlots.owners, byHits.owners);
      assert.deepEqual(bySlots.sections, fast.sections);
      mentioned += bySlots.sections.reduce((n, x) => n + x.subsections.filter((sub) => sub.status === 'mentioned').length, 0);
      // A subsection's evidence is its section's objects (same block, same phrase).
      for (const s of fast.sections) for (const sub of s.subsections) for (const e of sub.evidence) assert.ok(s.evidence.includes(e));
      sections += fast.sections.filter((s) => s.evidence.length > 0).length;
    }
    assert.ok(sections > 0, 'the documents have keyword evidence');
    assert.ok(mentioned > 100, `${mentioned} subsections mentioned`);
  });

  it("coverage and strong matches share a heading's placed match list only where the matches are that list", () => {
    const cp = compileProfile(LIFECYCLE_PROFILE);
    let split = 0;
    for (const { text, parsed } of versions(11, 40)) {
      const headings = computeHeadings(parsed.blocks, text, parsed.memo, parsed.slots);
      const doc = computeDocumentModel(text, parsed.blocks, headings, undefined, parsed.slots);
      const matches = headingMatches(headings, cp, doc.titleIndex, parsed.memo);
      // The same matches with each heading's last one moved to the end: two runs for those headings (each
      // heading's own order kept), in a list headingMatches did not make (read match by match).
      const runs: SectionMatch[] = [];
      const tail: SectionMatch[] = [];
      for (let j = 0; j < matches.length; j++) {
        const m = matches[j]!;
        const lastOfRun = j + 1 === matches.length || matches[j + 1]!.headingIndex !== m.headingIndex;
        const inRun = j > 0 && matches[j - 1]!.headingIndex === m.headingIndex;
        if (lastOfRun && inRun) tail.push(m);
        else runs.push(m);
      }
      split += tail.length;
      // And with some headings' whole lists (each the list kept with the form) again later.
      const repeats = matches.filter((m) => m.headingIndex % 3 === 0);
      const lengths = headings.map((h) => matches.filter((m) => m.headingIndex === h.index).length);
      // The reference: the same headings in an array of their own, which has no forms (nothing shared).
      const plainDoc = { ...doc, headings: [...headings] };
      for (const list of [matches, [...runs, ...tail], [...tail, ...runs], [...matches, ...repeats]]) {
        const shared = computeCoverage(doc, list, cp, DEFAULT_CONFIG, parsed.memo);
        // (A copy of the list: headingMatches's own list carries its runs, which the reference must not use.)
        const plain = computeCoverage(plainDoc, [...list], cp, DEFAULT_CONFIG, parsed.memo);
        assert.deepEqual(shared.owners, plain.owners);
        assert.deepEqual(shared.sections, plain.sections);
        const ctx = { doc: { headings }, matches: list } as unknown as RuleContext;
        for (const h of headings) {
          const expected = list.filter((m) => m.headingIndex === h.index && m.confidence >= STRONG);
          assert.deepEqual(strongMatches(ctx, h.index), expected);
        }
      }
      // Each heading's run split in two gives the coverage of the grouped matches (each heading's order kept).
      const grouped = computeCoverage(doc, matches, cp, DEFAULT_CONFIG, parsed.memo);
      assert.deepEqual(computeCoverage(doc, [...runs, ...tail], cp, DEFAULT_CONFIG, parsed.memo).owners, grouped.owners);
      // Nothing written to the shared lists: each heading still has its own matches, as many as before.
      const again = headingMatches(headings, cp, doc.titleIndex, parsed.memo);
      assert.deepEqual(headings.map((h) => again.filter((m) => m.headingIndex === h.index).length), lengths);
      assert.deepEqual(computeCoverage(doc, again, cp, DEFAULT_CONFIG, parsed.memo).owners, grouped.owners);
      assert.ok(repeats.length > 0);
    }
    assert.ok(split > 20, `${split} matches moved out of their heading's run`);
  });

  it('success statements through one whole-text search equal a search of every block, over 150 edits', () => {
    let found = 0;
    for (const { text, parsed } of versions(6, 150)) {
      const headings = computeHeadings(parsed.blocks, text);
      const doc = computeDocumentModel(text, parsed.blocks, headings);
      const fast = computeSuccessStatements({ text, doc });
      assert.deepEqual(fast, computeSuccessStatements({ text, doc }, true));
      found += fast.length;
    }
    assert.ok(found > 0, 'the documents have success statements');
  });

  it('success statements read from the slots of the blocks (a warm cache) equal a search of every block, over 150 edits', () => {
    const rnd = prng(16) as () => number;
    const cache = createParseCache();
    let text = designDoc(5000, 16) as string;
    let found = 0;
    let atBlockStart = 0;
    let skipped = 0;
    for (let i = 0; i < 150; i++) {
      if (i > 0) {
        // Statements that start their block (the phrase at offset 0 of the block) and that follow a list marker.
        const line = text.lastIndexOf('\n', Math.floor(rnd() * text.length)) + 1;
        const piece = ['\nSuccess metric: churn goes down.\n\n', '\n- KPIs: happier users\n', 'x', '\n\nkpi\n\n'][Math.floor(rnd() * 4)]!;
        text = i % 3 === 0 ? edited(text, rnd) : text.slice(0, line) + piece + text.slice(line);
      }
      const parsed = parseDocument(text, cache);
      const headings = computeHeadings(parsed.blocks, text, parsed.memo, parsed.slots);
      const doc = computeDocumentModel(text, parsed.blocks, headings, undefined, parsed.slots);
      // And with the chunks, as an analysis has them: a chunk whose blocks hold no phrase is skipped whole.
      const chunked = computeDocumentModel(text, parsed.blocks, headings, undefined, parsed.slots, { chunks: parsed.chunks, firstBlock: parsed.firstBlock });
      assert.ok(chunked.chunks && !doc.chunks);
      const reference = computeSuccessStatements({ text, doc: computeDocumentModel(text, parsed.blocks, headings) }, true);
      // Twice: the first fills the slots of new blocks, the second reads them.
      assert.deepEqual(computeSuccessStatements({ text, doc }), reference, `edit ${i}`);
      assert.deepEqual(computeSuccessStatements({ text, doc }), reference, `edit ${i}, again`);
      assert.deepEqual(computeSuccessStatements({ text, doc: chunked }), reference, `edit ${i}, by chunk`);
      assert.deepEqual(computeSuccessStatements({ text, doc: chunked }), reference, `edit ${i}, by chunk, again`);
      skipped += parsed.chunks.filter((c) => c.values.some((v) => v !== undefined && (v as { none?: boolean }).none === true)).length;
      cache.roll();
      found += reference.length;
      atBlockStart += reference.filter((s) => s.anchor.start === s.span.start).length;
    }
    assert.ok(found > 0 && atBlockStart > 0, 'statements, some with the phrase at the start of their block');
    assert.ok(skipped > 100, `${skipped} chunks known to hold no statement`);
  });

  it('success statements by chunk: a chunk under a success heading is searched again once the heading is renamed', () => {
    const cache = createParseCache();
    const body = (title: string) =>
      [`# Design`, '', `## ${title}`, '', 'Intro words.', '', '### Targets', '', 'Success metric: churn down 5% in a quarter.', '', '- kpi: weekly active users', '', '## Serving', '', 'Plain words here.', ''].join('\n');
    for (const [first, second] of [['Success Criteria', 'Background'], ['Background', 'Success Criteria'], ['Success Criteria', 'Success Criteria']]) {
      for (const title of [first, second]) {
        const text = body(title!);
        const parsed = parseDocument(text, cache);
        const headings = computeHeadings(parsed.blocks, text, parsed.memo, parsed.slots);
        const chunked = computeDocumentModel(text, parsed.blocks, headings, undefined, parsed.slots, { chunks: parsed.chunks, firstBlock: parsed.firstBlock });
        assert.ok(parsed.chunks.length >= 3, 'the subsection is a chunk of its own');
        const reference = computeSuccessStatements({ text, doc: computeDocumentModel(text, parsed.blocks, headings) }, true);
        assert.deepEqual(computeSuccessStatements({ text, doc: chunked }), reference, title);
        assert.deepEqual(computeSuccessStatements({ text, doc: chunked }), reference, `${title}, again`);
        assert.ok(reference.length > 0);
        cache.roll();
      }
    }
  });

  it('success statements where a block edge cuts a word, and with astral letters next to the phrase', () => {
    for (const text of ['<b>x</b>KPIs: 5% lift\n', 'a𝐀kpi\n\nkpi𝐀 b\n\n- 𝐀 kpi 3\n', '| kpi | 2 |\n|---|---|\n| a | b |\n', '**Success metric**: 10%\n- conversion +2%\n']) {
      const parsed = parseDocument(text);
      const doc = computeDocumentModel(text, parsed.blocks, computeHeadings(parsed.blocks, text));
      assert.deepEqual(computeSuccessStatements({ text, doc }), computeSuccessStatements({ text, doc }, true), JSON.stringify(text));
    }
  });

  it('a block edge cuts a word where a letter or digit (as the phrase search sees them) touches it', () => {
    const re = /[\p{L}\p{N}]/u;
    for (let c = 0; c < 0x3000; c++) {
      const ch = String.fromCharCode(c);
      if (c >= 0xd800 && c <= 0xdfff) continue;
      assert.equal(wordCharAt(`a${ch}b`, 1), re.test(ch), `U+${c.toString(16)}`);
    }
    // Either half of a surrogate pair counts (it may be one).
    assert.equal(wordCharAt('𝐀', 0), true);
    assert.equal(wordCharAt('𝐀', 1), true);
  });

  it('blocks of a chunk before an edit are the same objects; after it, new objects with shifted spans', () => {
    const cache = createParseCache();
    const text = designDoc(20000, 3);
    const a = parseDocument(text, cache);
    cache.roll();
    const at = Math.floor(text.length / 2);
    const b = parseDocument(text.slice(0, at) + 'x' + text.slice(at), cache);
    cache.roll();
    assert.equal(a.blocks.length, b.blocks.length);
    let same = 0;
    let moved = 0;
    for (let i = 0; i < a.blocks.length; i++) {
      const [x, y] = [a.blocks[i]!, b.blocks[i]!];
      if (x.span.end < at - 2000) {
        assert.equal(x, y);
        same++;
      } else if (x.span.start > at + 2000) {
        assert.notEqual(x, y);
        assert.deepEqual(y, { ...x, span: { start: x.span.start + 1, end: x.span.end + 1 } });
        moved++;
      }
    }
    assert.ok(same > 10 && moved > 10, `${same} kept, ${moved} moved`);
    // And the analysis with the warm cache is the fresh one.
    const warm = analyze(text, {}, { cache });
    const fresh = analyze(text);
    assert.deepEqual(warm.sections, fresh.sections);
    assert.deepEqual(warm.headings, fresh.headings);
  });

  it('an analysis stays what it was while later versions move the cached chunks back and forth', () => {
    const cache = createParseCache();
    let text = designDoc(20000, 5);
    const analyses: { analysis: ReturnType<typeof analyze>; json: string }[] = [];
    const json = (a: ReturnType<typeof analyze>) => JSON.stringify({ b: a.blocks, h: a.headings, f: a.findings, s: a.sections, d: a.degraded });
    for (let i = 0; i < 8; i++) {
      const at = 100 + ((i * 3001) % (text.length - 200));
      // Insertions and deletions: the chunks after the edit move one way, then the other.
      text = i % 2 === 0 ? text.slice(0, at) + 'model drift '.repeat(i + 1) + text.slice(at) : text.slice(0, at) + text.slice(at + 5 * i);
      const analysis = analyze(text, {}, { cache });
      cache.roll();
      analyses.push({ analysis, json: json(analysis) });
    }
    for (const [i, { analysis, json: before }] of analyses.entries()) {
      assert.equal(json(analysis), before, `analysis ${i} changed after later ones`);
      assert.equal(json(analysis), json(analyze(analysis.text)), `analysis ${i} is not the fresh one`);
    }
  });
});

describe('placeholder matches by heading segments', () => {
  // The reference: one scan of the whole text with the rule's pattern.
  const reference = (text: string) => {
    const re = new RegExp(PLACEHOLDER.source, 'gi');
    const out: { index: number; found: string }[] = [];
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) out.push({ index: m.index, found: m[0] });
    return out;
  };

  it('finds what one scan of the text finds, with {{ }} and {% %} running across headings, over edits', () => {
    const pieces = ['{{', '}}', '{%', '%}', '{', '}', '%', '{{{', 'f({"a": 1})', 'TBD', 'tbd', 'TODO', '\n# Heading\n', '\n## Sub\n', '\n   ### Deep\n', '\n', ' ', 'to be determined', 'lorem ipsum', '[More Information Needed]', 'x'.repeat(120), '\r\n#\r\n'];
    const rand = prng(21);
    let text = designDoc(100_000, 21);
    for (let round = 0; round < 150; round++) {
      let insert = '';
      const n = 1 + Math.floor(rand() * 12);
      for (let i = 0; i < n; i++) insert += pieces[Math.floor(rand() * pieces.length)]!;
      const at = Math.floor(rand() * text.length);
      text = rand() < 0.8 ? text.slice(0, at) + insert + text.slice(at) : text.slice(0, at) + text.slice(at + 200);
      assert.deepEqual(placeholderMatches(text), reference(text), `round ${round}`);
    }
    assert.ok(reference(text).some((m) => m.found.includes('#')), 'no match ran across a heading: the test would prove little');
  });
});

// No text lost: every edit the product offers is an insertion the user invokes. For every fix, quick fix,
// source action (insert all missing sections, fix all) and inserted section on a set of documents (the
// examples, the shared corpus, CRLF/BOM variants, generated documents), the result of applying it is the
// original with strings inserted: deleting the inserted strings restores the original exactly. Checked on
// the engine's edits, on the LSP WorkspaceEdits the server sends (plain and snippet edits, applied with
// vscode-languageserver-textdocument), and on what VS Code inserts for a snippet. Completions replace only
// the heading prefix the user typed on the current line.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, TextEdit as LspTextEdit } from 'vscode-languageserver';
import { analyze, createLineIndex } from '../../server/src/engine';
import { toCodeAction, type EditCapabilities } from '../../server/src/convert';
import { computeQuickFixes, computeSourceActions } from '../../server/src/features/code-actions';
import { computeCompletions } from '../../server/src/features/completion';
import { missingSectionInsertions } from '../../server/src/features/insertions';
import { markdownDoc } from '../fuzz/arbitraries';
import { applyInsertions, expandSnippet, insertionOnlyProblems, type Insert } from '../fuzz/invariants';

const ROOT = join(__dirname, '..', '..', '..');
const counts = { documents: 0, actions: 0, edits: 0, lspEdits: 0 };

function markdownFiles(dir: string): { name: string; text: string }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .map((f) => ({ name: join(dir, f), text: readFileSync(join(dir, f), 'utf8') }));
}

const examples = markdownFiles(join(ROOT, 'examples')).filter((d) => !d.name.endsWith('README.md'));
const corpus = markdownFiles(join(ROOT, '..', 'shared', 'corpus', 'docs'));
const variants = (docs: { name: string; text: string }[]) =>
  docs.flatMap((d) => [d, { name: `${d.name} (CRLF)`, text: d.text.replace(/\r?\n/g, '\r\n') }, { name: `${d.name} (BOM, CR)`, text: `\uFEFF${d.text.replace(/\r?\n/g, '\r')}` }]);
// A fixed seed: the same generated documents in every run (the fuzz tests vary them).
const generated = fc.sample(markdownDoc, { numRuns: 200, seed: 20240606 }).map((text, i) => ({ name: `generated #${i}`, text }));

const CAPS: readonly EditCapabilities[] = [
  { documentChanges: false, snippetEdits: false },
  { documentChanges: true, snippetEdits: false },
  { documentChanges: true, snippetEdits: true },
];

/** The text edits of a code action for one document, with the inserted text VS Code would produce. */
function lspEdits(action: CodeAction, uri: string): { range: LspTextEdit['range']; text: string }[] {
  const out: { range: LspTextEdit['range']; text: string }[] = [];
  for (const e of action.edit?.changes?.[uri] ?? []) out.push({ range: e.range, text: e.newText });
  for (const change of action.edit?.documentChanges ?? []) {
    const c = change as { textDocument?: { uri: string }; edits?: ({ range: LspTextEdit['range']; newText?: string; snippet?: { value: string } })[] };
    assert.equal(c.textDocument?.uri, uri, 'edits only the document the action is about');
    for (const e of c.edits ?? []) out.push({ range: e.range, text: e.snippet ? expandSnippet(e.snippet.value) : e.newText! });
  }
  assert.ok(action.edit === undefined || Object.keys(action.edit.changes ?? {}).every((u) => u === uri), 'edits no other document');
  return out;
}

function checkDocument(name: string, text: string): void {
  counts.documents++;
  const analysis = analyze(text);
  const lines = createLineIndex(text);
  const uri = 'file:///work/doc-design.md';
  const entries = [...computeQuickFixes(analysis, lines, analysis.findings), ...computeSourceActions(analysis)];
  const groups: { title: string; edits: readonly Insert[]; snippets: readonly (string | undefined)[] }[] = [
    ...analysis.findings.filter((f) => f.fix).map((f) => ({ title: `${f.ruleId}: ${f.fix!.title}`, edits: f.fix!.edits, snippets: f.fix!.edits.map((e) => e.snippet) })),
    ...entries.map((e) => ({ title: `${e.kind}: ${e.title}`, edits: e.edits, snippets: e.edits.map((x) => x.snippet) })),
  ];
  const insertions = missingSectionInsertions(analysis);
  if (insertions.length) groups.push({ title: 'mldoc/missingSections', edits: insertions, snippets: insertions.map((i) => i.snippet) });
  for (const g of groups) {
    counts.actions++;
    counts.edits += g.edits.length;
    const result = applyInsertions(text, g.edits);
    assert.deepEqual(insertionOnlyProblems(text, result, g.edits), [], `${name}: ${g.title}`);
    // The snippet form inserts the same text once its placeholders take their defaults.
    g.snippets.forEach((s, i) => {
      if (s !== undefined) assert.equal(expandSnippet(s), g.edits[i]!.text, `${name}: ${g.title}: snippet ${i} differs from its plain text`);
    });
  }
  // What goes over the wire: zero-width ranges only, and applying them loses nothing.
  const doc = TextDocument.create(uri, 'markdown', 1, text);
  for (const entry of entries) {
    for (const caps of CAPS) {
      const edits = lspEdits(toCodeAction(entry, lines, uri, 1, caps, []), uri);
      for (const e of edits) assert.deepEqual(e.range.start, e.range.end, `${name}: ${entry.title}: the LSP edit replaces text (${JSON.stringify(e.range)})`);
      counts.lspEdits += edits.length;
      const result = TextDocument.applyEdits(doc, edits.map((e) => ({ range: e.range, newText: e.text })));
      const asInserts = edits.map((e) => ({ offset: doc.offsetAt(e.range.start), text: e.text }));
      assert.deepEqual(insertionOnlyProblems(text, result, asInserts), [], `${name}: ${entry.title} over LSP (${JSON.stringify(caps)})`);
    }
  }
  // Completions on a heading being typed replace only that heading prefix.
  for (const typed of ['#', '## ', '### Dep']) {
    const eol = /\r\n/.test(text) ? '\r\n' : /\r/.test(text) ? '\r' : '\n';
    const withHeading = `${text}${eol}${eol}${typed}`;
    const a = analyze(withHeading);
    for (const c of computeCompletions(a, withHeading.length)) {
      assert.equal(withHeading.slice(c.replace.start, c.replace.end), typed.trimStart(), `${name}: completion '${c.label}' replaces ${JSON.stringify(withHeading.slice(c.replace.start, c.replace.end))}`);
    }
  }
}

describe('no text lost: every edit the product offers only inserts', () => {
  after(() => console.log(`# no-text-lost: ${counts.documents} documents, ${counts.actions} actions, ${counts.edits} engine edits, ${counts.lspEdits} LSP edits: all pure insertions`));

  it('the examples (and their CRLF, CR and BOM variants)', () => {
    assert.ok(examples.length >= 3, 'examples/*.md');
    for (const d of variants(examples)) checkDocument(d.name, d.text);
  });

  it('the shared corpus, when it sits beside the repository', () => {
    for (const d of variants(corpus)) checkDocument(d.name, d.text);
    assert.ok(corpus.length === 0 || counts.documents >= examples.length * 3 + corpus.length * 3);
  });

  it('200 generated documents (fixed seed)', () => {
    for (const d of generated) checkDocument(d.name, d.text);
    assert.ok(counts.actions > 200, `actions checked: ${counts.actions}`);
  });

  it('the checker itself catches a replacement and a deletion', () => {
    assert.notDeepEqual(insertionOnlyProblems('abc', 'aXc', [{ offset: 1, text: 'X' }]), []);
    assert.notDeepEqual(insertionOnlyProblems('abc', 'ac', []), []);
    assert.notDeepEqual(insertionOnlyProblems('a\r\nb', 'a\rX\nb', [{ offset: 2, text: 'X' }]), []);
    assert.deepEqual(insertionOnlyProblems('abc', 'aXbYc', [{ offset: 1, text: 'X' }, { offset: 2, text: 'Y' }]), []);
    assert.equal(expandSnippet('## ${1:Title}\\n\\$x ${2|a,b|} $3 ${4:outer ${5:inner}}'), '## Title\\n$x a  outer inner');
  });
});

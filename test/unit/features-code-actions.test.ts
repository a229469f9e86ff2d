import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, createLineIndex, type Analysis } from '../../server/src/engine';
import { applyEdits, computeQuickFixes, computeSourceActions, matchFindings, type ActionEntry } from '../../server/src/features/code-actions';
import { missingSectionInsertions } from '../../server/src/features/insertions';
import { toDiagnostic, toWorkspaceEdit } from '../../server/src/convert';
import { PARTIAL_DOC } from './feature-helpers';

const URI = 'file:///ws/fraud-design.md';

function diagnosticsOf(analysis: Analysis) {
  const lines = createLineIndex(analysis.text);
  return analysis.findings.map((f) => toDiagnostic(f, lines, URI));
}

/** The quick fixes a client gets for one of the diagnostics it shows. */
function quickFixesFor(analysis: Analysis, diagnostic: ReturnType<typeof diagnosticsOf>[number]): ActionEntry[] {
  const lines = createLineIndex(analysis.text);
  return computeQuickFixes(analysis, lines, matchFindings(analysis, lines, [diagnostic]));
}

const missing = (a: Analysis) => a.sections.filter((s) => s.status === 'missing').map((s) => s.id);

describe('code actions', () => {
  it('inserts a missing section; applying again offers nothing and never duplicates it', () => {
    const before = analyze(PARTIAL_DOC);
    const diagnostic = diagnosticsOf(before).find((d) => /Deployment/.test(String(d.message)));
    assert.ok(diagnostic, 'a diagnostic for the missing Deployment section');
    const fix = quickFixesFor(before, diagnostic).find((a) => a.isPreferred);
    assert.ok(fix);
    assert.equal(fix.kind, 'quickfix');
    assert.match(fix.title, /Deployment/);
    const once = applyEdits(PARTIAL_DOC, fix.edits);
    const after = analyze(once);
    assert.ok(!missing(after).includes('deployment'));
    assert.ok(missing(after).includes('model'), 'only that section was inserted');
    assert.equal(once.match(/^## Deployment$/gm)?.length, 1);
    assert.match(once, /\n\n## Deployment\n\n/);
    // The stale diagnostic (same rule, range and message) no longer matches a finding: no fix the second time.
    assert.deepEqual(quickFixesFor(after, diagnostic).filter((a) => a.isPreferred), []);
  });

  it('tells apart missing sections anchored on the same line', () => {
    const a = analyze(PARTIAL_DOC);
    const diags = diagnosticsOf(a).filter((d) => d.code === 'missing-section');
    assert.ok(diags.length >= 2);
    assert.deepEqual(diags[0]!.range, diags[1]!.range);
    const titles = diags.map((d) => quickFixesFor(a, d).find((x) => x.isPreferred)?.title);
    assert.equal(new Set(titles).size, diags.length);
  });

  it('disables a rule for one line', () => {
    const a = analyze(PARTIAL_DOC);
    const diagnostic = diagnosticsOf(a).find((d) => /Ethics/.test(String(d.message)))!;
    const action = quickFixesFor(a, diagnostic).find((x) => /for this line/.test(x.title));
    assert.ok(action);
    assert.equal(action.title, 'Disable missing-section for this line');
    const text = applyEdits(PARTIAL_DOC, action.edits);
    assert.match(text, /<!-- mldoc-disable-next-line missing-section -->\n/);
    const after = analyze(text);
    assert.ok(!after.findings.some((f) => f.ruleId === 'missing-section' && /Ethics/.test(f.message)));
  });

  it('disables a rule for the file, after the front matter', () => {
    const a = analyze(PARTIAL_DOC);
    const diagnostic = diagnosticsOf(a).find((d) => d.code === 'missing-section')!;
    const action = quickFixesFor(a, diagnostic).find((x) => /for this file/.test(x.title))!;
    const text = applyEdits(PARTIAL_DOC, action.edits);
    assert.ok(text.startsWith('---\nmldoc: true\n---\n<!-- mldoc-disable-file missing-section -->\n'));
    const after = analyze(text);
    assert.ok(after.optIn, 'front matter still first');
    assert.equal(after.findings.filter((f) => f.ruleId === 'missing-section').length, 0);
  });

  it('inserts all missing sections in lifecycle order as a source action, once', () => {
    const a = analyze(PARTIAL_DOC);
    const [insertAll] = computeSourceActions(a, ['source.mldoc.insertMissing']);
    assert.ok(insertAll);
    assert.equal(insertAll.kind, 'source.mldoc.insertMissing');
    const text = applyEdits(PARTIAL_DOC, insertAll.edits);
    const after = analyze(text);
    assert.deepEqual(missing(after), []);
    const order = ['## Model', '## Deployment', '## Monitoring', '## Security', '## Collaboration', '## Ethics'].map((h) => text.indexOf(`\n${h}`));
    assert.deepEqual(order, [...order].sort((x, y) => x - y));
    assert.ok(order.every((i) => i > 0));
    assert.doesNotMatch(text, /\n\n\n/, 'one blank line between sections');
    assert.deepEqual(computeSourceActions(after, ['source.mldoc.insertMissing']), []);
    assert.deepEqual(missingSectionInsertions(after), []);
  });

  it('fix-all applies every fix and leaves nothing fixable', () => {
    const a = analyze(PARTIAL_DOC);
    const fixAll = computeSourceActions(a, ['source.fixAll']).find((x) => x.kind === 'source.fixAll.mldoc');
    assert.ok(fixAll);
    const after = analyze(applyEdits(PARTIAL_DOC, fixAll.edits));
    assert.deepEqual(missing(after), []);
    assert.ok(!after.findings.some((f) => f.ruleId === 'missing-section'));
  });

  it('uses a snippet edit only when the client supports it', () => {
    const a = analyze(PARTIAL_DOC);
    const lines = createLineIndex(a.text);
    const fix = quickFixesFor(a, diagnosticsOf(a)[0]!).find((x) => x.isPreferred)!;
    const snippet = toWorkspaceEdit(fix.edits, lines, URI, 3, { documentChanges: true, snippetEdits: true });
    const edit = snippet.documentChanges![0]!;
    assert.ok('edits' in edit);
    assert.deepEqual(edit.textDocument, { uri: URI, version: 3 });
    assert.ok('snippet' in edit.edits[0]!);
    const plain = toWorkspaceEdit(fix.edits, lines, URI, 3, { documentChanges: false, snippetEdits: false });
    assert.ok(plain.changes?.[URI]?.[0]);
    assert.doesNotMatch(plain.changes[URI][0].newText, /\$\{/);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeCompletions } from '../../server/src/features/completion';
import { toCompletionItem } from '../../server/src/convert';
import { createLineIndex } from '../../server/src/engine';
import { analyzeAt, PARTIAL_DOC } from './feature-helpers';

const complete = (source: string) => {
  const { analysis, offset, text } = analyzeAt(source);
  return { items: computeCompletions(analysis, offset), text, offset, analysis };
};

describe('completion on heading lines', () => {
  it('offers the missing sections in lifecycle order after `## `, replacing what was typed', () => {
    const { items, text, offset } = complete(`${PARTIAL_DOC}\n## $$CURSOR$$`);
    assert.deepEqual(
      items.map((i) => i.label),
      ['Model Selection and Training', 'Deployment', 'Monitoring and Maintenance', 'Security and Privacy', 'Collaboration and Documentation', 'Ethics and Bias'],
    );
    const first = items[0]!;
    assert.equal(text.slice(first.replace.start, first.replace.end), '## ');
    assert.equal(first.replace.end, offset);
    assert.match(first.snippet, /^## Model Selection and Training\n\n\$\{1:/);
    assert.match(first.snippet, /\n### /, 'subsections one level deeper');
    assert.doesNotMatch(first.text, /\$\{/);
    assert.ok(first.documentation && first.documentation.length > 20, 'guidance as documentation');
    assert.equal(first.filterText, '## Model Selection and Training');
    assert.deepEqual(items.map((i) => i.sortText), [...items.map((i) => i.sortText)].sort());
  });

  it('uses the depth the document uses when only `#` is typed', () => {
    const { items, text } = complete(`${PARTIAL_DOC}\n#$$CURSOR$$`);
    assert.ok(items.length > 0);
    assert.equal(text.slice(items[0]!.replace.start, items[0]!.replace.end), '#');
    assert.match(items[0]!.snippet, /^## Model/);
    assert.equal(items[0]!.filterText, '# Model Selection and Training');
  });

  it('keeps what was typed after the hashes in the replaced range (`## Dep`)', () => {
    const { items, text } = complete(`${PARTIAL_DOC}\n## Dep$$CURSOR$$`);
    const deployment = items.find((i) => i.label === 'Deployment');
    assert.ok(deployment);
    assert.equal(text.slice(deployment.replace.start, deployment.replace.end), '## Dep');
  });

  it('still offers a section whose heading is the one being typed', () => {
    const { items } = complete(`${PARTIAL_DOC}\n## Deployment$$CURSOR$$`);
    assert.ok(items.some((i) => i.label === 'Deployment'));
  });

  it("offers the enclosing section's missing subsections after `###`", () => {
    const { items } = complete(`${PARTIAL_DOC}\n### $$CURSOR$$`);
    assert.ok(items.length > 0);
    assert.ok(items.every((i) => i.kind === 'subsection'));
    assert.ok(!items.some((i) => i.label === 'Data Sources and Collection'), 'present subsection not offered');
    assert.ok(items.some((i) => /quality/i.test(i.label)));
    assert.match(items[0]!.snippet, /^### /);
  });

  it('offers nothing on prose lines, after text on the line, or inside code', () => {
    assert.deepEqual(complete(`${PARTIAL_DOC}\nSee issue #$$CURSOR$$`).items, []);
    assert.deepEqual(complete(`${PARTIAL_DOC}\n## $$CURSOR$$Existing`).items, []);
    assert.deepEqual(complete(`${PARTIAL_DOC}\n\`\`\`bash\n# $$CURSOR$$\n\`\`\`\n`).items, []);
    assert.deepEqual(complete(`${PARTIAL_DOC}\n#hashtag$$CURSOR$$`).items, []);
  });

  it('falls back to plain text when the client has no snippet support', () => {
    const { items, text } = complete(`${PARTIAL_DOC}\n## $$CURSOR$$`);
    const lines = createLineIndex(text);
    const plain = toCompletionItem(items[0]!, lines, false);
    assert.equal(plain.insertTextFormat, 1);
    assert.ok(plain.textEdit && 'range' in plain.textEdit);
    assert.doesNotMatch(plain.textEdit.newText, /\$\{/);
    const snippet = toCompletionItem(items[0]!, lines, true);
    assert.equal(snippet.insertTextFormat, 2);
    assert.deepEqual(snippet.documentation && typeof snippet.documentation === 'object' ? snippet.documentation.kind : undefined, 'markdown');
  });
});

describe('completion in front matter', () => {
  it('offers the keys not yet present', () => {
    const { items } = complete('---\nmldoc: true\n$$CURSOR$$\n---\n\n# Doc\n');
    assert.deepEqual(items.map((i) => i.label), ['profile', 'status']);
    assert.match(items[1]!.snippet, /^status: \$\{1\|draft,review,approved\|\}$/);
    assert.equal(items[1]!.text, 'status: draft');
  });

  it('offers values for status, profile and mldoc', () => {
    assert.deepEqual(complete('---\nmldoc: true\nstatus: $$CURSOR$$\n---\n').items.map((i) => i.label), ['draft', 'review', 'approved']);
    const profiles = complete('---\nprofile: li$$CURSOR$$\n---\n');
    assert.ok(profiles.items.some((i) => i.label === 'lifecycle'));
    assert.equal(profiles.text.slice(profiles.items[0]!.replace.start, profiles.items[0]!.replace.end), 'li');
    assert.deepEqual(complete('---\nmldoc: $$CURSOR$$\n---\n').items.map((i) => i.label), ['true', 'false']);
  });

  it('offers nothing on the fence or for unknown keys', () => {
    assert.deepEqual(complete('---$$CURSOR$$\nmldoc: true\n---\n').items, []);
    assert.deepEqual(complete('---\nmldoc: true\ntitle: $$CURSOR$$\n---\n').items, []);
  });
});

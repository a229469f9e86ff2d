// Skeletons, snippet text and insertion padding, and the full document template.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine';
import { getProfile } from '../../server/src/engine/profiles';
import {
  escapeSnippet,
  insertionAt,
  joinSnippets,
  lineEnding,
  padInsertion,
  renderTemplate,
  sectionSkeleton,
  snippetToText,
  subsectionSkeleton,
  templateSkeleton,
} from '../../server/src/engine/snippets';

const lifecycle = getProfile('lifecycle')!;
const monitoring = lifecycle.sections.find((s) => s.id === 'monitoring')!;

function tabStops(snippet: string): number[] {
  return [...snippet.matchAll(/\$\{(\d+)[:}|]|\$(\d+)/g)].map((m) => Number(m[1] ?? m[2]));
}

describe('snippet text', () => {
  it('replaces tab stops with their default words and drops empty ones', () => {
    assert.equal(snippetToText('- Owner: ${1:team}, since $2${3}'), '- Owner: team, since ');
    assert.equal(snippetToText('cost \\$5 and \\} brace'), 'cost $5 and } brace');
  });

  it('renumbers tab stops when snippets are joined', () => {
    assert.equal(joinSnippets(['${1:a} $2', ' ${1:b}', ' ${1}', ' ${1|x,y|} \\$1']), '${1:a} $2 ${3:b} ${4} ${5|x,y|} \\$1');
    assert.equal(snippetToText('${1|first,second|} ${2:outer ${3:inner}}'), 'first outer inner');
    assert.equal(snippetToText(`<!-- \${1|${'long-rule-name,'.repeat(400)}last|} -->`), '<!-- long-rule-name -->');
  });

  it('escapes text for snippets so that it comes back unchanged', () => {
    const raw = 'Cost in $ {x} \\ done}';
    assert.equal(snippetToText(escapeSnippet(raw)), raw);
  });
});

describe('skeletons', () => {
  it('builds a section with its subsections one level deeper', () => {
    const s = sectionSkeleton(monitoring, 3);
    assert.match(s.text, /^### Monitoring and Maintenance\n\n/);
    for (const sub of monitoring.subsections) assert.ok(s.text.includes(`\n#### ${sub.title}\n`), sub.title);
    assert.doesNotMatch(s.text, /\$\{|\$\d/);
    const stops = tabStops(s.snippet);
    assert.deepEqual(stops, [...new Set(stops)].sort((a, b) => a - b), 'tab stops are unique and increasing');
  });

  it('clamps heading levels to 1..6', () => {
    assert.match(sectionSkeleton(monitoring, 9).text, /^###### /);
    assert.match(subsectionSkeleton(monitoring.subsections[0]!, 0).text, /^# /);
  });
});

describe('insertion padding', () => {
  it('detects the line ending of the document', () => {
    assert.equal(lineEnding('a\r\nb'), '\r\n');
    assert.equal(lineEnding('a\rb'), '\r');
    assert.equal(lineEnding('a\nb'), '\n');
    assert.equal(lineEnding('single line'), '\n');
  });

  it('separates the insertion from the text around it by one blank line', () => {
    const cases: [string, number, string, string][] = [
      ['', 0, '', '\n'],
      ['para\n', 5, '\n', ''],
      ['para', 4, '\n\n', ''],
      ['para\n\n', 6, '', ''],
      ['para\n\n## Next\n', 6, '', '\n'],
      ['para\n## Next\n', 5, '\n', '\n'],
      ['## Next\n', 0, '', '\n'],
      ['para\n\n\n## Next', 6, '', ''],
    ];
    for (const [text, offset, prefix, suffix] of cases) {
      const p = padInsertion(text, offset);
      assert.deepEqual([p.prefix, p.suffix], [prefix, suffix], JSON.stringify([text, offset]));
    }
  });

  it('uses the document line ending, CRLF or CR', () => {
    const sk = { text: '## A\n\nbody\n', snippet: '## A\n\n${1:body}\n' };
    assert.equal(insertionAt('para\r\n## Next\r\n', 6, sk).text, '\r\n## A\r\n\r\nbody\r\n\r\n');
    assert.equal(insertionAt('para\r## Next\r', 5, sk).text, '\r## A\r\rbody\r\r');
    assert.equal(insertionAt('para\r\n## Next\r\n', 6, sk).snippet, '\r\n## A\r\n\r\n${1:body}\r\n\r\n');
  });
});

describe('the document template', () => {
  const text = renderTemplate(lifecycle);
  const a = analyze(text);

  it('opts in, has a title and every section in lifecycle order', () => {
    assert.ok(a.optIn);
    assert.match(text, /^<!-- mldoc -->\n# System name: ML design doc\n/);
    const positions = lifecycle.sections.map((s) => text.indexOf(`\n## ${s.title}\n`));
    assert.ok(positions.every((p) => p > 0));
    assert.deepEqual([...positions].sort((x, y) => x - y), positions);
  });

  it('analyses with every section and subsection present and no structural finding', () => {
    assert.ok(a.sections.every((s) => s.status !== 'missing' && s.status !== 'empty'), a.sections.map((s) => `${s.id}:${s.status}`).join(' '));
    assert.ok(a.sections.every((s) => s.subsections.every((x) => x.status !== 'missing')));
    const structural = ['missing-section', 'missing-subsection', 'empty-section', 'duplicate-section', 'out-of-order-section', 'skipped-heading-level', 'placeholder-text'];
    assert.deepEqual(a.findings.filter((f) => structural.includes(f.ruleId)).map((f) => f.message), []);
  });

  it('is the snippet with its defaults, tab stops numbered once across the document', () => {
    const sk = templateSkeleton(lifecycle);
    assert.equal(snippetToText(sk.snippet), text);
    const stops = tabStops(sk.snippet);
    assert.deepEqual(stops, [...new Set(stops)].sort((x, y) => x - y));
    assert.equal(stops[0], 1);
  });

  it('takes a title (escaped for the snippet) and can leave the marker out', () => {
    const titled = templateSkeleton(lifecycle, { title: 'Pricing $ model', marker: false });
    assert.match(titled.text, /^# Pricing \$ model\n\nOne paragraph/);
    assert.match(titled.snippet, /^# Pricing \\\$ model\n\n\$\{1:/);
  });
});

// Deterministic inputs for the benchmark: a realistic ML design doc of any size, and pathological inputs
// (shapes on which remark/micromark is quadratic or worse). Same seed -> same text, byte for byte.

/** Small seeded PRNG (mulberry32). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SECTIONS = [
  ['Problem Statement', ['Business objective', 'Success metrics', 'Scope and constraints']],
  ['Data', ['Data sources', 'Labelling', 'Feature engineering', 'Data quality']],
  ['Model', ['Baseline', 'Training', 'Offline evaluation', 'Hyperparameter tuning']],
  ['Deployment', ['Serving', 'Scaling and latency', 'A/B rollout']],
  ['Monitoring', ['Drift detection', 'Alerts', 'Retraining']],
  ['Security and Privacy', ['Access control', 'Encryption', 'GDPR and consent']],
  ['Collaboration', ['Roles and ownership', 'Stakeholders']],
  ['Ethics', ['Fairness and bias', 'Explainability', 'Human oversight']],
];
const WORDS = (
  'the model predicts churn from usage events and billing history we train a gradient boosted tree on daily ' +
  'snapshots features are computed in the feature store labels come from cancellations within thirty days ' +
  'latency budget is fifty milliseconds at p99 the service scales horizontally behind a load balancer drift ' +
  'is tracked with population stability index alerts page the on-call engineer retraining runs weekly access ' +
  'to raw data is restricted encryption at rest and in transit fairness is measured across regions and age ' +
  'groups the product team owns the roadmap data engineering owns the pipelines precision recall auc calibration'
).split(' ');

function sentence(rnd) {
  const n = 8 + Math.floor(rnd() * 14);
  const w = [];
  for (let i = 0; i < n; i++) w.push(WORDS[Math.floor(rnd() * WORDS.length)]);
  if (rnd() < 0.3) w[Math.floor(rnd() * n)] = `**${w[Math.floor(rnd() * n)]}**`;
  if (rnd() < 0.2) w[Math.floor(rnd() * n)] = `\`${w[Math.floor(rnd() * n)]}\``;
  if (rnd() < 0.1) w[Math.floor(rnd() * n)] = `[link](https://example.com/${Math.floor(rnd() * 1000)})`;
  const s = w.join(' ');
  return s[0].toUpperCase() + s.slice(1) + '.';
}
const paragraph = (rnd) => Array.from({ length: 2 + Math.floor(rnd() * 4) }, () => sentence(rnd)).join(' ');

function block(rnd) {
  const r = rnd();
  if (r < 0.5) return paragraph(rnd);
  if (r < 0.7) {
    const items = Array.from({ length: 3 + Math.floor(rnd() * 4) }, () => `- ${sentence(rnd)}`);
    if (rnd() < 0.4) items.splice(1, 0, `  - ${sentence(rnd)}`, `  - ${sentence(rnd)}`);
    return items.join('\n');
  }
  if (r < 0.8) {
    const rows = Array.from({ length: 3 + Math.floor(rnd() * 5) }, (_, i) => `| m${i} | ${(rnd() * 100).toFixed(1)} | ${WORDS[i % WORDS.length]} |`);
    return ['| metric | value | note |', '|---|---|---|', ...rows].join('\n');
  }
  if (r < 0.9) return ['```python', 'def features(df):', '    return df.groupby("user").agg({"events": "sum"})', '```'].join('\n');
  return `> ${sentence(rnd)}\n> ${sentence(rnd)}`;
}

/** A design doc of about `bytes` characters: the eight lifecycle sections, repeated with numbered subsections. */
export function designDoc(bytes, seed = 1) {
  const rnd = prng(seed);
  const out = ['<!-- mldoc -->', '', '# Churn Prediction Design', '', paragraph(rnd), ''];
  let size = out.join('\n').length;
  let round = 0;
  while (size < bytes) {
    for (const [title, subs] of SECTIONS) {
      const parts = [round === 0 ? `## ${title}` : `## ${title} (part ${round + 1})`, '', paragraph(rnd), ''];
      for (const sub of subs) {
        parts.push(`### ${sub}${round ? ` ${round + 1}` : ''}`, '');
        const n = 1 + Math.floor(rnd() * 3);
        for (let i = 0; i < n; i++) parts.push(block(rnd), '');
      }
      const s = parts.join('\n') + '\n';
      out.push(s);
      size += s.length + 1;
      if (size >= bytes) break;
    }
    round++;
  }
  return out.join('\n').slice(0, bytes);
}

const repeatTo = (unit, bytes) => unit.repeat(Math.max(1, Math.ceil(bytes / unit.length))).slice(0, bytes);
/** Blocks of 64 KB made by `block(size)`, separated by blank lines, about `bytes` in all. */
const blocksOf = (block, bytes) => Array.from({ length: Math.max(1, Math.floor(bytes / 65_536)) }, () => block(Math.min(65_536, bytes))).join('\n\n');

/** Pathological families, each ~`bytes` long. */
export function pathological(bytes) {
  const half = (s) => Math.floor(bytes / 2 / s.length);
  const nEm = Math.floor(bytes / 7);
  const cell = (i, w) => `${w}${i}`.padEnd(36, ' ');
  return {
    'nested-quotes': '>'.repeat(bytes - 1) + 'a',
    'nested-quote-lines': Array.from({ length: Math.floor(Math.sqrt(2 * bytes)) }, (_, i) => '>'.repeat(i + 1) + ' a').join('\n'),
    brackets: '['.repeat(half('[')) + 'a' + ']'.repeat(half(']')),
    'emphasis-nest': '*a **a '.repeat(Math.floor(nEm / 2)) + 'b' + ' a** a*'.repeat(Math.floor(nEm / 2)),
    'star-a-one-line': repeatTo('*a', bytes),
    'bracket-a-underscore': repeatTo('[ a_', bytes),
    'link-angle': repeatTo('[a](<b', bytes),
    'deep-list': Array.from({ length: Math.floor(Math.sqrt(bytes)) }, (_, i) => ' '.repeat(2 * i) + '- a').join('\n'),
    'one-line': repeatTo('word ', bytes),
    // 5,000 rows of five wide cells, like a real results table.
    'table-5000': ['| run | model | metric | value | note |', '|---|---|---|---|---|', ...Array.from({ length: 5000 }, (_, i) => `| ${cell(i, 'run-')} | ${cell(i, 'gbdt-v')} | ${cell(i, 'auc@')} | ${(i % 97) / 100} | ${cell(i, 'seed ')} |`)].join('\n'),
    // Blocks of 64 KB (under the 256 KB of a block the line scan takes anyway), separated by blank lines:
    // 17,000 lists opened on one line ("1. 1. 1. ...": mdast's list preparation is quadratic in the depth);
    'ordered-one-line': blocksOf((n) => repeatTo('1. ', n), bytes),
    // quotes opened inside a list item on one line;
    'quotes-in-list': blocksOf((n) => '- ' + repeatTo('>', n - 2), bytes),
    // unclosed HTML comments inside a heading (each rescans to the end of the line for its "-->");
    'comments-in-heading': blocksOf((n) => '## ' + repeatTo('<!--', n - 3), bytes),
    // "](" without a "[" (the footnote extension looks back from every "]");
    closers: blocksOf((n) => repeatTo('](', n), bytes),
    // characters that may start a construct and do not (micromark merges the text pieces by splices);
    'failed-construct-starts': blocksOf((n) => repeatTo(']([a', n), bytes),
    // a heading of unclosed "(" (the heading's normal form drops "(...)" qualifiers).
    'parens-heading': blocksOf((n) => '## ' + repeatTo('(', n - 3), bytes),
    // HTML blocks of unclosed tags, 64 KB each (under the 256 KB of a block the line scan takes instead): a
    // regex that strips tags with [^>]* scans to the end of the block from every "<" (quadratic).
    'html-unclosed-tags': Array.from({ length: Math.max(1, Math.floor(bytes / 65_536)) }, () => '<div>\n' + repeatTo('<a', 65_536)).join('\n\n'),
    // One line of "a." with a URL at its end: a URL pattern with an unbounded scheme scans from every word
    // boundary to the end of the run (quadratic).
    'dotted-run-url': repeatTo('a.', bytes - 20) + ' http://x.org/a',
    // 20,000 headings, each with a line of text.
    'headings-20000': Array.from({ length: 20000 }, (_, i) => `## Heading ${i} about data\n\nModel training notes ${i}.\n`).join('\n'),
  };
}

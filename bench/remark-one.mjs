// Child process of the benchmark: parses one generated input once with unified + remark-parse + remark-gfm (what
// the engine uses) and prints {"ms", "bytes"}. Run with a timeout by the parent.
//   node bench/remark-one.mjs KIND BYTES     (KIND: design | a pathological family)
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { designDoc, pathological } from './generate.mjs';

const [kind, size] = [process.argv[2], Number(process.argv[3])];
const text = kind === 'design' ? designDoc(size) : pathological(size)[kind];
if (text === undefined) throw new Error(`unknown input ${kind}`);
const processor = unified().use(remarkParse).use(remarkGfm);
processor.parse('# Warm-up\n\nSome *text* and a [link](x).\n\n- a\n- b\n\n| a |\n|---|\n| b |\n');
const t = performance.now();
processor.parse(text);
process.stdout.write(JSON.stringify({ kind, bytes: text.length, ms: performance.now() - t }) + '\n');

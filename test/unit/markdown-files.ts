// Texts of the Markdown documents the tests compare fast paths on: the examples and the labelled corpus.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The repository root (tests run from out/test/unit/). */
export const REPO_ROOT = join(__dirname, '../../..');

/** The texts of the `.md` files in `dir` (README.md left out); none when the folder is missing. */
export function markdownFilesIn(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.md') && f !== 'README.md')
      .map((f) => readFileSync(join(dir, f), 'utf8'));
  } catch {
    return [];
  }
}

/** The bundled examples; the corpus beside the clone (../shared/corpus/docs) and the unseen documents kept
 * here (test/documents/unseen). */
export const examplesAndCorpus = () => ({
  examples: markdownFilesIn(join(REPO_ROOT, 'examples')),
  corpus: [...markdownFilesIn(join(REPO_ROOT, '../shared/corpus/docs')), ...markdownFilesIn(join(REPO_ROOT, 'test/documents/unseen'))],
});

// Which Markdown documents are design docs: those whose path matches the include globs (relative to a
// workspace folder, or absolute) and no exclude glob, and those that opt in by themselves (front matter
// `mldoc: true` or a `profile:` key, or a `<!-- mldoc -->` marker). A README stays quiet.
import picomatch from 'picomatch';

const matchers = new Map<string, (path: string) => boolean>();

function matcherFor(globs: readonly string[]): (path: string) => boolean {
  const key = JSON.stringify(globs);
  let m = matchers.get(key);
  if (!m) {
    try {
      const compiled = globs.length ? picomatch([...globs], { dot: true, }) : () => false;
      m = (p: string) => {
        try {
          return compiled(p);
        } catch {
          return false;
        }
      };
    } catch {
      m = () => false;
    }
    if (matchers.size > 50) matchers.clear();
    matchers.set(key, m);
  }
  return m;
}

const slash = (p: string) => p.replace(/\\/g, '/');

/** The path relative to the innermost workspace folder that contains it, if any. */
export function relativeToFolders(filePath: string, folders: readonly string[]): string | undefined {
  const p = slash(filePath);
  let best: string | undefined;
  for (const f of folders) {
    const root = slash(f).replace(/\/+$/, '');
    if (p.startsWith(root + '/') && (!best || root.length > best.length)) best = root;
  }
  return best !== undefined ? p.slice(best.length + 1) : undefined;
}

export function matchesGlobs(filePath: string, folders: readonly string[], include: readonly string[], exclude: readonly string[] = []): boolean {
  const abs = slash(filePath);
  const rel = relativeToFolders(abs, folders);
  const candidates = rel !== undefined ? [rel, abs] : [abs];
  const inc = matcherFor(include);
  const exc = matcherFor(exclude);
  return candidates.some((c) => inc(c)) && !candidates.some((c) => exc(c));
}

const MARKER = /<!--\s*mldoc\s*-->/;
const FRONT_MATTER = /^\uFEFF?(?:---|\+\+\+)[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.|\+\+\+)[ \t]*(?:\r?\n|$)/;

/**
 * A cheap test that is true whenever the engine's Analysis.optIn may be true (a superset): the server uses it to
 * avoid analysing every Markdown file just to learn it is not a design doc. The analysis has the last word.
 */
export function mayOptIn(text: string): boolean {
  if (MARKER.test(text)) return true;
  const fm = FRONT_MATTER.exec(text.slice(0, 20_000));
  return fm !== null && /^[ \t]*["']?(?:mldoc|profile)["']?[ \t]*[:=]/m.test(fm[1]!);
}

export function isMarkdown(languageId: string, uri: string): boolean {
  return /^(markdown|mdx|md|markdown\.\w+)$/i.test(languageId) || /\.(md|markdown|mdown|mkd|mdx)$/i.test(uri.replace(/[?#].*$/, ''));
}

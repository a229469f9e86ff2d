// Command-line PATH|GLOB arguments -> the files to check. Files named explicitly are always checked; folders
// are walked (skipping node_modules and .git) for Markdown files that the config includes or that opt in;
// globs are matched with picomatch while walking from their literal base folder.
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import picomatch from 'picomatch';
import type { ConfigResolver } from './config';

export interface Target {
  /** Absolute path. */
  readonly abs: string;
  /** The path to print: as given, or joined to the folder or glob base it was found under. */
  readonly display: string;
  /** How the file was selected: named, or found by walking a folder (then it must be included or opt in). */
  readonly via: 'file' | 'folder' | 'glob';
}

export interface Expansion {
  readonly targets: Target[];
  /** Arguments that name nothing (missing files, globs without a match), in words. */
  readonly problems: string[];
}

const SKIP_DIRS = new Set(['node_modules', '.git']);
const MARKDOWN = /\.(md|markdown)$/i;

export function expandTargets(args: readonly string[], cwd: string, configs: ConfigResolver): Expansion {
  const targets: Target[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const add = (t: Target) => {
    if (seen.has(t.abs)) return;
    seen.add(t.abs);
    targets.push(t);
  };
  for (const arg of args) {
    const abs = resolve(cwd, arg);
    const kind = statKind(abs);
    if (kind === 'file') add({ abs, display: arg, via: 'file' });
    else if (kind === 'dir') {
      for (const file of walkMarkdown(abs)) {
        if (!configs.forFile(file).isExcluded(file)) add({ abs: file, display: join(arg, relative(abs, file)), via: 'folder' });
      }
    } else if (picomatch.scan(arg).isGlob) {
      if (expandGlob(arg, cwd, configs, add) === 0) problems.push(`No files match the pattern '${arg}'`);
    } else problems.push(`No such file or directory: ${arg}`);
  }
  return { targets, problems };
}

/** Adds the Markdown files matching `pattern`; returns how many matched (before de-duplication). */
function expandGlob(pattern: string, cwd: string, configs: ConfigResolver, add: (t: Target) => void): number {
  const posix = pattern.split('\\').join('/');
  const scan = picomatch.scan(posix);
  const baseArg = scan.base;
  const baseAbs = resolve(cwd, baseArg || '.');
  if (statKind(baseAbs) !== 'dir') return 0;
  const isMatch = picomatch(scan.glob, { dot: false });
  let matched = 0;
  for (const file of walkMarkdown(baseAbs, (rel) => isMatch(rel))) {
    if (configs.forFile(file).isExcluded(file)) continue;
    matched++;
    const rel = relative(baseAbs, file);
    add({ abs: file, display: baseArg ? join(baseArg, rel) : rel, via: 'glob' });
  }
  return matched;
}

/** Markdown files under `root`, sorted, not following symbolic links to folders. */
export function walkMarkdown(root: string, keep: (relPosix: string) => boolean = () => true): string[] {
  const out: string[] = [];
  const visit = (dir: string, rel: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // unreadable folder: nothing to check there
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const childRel = rel ? `${rel}/${e.name}` : e.name;
      const child = join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) visit(child, childRel);
      } else if (MARKDOWN.test(e.name) && (e.isFile() || (e.isSymbolicLink() && statKind(child) === 'file')) && keep(childRel)) {
        out.push(child);
      }
    }
  };
  visit(root, '');
  return out;
}

function statKind(p: string): 'file' | 'dir' | undefined {
  try {
    const s = statSync(p);
    return s.isFile() ? 'file' : s.isDirectory() ? 'dir' : undefined;
  } catch {
    return undefined;
  }
}

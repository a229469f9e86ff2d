// mldoc init [FILE]: a new design doc from the profile's template. Never overwrites (exclusive create).
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { DEFAULT_PROFILE, getProfile } from '../../engine/profiles';
import { renderTemplate } from '../../engine/snippets';
import type { Options } from '../args';
import { createConfigResolver } from '../config';
import { reportConfigProblems } from '../documents';
import { EXIT, UsageError, type CliIo, type ExitCode } from '../io';
import { titleFromFileName } from '../template';

export const DEFAULT_DOC_NAME = 'design-doc.md';

export function runInit(opts: Options, io: CliIo): ExitCode {
  if (opts.paths.length > 1) throw new UsageError(`mldoc init: give at most one FILE, not ${opts.paths.length}`);
  let target = resolve(io.cwd, opts.paths[0] ?? DEFAULT_DOC_NAME);
  if (isDir(target)) target = join(target, DEFAULT_DOC_NAME);
  const shown = relative(io.cwd, target) || target;
  const configs = createConfigResolver(io.cwd, opts);
  const config = configs.forFile(target);
  if (reportConfigProblems(configs, io)) return EXIT.usage;
  const id = config.engine.profile ?? DEFAULT_PROFILE;
  const profile = config.engine.customProfiles?.find((p) => p.id === id) ?? getProfile(id) ?? getProfile(DEFAULT_PROFILE)!;
  // A profile chosen on the command line (not by the config that applies) is recorded in front matter, which
  // also opts the file in; otherwise the opt-in marker goes only where the file name alone would not.
  const ownProfile = opts.profile !== undefined && opts.profile !== (config.user.profile ?? DEFAULT_PROFILE);
  const body = renderTemplate(profile, { title: titleFromFileName(basename(target)), marker: !ownProfile && !config.isIncluded(target) });
  const text = ownProfile ? `---\nprofile: ${profile.id}\n---\n\n${body}` : body;
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text, { flag: 'wx' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.err(code === 'EEXIST' ? `mldoc: ${shown} already exists; not overwritten (give another FILE)\n` : `mldoc: cannot write ${shown} (${code ?? String(e)})\n`);
    return EXIT.usage;
  }
  io.out(`Created ${shown} from the '${profile.id}' profile (${profile.sections.length} sections). Fill in each section, then run: mldoc check ${shown}\n`);
  return EXIT.ok;
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

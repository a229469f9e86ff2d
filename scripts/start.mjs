// npm start: opens examples/ in a real VS Code with the extension loaded.
//   Desktop: `code --extensionDevelopmentPath=<repo> examples` where a `code` command exists.
//   Otherwise: packages the .vsix, installs it into code-server (scripts/setup-code-server.sh) with a profile kept in
//   .vscode-test/start-profile, serves examples/ on 127.0.0.1 and prints the URL; Ctrl-C stops it.
// Env: PORT picks the port (default: a free one).
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createProfile, installExtension, root, startCodeServer } from './code-server.mjs';

const examples = join(root, 'examples');

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
}

function hasDesktopCode() {
  return spawnSync('sh', ['-c', 'command -v code'], { stdio: 'ignore' }).status === 0 && !process.env.MLDOC_START_CODE_SERVER;
}

async function main() {
  if (hasDesktopCode()) {
    run(process.execPath, ['scripts/build.mjs']);
    spawn('code', [`--extensionDevelopmentPath=${root}`, examples], { stdio: 'inherit', detached: true }).unref();
    console.log(`Opened ${examples} in VS Code with the extension from ${root}.`);
    return;
  }
  run('npm', ['run', 'package']);
  run('bash', ['scripts/setup-code-server.sh']);
  const profile = createProfile(join(root, '.vscode-test', 'start-profile'));
  installExtension(profile, join(root, 'mldoc.vsix'));
  const server = await startCodeServer(profile, { ...(process.env.PORT ? { port: Number(process.env.PORT) } : {}) });
  console.log(`\nML Design Doc in code-server (VS Code in the browser):\n\n  ${server.url(examples)}\n\nCtrl-C stops it.`);
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await server.exited;
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});

#!/usr/bin/env node
// Entry point of the language server: LSP over --stdio, --node-ipc or --socket=N (vscode-languageserver reads
// the transport from argv). `mldoc-language-server --stdio` is how Neovim, Helix and Emacs start it.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

if (process.argv.includes('--version')) {
  process.stdout.write('mldoc-language-server 0.1.0\n');
  process.exit(0);
}
const fromEnv = Number(process.env['MLDOC_DEBOUNCE_MS']);
const connection = createConnection(ProposedFeatures.all);
// Last resort: a bug must be logged, not take the editor's server down.
process.on('uncaughtException', (e) => connection.console.error(`[mldoc] uncaught: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
process.on('unhandledRejection', (e) => connection.console.error(`[mldoc] unhandled rejection: ${String(e)}`));
startServer(connection, Number.isFinite(fromEnv) && fromEnv >= 0 && process.env['MLDOC_DEBOUNCE_MS'] ? { debounceMs: fromEnv } : {});

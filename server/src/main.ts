#!/usr/bin/env node
// Entry point of the language server: LSP over --stdio, --node-ipc or --socket=N (vscode-languageserver reads
// the transport from argv; --stdio uses our own reader, see stdio.ts). `mldoc-language-server --stdio` is how
// Neovim, Helix and Emacs start it. Every transport checks the shape of message parameters (params-check.ts).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createParamsStrategy } from './params-check';
import { startServer } from './server';
import { createStdioTransport } from './stdio';
import { tuneV8 } from './v8-tuning';

tuneV8();

if (process.argv.includes('--version')) {
  process.stdout.write('mldoc-language-server 0.1.0\n');
  process.exit(0);
}
const fromEnv = Number(process.env['MLDOC_DEBOUNCE_MS']);
let log = (message: string): void => void process.stderr.write(`${message}\n`);
const options = { messageStrategy: createParamsStrategy((m) => log(`[mldoc] ${m}`)) };
const stdio = process.argv.includes('--stdio') ? createStdioTransport() : undefined;
const connection = stdio ? createConnection(ProposedFeatures.all, stdio.reader, stdio.writer, options) : createConnection(ProposedFeatures.all, options);
stdio?.attach(connection);
log = (message) => connection.console.error(message);
// Last resort: a bug must be logged, not take the editor's server down.
process.on('uncaughtException', (e) => connection.console.error(`[mldoc] uncaught: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
process.on('unhandledRejection', (e) => connection.console.error(`[mldoc] unhandled rejection: ${String(e)}`));
startServer(connection, Number.isFinite(fromEnv) && fromEnv >= 0 && process.env['MLDOC_DEBOUNCE_MS'] ? { debounceMs: fromEnv } : {});

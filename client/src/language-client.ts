// Starts dist/server.js as a Node module over IPC and keeps it alive: restart after a crash, stop and say so after
// repeated crashes. No middleware: the client renders what the server sends.
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type ErrorHandler,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { onStreamError, recordCrash } from './restart-policy';

export interface CrashTracker {
  reset(): void;
}

function createErrorHandler(output: vscode.LogOutputChannel, onGiveUp: () => void, restart: () => Promise<void>): ErrorHandler & CrashTracker {
  let crashes: number[] = [];
  let restarting = false;
  return {
    reset: () => {
      crashes = [];
    },
    // Errors on the message stream: a few in a row pass (logged, no pop-up); more mean the connection is broken,
    // which counts as a crash under the same policy as the server exiting (restart-policy.ts).
    error: (error, _message, count) => {
      if (restarting) return { action: ErrorAction.Continue, handled: true };
      const decision = onStreamError(count, crashes, Date.now());
      if (decision.action === 'continue') {
        output.warn(`The connection to the language server reported an error${count ? ` (${count} in a row)` : ''}: ${error.message}`);
        return { action: ErrorAction.Continue, handled: true };
      }
      crashes = decision.crashes;
      if (decision.action === 'restart') {
        output.warn(`The connection to the language server keeps failing (${count} errors in a row); restarting it (${crashes.length} time(s) recently).`);
        restarting = true;
        void restart()
          .catch((e: unknown) => output.error(`Restarting the language server failed: ${e instanceof Error ? e.message : String(e)}`))
          .finally(() => {
            restarting = false;
          });
        return { action: ErrorAction.Continue, handled: true };
      }
      output.error(`The connection to the language server keeps failing (${count} errors in a row); it is shut down.`);
      onGiveUp();
      return { action: ErrorAction.Shutdown, handled: true };
    },
    closed: () => {
      const outcome = recordCrash(crashes, Date.now());
      crashes = outcome.crashes;
      if (outcome.restart) {
        output.warn(`The language server stopped unexpectedly (${crashes.length} time(s) recently); restarting.`);
        return { action: CloseAction.Restart, handled: true };
      }
      onGiveUp();
      return { action: CloseAction.DoNotRestart, handled: true };
    },
  };
}

async function reportGiveUp(output: vscode.LogOutputChannel): Promise<void> {
  const restart = 'Restart Server';
  const show = 'Show Output';
  const choice = await vscode.window.showErrorMessage(
    'ML Design Doc: the language server crashed repeatedly and was not restarted.',
    restart,
    show,
  );
  if (choice === restart) await vscode.commands.executeCommand('mldoc.restartServer');
  else if (choice === show) output.show(true);
}

export function createLanguageClient(
  context: vscode.ExtensionContext,
  output: vscode.LogOutputChannel,
): { client: LanguageClient; crashes: CrashTracker } {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  // The client exists by the time a stream error can occur.
  let client: LanguageClient | undefined;
  const errorHandler = createErrorHandler(output, () => void reportGiveUp(output), async () => client?.restart());
  const configWatcher = vscode.workspace.createFileSystemWatcher('**/.mldoc.{json,yaml,yml}');
  context.subscriptions.push(configWatcher);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
    ],
    synchronize: {
      configurationSection: 'mldoc',
      fileEvents: configWatcher,
    },
    outputChannel: output,
    errorHandler,
  };
  // The id `mldoc` makes vscode-languageclient read the `mldoc.trace.server` setting.
  client = new LanguageClient('mldoc', 'ML Design Doc', serverOptions, clientOptions);
  return { client, crashes: errorHandler };
}

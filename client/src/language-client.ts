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
import { recordCrash } from './restart-policy';

export interface CrashTracker {
  reset(): void;
}

function createErrorHandler(output: vscode.LogOutputChannel, onGiveUp: () => void): ErrorHandler & CrashTracker {
  let crashes: number[] = [];
  return {
    reset: () => {
      crashes = [];
    },
    error: () => ({ action: ErrorAction.Continue }),
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
  const errorHandler = createErrorHandler(output, () => void reportGiveUp(output));
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
  const client = new LanguageClient('mldoc', 'ML Design Doc', serverOptions, clientOptions);
  return { client, crashes: errorHandler };
}

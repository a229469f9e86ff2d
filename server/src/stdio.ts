// The --stdio transport with a message reader the server holds itself. vscode-languageserver builds its own
// reader for --stdio and ignores the reader's errors: a frame whose body is not JSON vanished without an answer,
// and after a broken header (no Content-Length, not a number) the byte stream cannot be split into messages
// again, so the server went deaf until stdin closed. Here:
// - a body that is not valid JSON (the frame itself was well delimited): a JSON-RPC ParseError (-32700, id
//   null) is sent, one line is logged, and the next frames are read as usual;
// - a broken header (no Content-Length, not a number): one line is logged. When the garbage ended like a header
//   block, the next frame is read as usual; when it was a misframed body, every later frame merges with the
//   garbage before it and fails too. After three such errors in a row, with no message read in between, one
//   clear message is logged and the server exits (code 1), so that the client can see it and restart it
//   (vscode-languageclient does; other editors report the exit) instead of talking to a server that can never
//   answer again;
// - a body announced longer than what arrives: vscode-jsonrpc keeps waiting for the bytes (it cannot know);
//   one line is logged while it waits, and the server exits when stdin closes.
// Everything vscode-languageserver does for --stdio is kept: exit when stdin ends (0 after shutdown, else 1),
// and console output goes to the client's log, never to stdout (which carries the protocol).
import { inspect } from 'node:util';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';

export interface StdioTransport {
  readonly reader: StreamMessageReader;
  readonly writer: StreamMessageWriter;
  /** Call once the connection exists: logs go to the client, console is redirected, shutdown is tracked. */
  attach(connection: { console: { error(m: string): void; warn(m: string): void; info(m: string): void; log(m: string): void }; onShutdown(h: () => void): void }): void;
}

/** Framing errors in a row (no message read in between) after which the stream is taken as lost. */
export const MAX_FRAMING_ERRORS = 3;

export function createStdioTransport(exit: (code: number) => void = (code) => process.exit(code)): StdioTransport {
  let framingErrors = 0;
  // A message read in full: the stream is in step again.
  class Reader extends StreamMessageReader {
    override listen(callback: Parameters<StreamMessageReader['listen']>[0]) {
      return super.listen((message) => {
        framingErrors = 0;
        callback(message);
      });
    }
  }
  const reader = new Reader(process.stdin);
  const writer = new StreamMessageWriter(process.stdout);
  let log: (message: string) => void = (m) => process.stderr.write(`${m}\n`);
  let shutdown = false;
  let waitingLogged = false;
  let exiting = false;
  reader.onError((error) => {
    if (error instanceof SyntaxError) {
      log(`[mldoc] A message from the client is not valid JSON (${error.message}); answered with ParseError.`);
      void writer.write({ jsonrpc: '2.0', id: null, error: { code: -32700, message: `Parse error: the message body is not valid JSON (${error.message})` } } as never).catch(() => undefined);
      return;
    }
    if (exiting) return;
    const what = error.message.split('\n')[0];
    if (++framingErrors < MAX_FRAMING_ERRORS) {
      log(`[mldoc] The client sent a malformed message header (${what}); skipped.`);
      return;
    }
    exiting = true;
    log(`[mldoc] The client sent ${framingErrors} malformed message headers in a row (the last: ${what}). The byte stream cannot be split into messages any more: the server exits so that the client can restart it.`);
    // Let the log line reach the client first.
    setTimeout(() => exit(1), 50);
  });
  reader.onPartialMessage((info) => {
    if (waitingLogged) return;
    waitingLogged = true;
    log(`[mldoc] Waiting ${info.waitingTime} ms for the rest of a message (its Content-Length announces more bytes than arrived).`);
  });
  const ended = () => exit(shutdown ? 0 : 1);
  process.stdin.on('end', ended);
  process.stdin.on('close', ended);
  return {
    reader,
    writer,
    attach(connection) {
      log = (m) => connection.console.error(m);
      connection.onShutdown(() => {
        shutdown = true;
      });
      const text = (args: unknown[]) => args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ');
      console.log = (...a: unknown[]) => connection.console.log(text(a));
      console.info = (...a: unknown[]) => connection.console.info(text(a));
      console.debug = (...a: unknown[]) => connection.console.log(text(a));
      console.warn = (...a: unknown[]) => connection.console.warn(text(a));
      console.error = (...a: unknown[]) => connection.console.error(text(a));
      console.trace = (...a: unknown[]) => connection.console.log(text(a));
      console.dir = (a: unknown) => connection.console.log(inspect(a));
    },
  };
}

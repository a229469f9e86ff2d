// The shape of the parameters of the messages the server handles, checked before any handler runs (a
// vscode-jsonrpc MessageStrategy). vscode-languageserver reads `params.workDoneToken` before our handlers are
// called, so `params: null` used to come back as InternalError (-32603). Now a request whose parameters do not
// have the shape its method needs is answered InvalidParams (-32602) with the reason, and a notification with
// broken parameters is dropped with one log line; unknown methods are left alone (MethodNotFound / ignored).
// Deeper garbage (a uri that names no open document, a position past the end) is the handlers' business: they
// answer with empty results.
import type { Message, NotificationMessage, RequestMessage } from 'vscode-jsonrpc';

/** The method every malformed request is re-addressed to; its handler throws InvalidParams with the reason. */
export const INVALID_PARAMS_METHOD = 'mldoc/$invalidParams';
export interface InvalidParams {
  readonly method: string;
  readonly reason: string;
}

type Check = (p: unknown) => string | undefined;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown) => typeof v === 'number' && Number.isInteger(v);

const object: Check = (p) => (isObject(p) ? undefined : 'params must be an object');
const all =
  (...checks: Check[]): Check =>
  (p) => {
    for (const c of checks) {
      const r = c(p);
      if (r) return r;
    }
    return undefined;
  };
const field =
  (name: string, check: (v: unknown) => string | undefined): Check =>
  (p) => {
    const r = check((p as Record<string, unknown>)[name]);
    return r ? `params.${name}${r.startsWith('.') ? '' : ' '}${r}` : undefined;
  };
const str = (v: unknown) => (typeof v === 'string' ? undefined : 'must be a string');
const int = (v: unknown) => (isInt(v) ? undefined : 'must be an integer');
const position = (v: unknown) => (isObject(v) && isInt(v['line']) && isInt(v['character']) ? undefined : 'must be a position {line, character}');
const range = (v: unknown) => (isObject(v) && !position(v['start']) && !position(v['end']) ? undefined : 'must be a range {start, end}');
const textDocument = (extra: Record<string, (v: unknown) => string | undefined> = {}) =>
  field('textDocument', (v) => {
    if (!isObject(v)) return 'must be an object';
    if (str(v['uri'])) return '.uri must be a string';
    for (const [k, c] of Object.entries(extra)) if (c(v[k])) return `.${k} ${c(v[k])}`;
    return undefined;
  });
const contentChanges = (v: unknown) =>
  Array.isArray(v) && v.every((c) => isObject(c) && typeof c['text'] === 'string' && (c['range'] === undefined || !range(c['range'])))
    ? undefined
    : 'must be an array of {text, range?}';

/** Requests: what their params must be. `undefined` params are accepted where the method has none to give. */
const REQUESTS: Readonly<Record<string, Check>> = {
  initialize: all(object, field('capabilities', (v) => (isObject(v) ? undefined : 'must be an object'))),
  'textDocument/hover': all(object, textDocument(), field('position', position)),
  'textDocument/completion': all(object, textDocument(), field('position', position)),
  'textDocument/codeAction': all(
    object,
    textDocument(),
    field('range', range),
    field('context', (v) => (isObject(v) && Array.isArray(v['diagnostics']) && (v['only'] === undefined || Array.isArray(v['only'])) ? undefined : 'must be {diagnostics: [], only?: []}')),
  ),
  'mldoc/coverage': all(object, field('uri', str)),
  'mldoc/missingSections': all(object, field('uri', str)),
  'mldoc/report': all(object, field('uri', str)),
};
/** Requests whose params may be absent (or null) but, when given, must be an object. */
const OPTIONAL_OBJECT = new Set(['mldoc/template']);

const NOTIFICATIONS: Readonly<Record<string, Check>> = {
  'textDocument/didOpen': all(object, textDocument({ languageId: str, version: int, text: str })),
  'textDocument/didChange': all(object, textDocument({ version: int }), field('contentChanges', contentChanges)),
  'textDocument/didClose': all(object, textDocument()),
  'textDocument/didSave': all(object, textDocument()),
  'workspace/didChangeConfiguration': object,
  'workspace/didChangeWatchedFiles': all(object, field('changes', (v) => (Array.isArray(v) ? undefined : 'must be an array'))),
  'workspace/didChangeWorkspaceFolders': all(object, field('event', (v) => (isObject(v) && Array.isArray(v['added']) && Array.isArray(v['removed']) ? undefined : 'must be {added: [], removed: []}'))),
};

/** Why the parameters of a request or notification cannot be handled; undefined when they can (or the method is not ours). */
export function paramsProblem(method: string, params: unknown, isRequest: boolean): string | undefined {
  if (isRequest && OPTIONAL_OBJECT.has(method)) return params === undefined || params === null || isObject(params) ? undefined : 'params must be an object when given';
  const check = (isRequest ? REQUESTS : NOTIFICATIONS)[method];
  return check ? check(params) : undefined;
}

// Anything may arrive here (`null`, an array, a string: vscode-jsonrpc reports those itself).
const isRequest = (m: unknown): m is RequestMessage => isObject(m) && typeof m['method'] === 'string' && m['id'] !== undefined && m['id'] !== null;
const isNotification = (m: unknown): m is NotificationMessage => isObject(m) && typeof m['method'] === 'string' && m['id'] === undefined;

/**
 * The message strategy: requests with broken params go to INVALID_PARAMS_METHOD (same id, the reason as
 * params), notifications with broken params are dropped and logged. Everything else passes unchanged.
 */
export function createParamsStrategy(log: (message: string) => void) {
  return {
    handleMessage<R>(message: Message, next: (message: Message) => R): R | undefined {
      if (isRequest(message)) {
        const reason = paramsProblem(message.method, message.params, true);
        if (reason) return next({ ...message, method: INVALID_PARAMS_METHOD, params: { method: message.method, reason } satisfies InvalidParams } as RequestMessage);
      } else if (isNotification(message)) {
        const reason = paramsProblem(message.method, message.params, false);
        if (reason) {
          log(`ignored ${message.method}: ${reason}`);
          return undefined;
        }
      }
      return next(message);
    },
  };
}

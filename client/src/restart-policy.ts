// When to restart a crashed language server: a few times, then stop and tell the user. Pure, so it is unit-tested.

export interface RestartPolicy {
  /** Crashes tolerated inside the window; the next one gives up. */
  readonly maxCrashes: number;
  readonly windowMs: number;
}

export const defaultRestartPolicy: RestartPolicy = { maxCrashes: 4, windowMs: 3 * 60_000 };

/** Records a crash at `now` and says whether to restart; `crashes` keeps only the crashes inside the window. */
export function recordCrash(
  crashes: readonly number[],
  now: number,
  policy: RestartPolicy = defaultRestartPolicy,
): { readonly crashes: number[]; readonly restart: boolean } {
  const recent = [...crashes.filter((at) => now - at < policy.windowMs), now];
  return { crashes: recent, restart: recent.length <= policy.maxCrashes };
}

/** Errors in a row on the message stream that are still taken as passing (a message that could not be written). */
export const MAX_STREAM_ERRORS = 3;

export type StreamErrorDecision =
  | { readonly action: 'continue' }
  | { readonly action: 'restart'; readonly crashes: number[] }
  | { readonly action: 'give-up'; readonly crashes: number[] };

/**
 * What to do about an error on the message stream to the server. `count` is vscode-jsonrpc's count of errors in
 * a row (write errors; a read error comes without one and counts as one). Up to MAX_STREAM_ERRORS in a row the
 * connection goes on (as vscode-languageclient's default handler does); beyond that the connection is taken as
 * broken, which is a crash like the server process exiting: it is recorded in the same crash history, and the
 * server is restarted, or, past the policy's limit, shut down with the one "crashed repeatedly" message.
 */
export function onStreamError(count: number | undefined, crashes: readonly number[], now: number, policy: RestartPolicy = defaultRestartPolicy): StreamErrorDecision {
  if ((count ?? 1) <= MAX_STREAM_ERRORS) return { action: 'continue' };
  const outcome = recordCrash(crashes, now, policy);
  return outcome.restart ? { action: 'restart', crashes: outcome.crashes } : { action: 'give-up', crashes: outcome.crashes };
}

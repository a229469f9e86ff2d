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

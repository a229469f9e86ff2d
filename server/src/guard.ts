// Every handler runs inside a guard: an error is logged and becomes the handler's empty result.
export type Guard = <A extends unknown[], R>(name: string, fallback: R, fn: (...args: A) => R | Promise<R>) => (...args: A) => Promise<R>;

export function createGuard(log: (message: string) => void): Guard {
  return (name, fallback, fn) =>
    async (...args) => {
      try {
        return await fn(...args);
      } catch (e) {
        log(`${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        return fallback;
      }
    };
}

// A write that another process holds the lock for is retried off the event loop, not waited for inside SQLite: the
// busy handler would sleep the whole process (every request it serves) while the other writer commits.

const FIRST_WAIT_MS = 1;
const MOST_WAIT_MS = 20;

export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT' || code === 'SQLITE_LOCKED';
}

/** `write()`, tried again after 1, 2, 4 … 20 ms while SQLite answers busy, for up to `timeoutMs` in all. */
export async function retryWhileBusy<R>(write: () => R, timeoutMs: number): Promise<R> {
  const deadline = performance.now() + timeoutMs;
  for (let wait = FIRST_WAIT_MS; ; wait = Math.min(wait * 2, MOST_WAIT_MS)) {
    try {
      return write();
    } catch (error) {
      if (!isBusy(error) || performance.now() + wait > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/** `open()`, tried again while SQLite answers busy, for up to `timeoutMs`; blocking, for start-up only (two processes
 * opening a new file at once can be refused busy by the WAL switch, which SQLite's busy handler does not cover). */
export function retryOpenWhileBusy<R>(open: () => R, timeoutMs: number): R {
  const deadline = performance.now() + timeoutMs;
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  for (let wait = FIRST_WAIT_MS; ; wait = Math.min(wait * 2, MOST_WAIT_MS)) {
    try {
      return open();
    } catch (error) {
      if (!isBusy(error) || performance.now() + wait > deadline) throw error;
      Atomics.wait(sleeper, 0, 0, wait);
    }
  }
}

// How long the primary waits before replacing a worker that died: doubling per crash in a row, capped, reset by uptime.

/** The first restart's delay. */
export const FIRST_RESTART_MS = 100;
/** No restart waits longer than this. */
export const MAX_RESTART_MS = 10_000;
/** A worker that stayed up this long was healthy: its slot's next crash starts the doubling again. */
export const STABLE_UPTIME_MS = 30_000;

/** The delay before restart number `attempt` (1 for the first crash in a row). */
export function restartDelayMs(attempt: number): number {
  return Math.min(FIRST_RESTART_MS * 2 ** Math.max(0, attempt - 1), MAX_RESTART_MS);
}

/**
 * The crashes in a row of one worker slot, told each death and how long the worker had been up.
 * @example
 * const backoff = new RestartBackoff();
 * setTimeout(fork, backoff.crashed(uptimeMs)); // 100, 200, 400 … 10_000 ms; back to 100 after a healthy run
 */
export class RestartBackoff {
  #attempt = 0;

  get attempt(): number {
    return this.#attempt;
  }

  /** Notes a crash after `uptimeMs` of running and returns how long to wait before the next worker. */
  crashed(uptimeMs: number): number {
    this.#attempt = uptimeMs >= STABLE_UPTIME_MS ? 1 : this.#attempt + 1;
    return restartDelayMs(this.#attempt);
  }
}

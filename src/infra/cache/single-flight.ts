// Single flight: while one run computes a key, concurrent runs of the same key wait for its finding.

interface Flight {
  /** The leader's trace id: only its failure ends the flight early. */
  readonly traceId: string;
  readonly waiters: ((json: string | undefined) => void)[];
  readonly timer: NodeJS.Timeout;
}

export class SingleFlight {
  readonly #flights = new Map<string, Flight>();
  readonly #maxWaitMs: number;

  /** `maxWaitMs` bounds a flight whose leader never reports back (cancelled, or short-circuited by another hook). */
  constructor(maxWaitMs: number) {
    this.#maxWaitMs = maxWaitMs;
  }

  /** Waits for the flight of `key`, if there is one: its finding's JSON, or undefined if it failed. */
  join(key: string): Promise<string | undefined> | undefined {
    const flight = this.#flights.get(key);
    if (flight === undefined) return undefined;
    return new Promise((resolve) => flight.waiters.push(resolve));
  }

  /** Starts the flight of `key`, led by the run with `traceId`. */
  lead(key: string, traceId: string): void {
    const timer = setTimeout(() => this.land(key, undefined), this.#maxWaitMs);
    timer.unref();
    this.#flights.set(key, { traceId, waiters: [], timer });
  }

  /** Ends the flight of `key` with the finding's JSON (any run's success will do). */
  land(key: string, json: string | undefined): void {
    const flight = this.#flights.get(key);
    if (flight === undefined) return;
    this.#flights.delete(key);
    clearTimeout(flight.timer);
    for (const resolve of flight.waiters) resolve(json);
  }

  /** Ends the flight of `key` without a finding if `traceId` led it; the waiters then run the critic. */
  abort(key: string, traceId: string): void {
    if (this.#flights.get(key)?.traceId === traceId) this.land(key, undefined);
  }

  /** Releases every waiter without a finding. */
  clear(): void {
    for (const key of [...this.#flights.keys()]) this.land(key, undefined);
  }
}

// Single flight: while one run computes a key, concurrent runs of the same key wait for its finding.

interface Flight {
  /** The leading run (infra/run-identity.ts): only its failure ends the flight early. */
  readonly leader: number;
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

  /** Starts the flight of `key`, led by the run numbered `leader`. */
  lead(key: string, leader: number): void {
    const timer = setTimeout(() => this.land(key, undefined), this.#maxWaitMs);
    timer.unref();
    this.#flights.set(key, { leader, waiters: [], timer });
  }

  /** Ends the flight of `key` with the finding's JSON (any run's success will do). */
  land(key: string, json: string | undefined): void {
    const flight = this.#flights.get(key);
    if (flight === undefined) return;
    this.#flights.delete(key);
    clearTimeout(flight.timer);
    for (const resolve of flight.waiters) resolve(json);
  }

  /** Ends the flight of `key` without a finding if the run `leader` led it; the waiters then run the critic. */
  abort(key: string, leader: number): void {
    if (this.#flights.get(key)?.leader === leader) this.land(key, undefined);
  }

  /** Releases every waiter without a finding. */
  clear(): void {
    for (const key of [...this.#flights.keys()]) this.land(key, undefined);
  }
}

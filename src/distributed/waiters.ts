// The coordinator's waiting list: who waits for which job's answer; the first answer for a job wins.
export interface Waiter {
  resolve(answer: unknown): void;
  reject(error: Error): void;
}

export interface WaiterCounts {
  /** Jobs somebody waits for. */
  readonly pending: number;
  /** Answers delivered to waiters. */
  readonly delivered: number;
  /** Answers nobody waited for: a duplicate completion, or a job its waiters had given up on. */
  readonly ignored: number;
}

export class Waiters {
  readonly #byJob = new Map<string, Waiter[]>();
  #delivered = 0;
  #ignored = 0;

  /** Registers before the job is enqueued, so that even the fastest answer is caught. */
  add(jobId: string, waiter: Waiter): void {
    const list = this.#byJob.get(jobId);
    if (list) list.push(waiter);
    else this.#byJob.set(jobId, [waiter]);
  }

  /** A waiter gives up (its attempt ended); true when nobody waits for the job any more. */
  remove(jobId: string, waiter: Waiter): boolean {
    const list = this.#byJob.get(jobId);
    if (!list) return true;
    const at = list.indexOf(waiter);
    if (at >= 0) list.splice(at, 1);
    if (list.length > 0) return false;
    this.#byJob.delete(jobId);
    return true;
  }

  /** The job's answer (or failure) for everyone waiting for it; later answers for the same job are ignored. */
  settle(jobId: string, outcome: { answer: unknown } | { error: Error }): void {
    const list = this.#byJob.get(jobId);
    if (!list) {
      this.#ignored++;
      return;
    }
    this.#byJob.delete(jobId);
    this.#delivered++;
    for (const waiter of list) {
      if ('error' in outcome) waiter.reject(outcome.error);
      else waiter.resolve(outcome.answer);
    }
  }

  /** Fails every waiter (the transport is closing). */
  rejectAll(error: Error): void {
    const lists = [...this.#byJob.values()];
    this.#byJob.clear();
    for (const list of lists) for (const waiter of list) waiter.reject(error);
  }

  counts(): WaiterCounts {
    return { pending: this.#byJob.size, delivered: this.#delivered, ignored: this.#ignored };
  }
}

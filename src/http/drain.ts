// Counts requests between arrival and their answer's end, so shutdown knows when every response has been written.
export class Drain {
  #open = 0;
  #waiters: (() => void)[] = [];

  get open(): number {
    return this.#open;
  }

  /** Counts a request until `done` is called (once). */
  enter(): () => void {
    this.#open++;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      if (--this.#open === 0) for (const wake of this.#waiters.splice(0)) wake();
    };
  }

  /** Resolves once no request is open. */
  idle(): Promise<void> {
    if (this.#open === 0) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push(resolve));
  }
}

// Group commit: appends made while a write is under way are gathered and committed together in the next one.

interface Waiting<T, R> {
  item: T;
  resolve(result: R): void;
  reject(error: unknown): void;
}

/**
 * Calls `commit` with every item queued since the last call, at most `lanes` commits at a time (a store whose
 * commits wait on the network overlaps one batch's round trip with preparing the next). A commit failing because of one
 * item (`isItemError`, say a duplicate) is retried item by item, so that item fails alone and the others still land;
 * any other failure (the database is down) fails the whole batch at once rather than retrying each item.
 */
export class GroupCommit<T, R> {
  private queue: Waiting<T, R>[] = [];
  /** Lanes draining now; decremented in the same turn a lane finds the queue empty, so no item is left behind. */
  private active = 0;
  private readonly lanePromises = new Set<Promise<void>>();

  constructor(
    private readonly commit: (items: readonly T[]) => Promise<R[]> | R[],
    private readonly maxBatch: number,
    private readonly isItemError: (error: unknown) => boolean,
    private readonly lanes = 1,
  ) {}

  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (this.active < this.lanes) {
        this.active += 1;
        const lane = this.drainSoon();
        this.lanePromises.add(lane);
        void lane.then(() => this.lanePromises.delete(lane));
      }
    });
  }

  /** Resolves when everything queued so far is committed (or failed). */
  async flush(): Promise<void> {
    while (this.active > 0) await Promise.all(this.lanePromises);
  }

  private async drainSoon(): Promise<void> {
    // One macrotask lets every evaluation finishing in this turn join the batch.
    await new Promise<void>((resolve) => setImmediate(resolve));
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        await this.commitBatch(batch);
      }
    } finally {
      this.active -= 1;
    }
  }

  private async commitBatch(batch: Waiting<T, R>[]): Promise<void> {
    try {
      const results = await this.commit(batch.map((w) => w.item));
      batch.forEach((w, i) => w.resolve(results[i]!));
    } catch (error) {
      if (batch.length === 1 || !this.isItemError(error)) {
        for (const waiting of batch) waiting.reject(error);
        return;
      }
      for (const waiting of batch) await this.commitBatch([waiting]);
    }
  }
}

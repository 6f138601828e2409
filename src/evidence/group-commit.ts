// Group commit: appends made while a write is under way are gathered and committed together in the next one.

interface Waiting<T, R> {
  item: T;
  resolve(result: R): void;
  reject(error: unknown): void;
}

/**
 * Calls `commit` with every item queued since the last call, one commit at a time. A commit failing because of one
 * item (`isItemError`, say a duplicate) is retried item by item, so that item fails alone and the others still land;
 * any other failure (the database is down) fails the whole batch at once rather than retrying each item.
 */
export class GroupCommit<T, R> {
  private queue: Waiting<T, R>[] = [];
  private running: Promise<void> | null = null;

  constructor(
    private readonly commit: (items: readonly T[]) => Promise<R[]> | R[],
    private readonly maxBatch: number,
    private readonly isItemError: (error: unknown) => boolean,
  ) {}

  get pending(): number {
    return this.queue.length;
  }

  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.running ??= this.drainSoon();
    });
  }

  /** Resolves when everything queued so far is committed (or failed). */
  async flush(): Promise<void> {
    while (this.running) await this.running;
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
      this.running = null;
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

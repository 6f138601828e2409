// A worker's shutdown: stop taking jobs, let running ones finish within a grace period, release the rest, disconnect.
import type { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { CancelListener } from './cancellations.js';
import type { QueueNames } from './config.js';
import { removeHeartbeat } from './heartbeat.js';
import { closeClient } from './redis.js';
import { RELEASE } from './worker-job.js';

/** How long a close may wait on BullMQ beyond the grace period (Redis gone) before the connections are cut. */
const CLOSE_BOUND_MS = 5_000;

/** What a worker's close stops and releases. */
export interface ClosingWorker {
  readonly id: string;
  readonly names: QueueNames;
  /** @default graceMs of close() */
  readonly shutdownGraceMs: number;
  /** The BullMQ worker, once started. */
  readonly started: Promise<Worker>;
  /** Job id → the controller of its critic while it runs. */
  readonly running: ReadonlyMap<string, AbortController>;
  readonly connection: Redis;
  readonly ops: Redis;
  readonly cancels: Pick<CancelListener, 'close'>;
  readonly report: (error: unknown) => void;
  /** Marks the worker closing and stops its heartbeat. */
  readonly stopBeating: () => void;
}

/**
 * The worker's `close(options)`: a first call starts the shutdown, later calls share it; a later call with
 * `graceMs: 0` releases the running jobs at once.
 */
export function workerCloser(worker: ClosingWorker): (options?: { graceMs?: number }) => Promise<void> {
  let releasing = false;
  let closing: Promise<void> | undefined;
  const releaseAll = (): void => {
    releasing = true;
    for (const controller of worker.running.values()) controller.abort(RELEASE);
  };
  return (options) => {
    const graceMs = options?.graceMs ?? worker.shutdownGraceMs;
    if (closing) {
      if (graceMs === 0 && !releasing) releaseAll();
      return closing;
    }
    worker.stopBeating();
    const releaseTimer = setTimeout(releaseAll, graceMs);
    closing = (async () => {
      await atMost(worker.started.then((w) => w.close()).catch(worker.report), graceMs + CLOSE_BOUND_MS);
      clearTimeout(releaseTimer);
      await removeHeartbeat(worker.ops, worker.names, worker.id).catch(() => undefined);
      await Promise.allSettled([worker.cancels.close(), closeClient(worker.ops), closeClient(worker.connection)]);
    })();
    return closing;
  };
}

/** Waits for `work` (which never rejects), `ms` at most. */
async function atMost(work: Promise<unknown>, ms: number): Promise<void> {
  let bound: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([work, new Promise((resolve) => (bound = setTimeout(resolve, ms)))]);
  clearTimeout(bound);
}

// Cancellation over Redis pub/sub: coordinators name the jobs whose attempt ended; workers abort those critics.
import type { Redis } from 'ioredis';
import type { QueueNames } from './config.js';
import { closeClient, createClient } from './redis.js';

interface CancelMessage {
  readonly jobIds: readonly string[];
}

export interface CancelPublisher {
  /** Sends `jobId` with the others cancelled in the same turn of the event loop (one message). */
  cancel(jobId: string): void;
  /** Job ids sent so far. */
  readonly sent: number;
}

/** Publishing never throws: with Redis down the workers drop those jobs at their deadline anyway. */
export function createCancelPublisher(client: Redis, names: QueueNames): CancelPublisher {
  let batch: string[] = [];
  let sent = 0;
  const flush = (): void => {
    const message: CancelMessage = { jobIds: batch };
    sent += batch.length;
    batch = [];
    client.publish(names.cancelChannel, JSON.stringify(message)).catch(() => undefined);
  };
  return {
    cancel(jobId) {
      if (batch.push(jobId) === 1) queueMicrotask(flush);
    },
    get sent() {
      return sent;
    },
  };
}

export interface CancelListener {
  /** Resolves once subscribed. */
  readonly ready: Promise<void>;
  /** Whether the job was cancelled lately (it may still be waiting in the queue: it is then not run). */
  cancelled(jobId: string): boolean;
  close(): Promise<void>;
}

/** How long a cancelled id is remembered, and how many at most. */
const REMEMBER_MS = 60_000;
const REMEMBER_MAX = 10_000;

/** Subscribes on its own connection (ioredis re-subscribes after a reconnect). */
export function listenForCancellations(
  url: string,
  names: QueueNames,
  workerId: string,
  onCancel: (jobId: string, reason: string) => void,
): CancelListener {
  const client = createClient(url, 'blocking', `eleanor:worker-cancel:${workerId}`);
  client.on('error', () => undefined); // the worker's own connection reports Redis trouble
  const recent = new Map<string, number>(); // job id → forget after (insertion order = expiry order)
  const remember = (jobId: string, now: number): void => {
    recent.delete(jobId);
    recent.set(jobId, now + REMEMBER_MS);
    for (const [old, until] of recent) {
      if (until > now && recent.size <= REMEMBER_MAX) break;
      recent.delete(old);
    }
  };
  client.on('message', (channel: string, text: string) => {
    if (channel !== names.cancelChannel) return;
    let message: Partial<CancelMessage>;
    try {
      message = JSON.parse(text) as Partial<CancelMessage>;
    } catch {
      return; // not ours
    }
    if (!Array.isArray(message.jobIds)) return;
    const now = Date.now();
    for (const jobId of message.jobIds) {
      if (typeof jobId !== 'string') continue;
      remember(jobId, now);
      onCancel(jobId, 'cancelled by its coordinator (the deadline passed or the caller cancelled)');
    }
  });
  const ready = client.subscribe(names.cancelChannel).then(() => undefined);
  ready.catch(() => undefined);
  return {
    ready,
    cancelled: (jobId) => (recent.get(jobId) ?? 0) > Date.now(),
    close: () => closeClient(client),
  };
}

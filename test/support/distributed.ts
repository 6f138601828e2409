// Test support for BullMQ execution: a queue of the test's own, in-process workers, and cleanup of its keys.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { CriticConfig, EngineConfig } from '../../src/engine/config.js';
import type { BullmqTransportConfig, WorkerSettings } from '../../src/distributed/config.js';
import { createCriticWorker, type CriticWorker } from '../../src/distributed/worker.js';
import { deleteKeys, SHARED_REDIS_URL } from './redis.js';

/** A queue and key prefix no other test uses (every key of the test starts with `prefix`). */
export function uniqueQueue(url = SHARED_REDIS_URL, worker: WorkerSettings = {}): BullmqTransportConfig {
  const id = randomUUID().slice(0, 8);
  return { kind: 'bullmq', redis: { url }, queue: `q-${id}`, prefix: `eleanor-test-${id}`, worker };
}

/** Starts in-process workers for `transport` and removes them, and every key of the queue, at `cleanup()`. */
export class Workers {
  readonly #started: CriticWorker[] = [];
  constructor(readonly transport: BullmqTransportConfig) {}

  async start(critics: Record<string, CriticConfig>, options: { concurrency?: number; id?: string } = {}) {
    const config: EngineConfig = { critics, transport: this.transport };
    const worker = createCriticWorker({ config, logger: { warn: () => undefined }, ...options });
    this.#started.push(worker);
    await worker.ready();
    return worker;
  }

  async cleanup(): Promise<void> {
    await Promise.allSettled(this.#started.splice(0).map((w) => w.close({ graceMs: 0 })));
    const client = new Redis(this.transport.redis.url);
    try {
      await deleteKeys(client, this.transport.prefix ?? '');
    } finally {
      client.disconnect();
    }
  }
}

// Worker heartbeats in Redis: each worker's record under a key that expires, and an index to list them.
import type { Redis } from 'ioredis';
import type { QueueNames } from './config.js';
import type { WorkerCounts } from './worker-metrics.js';

/** What a worker says about itself every `heartbeatMs`. */
export interface WorkerRecord extends WorkerCounts {
  readonly id: string;
  readonly queue: string;
  readonly host: string;
  readonly pid: number;
  readonly concurrency: number;
  /** Each critic this worker runs, with its version (null: unversioned). */
  readonly critics: Readonly<Record<string, string | null>>;
  /** ISO 8601. */
  readonly startedAt: string;
  /** ISO 8601: when this record was written. */
  readonly beatAt: string;
  /** 'running', or 'closing' once a shutdown began. */
  readonly state: 'running' | 'closing';
}

/** A record lives this many beats: a worker is listed until it has missed three heartbeats. */
const BEATS_TO_LIVE = 3;

/** Writes one heartbeat (a record with a TTL, and the worker's place in the index); rejects if Redis is down. */
export async function writeHeartbeat(
  client: Redis,
  names: QueueNames,
  record: WorkerRecord,
  heartbeatMs: number,
): Promise<void> {
  await client
    .multi()
    .set(names.workerKey(record.id), JSON.stringify(record), 'PX', Math.ceil(heartbeatMs * BEATS_TO_LIVE))
    .zadd(names.workersKey, Date.now(), record.id)
    .exec();
}

/** Removes a worker's record at shutdown. */
export async function removeHeartbeat(client: Redis, names: QueueNames, id: string): Promise<void> {
  await client.multi().del(names.workerKey(id)).zrem(names.workersKey, id).exec();
}

/**
 * The workers of a queue whose heartbeat has not expired, by id; ids whose record expired are pruned.
 * @example
 * const workers = await listWorkers(new Redis('redis://127.0.0.1:6379'), queueNames({}));
 */
export async function listWorkers(client: Redis, names: QueueNames): Promise<WorkerRecord[]> {
  const ids = await client.zrange(names.workersKey, 0, '-1');
  if (ids.length === 0) return [];
  const texts = await client.mget(ids.map((id) => names.workerKey(id)));
  const gone = ids.filter((_, i) => texts[i] === null);
  if (gone.length > 0) await client.zrem(names.workersKey, ...gone);
  return texts.flatMap((text) => (text === null ? [] : [JSON.parse(text) as WorkerRecord]));
}

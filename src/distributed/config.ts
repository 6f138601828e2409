// The engine configuration's `transport` section (zod): critics in-process, or on BullMQ workers through Redis.
import { z } from 'zod';
import { forwardIssues } from '../core/index.js';
import { EleanorError } from '../core/index.js';
import { timerMsSchema } from '../core/index.js';
import type { CriticTransport } from '../core/index.js';

const ms = timerMsSchema;
/** BullMQ separates its key parts with ':', so queue names and prefixes must not contain one. */
const keyPart = z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/, 'expected 1–100 letters, digits, _ . or - (no colon)');

const workerSchema = z
  .object({
    concurrency: z.number().int().min(1).max(10_000).optional(),
    lockDurationMs: ms.optional(),
    stalledIntervalMs: ms.optional(),
    maxStalledCount: z.number().int().min(0).optional(),
    heartbeatMs: ms.optional(),
    shutdownGraceMs: z.number().min(0).max(3_600_000).optional(),
  })
  .strict();

const bullmqSchema = z
  .object({
    kind: z.literal('bullmq'),
    redis: z.object({ url: z.string().regex(/^rediss?:\/\/\S+$/, 'expected a redis:// or rediss:// URL') }).strict(),
    queue: keyPart.optional(),
    prefix: keyPart.optional(),
    critics: z.array(z.string().min(1)).optional(),
    worker: workerSchema.optional(),
  })
  .strict();

const settingsSchema = z.discriminatedUnion('kind', [z.object({ kind: z.literal('local') }).strict(), bullmqSchema]);

function isTransport(value: unknown): value is CriticTransport {
  return typeof (value as Partial<CriticTransport> | null)?.execute === 'function';
}

/** The settings or (in code) a CriticTransport; not a z.union, so an error names the setting (`transport.redis.url`). */
export const transportConfigSchema = z.unknown().superRefine((value, ctx) => {
  if (isTransport(value)) return;
  forwardIssues(settingsSchema, value, ctx);
});

/** What a BullMQ worker does with its jobs; coordinators ignore this part. */
export interface WorkerSettings {
  /** Jobs one worker process runs at once (the CLI's `--concurrency` wins). @default 8 */
  readonly concurrency?: number;
  /** How long a job's lock lasts without renewal; a dead worker's jobs are taken up after about this long. @default 5_000 */
  readonly lockDurationMs?: number;
  /** How often each worker looks for jobs whose lock expired (stalled) and puts them back in the queue. @default 2_500 */
  readonly stalledIntervalMs?: number;
  /** How many times a job may stall and be taken up again before it fails (TRANSPORT_UNAVAILABLE). @default 1 */
  readonly maxStalledCount?: number;
  /** How often the worker writes its heartbeat record; the record expires after three missed beats. @default 5_000 */
  readonly heartbeatMs?: number;
  /** On SIGTERM/SIGINT, how long running jobs may take to finish before they are released to other workers. @default 10_000 */
  readonly shutdownGraceMs?: number;
}

/** Critics executed by BullMQ workers (`eleanor worker`) through one Redis. */
export interface BullmqTransportConfig {
  readonly kind: 'bullmq';
  readonly redis: { readonly url: string };
  /** The BullMQ queue; coordinators and workers of one deployment share it. @default 'eleanor-critics' */
  readonly queue?: string;
  /** BullMQ's key prefix (keys are `<prefix>:<queue>:…`). @default 'eleanor' */
  readonly prefix?: string;
  /** The critics that run on workers; the others run in the coordinator's process. @default every critic */
  readonly critics?: readonly string[];
  readonly worker?: WorkerSettings;
}

/** The `transport` section: `{ kind: 'local' }` (the default: critics in-process), BullMQ, or (in code) a transport. */
export type TransportConfig = { readonly kind: 'local' } | BullmqTransportConfig | CriticTransport;

export const DEFAULT_QUEUE = 'eleanor-critics';
export const DEFAULT_PREFIX = 'eleanor';

export const WORKER_DEFAULTS: Readonly<Required<WorkerSettings>> = Object.freeze({
  concurrency: 8,
  lockDurationMs: 5_000,
  stalledIntervalMs: 2_500,
  maxStalledCount: 1,
  heartbeatMs: 5_000,
  shutdownGraceMs: 10_000,
});

/** Where a deployment's keys and channels are; BullMQ's own keys are `<prefix>:<queue>:…`, ours `<prefix>.…` (no overlap). */
export interface QueueNames {
  readonly queue: string;
  readonly prefix: string;
  /** The pub/sub channel on which coordinators tell workers which jobs to abort. */
  readonly cancelChannel: string;
  /** A sorted set of worker ids by last heartbeat (ms since the epoch). */
  readonly workersKey: string;
  /** The key of one worker's heartbeat record. */
  workerKey(id: string): string;
}

export function queueNames(config: Pick<BullmqTransportConfig, 'queue' | 'prefix'>): QueueNames {
  const queue = config.queue ?? DEFAULT_QUEUE;
  const prefix = config.prefix ?? DEFAULT_PREFIX;
  return {
    queue,
    prefix,
    cancelChannel: `${prefix}.cancel:${queue}`,
    workersKey: `${prefix}.workers:${queue}`,
    workerKey: (id) => `${prefix}.worker:${queue}:${id}`,
  };
}

/**
 * The job id of one critic of one evaluation, `<traceId>:<critic>`: the same evaluation never enqueues a critic
 * twice. A retry (the core's `retries`) is a new job, `<traceId>:<critic>:<attempt>`.
 */
export function jobIdFor(traceId: string, critic: string, attempt = 1): string {
  return attempt === 1 ? `${traceId}:${critic}` : `${traceId}:${critic}:${attempt}`;
}

/** Throws INVALID_CONFIG unless every critic `transport.critics` names is configured. */
export function checkRemoteCritics(config: BullmqTransportConfig, configured: readonly string[]): void {
  const unknown = (config.critics ?? []).filter((name) => !configured.includes(name));
  if (unknown.length > 0) {
    throw new EleanorError(
      'INVALID_CONFIG',
      `transport.critics: unknown critic(s) ${unknown.map((n) => `'${n}'`).join(', ')} (configured: ${configured.join(', ')})`,
    );
  }
}

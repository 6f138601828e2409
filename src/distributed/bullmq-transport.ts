// The coordinator's side of BullMQ execution: one job per remote critic, answers gathered from the queue's events.
import type { QueueEvents } from 'bullmq';
import { describeError, EleanorError } from '../core/errors.js';
import type {
  CriticInput,
  CriticTransport,
  Finding,
  OrchestratorLogger,
  TransportContext,
  TransportCritic,
} from '../core/types.js';
import type { Redis } from 'ioredis';
import { createCancelPublisher, type CancelPublisher } from './cancellations.js';
import type { CriticQueue } from './critic-queue.js';
import { jobIdFor, queueNames, type BullmqTransportConfig, type QueueNames } from './config.js';
import type { CriticJobData } from './payload.js';
import { unwrapResult } from './payload.js';
import { closeClient, createClient } from './redis.js';
import { Waiters, type Waiter, type WaiterCounts } from './waiters.js';

export interface BullmqTransportOptions extends Omit<BullmqTransportConfig, 'kind' | 'worker'> {
  /** Where connection trouble is reported (once per change). @default console.warn */
  readonly logger?: OrchestratorLogger;
}

export interface BullmqTransportStats extends WaiterCounts {
  readonly enqueued: number;
  /** Jobs that could not be enqueued (Redis unreachable, refused). */
  readonly enqueueErrors: number;
  /** Jobs whose worker stopped renewing their lock; BullMQ put them back in the queue. */
  readonly stalled: number;
  /** Job ids sent to the workers on the cancel channel. */
  readonly cancelled: number;
}

export interface BullmqTransport extends CriticTransport {
  readonly kind: 'bullmq';
  readonly names: QueueNames;
  /** Resolves once the queue is connected and its events are read (execute waits for it anyway). */
  ready(): Promise<void>;
  /** ['transport:bullmq'] while Redis is unreachable. */
  degraded(): string[];
  stats(): BullmqTransportStats;
  /** Fails whatever still waits (TRANSPORT_UNAVAILABLE) and closes the connections. */
  close(): Promise<void>;
}

const consoleLogger: OrchestratorLogger = { warn: (details, message) => console.warn(message, details) };

/** Jobs are removed once answered, so a critic retried later gets a new job under the same id. */
const JOB_OPTIONS = { removeOnComplete: true, removeOnFail: true, attempts: 1 } as const;

/** Rejects when the attempt ends (its timeout or the run's deadline: the core then reports the critic lost). */
function untilAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    const abort = (): void => reject(signal.reason instanceof Error ? signal.reason : new Error('attempt aborted'));
    if (signal.aborted) abort();
    else signal.addEventListener('abort', abort, { once: true });
  });
}

/** The connections, made on first use: an engine that fails to start, or never evaluates, opens none. */
interface Link {
  readonly producer: Redis;
  readonly reader: Redis;
  readonly queue: CriticQueue;
  readonly cancels: CancelPublisher;
}

/**
 * Runs critics on a pool of BullMQ workers (`eleanor worker`) through Redis.
 * @example
 * const transport = createBullmqTransport({ redis: { url: 'redis://127.0.0.1:6379' }, queue: 'eleanor-critics' });
 * new Orchestrator({ critics, transport });
 */
export function createBullmqTransport(options: BullmqTransportOptions): BullmqTransport {
  const names = queueNames(options);
  const logger = options.logger ?? consoleLogger;
  const remote = options.critics === undefined ? undefined : new Set(options.critics);
  const waiters = new Waiters();
  const counts = { enqueued: 0, enqueueErrors: 0, stalled: 0 };
  let link: Link | undefined;
  let events: QueueEvents | undefined;
  let closed = false;
  let down = false;

  const report = (error: unknown): void => {
    if (down || closed) return;
    down = true;
    try {
      logger.warn({ err: error, queue: names.queue }, `eleanor: BullMQ transport lost Redis; remote critics fail`);
    } catch {
      // A broken logger must not break the transport.
    }
  };

  /** BullMQ is loaded here, on first use: importing Eleanor does not pay for it. */
  async function open(): Promise<Link> {
    if (link) return link;
    const { CriticQueue } = await import('./critic-queue.js');
    if (link) return link; // opened meanwhile
    if (closed) throw new EleanorError('TRANSPORT_UNAVAILABLE', 'the BullMQ transport is closed');
    const producer = createClient(options.redis.url, 'fail-fast', `eleanor:coordinator:${names.queue}`);
    const reader = createClient(options.redis.url, 'blocking', `eleanor:coordinator-events:${names.queue}`);
    producer.on('error', report);
    producer.on('close', () => report(new Error('connection closed')));
    producer.on('ready', () => (down = false));
    reader.on('error', () => undefined); // reported through the producer; BullMQ reconnects it
    const queue = new CriticQueue(names.queue, { connection: producer, prefix: names.prefix });
    queue.on('error', report);
    return (link = { producer, reader, queue, cancels: createCancelPublisher(producer, names) });
  }

  /** Reads the queue's events from now on (server time), so no answer is missed between connecting and reading. */
  async function connect(): Promise<void> {
    const { producer, reader, queue } = await open();
    await queue.waitUntilReady();
    if (events === undefined) {
      const { QueueEvents } = await import('./critic-queue.js');
      const [seconds, micros] = await producer.time();
      const lastEventId = `${Number(seconds) * 1000 + Math.floor(Number(micros) / 1000) - 1}-0`;
      const e = new QueueEvents(names.queue, { connection: reader, prefix: names.prefix, lastEventId });
      e.on('error', report);
      e.on('completed', ({ jobId, returnvalue }) => waiters.settle(jobId, { answer: returnvalue }));
      e.on('failed', ({ jobId, failedReason }) => {
        const message = `job '${jobId}' failed in BullMQ: ${failedReason}`;
        waiters.settle(jobId, { error: new EleanorError('TRANSPORT_UNAVAILABLE', message) });
      });
      e.on('stalled', () => counts.stalled++);
      events = e;
    }
    await events.waitUntilReady();
  }
  let connecting: Promise<void> | undefined;
  const ready = (): Promise<void> => {
    if (closed) return Promise.reject(new EleanorError('TRANSPORT_UNAVAILABLE', 'the BullMQ transport is closed'));
    return (connecting ??= connect().catch((error: unknown) => {
      connecting = undefined; // the next attempt connects again
      throw error;
    }));
  };

  async function execute(critic: TransportCritic, input: CriticInput, ctx: TransportContext): Promise<Finding> {
    if (closed) throw new EleanorError('TRANSPORT_UNAVAILABLE', `the BullMQ transport is closed`);
    const status = link?.producer.status;
    if (status === 'reconnecting' || status === 'close') {
      // Fail closed at once rather than wait for the deadline (a connection still being made the first time is awaited).
      throw new EleanorError(
        'TRANSPORT_UNAVAILABLE',
        `Redis is unreachable (connection ${status}); critic not enqueued`,
      );
    }
    const jobId = jobIdFor(input.traceId, critic.name, ctx.attempt);
    const signal = ctx.signal;
    const budget = ctx.budgetMs;
    const data: CriticJobData = {
      input,
      critic: critic.name,
      version: critic.version ?? null,
      deadlineAt: Number.isFinite(budget) ? Date.now() + budget : null,
      attempt: ctx.attempt,
      prior: ctx.prior,
    };
    let waiter!: Waiter;
    const answer = new Promise<unknown>((resolve, reject) => (waiter = { resolve, reject }));
    answer.catch(() => undefined); // it may be rejected (aborted) before it is awaited
    const onAbort = (): void => {
      if (waiters.remove(jobId, waiter)) link?.cancels.cancel(jobId);
      waiter.reject(signal.reason instanceof Error ? signal.reason : new Error('attempt aborted'));
    };
    waiters.add(jobId, waiter);
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      try {
        await ready();
        if (signal.aborted) throw new Error('the attempt ended before the job was enqueued');
        // A duplicate id is not added again: the waiter then gets the answer of the job already there.
        await (await open()).queue.add(critic.name, data, { ...JOB_OPTIONS, jobId });
        counts.enqueued++;
      } catch (cause) {
        if (!signal.aborted) counts.enqueueErrors++;
        waiters.remove(jobId, waiter);
        throw new EleanorError(
          'TRANSPORT_UNAVAILABLE',
          `could not enqueue job '${jobId}' on queue '${names.queue}' — ${describeError(cause)}`,
          { cause },
        );
      }
      const finding = unwrapResult(await answer, jobId);
      return finding ?? (await untilAborted(signal));
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }

  return {
    kind: 'bullmq',
    remote: true,
    names,
    covers: (name) => remote === undefined || remote.has(name),
    execute,
    ready,
    degraded: () => (link === undefined || (link.producer.status === 'ready' && !closed) ? [] : ['transport:bullmq']),
    stats: () => ({ ...counts, cancelled: link?.cancels.sent ?? 0, ...waiters.counts() }),
    async close() {
      if (closed) return;
      closed = true;
      waiters.rejectAll(new EleanorError('TRANSPORT_UNAVAILABLE', 'the BullMQ transport was closed'));
      if (link === undefined) return;
      await Promise.allSettled([events?.close(), link.queue.close()]);
      await Promise.allSettled([closeClient(link.producer), closeClient(link.reader)]);
    },
  };
}

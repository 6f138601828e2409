// The coordinator's link to Redis: connections, queue and event reader, opened on first use and closed together.
import type { QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import type * as CriticQueueModule from './critic-queue.js';
import { EleanorError } from '../core/index.js';
import type { OrchestratorLogger } from '../core/index.js';
import { createCancelPublisher, type CancelPublisher } from './cancellations.js';
import type { CriticQueue } from './critic-queue.js';
import type { QueueNames } from './config.js';
import { closeClient, createClient, reportOncePerChange, type TroubleReport } from './redis.js';
import type { Waiters } from './waiters.js';

/** The connections, made on first use: an engine that fails to start, or never evaluates, opens none. */
export interface Link {
  readonly producer: Redis;
  readonly reader: Redis;
  readonly queue: CriticQueue;
  readonly cancels: CancelPublisher;
}

export interface LinkOptions {
  readonly url: string;
  readonly names: QueueNames;
  /** Where connection trouble is reported (once per change). */
  readonly logger: OrchestratorLogger;
  /** Those waiting for answers: the queue's events settle them, a close fails them. */
  readonly waiters: Waiters;
  /** A job's worker stopped renewing its lock (BullMQ put it back in the queue). */
  readonly onStalled: () => void;
}

export interface CoordinatorLink {
  /** The connections, once opened. */
  readonly current: Link | undefined;
  readonly closed: boolean;
  /** Opens the connections and the queue if not yet done (BullMQ is loaded then: importing Eleanor does not pay). */
  open(): Promise<Link>;
  /** Resolves once the queue is connected and its events are read; a failed attempt is tried again on the next call. */
  ready(): Promise<void>;
  /** ['transport:bullmq'] while Redis is unreachable. */
  degraded(): string[];
  /** Fails whatever still waits (TRANSPORT_UNAVAILABLE) and closes the connections. */
  close(): Promise<void>;
}

const closedError = (was: 'is' | 'was'): EleanorError =>
  new EleanorError('TRANSPORT_UNAVAILABLE', `the BullMQ transport ${was} closed`);

/** The link of one BullMQ transport: nothing is connected until `open()` or `ready()`. */
export function createCoordinatorLink(options: LinkOptions): CoordinatorLink {
  const { names, waiters } = options;
  let link: Link | undefined;
  let events: QueueEvents | undefined;
  let connecting: Promise<void> | undefined;
  let closed = false;
  const trouble = reportOncePerChange(
    (err) =>
      options.logger.warn({ err, queue: names.queue }, `eleanor: BullMQ transport lost Redis; remote critics fail`),
    () => closed,
  );

  async function open(): Promise<Link> {
    if (link) return link;
    const bullmq = await import('./critic-queue.js');
    if (link) return link; // opened meanwhile
    if (closed) throw closedError('is');
    return (link = openLink(bullmq, options.url, names, trouble));
  }
  async function connect(): Promise<void> {
    const opened = await open();
    await opened.queue.waitUntilReady();
    events ??= await readEventsFromNow(opened, options, trouble.report);
    await events.waitUntilReady();
  }
  return {
    get current() {
      return link;
    },
    get closed() {
      return closed;
    },
    open,
    ready() {
      if (closed) return Promise.reject(closedError('is'));
      return (connecting ??= connect().catch((error: unknown) => {
        connecting = undefined; // the next attempt connects again
        throw error;
      }));
    },
    degraded: () => (link === undefined || (link.producer.status === 'ready' && !closed) ? [] : ['transport:bullmq']),
    async close() {
      if (closed) return;
      closed = true;
      waiters.rejectAll(closedError('was'));
      if (link === undefined) return;
      await Promise.allSettled([events?.close(), link.queue.close()]);
      await Promise.allSettled([closeClient(link.producer), closeClient(link.reader)]);
    },
  };
}

/** The producer (enqueues, publishes; it reports Redis trouble), the events' reader, the queue and the cancel channel. */
function openLink(bullmq: typeof CriticQueueModule, url: string, names: QueueNames, trouble: TroubleReport): Link {
  const producer = createClient(url, 'fail-fast', `eleanor:coordinator:${names.queue}`);
  const reader = createClient(url, 'blocking', `eleanor:coordinator-events:${names.queue}`);
  producer.on('error', trouble.report);
  producer.on('close', () => trouble.report(new Error('connection closed')));
  producer.on('ready', trouble.recovered);
  reader.on('error', () => undefined); // reported through the producer; BullMQ reconnects it
  const queue = new bullmq.CriticQueue(names.queue, { connection: producer, prefix: names.prefix });
  queue.on('error', trouble.report);
  return { producer, reader, queue, cancels: createCancelPublisher(producer, names) };
}

/** Reads the queue's events from now on (server time), so no answer is missed between connecting and reading. */
async function readEventsFromNow(
  { producer, reader }: Link,
  { names, waiters, onStalled }: LinkOptions,
  report: (error: unknown) => void,
): Promise<QueueEvents> {
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
  e.on('stalled', onStalled);
  return e;
}

// The coordinator's side of BullMQ execution: one job per remote critic, answers gathered from the queue's events.
import type { CriticTransport, OrchestratorLogger } from '../core/index.js';
import { queueNames, type BullmqTransportConfig, type QueueNames } from './config.js';
import { createCoordinatorLink } from './coordinator-link.js';
import { executeRemotely, type Attempts } from './remote-attempt.js';
import { Waiters, type WaiterCounts } from './waiters.js';

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

/**
 * Runs critics on a pool of BullMQ workers (`eleanor worker`) through Redis.
 * @example
 * const transport = createBullmqTransport({ redis: { url: 'redis://127.0.0.1:6379' }, queue: 'eleanor-critics' });
 * new Orchestrator({ critics, transport });
 */
export function createBullmqTransport(options: BullmqTransportOptions): BullmqTransport {
  const names = queueNames(options);
  const remote = options.critics === undefined ? undefined : new Set(options.critics);
  const waiters = new Waiters();
  const counts = { enqueued: 0, enqueueErrors: 0, stalled: 0 };
  const link = createCoordinatorLink({
    url: options.redis.url,
    names,
    logger: options.logger ?? consoleLogger,
    waiters,
    onStalled: () => void counts.stalled++,
  });
  const attempts: Attempts = { link, waiters, names, counts };
  return {
    kind: 'bullmq',
    remote: true,
    names,
    covers: (name) => remote === undefined || remote.has(name),
    execute: (critic, input, ctx) => executeRemotely(attempts, critic, input, ctx),
    ready: () => link.ready(),
    degraded: () => link.degraded(),
    stats: () => ({ ...counts, cancelled: link.current?.cancels.sent ?? 0, ...waiters.counts() }),
    close: () => link.close(),
  };
}

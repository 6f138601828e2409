// createNatsSink(): an EventSink that publishes each event as JSON to NATS JetStream at `<prefix>.<event type>`.
import type { JetStreamClient, NatsConnection } from 'nats';
import { EleanorError, describeError } from '../../core/index.js';
import { importPackage } from '../../core/index.js';
import type { EventSink } from './sink.js';
import type { EleanorEvent } from './types.js';

export interface NatsSinkOptions {
  /** The NATS server URL(s), e.g. 'nats://127.0.0.1:4222'. */
  readonly servers: string | readonly string[];
  /** The JetStream stream, created (subjects `<subjectPrefix>.>`) when missing. @default 'ELEANOR' */
  readonly stream?: string;
  /** Subjects are `<subjectPrefix>.<event type>`, e.g. eleanor.decision.made. @default 'eleanor' */
  readonly subjectPrefix?: string;
  /** Longest wait for a connection, in ms. @default 2000 */
  readonly connectTimeoutMs?: number;
  /** Longest wait for JetStream's acknowledgement of one event, in ms. @default 2000 */
  readonly publishTimeoutMs?: number;
  /** After a failed connection, events fail at once (counted) for this long before the next try, in ms. @default 1000 */
  readonly retryMs?: number;
  /** Publishes in flight at most; beyond it events are dropped and counted. @default 1024 */
  readonly maxPending?: number;
  /** Told of each failed publish (after it is counted). @default none */
  readonly onError?: (error: unknown, event: EleanorEvent) => void;
  /** Clock for the retry delay, in ms. @default Date.now */
  readonly now?: () => number;
}

export interface NatsSinkStats {
  /** Events JetStream acknowledged. */
  published: number;
  /** Events that failed: no connection, no acknowledgement in time, or not serialisable. */
  errors: number;
  /** Events refused because `maxPending` publishes were already in flight. */
  dropped: number;
  /** The latest failure, in plain words. */
  lastError?: string;
  /** Whether the latest publish succeeded (readiness); undefined before the first. */
  lastPublishOk?: boolean;
}

export interface NatsSink extends EventSink {
  stats(): NatsSinkStats;
}

interface Connection {
  readonly nc: NatsConnection;
  readonly js: JetStreamClient;
}

const NAME = /^[A-Za-z0-9_-]+$/;
const PREFIX = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;

function positive(field: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) {
    throw new EleanorError('INVALID_CONFIG', `${field}: expected a positive number, got ${String(value)}`);
  }
  return value;
}

/**
 * Creates the sink; it connects on the first event and never rejects: failures are counted in `stats()`.
 * @example
 * attachSink(bus, createNatsSink({ servers: 'nats://127.0.0.1:4222' })); // subjects eleanor.<event>
 */
export function createNatsSink(options: NatsSinkOptions): NatsSink {
  const servers = typeof options.servers === 'string' ? [options.servers] : [...options.servers];
  if (servers.length === 0 || servers.some((s) => typeof s !== 'string' || s === '')) {
    throw new EleanorError('INVALID_CONFIG', 'servers: expected one or more NATS URLs');
  }
  const stream = options.stream ?? 'ELEANOR';
  if (!NAME.test(stream)) {
    throw new EleanorError('INVALID_CONFIG', `stream: expected letters, digits, _ or -, got '${stream}'`);
  }
  const prefix = options.subjectPrefix ?? 'eleanor';
  if (!PREFIX.test(prefix)) {
    throw new EleanorError(
      'INVALID_CONFIG',
      `subjectPrefix: expected dot-separated tokens without wildcards, got '${prefix}'`,
    );
  }
  const connectTimeoutMs = positive('connectTimeoutMs', options.connectTimeoutMs ?? 2000);
  const publishTimeoutMs = positive('publishTimeoutMs', options.publishTimeoutMs ?? 2000);
  const retryMs = positive('retryMs', options.retryMs ?? 1000);
  const maxPending = positive('maxPending', options.maxPending ?? 1024);
  const now = options.now ?? Date.now;
  const encoder = new TextEncoder();

  const stats: NatsSinkStats = { published: 0, errors: 0, dropped: 0 };
  const inFlight = new Set<Promise<void>>();
  let current: Promise<Connection> | undefined;
  let retryAt = 0;
  let closed = false;

  async function open(): Promise<Connection> {
    // Imported on the first event, not by `import 'eleanor'`; a failed load is counted like a failed connection.
    const { connect } = await importPackage(
      { name: 'nats', user: 'the NATS event sink', code: 'INVALID_CONFIG' },
      () => import('nats'),
    );
    const nc = await connect({ servers, timeout: connectTimeoutMs, name: 'eleanor-events' });
    try {
      const jsm = await nc.jetstreamManager({ timeout: connectTimeoutMs });
      try {
        await jsm.streams.info(stream);
      } catch {
        await jsm.streams.add({ name: stream, subjects: [`${prefix}.>`] });
      }
      return { nc, js: nc.jetstream({ timeout: publishTimeoutMs }) };
    } catch (error) {
      await nc.close().catch(() => undefined);
      throw error;
    }
  }

  async function connection(): Promise<Connection> {
    if (current === undefined) {
      if (now() < retryAt) throw new Error(`NATS unavailable: next connection attempt in ${retryAt - now()} ms`);
      const attempt = open();
      current = attempt;
      void attempt.catch(() => {
        if (current === attempt) current = undefined;
        retryAt = now() + retryMs;
      });
    }
    const pending = current;
    const conn = await pending;
    if (conn.nc.isClosed()) {
      // The client gave up reconnecting: open a fresh connection next time.
      if (current === pending) current = undefined;
      throw new Error('NATS connection closed');
    }
    return conn;
  }

  async function send(event: EleanorEvent): Promise<void> {
    try {
      const data = encoder.encode(JSON.stringify(event));
      const { js } = await connection();
      await js.publish(`${prefix}.${event.type}`, data, { timeout: publishTimeoutMs });
      stats.published++;
      stats.lastPublishOk = true;
    } catch (error) {
      stats.errors++;
      stats.lastPublishOk = false;
      stats.lastError = describeError(error);
      try {
        options.onError?.(error, event);
      } catch {
        // A failing reporter must not turn a counted failure into a rejection.
      }
    }
  }

  return {
    name: 'nats',
    publish(event) {
      if (closed) return Promise.resolve();
      if (inFlight.size >= maxPending) {
        stats.dropped++;
        return Promise.resolve();
      }
      const sending = send(event);
      inFlight.add(sending);
      void sending.finally(() => inFlight.delete(sending));
      return sending;
    },
    async close() {
      if (closed) return;
      closed = true;
      await Promise.allSettled([...inFlight]);
      const last = current;
      current = undefined;
      if (last === undefined) return;
      try {
        await (await last).nc.close();
      } catch {
        // Never connected, or already closed: nothing to release.
      }
    },
    stats() {
      return { ...stats };
    },
  };
}

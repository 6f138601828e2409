// The L2 tier: Redis GET/SET bounded by a short timeout; a failing or slow Redis is skipped, never waited on.
import type * as IORedis from 'ioredis';
import type { Redis } from 'ioredis';
import { requirePackage } from '../../core/load-package.js';

export interface RedisTierOptions {
  /** A Redis URL; the tier then owns its client (fail-fast options) and quits it on close. @default 'redis://127.0.0.1:6379' */
  readonly url?: string;
  /** A client you own (not quit on close). Give it `enableOfflineQueue: false` so commands fail fast while it is down. */
  readonly client?: Redis;
  /** Prefix of every key. @default 'eleanor:cache:' */
  readonly prefix?: string;
  /** Time to live of an entry, in ms (SET … PX). @default 3_600_000 */
  readonly ttlMs?: number;
  /** A read or write slower than this counts as failed (a miss) and marks the tier degraded, in ms. @default 50 */
  readonly timeoutMs?: number;
}

export interface RedisTierStats {
  hits: number;
  misses: number;
  /** Reads and writes not sent because Redis was down, or was slow and already being probed. */
  skipped: number;
  /** Commands that failed or timed out, and entries that could not be read. */
  errors: number;
}

const TIMED_OUT = Symbol('timed out');

/** Settles with the command's result, or TIMED_OUT after `ms`; the timer is always cleared. */
async function bounded<T>(command: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const expiry = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(resolve, ms, TIMED_OUT);
  });
  try {
    return await Promise.race([command, expiry]);
  } finally {
    clearTimeout(timer);
  }
}

export class RedisTier {
  readonly stats: RedisTierStats = { hits: 0, misses: 0, skipped: 0, errors: 0 };
  readonly #client: Redis;
  readonly #owned: boolean;
  readonly #prefix: string;
  readonly #ttlMs: number;
  readonly #timeoutMs: number;
  /** A command failed or timed out and Redis has not answered since. */
  #failing = false;
  /** While failing but connected (slow), one read at a time probes whether Redis answers again. */
  #probing = false;
  #closed = false;
  readonly #onReady = (): void => {
    this.#failing = false;
  };
  readonly #onDown = (): void => {
    if (!this.#closed) this.#failing = true;
  };

  constructor(options: RedisTierOptions) {
    this.#prefix = options.prefix ?? 'eleanor:cache:';
    this.#ttlMs = options.ttlMs ?? 3_600_000;
    this.#timeoutMs = options.timeoutMs ?? 50;
    this.#owned = options.client === undefined;
    this.#client = options.client ?? this.#ownClient(options.url ?? 'redis://127.0.0.1:6379');
    // Without an 'error' listener ioredis reports every failed reconnect as unhandled.
    this.#client.on('error', this.#onDown);
    this.#client.on('close', this.#onDown);
    this.#client.on('ready', this.#onReady);
    // A lazy client would never connect: the tier sends nothing until the client is ready.
    if (this.#client.status === 'wait') this.#client.connect().catch(this.#onDown);
  }

  /** A fail-fast client of our own; ioredis is loaded here, by the first tier, not by `import 'eleanor'`. */
  #ownClient(url: string): Redis {
    const { Redis } = requirePackage<typeof IORedis>({
      name: 'ioredis',
      user: 'the Redis cache tier',
      code: 'INVALID_CONFIG',
    });
    return new Redis(url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: Math.max(200, this.#timeoutMs * 4),
      // Reconnect quickly so the tier recovers soon after Redis is back.
      retryStrategy: (times) => Math.min(times * 50, 1000),
    });
  }

  /** True while Redis is not connected or its last command failed. */
  get degraded(): boolean {
    return this.#failing || this.#client.status !== 'ready';
  }

  /** The stored JSON text under `key`, or undefined (miss, skipped, failed or slower than the bound). */
  async get(key: string): Promise<string | undefined> {
    if (this.#client.status !== 'ready' || (this.#failing && this.#probing)) {
      this.stats.skipped++;
      return undefined;
    }
    const probe = this.#failing;
    if (probe) this.#probing = true;
    try {
      const reply = await bounded(this.#client.get(this.#prefix + key), this.#timeoutMs);
      if (reply === TIMED_OUT) return this.#fail();
      this.#failing = false;
      if (reply === null) this.stats.misses++;
      else this.stats.hits++;
      return reply ?? undefined;
    } catch {
      return this.#fail();
    } finally {
      if (probe) this.#probing = false;
    }
  }

  /** Stores `json` under `key` with the tier's TTL; never throws and never takes longer than the bound. */
  async set(key: string, json: string): Promise<void> {
    if (this.#client.status !== 'ready' || this.#failing) {
      this.stats.skipped++;
      return;
    }
    try {
      const reply = await bounded(this.#client.set(this.#prefix + key, json, 'PX', this.#ttlMs), this.#timeoutMs);
      if (reply === TIMED_OUT) this.#fail();
    } catch {
      this.#fail();
    }
  }

  /** Recounts the last hit as a miss and an error: the entry it read cannot be used. */
  corrupt(): void {
    this.stats.hits--;
    this.stats.misses++;
    this.stats.errors++;
  }

  /** Detaches from the client; quits it (within the bound, then disconnects) if the tier created it. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#owned) {
      try {
        if (this.#client.status === 'ready') await bounded(this.#client.quit(), this.#timeoutMs);
      } catch {
        // Quitting a failing connection may reject; disconnect() below ends it regardless.
      }
      // The listeners stay on the tier's own client: a late 'error' must not go unhandled.
      this.#client.disconnect();
      return;
    }
    this.#client.off('error', this.#onDown);
    this.#client.off('close', this.#onDown);
    this.#client.off('ready', this.#onReady);
  }

  #fail(): undefined {
    this.stats.errors++;
    this.#failing = true;
    return undefined;
  }
}

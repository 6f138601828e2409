// The L2 tier: Redis GET/SET bounded by a short timeout; a failing or slow Redis is skipped, never waited on (a first
// connection still being made is waited for, within the same bound).
import type * as IORedis from 'ioredis';
import type { Redis } from 'ioredis';
import { requirePackage } from '../../core/index.js';

export interface RedisTierOptions {
  /** A Redis URL; the tier then owns its client (fail-fast options) and quits it on close. @default 'redis://127.0.0.1:6379' */
  readonly url?: string;
  /** A client you own (not quit on close). Give it `enableOfflineQueue: false` so commands fail fast while it is down. */
  readonly client?: Redis;
  /** Prefix of every key. @default 'eleanor:cache:' */
  readonly prefix?: string;
  /** Time to live of an entry, in ms (SET … PX). @default 3_600_000 */
  readonly ttlMs?: number;
  /**
   * A read or write slower than this counts as failed (a miss) and marks the tier degraded, in ms. One issued while the
   * first connection is being made waits for it within this bound (a miss, not a failure, if it takes longer).
   * @default 50
   */
  readonly timeoutMs?: number;
}

export interface RedisTierStats {
  hits: number;
  misses: number;
  /** Reads and writes given up unanswered: Redis was down, slow and already being probed, or not yet connected in time. */
  skipped: number;
  /** Commands that failed or timed out, and entries that could not be read. */
  errors: number;
}

const TIMED_OUT = Symbol('timed out');
const NOT_CONNECTED = Symbol('not connected');

/** ioredis states of a first connection still being made: the client is neither up nor down yet. */
const CONNECTING: ReadonlySet<string> = new Set(['wait', 'connecting', 'connect']);

/** Settles with the command's result, or TIMED_OUT after `ms`; the timers are always cleared. */
async function bounded<T>(command: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  let turn: NodeJS.Immediate | undefined;
  const expiry = new Promise<typeof TIMED_OUT>((resolve) => {
    // Expiry waits one turn of the event loop (pending I/O first): when this process was busy (a critic loading its
    // model) and the timer fires late, a reply that has already arrived still wins — the process was slow, not Redis.
    timer = setTimeout(() => (turn = setImmediate(resolve, TIMED_OUT)), ms);
  });
  try {
    return await Promise.race([command, expiry]);
  } finally {
    clearTimeout(timer);
    clearImmediate(turn);
  }
}

export class RedisTier {
  readonly stats: RedisTierStats = { hits: 0, misses: 0, skipped: 0, errors: 0 };
  readonly #client: Redis;
  readonly #owned: boolean;
  readonly #prefix: string;
  readonly #ttlMs: number;
  readonly #timeoutMs: number;
  readonly #connectTimeoutMs: number;
  /** Settles once the first connection is made (true), or has failed or outlasted the connect bound (false). */
  readonly #connected: Promise<boolean>;
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
    this.#connectTimeoutMs = Math.max(200, this.#timeoutMs * 4);
    this.#owned = options.client === undefined;
    this.#client = options.client ?? this.#ownClient(options.url ?? 'redis://127.0.0.1:6379');
    // Without an 'error' listener ioredis reports every failed reconnect as unhandled.
    this.#client.on('error', this.#onDown);
    this.#client.on('close', this.#onDown);
    this.#client.on('ready', this.#onReady);
    // A lazy client would never connect: the tier sends nothing until the client is ready.
    if (this.#client.status === 'wait') this.#client.connect().catch(this.#onDown);
    this.#connected = this.#firstConnection();
  }

  /** Watches the first connection attempt: the promise behind #connected. */
  #firstConnection(): Promise<boolean> {
    if (this.#client.status === 'ready') return Promise.resolve(true);
    if (!CONNECTING.has(this.#client.status)) return Promise.resolve(false);
    return new Promise((resolve) => {
      const settle = (connected: boolean): void => {
        clearTimeout(timer);
        this.#client.off('ready', up);
        this.#client.off('close', down);
        resolve(connected);
      };
      const up = (): void => settle(true);
      // 'close' follows every failed attempt ('error' comes first, and marks the tier down).
      const down = (): void => settle(false);
      const timer = setTimeout(() => {
        this.#onDown();
        settle(false);
      }, this.#connectTimeoutMs).unref();
      this.#client.once('ready', up);
      this.#client.once('close', down);
    });
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
      connectTimeout: this.#connectTimeoutMs,
      // Reconnect quickly so the tier recovers soon after Redis is back.
      retryStrategy: (times) => Math.min(times * 50, 1000),
    });
  }

  /** True while Redis is unreachable or its last command failed; a first connection still being made is not. */
  get degraded(): boolean {
    return this.#failing || !this.#usable();
  }

  /**
   * Resolves once the first connection is made, or has failed or outlasted the connect bound (the tier is then
   * degraded); never rejects. Reads and writes wait for it anyway, but only within `timeoutMs`.
   */
  async ready(): Promise<void> {
    await this.#connected;
  }

  /** The stored JSON text under `key`, or undefined (miss, skipped, failed or slower than the bound). */
  async get(key: string): Promise<string | undefined> {
    if (!this.#usable() || (this.#failing && this.#probing)) {
      this.stats.skipped++;
      return undefined;
    }
    const probe = this.#failing;
    if (probe) this.#probing = true;
    try {
      const reply = await bounded(
        this.#whenConnected(() => this.#client.get(this.#prefix + key)),
        this.#timeoutMs,
      );
      if (reply === TIMED_OUT || reply === NOT_CONNECTED) return this.#unanswered();
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
    if (!this.#usable() || this.#failing) {
      this.stats.skipped++;
      return;
    }
    try {
      const reply = await bounded(
        this.#whenConnected(() => this.#client.set(this.#prefix + key, json, 'PX', this.#ttlMs)),
        this.#timeoutMs,
      );
      if (reply === TIMED_OUT || reply === NOT_CONNECTED) this.#unanswered();
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

  /** Whether a command may be sent: Redis is up, or making its first connection with nothing failed yet. */
  #usable(): boolean {
    const status = this.#client.status;
    return status === 'ready' || (!this.#failing && CONNECTING.has(status));
  }

  /** Sends `command` now if the client is ready, else once the first connection is made (NOT_CONNECTED if it fails). */
  async #whenConnected<T>(command: () => Promise<T>): Promise<T | typeof NOT_CONNECTED> {
    if (this.#client.status !== 'ready' && !(await this.#connected)) return NOT_CONNECTED;
    return command();
  }

  /**
   * Counts a command that got no answer in time: a failure if Redis is connected (it is slow); else it was waiting for
   * the connection, and is skipped — a cold start is not a failure, and a failed connection already marked the tier.
   */
  #unanswered(): undefined {
    if (this.#client.status === 'ready') return this.#fail();
    this.stats.skipped++;
    return undefined;
  }

  #fail(): undefined {
    this.stats.errors++;
    this.#failing = true;
    return undefined;
  }
}

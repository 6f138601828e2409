// createCacheHooks(): the critic-result cache (L1 LRU, L2 Redis, single flight) as orchestrator hooks.
import type * as LruCache from 'lru-cache';
import { isFinding } from '../../core/index.js';
import { requirePackage } from '../../core/index.js';
import type { CriticInput, CriticOutcome, Finding, Hooks } from '../../core/index.js';
import { cacheKey, DEFAULT_VOLATILE_CONTEXT_KEYS } from './cache-key.js';
import { RedisTier, type RedisTierOptions, type RedisTierStats } from './redis-tier.js';
import { SingleFlight } from './single-flight.js';
import { runIdOf } from '../run-identity.js';

export interface CachedCriticOptions {
  /** Part of the key: bump it (with the rule-set version, e.g. '1.0.0+rules.1.0.0') when findings change. @default '' */
  readonly version?: string;
  /** `false` never caches this critic (e.g. a nondeterministic judge). @default true */
  readonly cache?: boolean;
}

export interface CacheOptions {
  /** The critics to cache, by name; a critic not listed here is never cached. */
  readonly critics: Readonly<Record<string, CachedCriticOptions>>;
  /** The in-process tier. */
  readonly l1?: {
    /** Entries kept at most. @default 10_000 */
    readonly max?: number;
    /** Time to live of an entry, in ms. @default 60_000 */
    readonly ttlMs?: number;
  };
  /** The Redis tier. @default none (L1 only) */
  readonly redis?: RedisTierOptions;
  /** Top-level context keys left out of the key. @default ['traceId','requestId','timestamp','now','receivedAt'] */
  readonly volatileContextKeys?: readonly string[];
  /** A waiter of single flight gives up (and runs the critic) after this many ms if the leader never reports. @default 10_000 */
  readonly singleFlightMaxWaitMs?: number;
  /** Monotonic clock in ms for the L1 TTL. @default performance.now */
  readonly now?: () => number;
}

export interface CacheStats {
  readonly l1: { readonly hits: number; readonly misses: number };
  /** All zero without Redis. */
  readonly l2: Readonly<RedisTierStats>;
  /** preExecutions that waited for a concurrent run of the same key. */
  readonly singleFlightJoins: number;
  /** Redis failures and timeouts, unusable entries and inputs without a canonical form. */
  readonly errors: number;
}

export interface CacheHooks {
  readonly hooks: Hooks;
  /** ['cache:redis'] while Redis is down or failing, else [] (also while its first connection is being made). */
  degraded(): string[];
  /** Resolves once Redis has connected, or failed to (then degraded() lists it); at once without Redis. Never rejects. */
  ready(): Promise<void>;
  /** Releases single-flight waiters and quits the Redis client the cache created. */
  close(): Promise<void>;
  stats(): CacheStats;
}

/**
 * Caches each listed critic's finding by its version and input (L1 in memory, optionally Redis).
 * @example
 * const cache = createCacheHooks({ critics: { risk: { version: '1.0.0' } }, l1: { max: 10_000 } });
 * new Orchestrator({ critics: { risk: builtinCritic('risk').evaluate }, hooks: cache.hooks });
 */
export function createCacheHooks(options: CacheOptions): CacheHooks {
  const critics = options.critics;
  const volatile = new Set(options.volatileContextKeys ?? DEFAULT_VOLATILE_CONTEXT_KEYS);
  // Loaded by the first cache, not by `import 'eleanor'`.
  const { LRUCache } = requirePackage<typeof LruCache>({
    name: 'lru-cache',
    user: 'the cache',
    code: 'INVALID_CONFIG',
  });
  const l1 = new LRUCache<string, string>({
    max: options.l1?.max ?? 10_000,
    ttl: options.l1?.ttlMs ?? 60_000,
    ...(options.now ? { perf: { now: options.now }, ttlResolution: 0 } : {}),
  });
  const l2 = options.redis ? new RedisTier(options.redis) : undefined;
  const flights = new SingleFlight(options.singleFlightMaxWaitMs ?? 10_000);
  const counts = { l1Hits: 0, l1Misses: 0, joins: 0, errors: 0 };

  /** The key of a cached critic's input; undefined if the critic is not cached or the input has no key. */
  const keyOf = (critic: string, input: CriticInput): string | undefined => {
    // Own properties only: a critic named 'constructor' must not find Object.prototype's.
    const spec = Object.hasOwn(critics, critic) ? critics[critic] : undefined;
    if (spec === undefined || spec.cache === false) return undefined;
    try {
      return cacheKey(critic, spec.version ?? '', input, volatile);
    } catch {
      counts.errors++;
      return undefined;
    }
  };

  // Entries are kept as JSON text: each hit parses a fresh object, so no run can alter another's finding.
  const parse = (json: string | undefined): Finding | undefined =>
    json === undefined ? undefined : (JSON.parse(json) as Finding);

  /** An L2 hit fills L1 and lands the flight; on a miss the leader runs the critic, and its post or failure lands it. */
  const readL2 = async (tier: RedisTier, key: string): Promise<Finding | undefined> => {
    const json = await tier.get(key);
    if (json === undefined) return undefined;
    let finding: unknown;
    try {
      finding = JSON.parse(json);
    } catch {
      finding = undefined;
    }
    if (!isFinding(finding)) {
      tier.corrupt();
      return undefined;
    }
    l1.set(key, json);
    flights.land(key, json);
    return finding;
  };

  const hooks: Hooks = {
    preExecution(critic, input, scope) {
      const key = keyOf(critic, input);
      if (key === undefined) return undefined;
      const hit = l1.get(key);
      if (hit !== undefined) {
        counts.l1Hits++;
        return parse(hit);
      }
      counts.l1Misses++;
      const joined = flights.join(key);
      if (joined !== undefined) {
        counts.joins++;
        return joined.then(parse);
      }
      flights.lead(key, runIdOf(input, scope));
      return l2 ? readL2(l2, key) : undefined;
    },

    postExecution(critic, outcome: CriticOutcome, input, scope) {
      const key = keyOf(critic, input);
      if (key === undefined) return undefined;
      if (outcome.status !== 'success' || outcome.degraded || outcome.fromCache) {
        flights.abort(key, runIdOf(input, scope));
        return undefined;
      }
      let json: string;
      try {
        json = JSON.stringify(outcome.finding);
      } catch {
        counts.errors++; // e.g. a bigint in an extra field: not cacheable
        flights.abort(key, runIdOf(input, scope));
        return undefined;
      }
      l1.set(key, json);
      flights.land(key, json);
      return l2?.set(key, json);
    },

    onFailure(critic, _error, _durationMs, input, scope) {
      const key = keyOf(critic, input);
      if (key !== undefined) flights.abort(key, runIdOf(input, scope));
      return undefined;
    },
  };

  return {
    hooks,
    degraded: () => (l2?.degraded ? ['cache:redis'] : []),
    ready: async () => l2?.ready(),
    close: async () => {
      flights.clear();
      await l2?.close();
    },
    stats: () => ({
      l1: { hits: counts.l1Hits, misses: counts.l1Misses },
      l2: { ...(l2?.stats ?? { hits: 0, misses: 0, skipped: 0, errors: 0 }) },
      singleFlightJoins: counts.joins,
      errors: counts.errors + (l2?.stats.errors ?? 0),
    }),
  };
}

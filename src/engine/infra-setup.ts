// Turns the configuration's `infrastructure` section into EngineInfra pieces, in the documented order.
import type { Registry } from 'prom-client';
import type { Orchestrator } from '../core/orchestrator.js';
import type { CriticOutcome, Finding, Hooks } from '../core/types.js';
import { createAdaptiveTimeoutHooks, createAimdConcurrency, type AimdConcurrency } from '../infra/adaptive/index.js';
import {
  createBreakerHooks,
  type BreakerConfig,
  type BreakerHooks,
  type BreakerState,
} from '../infra/breaker/index.js';
import { createCacheHooks, type CacheHooks, type CacheStats } from '../infra/cache/index.js';
import { createDegradationHooks } from '../infra/degradation/index.js';
import {
  attachSink,
  createEventBus,
  createNatsSink,
  type EventBus,
  type NatsSink,
  type NatsSinkStats,
} from '../infra/events/index.js';
import { createMetrics, type CacheResult, type CacheTier, type EleanorMetrics } from '../infra/metrics/index.js';
import { createTracingHooks, type EvaluationTrace } from '../infra/tracing/index.js';
import type { BullmqTransportStats } from '../distributed/bullmq-transport.js';
import type { InfrastructureConfig } from './config/infrastructure-schema.js';
import type { EngineInfra } from './infra.js';
import type { Evaluation } from '../verdict/types.js';
import { FAILED_STATUSES } from '../verdict/outcomes.js';

/** What the configured infrastructure exposes (for the HTTP service: /metrics, readiness, event subscribers). */
export interface InfrastructureHandles {
  /** The Prometheus registry, when `metrics` is set. */
  readonly metrics?: Registry;
  /** The event bus, when `events` is set. */
  readonly events?: EventBus;
  /** Each critic's breaker state, when `breakers` is set. */
  readonly breakers?: () => Record<string, BreakerState>;
  /** Cache hit and miss counts, when `cache` is set. */
  readonly cache?: () => CacheStats;
  /** The NATS sink's counts, when `events.nats` is set. */
  readonly nats?: () => NatsSinkStats;
  /** The BullMQ transport's counts (enqueued, stalled, cancelled, …), when `transport.kind` is 'bullmq'. */
  readonly transport?: () => BullmqTransportStats;
  /** Configured components working below their configuration right now, e.g. ['cache:redis'] (for readiness). */
  readonly degraded: () => string[];
}

export interface ConfiguredInfrastructure {
  /** In order: tracing, cache, breakers, fallbacks, adaptive timeouts, adaptive concurrency, metrics, events. */
  readonly pieces: EngineInfra[];
  readonly handles: InfrastructureHandles;
  /** Connects the pieces that need the orchestrator (adaptive concurrency, the in-flight gauge); call once. */
  bind(orchestrator: Orchestrator): void;
}

export interface CriticCacheEntry {
  readonly name: string;
  readonly version: string | undefined;
  /** False when the critic's entry says `cache: false`. */
  readonly cache: boolean;
}

/** Outcomes reported as `critic.failed`; every other status is `critic.completed`. */

/** Copies `value` without its undefined properties (zod's optional fields vs exactOptionalPropertyTypes). */
function defined<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}

function breakerConfig(config: NonNullable<NonNullable<InfrastructureConfig['breakers']>['default']>): BreakerConfig {
  return defined(config) as BreakerConfig;
}

/**
 * Builds the configured pieces. Throws EleanorError INVALID_CONFIG on options the schema cannot check; pieces built
 * before the failure are closed.
 */
export function setUpInfrastructure(
  config: InfrastructureConfig | undefined,
  critics: readonly CriticCacheEntry[],
): ConfiguredInfrastructure {
  const pieces: EngineInfra[] = [];
  const handles: { -readonly [K in keyof InfrastructureHandles]: InfrastructureHandles[K] } = {
    degraded: () => pieces.flatMap((piece) => piece.degraded?.() ?? []),
  };
  let orchestrator: Orchestrator | undefined;
  const binders: ((orchestrator: Orchestrator) => void)[] = [];
  if (config === undefined) return { pieces, handles, bind: () => undefined };
  try {
    let tracingPiece: EngineInfra | undefined;
    if (config.tracing === true) {
      const tracing = createTracingHooks();
      const open = new WeakMap<object, EvaluationTrace>();
      tracingPiece = {
        name: 'tracing',
        hooks: tracing.hooks,
        evaluationStarted(traceId, scope) {
          const span = tracing.startEvaluation(traceId, undefined, scope);
          open.set(scope, span);
          return (evaluation) => {
            open.delete(scope);
            span.end(evaluation);
          };
        },
        evaluationFailed(_traceId, error, scope) {
          open.get(scope)?.end(error instanceof Error ? error : new Error(String(error)));
          open.delete(scope);
        },
      };
      pieces.push(tracingPiece);
    }

    let cache: CacheHooks | undefined;
    if (config.cache !== undefined) {
      const { l1, redis, volatileContextKeys } = config.cache;
      cache = createCacheHooks({
        critics: Object.fromEntries(critics.map((c) => [c.name, { version: c.version ?? '', cache: c.cache }])),
        ...(l1 !== undefined && { l1: defined(l1) }),
        ...(redis !== undefined && { redis: defined(redis) }),
        ...(volatileContextKeys !== undefined && { volatileContextKeys }),
      });
      const built = cache;
      pieces.push({ name: 'cache', hooks: built.hooks, degraded: () => built.degraded(), close: () => built.close() });
      handles.cache = () => built.stats();
    }

    const fallbacks = config.fallbacks as Readonly<Record<string, Finding>> | undefined;
    let breakers: BreakerHooks | undefined;
    if (config.breakers !== undefined) {
      const { default: byDefault, critics: perCritic, settleWithinMs } = config.breakers;
      breakers = createBreakerHooks({
        ...(byDefault !== undefined && { default: breakerConfig(byDefault) }),
        ...(perCritic !== undefined && {
          critics: Object.fromEntries(Object.entries(perCritic).map(([name, c]) => [name, breakerConfig(c)])),
        }),
        ...(settleWithinMs !== undefined && { settleWithinMs }),
        ...(fallbacks !== undefined && { fallbacks }),
      });
      const built = breakers;
      pieces.push({ name: 'breakers', hooks: built.hooks });
      handles.breakers = () => built.states();
    }

    if (fallbacks !== undefined) {
      pieces.push({ name: 'fallbacks', hooks: createDegradationHooks({ fallbacks }) });
    }

    if (config.adaptiveTimeouts !== undefined && config.adaptiveTimeouts !== false) {
      const options = config.adaptiveTimeouts === true ? {} : defined(config.adaptiveTimeouts);
      pieces.push({ name: 'adaptive timeouts', hooks: createAdaptiveTimeoutHooks(options) });
    }

    if (config.adaptiveConcurrency !== undefined) {
      const options = config.adaptiveConcurrency;
      let aimd: AimdConcurrency | undefined;
      // The limiter needs the orchestrator, which needs the hooks first: they forward once it is bound.
      const hooks: Hooks = {
        postExecution: (critic, outcome, input) => aimd?.hooks.postExecution?.(critic, outcome, input),
        onFailure: (critic, error, durationMs, input) => aimd?.hooks.onFailure?.(critic, error, durationMs, input),
      };
      binders.push((target) => {
        aimd = createAimdConcurrency(target, {
          ...defined(options),
          max: options.max,
          targetLatencyMs: options.targetLatencyMs,
        });
      });
      pieces.push({
        name: 'adaptive concurrency',
        hooks,
        close: () => {
          aimd?.stop();
          return Promise.resolve();
        },
      });
    }

    if (config.metrics !== undefined && config.metrics !== false) {
      const prefix = config.metrics === true ? undefined : config.metrics.prefix;
      const metrics = createMetrics({
        ...(prefix !== undefined && { prefix }),
        inflight: () => orchestrator?.metrics().inflight ?? 0,
      });
      breakers?.onStateChange((critic, state) => metrics.setBreakerState(critic, state));
      pieces.push(metricsPiece(metrics, cache, breakers));
      handles.metrics = metrics.registry;
    }

    if (config.events !== undefined) {
      const { bufferSize, nats } = config.events;
      const bus = createEventBus(bufferSize !== undefined ? { bufferSize } : {});
      let sink: NatsSink | undefined;
      let detach: (() => void) | undefined;
      if (nats !== undefined) {
        sink = createNatsSink({
          servers: nats.servers,
          ...(nats.stream !== undefined && { stream: nats.stream }),
          ...(nats.subjectPrefix !== undefined && { subjectPrefix: nats.subjectPrefix }),
        });
        detach = attachSink(bus, sink);
        const built = sink;
        handles.nats = () => built.stats();
      }
      pieces.push(eventsPiece(bus, sink, detach));
      handles.events = bus;
    }
  } catch (error) {
    void Promise.allSettled(pieces.map((piece) => (piece.close ? piece.close() : Promise.resolve())));
    throw error;
  }
  return {
    pieces,
    handles,
    bind(target) {
      orchestrator = target;
      for (const bindOne of binders) bindOne(target);
    },
  };
}

/**
 * Observes every outcome and evaluation, the cache's hits and misses since the previous evaluation, and the state of
 * each breaker (transitions are also reported as they happen; this adds breakers first seen closed).
 */
function metricsPiece(
  metrics: EleanorMetrics,
  cache: CacheHooks | undefined,
  breakers: BreakerHooks | undefined,
): EngineInfra {
  let seen = { l1: { hit: 0, miss: 0, error: 0 }, l2: { hit: 0, miss: 0, error: 0 } };
  const observeCache = (): void => {
    if (cache === undefined) return;
    const stats = cache.stats();
    const now = {
      l1: { hit: stats.l1.hits, miss: stats.l1.misses, error: 0 },
      l2: { hit: stats.l2.hits, miss: stats.l2.misses, error: stats.l2.errors + stats.l2.skipped },
    };
    for (const tier of ['l1', 'l2'] as const satisfies CacheTier[]) {
      for (const result of ['hit', 'miss', 'error'] as const satisfies CacheResult[]) {
        for (let n = now[tier][result] - seen[tier][result]; n > 0; n--) metrics.observeCache(tier, result);
      }
    }
    seen = now;
  };
  return {
    name: 'metrics',
    hooks: metrics.hooks,
    evaluationStarted: (traceId) => (evaluation) => {
      for (const outcome of Object.values(evaluation.critics)) metrics.observeOutcome(outcome, traceId);
      metrics.observeEvaluation(evaluation);
      observeCache();
      if (breakers !== undefined) {
        for (const [critic, state] of Object.entries(breakers.states())) metrics.setBreakerState(critic, state);
      }
    },
  };
}

/** Emits the evaluation's events on the bus; on close, lets the sink drain (briefly) and closes it. */
function eventsPiece(bus: EventBus, sink: NatsSink | undefined, detach: (() => void) | undefined): EngineInfra {
  const emitOutcome = (traceId: string, outcome: CriticOutcome): void =>
    bus.emit(FAILED_STATUSES.has(outcome.status) ? 'critic.failed' : 'critic.completed', { traceId, outcome });
  return {
    name: 'events',
    evaluationStarted(traceId) {
      bus.emit('evaluation.started', { traceId, at: Date.now() });
      return (evaluation: Evaluation) => {
        for (const outcome of Object.values(evaluation.critics)) emitOutcome(traceId, outcome);
        const { decision, gate, durationMs } = evaluation;
        bus.emit('decision.made', { traceId, decision, gate, durationMs });
        if (gate.requiredAction !== 'none') bus.emit('review.required', { traceId, gate });
      };
    },
    async close() {
      await bus.idle({ signal: AbortSignal.timeout(2_000) }).catch(() => undefined);
      detach?.();
      await sink?.close();
    },
  };
}

// `infrastructure.metrics`: Prometheus series of outcomes, evaluations, cache counts, breaker states and in-flight critics.
import { z } from 'zod';
import type { BreakerHooks } from '../breaker/index.js';
import type { CacheHooks } from '../cache/index.js';
import { infraPiece, type EngineInfra } from '../piece.js';
import { createMetrics, type CacheResult, type CacheTier, type EleanorMetrics } from './metrics.js';

/**
 * @example
 * createEngine({ infrastructure: { metrics: { prefix: 'eleanor_' } } }).infrastructure.metrics; // a prom-client Registry
 */
export const metricsPiece = infraPiece({
  section: 'metrics',
  schema: z.union([
    z.boolean(),
    z
      .object({ prefix: z.string().regex(/^([a-zA-Z_:][a-zA-Z0-9_:]*)?$/, 'expected a Prometheus name prefix') })
      .partial()
      .strict(),
  ]),
  setUp(config, context) {
    if (config === false) return undefined;
    const prefix = config === true ? undefined : config.prefix;
    const metrics = createMetrics({
      ...(prefix !== undefined && { prefix }),
      inflight: () => context.orchestrator()?.metrics().inflight ?? 0,
    });
    const { cache, breakers } = context.built;
    breakers?.onStateChange((critic, state) => metrics.setBreakerState(critic, state));
    context.handles.metrics = metrics.registry;
    return observer(metrics, cache, breakers);
  },
});

/**
 * Observes every outcome and evaluation, the cache's hits and misses since the previous evaluation, and the state of
 * each breaker (transitions are also reported as they happen; this adds breakers first seen closed).
 */
function observer(
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

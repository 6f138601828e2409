// The `eleanor/infra` entry: every infrastructure piece that attaches to the orchestrator through hooks.
export { composeHooks, type ComposeOptions } from './compose-hooks.js';
export * from './adaptive/index.js';
export * from './breaker/index.js';
export * from './cache/index.js';
export * from './degradation/index.js';
export * from './events/index.js';
// BreakerState is the breaker's (above); the metrics' own, which adds cockatiel's 'isolated', stays inside.
export {
  OTHER_CRITIC,
  createMetrics,
  type CacheResult,
  type CacheTier,
  type EleanorMetrics,
  type MetricsOptions,
} from './metrics/index.js';
export * from './tracing/index.js';

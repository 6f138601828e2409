// The metrics area's public surface.
export {
  OTHER_CRITIC,
  createMetrics,
  type BreakerState,
  type CacheResult,
  type CacheTier,
  type EleanorMetrics,
  type MetricsOptions,
} from './metrics.js';

// The critic-result cache: its public names.
export {
  createCacheHooks,
  type CacheHooks,
  type CacheOptions,
  type CacheStats,
  type CachedCriticOptions,
} from './cache-hooks.js';
export { cacheKey, DEFAULT_VOLATILE_CONTEXT_KEYS } from './cache-key.js';
export { canonicalize } from './canonical-json.js';
export type { RedisTierOptions, RedisTierStats } from './redis-tier.js';

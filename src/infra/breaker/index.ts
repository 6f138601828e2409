// Public surface of the circuit-breaker hooks.
export {
  createBreakerHooks,
  type BreakerHooks,
  type BreakerState,
  type BreakerStateListener,
} from './breaker-hooks.js';
export type { BreakerConfig, BreakerOptions, ConsecutiveBreakerConfig, RateBreakerConfig } from './options.js';

// Adaptive infrastructure (issue 5, points 7 and 8): latency-derived timeouts and an AIMD concurrency cap.
export {
  type AdaptiveTimeoutHooks,
  type AdaptiveTimeoutOptions,
  createAdaptiveTimeoutHooks,
} from './adaptive-timeouts.js';
export {
  type AimdConcurrency,
  type AimdOptions,
  type ConcurrencyTarget,
  createAimdConcurrency,
} from './aimd-concurrency.js';
export { LogHistogram, type LogHistogramOptions } from './log-histogram.js';

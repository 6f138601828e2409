// Retry backoff: exponential with "equal jitter", in milliseconds, capped.
import type { PlannedRetries } from './plan.js';

/**
 * Delay before retry number `retry` (1-based): half of min(maxMs, baseMs * 2^(retry-1)) plus
 * a random share of the other half, never below baseMs (unless maxMs is lower).
 */
export function backoffMs(retries: PlannedRetries, retry: number, random: () => number): number {
  const ceiling = Math.min(retries.maxMs, retries.baseMs * 2 ** (retry - 1));
  const jittered = ceiling / 2 + random() * (ceiling / 2);
  return Math.min(retries.maxMs, Math.max(retries.baseMs, jittered));
}

// Breaker options: their types, defaults and checks, and the cockatiel policy each critic's options build.
import { circuitBreaker, ConsecutiveBreaker, handleWhen, SamplingBreaker, type CircuitBreakerPolicy } from 'cockatiel';
import { EleanorError } from '../../core/index.js';
import type { Finding } from '../../core/index.js';

interface CommonBreakerConfig {
  /** How long an open breaker waits before it lets one probe through (half-open). @default 30_000 */
  readonly halfOpenAfterMs?: number;
}

/** Opens after `threshold` failures in a row (cockatiel's ConsecutiveBreaker). */
export interface ConsecutiveBreakerConfig extends CommonBreakerConfig {
  readonly mode: 'consecutive';
  /** Failures in a row that open the breaker (an integer >= 1). */
  readonly threshold: number;
}

/** Opens when more than `threshold` of the calls over the last `windowMs` failed (cockatiel's SamplingBreaker). */
export interface RateBreakerConfig extends CommonBreakerConfig {
  readonly mode: 'rate';
  /** Failure rate that opens the breaker, strictly between 0 and 1 (it opens when the rate exceeds it). */
  readonly threshold: number;
  /** The sliding window, in ms; cockatiel splits it into at least 5 buckets. */
  readonly windowMs: number;
  /** Calls the window must hold before the rate can open the breaker (an integer >= 1). @default 10 */
  readonly minimumCalls?: number;
}

export type BreakerConfig = ConsecutiveBreakerConfig | RateBreakerConfig;

export interface BreakerOptions {
  /** Options of every critic not named in `critics`. @default { mode: 'consecutive', threshold: 5 } */
  readonly default?: BreakerConfig;
  /** Options per critic name, replacing `default` for that critic. @default {} */
  readonly critics?: Readonly<Record<string, BreakerConfig>>;
  /**
   * The finding an open breaker's outcome carries (degraded), per critic; the same shape as the degradation hooks'
   * `fallbacks`, so one record can serve both. @default {} (the circuit_open failure template)
   */
  readonly fallbacks?: Readonly<Record<string, Finding>>;
  /**
   * Bound on how long a call let through may wait for its critic's success or failure hook (the critic may never
   * report: another hook may answer for it, or a hook chain may hang). Past it the call is dropped without counting,
   * except a half-open probe, which counts as failed so that the breaker cannot stay half-open. Keep it above a
   * critic's timeout × attempts. @default 60_000
   */
  readonly settleWithinMs?: number;
  /** Told of a state-change listener that threw (listeners never break a run). @default ignored */
  readonly report?: (error: unknown) => void;
}

export const DEFAULT_CONFIG: BreakerConfig = Object.freeze({ mode: 'consecutive', threshold: 5 });
export const DEFAULT_HALF_OPEN_AFTER_MS = 30_000;
export const DEFAULT_MINIMUM_CALLS = 10;
export const DEFAULT_SETTLE_WITHIN_MS = 60_000;
/** setTimeout's limit. */
const MAX_MS = 2_147_483_647;

/** A call that ended without a success or failure to record: the user aborted the run, or it never reported. */
export class UncountedCallError extends Error {
  /** A half-open probe is counted as failed all the same: cockatiel would count it as a success. */
  readonly probe: boolean;

  constructor(message: string, probe: boolean) {
    super(message);
    this.name = 'UncountedCallError';
    this.probe = probe;
  }
}

function fail(field: string, expected: string, got: unknown): never {
  throw new EleanorError('INVALID_CONFIG', `${field}: expected ${expected}, got ${JSON.stringify(got) ?? String(got)}`);
}

export function checkMs(field: string, value: unknown, min: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > MAX_MS) {
    fail(field, `a number of ms in ${min}..${MAX_MS}`, value);
  }
}

/** Throws EleanorError INVALID_CONFIG naming the field when `config` is not a BreakerConfig. */
export function checkConfig(field: string, config: unknown): BreakerConfig {
  if (typeof config !== 'object' || config === null) fail(field, 'an object', config);
  const c = config as Record<string, unknown>;
  if (c['halfOpenAfterMs'] !== undefined) checkMs(`${field}.halfOpenAfterMs`, c['halfOpenAfterMs'], 0);
  const threshold = c['threshold'];
  if (c['mode'] === 'consecutive') {
    if (!Number.isSafeInteger(threshold) || (threshold as number) < 1) {
      fail(`${field}.threshold`, 'an integer >= 1', threshold);
    }
  } else if (c['mode'] === 'rate') {
    if (typeof threshold !== 'number' || !(threshold > 0 && threshold < 1)) {
      fail(`${field}.threshold`, 'a failure rate strictly between 0 and 1', threshold);
    }
    checkMs(`${field}.windowMs`, c['windowMs'], 1);
    const min = c['minimumCalls'];
    if (min !== undefined && (!Number.isSafeInteger(min) || (min as number) < 1)) {
      fail(`${field}.minimumCalls`, 'an integer >= 1', min);
    }
  } else {
    fail(`${field}.mode`, "'consecutive' or 'rate'", c['mode']);
  }
  return config as BreakerConfig;
}

/**
 * The cockatiel policy for one critic. Every error counts as a failure but an UncountedCallError, which cockatiel
 * then passes through unrecorded — unless it ends a probe.
 */
export function createPolicy(config: BreakerConfig): CircuitBreakerPolicy {
  const breaker =
    config.mode === 'consecutive'
      ? new ConsecutiveBreaker(config.threshold)
      : new SamplingBreaker({
          threshold: config.threshold,
          duration: config.windowMs,
          // cockatiel takes a rate; `minimumCalls` over the window is easier to reason about.
          minimumRps: ((config.minimumCalls ?? DEFAULT_MINIMUM_CALLS) * 1000) / config.windowMs,
        });
  const counted = handleWhen((error) => !(error instanceof UncountedCallError) || error.probe);
  return circuitBreaker(counted, { breaker, halfOpenAfter: config.halfOpenAfterMs ?? DEFAULT_HALF_OPEN_AFTER_MS });
}

/** Words for a short circuit's message: what opened the breaker. */
export function describeConfig(config: BreakerConfig): string {
  return config.mode === 'consecutive'
    ? `${config.threshold} consecutive failure${config.threshold === 1 ? '' : 's'}`
    : `a failure rate above ${config.threshold} over ${config.windowMs} ms`;
}

// Adaptive timeouts: each critic's per-attempt timeout follows its observed latency (pQ × factor, clamped).
import { CriticTimeoutError, EleanorError } from '../../core/index.js';
import type { CriticOutcome, Hooks } from '../../core/index.js';
import { LogHistogram, type LogHistogramOptions } from './log-histogram.js';

export interface AdaptiveTimeoutOptions {
  /** The latency quantile the timeout is derived from, in (0, 1). @default 0.99 */
  readonly quantile?: number;
  /** The timeout is the quantile times this (headroom above the observed tail), >= 1. @default 2 */
  readonly factor?: number;
  /** Never cut below this many ms. @default 10 */
  readonly minMs?: number;
  /** Never allow more than this many ms (the critic's configured timeout is a cap as well). @default Infinity */
  readonly maxMs?: number;
  /** Samples a critic needs before its timeout adapts; until then its configured timeout is used. @default 50 */
  readonly warmup?: number;
  /** The per-critic estimator's buckets and decay. @default LogHistogram's defaults */
  readonly histogram?: LogHistogramOptions;
}

export interface AdaptiveTimeoutHooks extends Hooks {
  /** The timeout `timeoutFor` would give `critic` under `configuredMs`, or undefined while it warms up. */
  timeoutFor(critic: string, configuredMs: number): number | undefined;
  /** The critic's current latency estimate at the configured quantile (ms), or undefined with no samples. */
  estimate(critic: string): number | undefined;
}

/**
 * Samples: a success's `durationMs` (first-attempt successes only, since a retried duration includes backoff)
 * and a timeout's elapsed time, as a lower bound — a cut outlier still counts as slow, so when more than
 * 1 − quantile of a critic's calls time out its estimate rises to the cut and the timeout grows by `factor`
 * until the critic fits again. Errors are not latency samples; deadline and cancellation are the run's.
 * @example
 * const adaptive = createAdaptiveTimeoutHooks({ quantile: 0.99, factor: 2, minMs: 50 });
 * new Orchestrator({ critics, hooks: adaptive });
 */
export function createAdaptiveTimeoutHooks(options: AdaptiveTimeoutOptions = {}): AdaptiveTimeoutHooks {
  const { quantile = 0.99, factor = 2, minMs = 10, maxMs = Infinity, warmup = 50 } = options;
  check(quantile > 0 && quantile < 1, `quantile must be in (0, 1), got ${quantile}`);
  check(factor >= 1 && Number.isFinite(factor), `factor must be a finite number >= 1, got ${factor}`);
  check(minMs > 0 && Number.isFinite(minMs), `minMs must be a positive number, got ${minMs}`);
  check(maxMs >= minMs, `maxMs must be >= minMs, got ${maxMs}`);
  check(Number.isInteger(warmup) && warmup >= 1, `warmup must be an integer >= 1, got ${warmup}`);
  const histograms = new Map<string, LogHistogram>();
  const seen = new Map<string, number>();

  const observe = (critic: string, durationMs: number): void => {
    let histogram = histograms.get(critic);
    if (histogram === undefined) histograms.set(critic, (histogram = new LogHistogram(options.histogram)));
    histogram.add(durationMs);
    // Counted apart from the histogram, whose count halves as it decays.
    seen.set(critic, (seen.get(critic) ?? 0) + 1);
  };

  return {
    timeoutFor(critic, configuredMs) {
      if ((seen.get(critic) ?? 0) < warmup) return undefined;
      const estimate = histograms.get(critic)?.quantile(quantile);
      if (estimate === undefined) return undefined;
      const ceiling = Math.min(maxMs, configuredMs);
      return Math.min(Math.max(estimate * factor, Math.min(minMs, ceiling)), ceiling);
    },
    estimate: (critic) => histograms.get(critic)?.quantile(quantile),
    postExecution(critic: string, outcome: CriticOutcome) {
      if (outcome.attempts === 1 && !outcome.fromCache) observe(critic, outcome.durationMs);
    },
    onFailure(critic: string, error: Error, durationMs: number) {
      if (error instanceof CriticTimeoutError && error.code === 'CRITIC_TIMEOUT') observe(critic, durationMs);
      return undefined;
    },
  };
}

function check(ok: boolean, message: string): void {
  if (!ok) throw new EleanorError('INVALID_CONFIG', `createAdaptiveTimeoutHooks: ${message}`);
}

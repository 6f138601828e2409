// Orchestrator metrics: outcome counts by status, retries, durations — cheap counters read as a snapshot.
import { CRITIC_STATUSES, type CriticOutcome, type CriticStatus } from './types.js';

/** Upper bounds (ms) of the duration histogram buckets; the last is +Infinity. */
export const DURATION_BUCKETS_MS: readonly number[] = Object.freeze([
  1,
  2,
  5,
  10,
  25,
  50,
  100,
  250,
  500,
  1000,
  2500,
  5000,
  10000,
  Infinity,
]);

export interface DurationStats {
  count: number;
  sumMs: number;
  maxMs: number;
  /** Cumulative counts per upper bound, Prometheus-style. */
  buckets: Array<{ leMs: number; count: number }>;
}

export interface CriticMetrics {
  outcomes: Record<CriticStatus, number>;
  retries: number;
  fromCache: number;
  degraded: number;
  durations: DurationStats;
}

export interface OrchestratorMetrics {
  runs: { started: number; completed: number; active: number };
  outcomes: Record<CriticStatus, number>;
  retries: number;
  hookErrors: number;
  /** Critic executions started and not yet settled. */
  inflight: number;
  /** Critic executions waiting for a concurrency slot, a per-critic place or a rate token. */
  queued: number;
  critics: Record<string, CriticMetrics>;
}

const STATUS_INDEX = new Map(CRITIC_STATUSES.map((s, i) => [s, i]));
const S = CRITIC_STATUSES.length;
const B = DURATION_BUCKETS_MS.length;

export class MetricsRecorder {
  readonly #names: readonly string[];
  readonly #statusCounts: Float64Array; // [critic * S + status]
  readonly #bucketCounts: Float64Array; // [critic * B + bucket], not cumulative
  readonly #perCritic: Float64Array; // [critic * 5 + field]: retries, fromCache, degraded, sumMs, maxMs
  runsStarted = 0;
  runsCompleted = 0;
  hookErrors = 0;
  inflight = 0;

  constructor(names: readonly string[]) {
    this.#names = names;
    this.#statusCounts = new Float64Array(names.length * S);
    this.#bucketCounts = new Float64Array(names.length * B);
    this.#perCritic = new Float64Array(names.length * 5);
  }

  record(criticIndex: number, outcome: CriticOutcome): void {
    this.#statusCounts[criticIndex * S + (STATUS_INDEX.get(outcome.status) ?? 0)]! += 1;
    const base = criticIndex * 5;
    const p = this.#perCritic;
    if (outcome.attempts > 1) p[base]! += outcome.attempts - 1;
    if (outcome.fromCache) p[base + 1]! += 1;
    if (outcome.degraded) p[base + 2]! += 1;
    p[base + 3]! += outcome.durationMs;
    if (outcome.durationMs > p[base + 4]!) p[base + 4] = outcome.durationMs;
    let b = 0;
    while (outcome.durationMs > DURATION_BUCKETS_MS[b]!) b++;
    this.#bucketCounts[criticIndex * B + b]! += 1;
  }

  snapshot(queued: number): OrchestratorMetrics {
    const outcomes = emptyStatusCounts();
    let retries = 0;
    const critics: Record<string, CriticMetrics> = {};
    this.#names.forEach((name, c) => {
      const perStatus = emptyStatusCounts();
      let count = 0;
      CRITIC_STATUSES.forEach((status, s) => {
        const n = this.#statusCounts[c * S + s]!;
        perStatus[status] = n;
        outcomes[status] += n;
        count += n;
      });
      let cumulative = 0;
      const buckets = DURATION_BUCKETS_MS.map((leMs, b) => ({
        leMs,
        count: (cumulative += this.#bucketCounts[c * B + b]!),
      }));
      const p = this.#perCritic;
      retries += p[c * 5]!;
      critics[name] = {
        outcomes: perStatus,
        retries: p[c * 5]!,
        fromCache: p[c * 5 + 1]!,
        degraded: p[c * 5 + 2]!,
        durations: { count, sumMs: p[c * 5 + 3]!, maxMs: p[c * 5 + 4]!, buckets },
      };
    });
    return {
      runs: { started: this.runsStarted, completed: this.runsCompleted, active: this.runsStarted - this.runsCompleted },
      outcomes,
      retries,
      hookErrors: this.hookErrors,
      inflight: this.inflight,
      queued,
      critics,
    };
  }
}

function emptyStatusCounts(): Record<CriticStatus, number> {
  return Object.fromEntries(CRITIC_STATUSES.map((s) => [s, 0])) as Record<CriticStatus, number>;
}

// StatsWindow: counts by decision and each critic's latency quantiles over a rolling window, in fixed time buckets (bounded memory).
import type { Decision } from '../../verdict/index.js';

export interface StatsWindowOptions {
  /** Width of one time bucket: the chart's resolution. @default 10_000 */
  readonly bucketMs?: number;
  /** The longest window kept and answered; older buckets are reused. @default 3_600_000 (60 minutes) */
  readonly maxWindowMs?: number;
  /** Critics tracked at most; outcomes of further names are left out (a configuration has a handful). @default 64 */
  readonly maxCritics?: number;
  /** The clock. @default Date.now */
  readonly now?: () => number;
}

/** One critic's outcome in one evaluation, as the window needs it. */
export interface CriticSample {
  readonly critic: string;
  readonly durationMs: number;
  /** Ended in error, timeout, cancellation, an open breaker or a lost worker. */
  readonly failed: boolean;
  /** Ran (or was answered from cache); gated and skipped critics add no latency sample. */
  readonly ran: boolean;
}

export interface LatencyPoint {
  /** Start of the bucket (ISO 8601). */
  at: string;
  count: number;
  p50: number;
  p99: number;
}

export interface CriticStats {
  critic: string;
  /** Latency samples in the window. */
  count: number;
  failed: number;
  p50: number | null;
  p99: number | null;
  /** One point per bucket that holds samples, oldest first. */
  series: LatencyPoint[];
}

export interface WindowStats {
  windowMinutes: number;
  bucketSeconds: number;
  from: string;
  to: string;
  evaluations: number;
  decisions: Record<Decision, number>;
  critics: CriticStats[];
}

const DECISIONS: readonly Decision[] = ['allow', 'constrained_allow', 'escalate', 'deny'];

/**
 * Latencies go into log-spaced bins (each 10% wider than the previous, from 0.01 ms; about 190 bins reach 10
 * minutes), kept sparse: a bucket holds only the bins it has seen, so memory is bounded by buckets × critics × bins
 * whatever the traffic, and a quantile is within ±5% of the exact one (clamped to the values seen).
 */
const MIN_MS = 0.01;
const LOG_GROWTH = Math.log(1.1);
const MAX_BIN = Math.ceil(Math.log(600_000 / MIN_MS) / LOG_GROWTH) + 1;

const binOf = (ms: number): number =>
  ms <= MIN_MS ? 0 : Math.min(MAX_BIN, Math.floor(Math.log(ms / MIN_MS) / LOG_GROWTH) + 1);
const valueOf = (bin: number): number => (bin === 0 ? MIN_MS : MIN_MS * Math.exp((bin - 0.5) * LOG_GROWTH));

class Latencies {
  readonly bins = new Map<number, number>();
  count = 0;
  failed = 0;
  low = Infinity;
  high = -Infinity;

  add(ms: number): void {
    const bin = binOf(ms);
    this.bins.set(bin, (this.bins.get(bin) ?? 0) + 1);
    this.count++;
    if (ms < this.low) this.low = ms;
    if (ms > this.high) this.high = ms;
  }

  merge(other: Latencies): void {
    for (const [bin, n] of other.bins) this.bins.set(bin, (this.bins.get(bin) ?? 0) + n);
    this.count += other.count;
    this.failed += other.failed;
    this.low = Math.min(this.low, other.low);
    this.high = Math.max(this.high, other.high);
  }

  quantile(q: number): number | null {
    if (this.count === 0) return null;
    const rank = q * this.count;
    let seen = 0;
    let bin = MAX_BIN;
    for (const b of [...this.bins.keys()].sort((x, y) => x - y)) {
      seen += this.bins.get(b)!;
      if (seen >= rank) {
        bin = b;
        break;
      }
    }
    return Math.min(Math.max(valueOf(bin), this.low), this.high);
  }
}

interface Bucket {
  /** Index of the time slice (start / bucketMs); a slot holding an older index is stale. */
  index: number;
  evaluations: number;
  decisions: Record<Decision, number>;
  critics: Map<string, Latencies>;
}

const round = (ms: number | null): number | null => (ms === null ? null : Math.round(ms * 1000) / 1000);

export class StatsWindow {
  readonly #bucketMs: number;
  readonly #maxCritics: number;
  readonly #now: () => number;
  /** A ring of slots indexed by time slice modulo its length: recording is O(1) and nothing grows. */
  readonly #slots: (Bucket | undefined)[];
  readonly #critics = new Set<string>();

  constructor(options: StatsWindowOptions = {}) {
    this.#bucketMs = options.bucketMs ?? 10_000;
    const maxWindowMs = options.maxWindowMs ?? 3_600_000;
    this.#maxCritics = options.maxCritics ?? 64;
    this.#now = options.now ?? Date.now;
    this.#slots = new Array<Bucket | undefined>(Math.ceil(maxWindowMs / this.#bucketMs) + 1);
  }

  /** The longest window answered, in minutes. */
  get maxWindowMinutes(): number {
    return ((this.#slots.length - 1) * this.#bucketMs) / 60_000;
  }

  /** Buckets allocated (at most the ring's length, whatever has been recorded). */
  get bucketsInUse(): number {
    return this.#slots.filter((slot) => slot !== undefined).length;
  }

  /**
   * Counts one finished evaluation at `atMs` (ms since the epoch; default now). A time older than the longest window is
   * left out (its bucket is gone; counting it in a newer one would misplace it); a later one, from a clock ahead of
   * ours, counts now (its slot would wipe the window's oldest bucket).
   */
  record(decision: Decision, critics: readonly CriticSample[], atMs?: number): void {
    const current = Math.floor(this.#now() / this.#bucketMs);
    const index = atMs === undefined ? current : Math.min(current, Math.floor(atMs / this.#bucketMs));
    if (index <= current - this.#slots.length + 1) return;
    const bucket = this.#bucketAt(index);
    bucket.evaluations++;
    bucket.decisions[decision]++;
    for (const sample of critics) {
      if (!this.#critics.has(sample.critic)) {
        if (this.#critics.size >= this.#maxCritics) continue;
        this.#critics.add(sample.critic);
      }
      let latencies = bucket.critics.get(sample.critic);
      if (latencies === undefined) bucket.critics.set(sample.critic, (latencies = new Latencies()));
      if (sample.ran) latencies.add(sample.durationMs);
      if (sample.failed) latencies.failed++;
    }
  }

  /** Everything recorded in the last `windowMinutes` (capped at the longest window kept). */
  snapshot(windowMinutes: number): WindowStats {
    const minutes = Math.min(windowMinutes, this.maxWindowMinutes);
    const now = this.#now();
    const current = Math.floor(now / this.#bucketMs);
    const first = current - Math.max(1, Math.ceil((minutes * 60_000) / this.#bucketMs)) + 1;
    const decisions = Object.fromEntries(DECISIONS.map((d) => [d, 0])) as Record<Decision, number>;
    let evaluations = 0;
    const totals = new Map<string, Latencies>();
    const series = new Map<string, LatencyPoint[]>();
    for (let index = first; index <= current; index++) {
      const bucket = this.#slots[index % this.#slots.length];
      if (bucket?.index !== index) continue;
      evaluations += bucket.evaluations;
      for (const d of DECISIONS) decisions[d] += bucket.decisions[d];
      for (const [critic, latencies] of bucket.critics) {
        let total = totals.get(critic);
        if (total === undefined) totals.set(critic, (total = new Latencies()));
        total.merge(latencies);
        if (latencies.count === 0) continue;
        let points = series.get(critic);
        if (points === undefined) series.set(critic, (points = []));
        points.push({
          at: new Date(index * this.#bucketMs).toISOString(),
          count: latencies.count,
          p50: round(latencies.quantile(0.5))!,
          p99: round(latencies.quantile(0.99))!,
        });
      }
    }
    return {
      windowMinutes: minutes,
      bucketSeconds: this.#bucketMs / 1000,
      from: new Date(first * this.#bucketMs).toISOString(),
      to: new Date(now).toISOString(),
      evaluations,
      decisions,
      critics: [...totals]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([critic, total]) => ({
          critic,
          count: total.count,
          failed: total.failed,
          p50: round(total.quantile(0.5)),
          p99: round(total.quantile(0.99)),
          series: series.get(critic) ?? [],
        })),
    };
  }

  #bucketAt(index: number): Bucket {
    const slot = index % this.#slots.length;
    const existing = this.#slots[slot];
    // `>`: a clock that stepped back adds to the newer bucket rather than wiping it.
    if (existing !== undefined && existing.index >= index) return existing;
    const decisions = Object.fromEntries(DECISIONS.map((d) => [d, 0])) as Record<Decision, number>;
    const bucket: Bucket = { index, evaluations: 0, decisions, critics: new Map() };
    this.#slots[slot] = bucket;
    return bucket;
  }
}

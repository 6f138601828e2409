// One worker's metrics: Prometheus (prom-client) for scraping, and plain counts for its heartbeat record.
import type * as Prom from 'prom-client';
import type { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { requirePackage } from '../core/index.js';

/** How a job ended on this worker. */
export type JobResult =
  /** The critic returned a finding. */
  | 'done'
  /** The critic threw or rejected (the coordinator sees CRITIC_ERROR). */
  | 'failed'
  /** Cancelled by its coordinator (deadline, caller), or already past its deadline when taken. */
  | 'aborted'
  /** The critic's version differs from the coordinator's, or the worker lacks the critic. */
  | 'mismatch'
  /** Handed back to the queue at shutdown, for another worker. */
  | 'released';

export const JOB_RESULTS: readonly JobResult[] = ['done', 'failed', 'aborted', 'mismatch', 'released'];

export interface WorkerCounts {
  readonly jobs: Record<JobResult, number>;
  /** Jobs running now. */
  readonly active: number;
  /** Durations of the jobs that ran a critic (done and failed), in ms. */
  readonly durationMs: { readonly count: number; readonly mean: number; readonly max: number };
}

export class WorkerMetrics {
  /** `eleanor_worker_jobs_total{critic,result}`, `eleanor_worker_job_duration_seconds{critic}`, `eleanor_worker_active_jobs`. */
  readonly registry: Registry;
  readonly #jobs: Counter<'critic' | 'result'>;
  readonly #duration: Histogram<'critic'>;
  readonly #activeGauge: Gauge;
  readonly #counts = Object.fromEntries(JOB_RESULTS.map((r) => [r, 0])) as Record<JobResult, number>;
  readonly #critics: ReadonlySet<string>;
  #active = 0;
  #ran = 0;
  #sumMs = 0;
  #maxMs = 0;

  /** Labels are limited to the configured critics (a foreign job's name is counted as '_other'). */
  constructor(labels: { worker: string; queue: string }, critics: readonly string[]) {
    this.#critics = new Set(critics);
    // Loaded by the first worker, not by `import 'eleanor'`.
    const { Counter, Gauge, Histogram, Registry } = requirePackage<typeof Prom>({
      name: 'prom-client',
      user: 'the worker metrics',
      code: 'INVALID_CONFIG',
    });
    this.registry = new Registry();
    this.registry.setDefaultLabels(labels);
    const registers = [this.registry];
    this.#jobs = new Counter({
      name: 'eleanor_worker_jobs_total',
      help: 'Critic jobs this worker finished, by critic and result (done, failed, aborted, mismatch, released).',
      labelNames: ['critic', 'result'] as const,
      registers,
    });
    this.#duration = new Histogram({
      name: 'eleanor_worker_job_duration_seconds',
      help: 'Time this worker spent running a critic (done and failed jobs).',
      labelNames: ['critic'] as const,
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.#activeGauge = new Gauge({
      name: 'eleanor_worker_active_jobs',
      help: 'Critic jobs running on this worker now.',
      registers,
    });
  }

  started(): void {
    this.#activeGauge.set(++this.#active);
  }

  /** Counts a finished job; `ranMs` when the critic actually ran. */
  finished(critic: string, result: JobResult, ranMs?: number): void {
    this.#activeGauge.set(--this.#active);
    this.#counts[result]++;
    const label = this.#critics.has(critic) ? critic : '_other';
    this.#jobs.inc({ critic: label, result });
    if (ranMs === undefined) return;
    this.#duration.observe({ critic: label }, ranMs / 1000);
    this.#ran++;
    this.#sumMs += ranMs;
    this.#maxMs = Math.max(this.#maxMs, ranMs);
  }

  counts(): WorkerCounts {
    return {
      jobs: { ...this.#counts },
      active: this.#active,
      durationMs: { count: this.#ran, mean: this.#ran === 0 ? 0 : this.#sumMs / this.#ran, max: this.#maxMs },
    };
  }
}

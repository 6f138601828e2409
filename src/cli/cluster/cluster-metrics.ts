// The primary's /metrics answer: every serving worker's series, summed by prom-client's AggregatorRegistry, and the
// cluster's own (workers serving, restarts).
import type { Worker } from 'node:cluster';
import { AggregatorRegistry, Counter, Gauge, Registry } from 'prom-client';
import type { MetricsJson } from './messages.js';

/** How long the primary waits for each worker's series; one that does not answer (dying) is left out. */
const COLLECT_MS = 2_000;

export class ClusterMetrics {
  readonly #own = new Registry();
  readonly #restarts = new Counter({
    name: 'eleanor_cluster_worker_restarts_total',
    help: 'Workers that died unexpectedly and were replaced',
    registers: [this.#own],
  });
  readonly #serving = new Gauge({
    name: 'eleanor_cluster_workers',
    help: 'Worker processes serving requests',
    registers: [this.#own],
  });
  readonly #pending = new Map<number, (metrics: MetricsJson) => void>();
  #next = 0;

  restarted(): void {
    this.#restarts.inc();
  }

  /** A worker's answer to `collect`. */
  collected(id: number, metrics: MetricsJson): void {
    this.#pending.get(id)?.(metrics);
  }

  /** Asks each worker for its series and sums them: counters and histograms add up, gauges too (prom-client's default). */
  async gather(workers: readonly Worker[]): Promise<string> {
    this.#serving.set(workers.length);
    const answers = await Promise.all(workers.map((worker) => this.#collect(worker)));
    const summed = AggregatorRegistry.aggregate(answers.filter((a): a is MetricsJson => a !== undefined));
    return `${await summed.metrics()}\n${await this.#own.metrics()}`;
  }

  #collect(worker: Worker): Promise<MetricsJson | undefined> {
    const id = this.#next++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => settle(undefined), COLLECT_MS);
      const settle = (metrics: MetricsJson | undefined): void => {
        clearTimeout(timer);
        this.#pending.delete(id);
        resolve(metrics);
      };
      this.#pending.set(id, settle);
      if (!worker.isConnected()) return settle(undefined);
      worker.send({ eleanor: 'collect', id }, (error: Error | null) => {
        if (error) settle(undefined);
      });
    });
  }
}

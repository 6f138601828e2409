// The messages `eleanor serve --workers N` passes between the primary and its workers over the cluster's IPC channel.
import type { MetricObjectWithValues, MetricValue } from 'prom-client';

/** A worker's series, as `registry.getMetricsAsJSON()` gives them. */
export type MetricsJson = MetricObjectWithValues<MetricValue<string>>[];

/** Worker → primary. */
export type WorkerMessage =
  /** The worker's server is listening (sent once); the primary prints the banner when every first worker has. */
  | { readonly eleanor: 'listening'; readonly url: string; readonly store: string }
  /** A GET /metrics on this worker: the primary gathers every worker's series and answers with `metrics`. */
  | { readonly eleanor: 'metrics?'; readonly id: number }
  /** This worker's own series, asked for by `collect`. */
  | { readonly eleanor: 'collected'; readonly id: number; readonly metrics: MetricsJson };

/** Primary → worker. */
export type PrimaryMessage =
  | { readonly eleanor: 'collect'; readonly id: number }
  | { readonly eleanor: 'metrics'; readonly id: number; readonly text?: string; readonly error?: string };

function isTagged(message: unknown): message is { eleanor: string } {
  return (
    typeof message === 'object' && message !== null && typeof (message as { eleanor?: unknown }).eleanor === 'string'
  );
}

/** Node's own cluster messages share the channel: only ours carry an `eleanor` tag. */
export function isWorkerMessage(message: unknown): message is WorkerMessage {
  return isTagged(message) && ['listening', 'metrics?', 'collected'].includes(message.eleanor);
}

export function isPrimaryMessage(message: unknown): message is PrimaryMessage {
  return isTagged(message) && ['collect', 'metrics'].includes(message.eleanor);
}

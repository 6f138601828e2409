// A cluster worker's side of the IPC channel: it says when it listens, answers the primary's call for its metrics,
// and serves GET /metrics with the whole cluster's series, which the primary gathers.
import cluster from 'node:cluster';
import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import { isPrimaryMessage, type PrimaryMessage, type WorkerMessage } from './messages.js';

/** How long a worker's GET /metrics waits for the primary's gathered series (the primary waits less for each worker). */
const METRICS_ANSWER_MS = 5_000;

/** The response header naming the process that answered, so a client (and the tests) can tell the workers apart. */
export const WORKER_HEADER = 'x-eleanor-worker';

function send(message: WorkerMessage): void {
  process.send?.(message);
}

/** The worker's link to the primary; `detach()` lets the process end once its server has closed. */
export class WorkerLink {
  /** The server's registry, whose series the primary collects; set once the server exists. */
  registry: Registry | undefined;
  readonly #waiting = new Map<number, (answer: Extract<PrimaryMessage, { eleanor: 'metrics' }>) => void>();
  #next = 0;
  readonly #onMessage = (message: unknown): void => {
    if (!isPrimaryMessage(message)) return;
    if (message.eleanor === 'metrics') {
      this.#waiting.get(message.id)?.(message);
      return;
    }
    const registry = this.registry;
    if (!registry) return send({ eleanor: 'collected', id: message.id, metrics: [] });
    registry.getMetricsAsJSON().then(
      (metrics) => send({ eleanor: 'collected', id: message.id, metrics }),
      () => send({ eleanor: 'collected', id: message.id, metrics: [] }),
    );
  };

  constructor() {
    process.on('message', this.#onMessage);
  }

  listening(url: string, store: string): void {
    send({ eleanor: 'listening', url, store });
  }

  /** What GET /metrics of this worker answers: every serving worker's series, summed by the primary. */
  clusterMetrics(): Promise<string> {
    return this.#askPrimary();
  }

  /** Adds the header naming this worker's pid to every answer. */
  header(app: FastifyInstance): void {
    const pid = String(process.pid);
    app.addHook('onRequest', (_request, reply, done) => {
      reply.header(WORKER_HEADER, pid);
      done();
    });
  }

  /** Stops listening to the primary and closes the channel, so nothing keeps the process alive. */
  detach(): void {
    process.off('message', this.#onMessage);
    // Through the cluster's worker, not process.disconnect(): a bare disconnect makes Node end the worker with code 0.
    if (process.connected) cluster.worker?.disconnect();
  }

  #askPrimary(): Promise<string> {
    const id = this.#next++;
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiting.delete(id);
        reject(new Error(`the cluster's metrics did not arrive within ${METRICS_ANSWER_MS} ms`));
      }, METRICS_ANSWER_MS);
      this.#waiting.set(id, (answer) => {
        clearTimeout(timer);
        this.#waiting.delete(id);
        if (answer.text !== undefined) resolve(answer.text);
        else reject(new Error(`the cluster's metrics could not be gathered: ${answer.error ?? 'no answer'}`));
      });
      send({ eleanor: 'metrics?', id });
    });
  }
}

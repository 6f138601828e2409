// The primary of `eleanor serve --workers N`: forks the workers (they share the port), prints the banner once, forwards
// SIGTERM/SIGINT, replaces a worker that dies unexpectedly (with a backoff), and exits when every worker has.
import cluster, { type Worker } from 'node:cluster';
import { ClusterMetrics } from './cluster-metrics.js';
import { isWorkerMessage, type WorkerMessage } from './messages.js';
import { RestartBackoff } from './restart-backoff.js';

export interface ClusterOptions {
  /** How many worker processes serve at once. */
  readonly workers: number;
  /** Prints the banner: called once, when every first worker is listening. */
  readonly banner: (url: string, store: string) => void;
}

interface Running {
  readonly slot: number;
  readonly startedAt: number;
  listening: boolean;
}

function howItEnded(code: number | null, signal: string | null): string {
  return signal ? `signal ${signal}` : `code ${code ?? '?'}`;
}

/**
 * Runs the cluster until SIGTERM or SIGINT; resolves 0 once every worker closed gracefully, 1 if any did not, or if the
 * first workers could not start (their error is on stderr).
 * @example
 * process.exitCode = await runCluster({ workers: 2, banner: (url) => console.log(`serving on ${url}`) });
 */
export function runCluster(options: ClusterOptions): Promise<number> {
  const backoffs = Array.from({ length: options.workers }, () => new RestartBackoff());
  const running = new Map<Worker, Running>();
  const restarts = new Set<NodeJS.Timeout>();
  const slotsUp = new Set<number>();
  const metrics = new ClusterMetrics();
  let bannerShown = false;
  let everListened = false;
  let stopping: NodeJS.Signals | undefined;
  let failures = 0;
  let startFailed = false;

  return new Promise<number>((resolve) => {
    const fork = (slot: number): void => {
      running.set(cluster.fork(), { slot, startedAt: Date.now(), listening: false });
    };
    const serving = (): Worker[] => [...running].filter(([, r]) => r.listening).map(([w]) => w);

    const finishIfDone = (): void => {
      if (running.size > 0 || restarts.size > 0) return;
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      cluster.off('message', onMessage);
      cluster.off('exit', onExit);
      if (startFailed) {
        console.error('eleanor: stopped: the workers could not start (their error is above)');
        resolve(1);
      } else if (failures === 0) {
        console.log(
          `eleanor: closed; every acknowledged evaluation is on record (${options.workers} workers, each closed gracefully)`,
        );
        resolve(0);
      } else {
        console.error(
          `eleanor: closed with errors (${failures} worker${failures === 1 ? '' : 's'} did not close cleanly)`,
        );
        resolve(1);
      }
    };

    const stopAll = (signal: NodeJS.Signals): void => {
      for (const timer of restarts) clearTimeout(timer);
      restarts.clear();
      for (const worker of running.keys()) worker.process.kill(signal);
      finishIfDone();
    };

    function stop(signal: NodeJS.Signals): void {
      if (stopping) {
        console.error(`eleanor: ${signal} again — killing the workers without waiting`);
        for (const worker of running.keys()) worker.process.kill('SIGKILL');
        process.exit(1);
      }
      stopping = signal;
      console.log(`eleanor: ${signal} — ${running.size} workers finish their in-flight requests, then close`);
      stopAll(signal);
    }

    function onMessage(worker: Worker, message: unknown): void {
      if (!isWorkerMessage(message)) return;
      const state = running.get(worker);
      if (state) handle(worker, state, message);
    }

    function handle(worker: Worker, state: Running, message: WorkerMessage): void {
      switch (message.eleanor) {
        case 'listening':
          state.listening = true;
          everListened = true;
          slotsUp.add(state.slot);
          if (!bannerShown && slotsUp.size === options.workers && !stopping) {
            bannerShown = true;
            options.banner(message.url, message.store);
          }
          return;
        case 'metrics?':
          metrics.gather(serving()).then(
            (text) => worker.isConnected() && worker.send({ eleanor: 'metrics', id: message.id, text }),
            (error: unknown) =>
              worker.isConnected() && worker.send({ eleanor: 'metrics', id: message.id, error: String(error) }),
          );
          return;
        case 'collected':
          metrics.collected(message.id, message.metrics);
          return;
        default: {
          const unknown: never = message;
          throw new Error(`unknown worker message ${JSON.stringify(unknown)}`);
        }
      }
    }

    function onExit(worker: Worker, code: number | null, signal: string | null): void {
      const state = running.get(worker);
      if (!state) return;
      running.delete(worker);
      const pid = worker.process.pid ?? '?';
      if (stopping) {
        // A worker the signal reached before it set up its handlers had accepted nothing: ending by it is clean.
        const clean = code === 0 || (!state.listening && signal === stopping);
        if (!clean) {
          failures++;
          console.error(`eleanor: worker ${pid} ended with ${howItEnded(code, signal)} while closing`);
        }
        return finishIfDone();
      }
      if (!state.listening && !everListened) {
        // The first workers cannot start (a store that will not open, a port in use): replacing them would loop.
        startFailed = true;
        stopping = 'SIGTERM';
        console.error(`eleanor: worker ${pid} could not start (${howItEnded(code, signal)}); stopping`);
        return stopAll('SIGTERM');
      }
      const wait = backoffs[state.slot]!.crashed(Date.now() - state.startedAt);
      metrics.restarted();
      console.error(
        `eleanor: worker ${pid} died unexpectedly (${howItEnded(code, signal)}); starting another in ${wait} ms`,
      );
      const timer = setTimeout(() => {
        restarts.delete(timer);
        if (!stopping) fork(state.slot);
      }, wait);
      restarts.add(timer);
    }

    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
    cluster.on('message', onMessage);
    cluster.on('exit', onExit);
    for (let slot = 0; slot < options.workers; slot++) fork(slot);
  });
}

// `eleanor worker`: runs critic jobs from the configuration's BullMQ queue until SIGTERM or SIGINT.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { InvalidArgumentError, type Command } from 'commander';
import { describeError } from '../core/index.js';
import { loadConfig } from '../engine/index.js';
import { createCriticWorker } from '../critic-worker.js';
import type { CriticWorker } from '../distributed/index.js';

export interface WorkerFlags {
  readonly config?: string;
  readonly concurrency?: number;
  readonly id?: string;
  readonly grace?: number;
  readonly metricsPort?: number;
  readonly metricsHost: string;
}

function integer(flag: string, min: number, max = Number.MAX_SAFE_INTEGER) {
  return (value: string): number => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(`${flag} must be an integer from ${min} to ${max}, got '${value}'`);
    }
    return n;
  };
}

function workerId(value: string): string {
  if (!/^[A-Za-z0-9._-]{1,100}$/.test(value)) {
    throw new InvalidArgumentError(`--id must be 1–100 letters, digits, . _ or -, got '${value}'`);
  }
  return value;
}

/** GET /metrics (Prometheus text) and GET /health (the heartbeat record, as JSON). */
async function serveMetrics(worker: CriticWorker, host: string, port: number): Promise<Server> {
  const server = createServer((request, response) => {
    if (request.url === '/metrics') {
      worker.metrics.metrics().then(
        (text) => response.writeHead(200, { 'content-type': worker.metrics.contentType }).end(text),
        () => response.writeHead(500).end(),
      );
    } else if (request.url === '/health') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(worker.record()));
    } else response.writeHead(404).end();
  });
  server.listen(port, host);
  await once(server, 'listening');
  return server;
}

/** Returns the exit code: 0 after a graceful stop. */
export async function workerCommand(flags: WorkerFlags): Promise<number> {
  const config = await loadConfig(flags.config === undefined ? {} : { file: flags.config });
  const worker = createCriticWorker({
    config,
    ...(flags.concurrency !== undefined && { concurrency: flags.concurrency }),
    ...(flags.id !== undefined && { id: flags.id }),
    logger: { warn: (details, message) => console.error(`${message} (${describeError(details['err'])})`) },
  });
  const grace = flags.grace === undefined ? {} : { graceMs: flags.grace };
  let signals = 0;
  const stopped = new Promise<void>((resolve) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      if (++signals === 1) {
        console.log(`worker ${worker.id} stopping (${signal}): running jobs finish, or are released to other workers`);
        void worker.close(grace).then(resolve);
      } else {
        console.log(`worker ${worker.id}: releasing running jobs now`);
        void worker.close({ graceMs: 0 });
      }
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
  await Promise.race([worker.ready(), stopped]);
  let server: Server | undefined;
  if (signals === 0) {
    if (flags.metricsPort !== undefined) server = await serveMetrics(worker, flags.metricsHost, flags.metricsPort);
    const address = server?.address();
    const metrics =
      address && typeof address === 'object' ? ` metrics=http://${flags.metricsHost}:${address.port}` : '';
    console.log(`worker ready id=${worker.id} queue=${worker.names.queue} concurrency=${worker.concurrency}${metrics}`);
  }
  await stopped;
  server?.close();
  console.log(`worker ${worker.id} stopped — jobs: ${JSON.stringify(worker.record().jobs)}`);
  return 0;
}

/** Adds `eleanor worker` to the program; `run` maps the action's result or error to the exit code. */
export function registerWorkerCommand(program: Command, run: (action: () => Promise<number>) => Promise<void>): void {
  program
    .command('worker')
    .description("run critic jobs from the configuration's BullMQ queue (transport.kind: bullmq) until SIGTERM/SIGINT")
    .option('--config <file>', 'configuration file (JSON or YAML); default ELEANOR_CONFIG or ./eleanor.config.*')
    .option(
      '--concurrency <n>',
      'jobs run at once (default transport.worker.concurrency, else 8)',
      integer('--concurrency', 1, 10_000),
    )
    .option('--id <id>', "this worker's id in heartbeats and metrics (default <host>-<pid>-<random>)", workerId)
    .option(
      '--grace <ms>',
      'at shutdown, how long running jobs may finish before they are released',
      integer('--grace', 0, 3_600_000),
    )
    .option(
      '--metrics-port <port>',
      'serve /metrics and /health on this port (0: any free port)',
      integer('--metrics-port', 0, 65_535),
    )
    .option('--metrics-host <host>', 'the address the metrics server listens on', '127.0.0.1')
    .action((flags: WorkerFlags) => run(() => workerCommand(flags)));
}

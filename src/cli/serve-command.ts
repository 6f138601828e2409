// `eleanor serve`: the HTTP service on the configuration's engine; prints where it listens and a curl to try; SIGTERM closes it gracefully.
import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { EleanorError } from '../core/index.js';
import type { EngineConfig } from '../engine/index.js';
import { loadConfig } from '../engine/index.js';
import { createEngine } from '../engine/index.js';
import { checkpointSigningKey } from '../evidence/index.js';
import { keyringOf } from '../http/index.js';
import { createHttpServer, type HttpServer } from '../http/index.js';
import { dashboard } from '../ui/index.js';
import { runCluster } from './cluster/primary.js';
import { WorkerLink } from './cluster/worker-side.js';
import { checkListenable } from './listen-check.js';
import { packageVersion } from './version.js';

export interface ServeFlags {
  readonly config?: string;
  readonly port?: number;
  readonly host?: string;
  readonly insecureLocal?: boolean;
  readonly logLevel: string;
  /** Worker processes sharing the port; 1 serves from this process. @default os.availableParallelism() */
  readonly workers?: number;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
const DEFAULT_PORT = 8080;

/** The service measures itself and feeds live views: metrics and the in-process event bus are on unless configured. */
function withServiceDefaults(config: EngineConfig): EngineConfig {
  const infrastructure = config.infrastructure ?? {};
  return {
    ...config,
    infrastructure: {
      ...infrastructure,
      metrics: infrastructure.metrics ?? true,
      events: infrastructure.events ?? {},
    },
  };
}

function listenAddress(config: EngineConfig, flags: ServeFlags): { host: string; port: number } {
  const configuredHost = flags.host ?? config.http?.host;
  const port = flags.port ?? config.http?.port ?? DEFAULT_PORT;
  if (flags.insecureLocal) {
    if (configuredHost !== undefined && !LOOPBACK.has(configuredHost)) {
      throw new EleanorError(
        'INVALID_CONFIG',
        `--insecure-local: the server must bind 127.0.0.1 without auth, not '${configuredHost}'`,
      );
    }
    return { host: '127.0.0.1', port };
  }
  return { host: configuredHost ?? '127.0.0.1', port };
}

function curlFor(url: string, insecure: boolean): string {
  const auth = insecure ? '' : ` -H "authorization: Bearer $ELEANOR_API_KEY"`;
  const body = JSON.stringify({
    inputText: 'What card is on file?',
    modelResponse: 'Your card is 4111 1111 1111 1111.',
  });
  return `curl -s ${url}/v1/evaluations -H 'content-type: application/json'${auth} -d '${body}'`;
}

/** The first SIGTERM or SIGINT; a second one runs `again` (the single process exits; a worker ignores it). */
function firstSignal(again: (signal: NodeJS.Signals) => void): {
  readonly signal: Promise<NodeJS.Signals>;
  readonly received: () => boolean;
} {
  let received = false;
  const signal = new Promise<NodeJS.Signals>((resolve) => {
    const stop = (name: NodeJS.Signals): void => {
      if (received) return again(name);
      received = true;
      resolve(name);
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
  return { signal, received: () => received };
}

function printBanner(url: string, store: string, flags: ServeFlags, workers: number): void {
  console.log(
    `eleanor: serving on ${url} (evidence: ${store}${flags.insecureLocal ? ', NO AUTH: --insecure-local' : ''})`,
  );
  if (workers > 1) console.log(`  workers:   ${workers} processes (--workers; x-eleanor-worker names who answered)`);
  console.log(`  dashboard: ${url}/ui`);
  console.log(`  API docs:  ${url}/docs`);
  console.log(`  try it:    ${curlFor(url, flags.insecureLocal === true)}`);
}

interface Prepared {
  readonly config: EngineConfig;
  readonly host: string;
  readonly port: number;
}

/**
 * Everything a bad configuration is refused for before a store is opened or a worker forked: the config, the address
 * (bound for a moment: a bad --host or a taken port), the keys, the signing key.
 */
async function prepare(flags: ServeFlags): Promise<Prepared> {
  const config = withServiceDefaults(await loadConfig(flags.config === undefined ? {} : { file: flags.config }));
  const { host, port } = listenAddress(config, flags);
  const baseDir = config.baseDir ?? process.cwd();
  keyringOf({ insecureLocal: flags.insecureLocal === true, baseDir }, config.http ?? {});
  const checkpoints = config.evidence === false ? undefined : config.evidence?.checkpoints;
  if (checkpoints !== undefined) checkpointSigningKey(checkpoints, baseDir);
  // Workers share the primary's port, which the primary has checked: only it (or a single process) binds to check.
  if (!cluster.isWorker) {
    const source =
      flags.host !== undefined
        ? '--host'
        : config.http?.host !== undefined
          ? 'http.host'
          : flags.port !== undefined
            ? '--port'
            : 'http.port';
    await checkListenable({ host, port, source });
  }
  return { config, host, port };
}

/** One process serving: the engine, the server, the listener; `link` is set in a cluster worker. */
async function serveProcess(flags: ServeFlags, { config, host, port }: Prepared, link?: WorkerLink): Promise<number> {
  const stop = firstSignal((signal) => {
    if (link) return; // the primary forwards the terminal's SIGINT the worker also got: one shutdown is under way
    console.error(`eleanor: ${signal} again — exiting without waiting`);
    process.exit(1);
  });
  const engine = createEngine(config);
  let server: HttpServer;
  try {
    await engine.ready(); // the first request gets the shared Redis cache, and readiness sees Redis as it is
    server = await createHttpServer({
      engine,
      ...(config.http && { http: config.http }),
      ...(config.proxy && { proxy: config.proxy }),
      insecureLocal: flags.insecureLocal === true,
      ...(config.baseDir !== undefined && { baseDir: config.baseDir }),
      logger: flags.logLevel === 'silent' ? false : { level: flags.logLevel },
      version: packageVersion(),
      plugins: link ? [dashboard(), (app) => link.header(app)] : [dashboard()],
      ...(link && { metricsText: () => link.clusterMetrics() }),
    });
    if (link) link.registry = server.registry;
  } catch (error) {
    await engine.close();
    throw error;
  }
  const store = engine.evidence ? engine.evidence.kind : 'off';
  if (!stop.received()) {
    const address = await server.app.listen({ host, port });
    const url = address.replace('[::1]', 'localhost');
    if (link) link.listening(url, store);
    else printBanner(url, store, flags, 1);
  }
  const signal = await stop.signal;
  if (!link) console.log(`eleanor: ${signal} — finishing in-flight requests, then closing`);
  try {
    await server.close();
    if (!link) console.log('eleanor: closed; every acknowledged evaluation is on record');
    return 0;
  } catch (error) {
    console.error(`eleanor: close failed${link ? ` in worker ${process.pid}` : ''} — ${String(error)}`);
    return 1;
  } finally {
    link?.detach();
  }
}

/**
 * Starts the service; resolves with the exit code once it has been closed by SIGTERM or SIGINT. With more than one
 * worker this process is the cluster's primary: it checks the configuration, forks the workers and waits for them.
 */
export async function serveCommand(flags: ServeFlags): Promise<number> {
  if (cluster.isWorker) {
    const link = new WorkerLink();
    try {
      return await serveProcess(flags, await prepare(flags), link);
    } finally {
      link.detach(); // else the open channel to the primary keeps a worker that failed to start alive
    }
  }
  const prepared = await prepare(flags);
  const workers = flags.workers ?? availableParallelism();
  if (workers === 1) return serveProcess(flags, prepared);
  return runCluster({ workers, banner: (url, store) => printBanner(url, store, flags, workers) });
}

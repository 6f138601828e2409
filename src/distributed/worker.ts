// The worker's side of BullMQ execution: runs critic jobs with the critics it is handed (those of the shared configuration).
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Registry } from 'prom-client';
import { CriticTimeoutError, EleanorError } from '../core/index.js';
import type { CriticSpec, OrchestratorLogger } from '../core/index.js';
import {
  queueNames,
  WORKER_DEFAULTS,
  type BullmqTransportConfig,
  type QueueNames,
  type WorkerSettings,
} from './config.js';
import { listenForCancellations, type CancelListener } from './cancellations.js';
import { writeHeartbeat, type WorkerRecord } from './heartbeat.js';
import type { CriticJobData, CriticJobResult } from './payload.js';
import { connected, createClient, reportOncePerChange } from './redis.js';
import { workerCloser } from './worker-close.js';
import { processJob, type JobRunner } from './worker-job.js';
import { WorkerMetrics } from './worker-metrics.js';

export interface CriticWorkerOptions {
  /**
   * The engine configuration the coordinators use; its `transport` must be BullMQ. Only that section matters here: a
   * worker never generates responses, decides or records evidence.
   */
  readonly config: { readonly transport?: unknown };
  /** The critics it may run, as the configuration makes them (the root entry's createCriticWorker makes them). */
  readonly critics: readonly CriticSpec[];
  /** Jobs run at once. @default config.transport.worker.concurrency, else 8 */
  readonly concurrency?: number;
  /** This worker's id in heartbeats, metrics and error messages. @default '<host>-<pid>-<random>' */
  readonly id?: string;
  /** Where Redis trouble is reported (once per change). @default console.warn */
  readonly logger?: OrchestratorLogger;
}

export interface CriticWorker {
  readonly id: string;
  readonly names: QueueNames;
  readonly concurrency: number;
  /** Prometheus metrics of this worker (`eleanor_worker_*`, labelled with worker and queue). */
  readonly metrics: Registry;
  /** Resolves once jobs are taken, cancellations heard and the first heartbeat written. */
  ready(): Promise<void>;
  /** What the heartbeat record says now. */
  record(): WorkerRecord;
  /**
   * Stops taking jobs; running jobs may finish within `graceMs`, then the rest are released to other workers.
   * A second call with `graceMs: 0` releases at once. @default graceMs: transport.worker.shutdownGraceMs
   */
  close(options?: { graceMs?: number }): Promise<void>;
}

/** A worker's settings, its options and configuration resolved. */
interface WorkerSetup {
  readonly id: string;
  readonly names: QueueNames;
  readonly redisUrl: string;
  readonly concurrency: number;
  readonly settings: Required<WorkerSettings>;
  readonly logger: OrchestratorLogger;
  /** The critics it may run, by name. */
  readonly specs: ReadonlyMap<string, CriticSpec>;
  /** The critics it takes jobs for (configuration's `critics`, else all it has). */
  readonly served: readonly string[];
  /** Their versions (its heartbeat record says them). */
  readonly versions: Record<string, string | null>;
}

/** A worker's connections: BullMQ's (it reports Redis trouble), one for heartbeats, one for cancellations. */
interface WorkerLinks {
  readonly connection: Redis;
  readonly ops: Redis;
  readonly cancels: CancelListener;
  readonly report: (error: unknown) => void;
}

/** Whether a worker is running or closing (its heartbeat record says it). */
interface WorkerStatus {
  state: WorkerRecord['state'];
  readonly startedAt: string;
}

/**
 * A BullMQ critic worker: takes the jobs of the configuration's queue and runs them with the critics it is handed.
 * @example
 * const worker = createCriticWorker({ config, critics: [{ name: 'tone', version: '1', evaluate }] });
 * await worker.ready();
 * process.once('SIGTERM', () => void worker.close());
 */
export function createCriticWorker(options: CriticWorkerOptions): CriticWorker {
  const setup = resolveWorker(options);
  const { id, names, concurrency, settings } = setup;
  const metrics = new WorkerMetrics({ worker: id, queue: names.queue }, setup.served);
  const status: WorkerStatus = { state: 'running', startedAt: new Date().toISOString() };
  const running = new Map<string, AbortController>();
  const links = openWorkerLinks(setup, running);
  const started = startTakingJobs(setup, links, { id, specs: setup.specs, metrics, cancels: links.cancels, running });
  const record = (): WorkerRecord => workerRecord(setup, status, metrics);
  const beat = (): Promise<void> => writeHeartbeat(links.ops, names, record(), settings.heartbeatMs);
  const heartbeat = setInterval(() => void beat().catch(() => undefined), settings.heartbeatMs);
  heartbeat.unref();
  const stopBeating = (): void => {
    status.state = 'closing';
    clearInterval(heartbeat);
  };
  return {
    id,
    names,
    concurrency,
    metrics: metrics.registry,
    record,
    async ready() {
      await Promise.all([started.then((w) => w.waitUntilReady()), links.cancels.ready, connected(links.ops)]);
      await beat();
    },
    close: workerCloser({
      ...links,
      id,
      names,
      shutdownGraceMs: settings.shutdownGraceMs,
      started,
      running,
      stopBeating,
    }),
  };
}

/** The configuration's BullMQ section; INVALID_CONFIG (naming `transport.kind`) when it has none. */
function bullmqSection(config: { readonly transport?: unknown }): BullmqTransportConfig {
  const transport = config.transport as { kind?: unknown } | undefined;
  if (transport?.kind !== 'bullmq') {
    const got = typeof transport?.kind === 'string' ? `'${transport.kind}'` : 'none';
    throw new EleanorError(
      'INVALID_CONFIG',
      `transport.kind: a worker needs 'bullmq' in the configuration (got ${got})`,
    );
  }
  return transport as BullmqTransportConfig;
}

/** The options checked and their defaults filled in (INVALID_CONFIG names the setting at fault). */
function resolveWorker(options: CriticWorkerOptions): WorkerSetup {
  const section = bullmqSection(options.config);
  const settings = { ...WORKER_DEFAULTS, ...section.worker };
  const concurrency = options.concurrency ?? settings.concurrency;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new EleanorError('INVALID_CONFIG', `concurrency: expected an integer >= 1, got ${String(concurrency)}`);
  }
  const id = options.id ?? `${hostname()}-${process.pid}-${randomBytes(2).toString('hex')}`;
  const names = queueNames(section);
  const logger = options.logger ?? { warn: (details, message) => console.warn(message, details) };
  const specs = new Map<string, CriticSpec>(options.critics.map((s) => [s.name ?? '', s]));
  const served = section.critics ?? [...specs.keys()];
  const versions = Object.fromEntries(served.map((name) => [name, specs.get(name)?.version ?? null]));
  return { id, names, redisUrl: section.redis.url, concurrency, settings, logger, specs, served, versions };
}

/** Opens the worker's connections; a cancellation heard aborts the job's critic if it runs here. */
function openWorkerLinks(setup: WorkerSetup, running: ReadonlyMap<string, AbortController>): WorkerLinks {
  const { id, names, redisUrl, logger } = setup;
  const { report, recovered } = reportOncePerChange((err) =>
    logger.warn({ err, worker: id, queue: names.queue }, `eleanor: worker ${id} lost Redis; retrying`),
  );
  const connection = createClient(redisUrl, 'blocking', `eleanor:worker:${id}`);
  const ops = createClient(redisUrl, 'fail-fast', `eleanor:worker-ops:${id}`);
  connection.on('error', report);
  connection.on('ready', recovered);
  ops.on('error', () => undefined); // heartbeats are best effort; the worker connection reports
  const cancels = listenForCancellations(redisUrl, names, id, (jobId, reason) =>
    running.get(jobId)?.abort(new CriticTimeoutError('RUN_CANCELLED', reason)),
  );
  return { connection, ops, cancels, report };
}

/** BullMQ is loaded on first use (importing Eleanor does not pay for it); the worker starts taking jobs once it is. */
function startTakingJobs(
  setup: WorkerSetup,
  links: WorkerLinks,
  runner: JobRunner,
): Promise<Worker<CriticJobData, CriticJobResult>> {
  const { id, names, concurrency, settings } = setup;
  const started = import('./critic-queue.js').then((bullmq) => {
    const w = new bullmq.Worker<CriticJobData, CriticJobResult>(
      names.queue,
      (job, token) => processJob(runner, bullmq, job, token),
      {
        connection: links.connection,
        prefix: names.prefix,
        name: id,
        concurrency,
        lockDuration: settings.lockDurationMs,
        stalledInterval: settings.stalledIntervalMs,
        maxStalledCount: settings.maxStalledCount,
      },
    );
    w.on('error', links.report);
    return w;
  });
  started.catch(links.report);
  return started;
}

/** What the heartbeat record says now. */
function workerRecord(setup: WorkerSetup, status: WorkerStatus, metrics: WorkerMetrics): WorkerRecord {
  return {
    id: setup.id,
    queue: setup.names.queue,
    host: hostname(),
    pid: process.pid,
    concurrency: setup.concurrency,
    critics: setup.versions,
    startedAt: status.startedAt,
    beatAt: new Date().toISOString(),
    state: status.state,
    ...metrics.counts(),
  };
}

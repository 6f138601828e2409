// The worker's side of BullMQ execution: runs critic jobs with the critics it is handed (those of the shared configuration).
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Job, Worker } from 'bullmq';
import type * as CriticQueueModule from './critic-queue.js';
import type { Registry } from 'prom-client';
import { CriticTimeoutError, EleanorError } from '../core/errors.js';
import type { CriticSpec, OrchestratorLogger } from '../core/types.js';
import { queueNames, WORKER_DEFAULTS, type BullmqTransportConfig, type QueueNames } from './config.js';
import { listenForCancellations, type CancelListener } from './cancellations.js';
import { removeHeartbeat, writeHeartbeat, type WorkerRecord } from './heartbeat.js';
import { parseJobData, type CriticJobData, type CriticJobResult, type JobFailure } from './payload.js';
import { closeClient, connected, createClient } from './redis.js';
import { WorkerMetrics, type JobResult } from './worker-metrics.js';

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

type BullMQ = typeof CriticQueueModule;

/** The abort reason of a job handed back at shutdown. */
const RELEASE = new Error('released at shutdown');
/** How long a close may wait on BullMQ beyond the grace period (Redis gone) before the connections are cut. */
const CLOSE_BOUND_MS = 5_000;

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

export function createCriticWorker(options: CriticWorkerOptions): CriticWorker {
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
  const metrics = new WorkerMetrics({ worker: id, queue: names.queue }, served);
  const startedAt = new Date().toISOString();
  const running = new Map<string, AbortController>();
  let state: WorkerRecord['state'] = 'running';
  let releasing = false;
  let down = false;

  const report = (error: unknown): void => {
    if (down) return;
    down = true;
    try {
      logger.warn({ err: error, worker: id, queue: names.queue }, `eleanor: worker ${id} lost Redis; retrying`);
    } catch {
      // A broken logger must not stop the worker.
    }
  };
  const connection = createClient(section.redis.url, 'blocking', `eleanor:worker:${id}`);
  const ops = createClient(section.redis.url, 'fail-fast', `eleanor:worker-ops:${id}`);
  connection.on('error', report);
  connection.on('ready', () => (down = false));
  ops.on('error', () => undefined); // heartbeats are best effort; the worker connection reports
  const cancels: CancelListener = listenForCancellations(section.redis.url, names, id, (jobId, reason) =>
    running.get(jobId)?.abort(new CriticTimeoutError('RUN_CANCELLED', reason)),
  );

  function answer(
    job: Job,
    failure: JobFailure,
    message: string,
    result: JobResult,
    name = 'Error',
    ranMs?: number,
  ): CriticJobResult {
    metrics.finished(job.name, result, ranMs);
    return { ok: false, failure, error: { name, message }, worker: id, durationMs: ranMs ?? 0 };
  }

  async function run(bullmq: BullMQ, job: Job, token: string | undefined, data: CriticJobData, spec: CriticSpec) {
    const jobId = job.id ?? '';
    const left = data.deadlineAt === null ? Infinity : data.deadlineAt - Date.now();
    if (cancels.cancelled(jobId)) return answer(job, 'aborted', 'cancelled by its coordinator', 'aborted');
    if (left <= 0) {
      const late = `worker ${id} took it ${Math.round(-left)} ms after its deadline (a backlog, or clocks out of sync)`;
      return answer(job, 'expired', late, 'aborted');
    }
    const controller = new AbortController();
    running.set(jobId, controller);
    const timer = Number.isFinite(left)
      ? setTimeout(() => controller.abort(new CriticTimeoutError('DEADLINE_EXCEEDED', 'its deadline passed')), left)
      : undefined;
    const started = performance.now();
    try {
      const aborted = new Promise<never>((_, reject) => {
        controller.signal.addEventListener('abort', () => reject(controller.signal.reason as Error), { once: true });
      });
      const ctx = { signal: controller.signal, attempt: data.attempt, prior: data.prior };
      // A critic that ignores its signal cannot hold the job: the race ends at the abort.
      const finding = await Promise.race([Promise.resolve().then(() => spec.evaluate(data.input, ctx)), aborted]);
      const ranMs = performance.now() - started;
      metrics.finished(job.name, 'done', ranMs);
      return { ok: true, finding, worker: id, durationMs: ranMs } satisfies CriticJobResult;
    } catch (error) {
      const ranMs = performance.now() - started;
      if (controller.signal.reason === RELEASE) {
        await job.moveToWait(token);
        metrics.finished(job.name, 'released');
        throw new bullmq.WaitingError(); // BullMQ leaves a job it was told is waiting alone
      }
      if (controller.signal.aborted) {
        return answer(job, 'aborted', (controller.signal.reason as Error).message, 'aborted');
      }
      const e = error instanceof Error ? error : new Error(String(error));
      return answer(job, 'error', e.message, 'failed', e.constructor.name || e.name, ranMs);
    } finally {
      clearTimeout(timer);
      running.delete(jobId);
    }
  }

  async function processJob(bullmq: BullMQ, job: Job, token?: string): Promise<CriticJobResult> {
    metrics.started();
    const data = parseJobData(job.data);
    if (typeof data === 'string') {
      metrics.finished(job.name, 'failed');
      throw new bullmq.UnrecoverableError(`worker ${id}: invalid critic job — ${data}`);
    }
    const spec = specs.get(data.critic);
    const mine = spec === undefined ? undefined : (spec.version ?? null);
    if (spec === undefined || mine !== data.version) {
      const has = spec === undefined ? 'has no such critic' : `has version ${JSON.stringify(mine)}`;
      const message = `critic '${data.critic}': the coordinator asked for version ${JSON.stringify(data.version)}, worker ${id} ${has}`;
      return answer(job, 'version_mismatch', message, 'mismatch');
    }
    return run(bullmq, job, token, data, spec);
  }

  // BullMQ is loaded on first use (importing Eleanor does not pay for it); the worker starts once it is.
  const started: Promise<Worker<CriticJobData, CriticJobResult>> = import('./critic-queue.js').then((bullmq) => {
    const w = new bullmq.Worker<CriticJobData, CriticJobResult>(
      names.queue,
      (job, token) => processJob(bullmq, job, token),
      {
        connection,
        prefix: names.prefix,
        name: id,
        concurrency,
        lockDuration: settings.lockDurationMs,
        stalledInterval: settings.stalledIntervalMs,
        maxStalledCount: settings.maxStalledCount,
      },
    );
    w.on('error', report);
    return w;
  });
  started.catch(report);

  const record = (): WorkerRecord => ({
    id,
    queue: names.queue,
    host: hostname(),
    pid: process.pid,
    concurrency,
    critics: versions,
    startedAt,
    beatAt: new Date().toISOString(),
    state,
    ...metrics.counts(),
  });
  const beat = (): Promise<void> => writeHeartbeat(ops, names, record(), settings.heartbeatMs);
  const heartbeat = setInterval(() => void beat().catch(() => undefined), settings.heartbeatMs);
  heartbeat.unref();

  const releaseAll = (): void => {
    releasing = true;
    for (const controller of running.values()) controller.abort(RELEASE);
  };
  let closing: Promise<void> | undefined;

  return {
    id,
    names,
    concurrency,
    metrics: metrics.registry,
    record,
    async ready() {
      await Promise.all([started.then((w) => w.waitUntilReady()), cancels.ready, connected(ops)]);
      await beat();
    },
    close(closeOptions) {
      const graceMs = closeOptions?.graceMs ?? settings.shutdownGraceMs;
      if (closing) {
        if (graceMs === 0 && !releasing) releaseAll();
        return closing;
      }
      state = 'closing';
      clearInterval(heartbeat);
      const releaseTimer = setTimeout(releaseAll, graceMs);
      closing = (async () => {
        let bound: ReturnType<typeof setTimeout> | undefined;
        await Promise.race([
          started.then((w) => w.close()).catch(report),
          new Promise((resolve) => (bound = setTimeout(resolve, graceMs + CLOSE_BOUND_MS))),
        ]);
        clearTimeout(bound);
        clearTimeout(releaseTimer);
        await removeHeartbeat(ops, names, id).catch(() => undefined);
        await Promise.allSettled([cancels.close(), closeClient(ops), closeClient(connection)]);
      })();
      return closing;
    },
  };
}

// One critic job on a worker: checked (data, critic, version, cancelled, late), run under its deadline, answered.
import type { Job } from 'bullmq';
import type * as CriticQueueModule from './critic-queue.js';
import { CriticTimeoutError } from '../core/index.js';
import type { CriticSpec, Finding } from '../core/index.js';
import type { CancelListener } from './cancellations.js';
import { parseJobData, type CriticJobData, type CriticJobResult, type JobFailure } from './payload.js';
import type { JobResult, WorkerMetrics } from './worker-metrics.js';

/** BullMQ, loaded on first use by the worker. */
export type BullMQ = typeof CriticQueueModule;

/** The abort reason of a job handed back at shutdown. */
export const RELEASE = new Error('released at shutdown');

/** What a worker's jobs share. */
export interface JobRunner {
  readonly id: string;
  /** The critics it may run, by name. */
  readonly specs: ReadonlyMap<string, CriticSpec>;
  readonly metrics: WorkerMetrics;
  readonly cancels: Pick<CancelListener, 'cancelled'>;
  /** Job id → the controller of its critic while it runs (a cancellation or a release aborts it). */
  readonly running: Map<string, AbortController>;
}

/** A job as BullMQ hands it over. */
interface Taken {
  readonly bullmq: BullMQ;
  readonly job: Job;
  readonly token: string | undefined;
}

/** BullMQ's processor: checks the job's data, and that this worker has the critic at the version asked for. */
export async function processJob(
  runner: JobRunner,
  bullmq: BullMQ,
  job: Job,
  token?: string,
): Promise<CriticJobResult> {
  runner.metrics.started();
  const data = parseJobData(job.data);
  if (typeof data === 'string') {
    runner.metrics.finished(job.name, 'failed');
    throw new bullmq.UnrecoverableError(`worker ${runner.id}: invalid critic job — ${data}`);
  }
  const spec = runner.specs.get(data.critic);
  const mine = spec === undefined ? undefined : (spec.version ?? null);
  if (spec === undefined || mine !== data.version) {
    const has = spec === undefined ? 'has no such critic' : `has version ${JSON.stringify(mine)}`;
    const message = `critic '${data.critic}': the coordinator asked for version ${JSON.stringify(data.version)}, worker ${runner.id} ${has}`;
    return failedAnswer(runner, job, 'version_mismatch', message, 'mismatch');
  }
  return runJob(runner, { bullmq, job, token }, data, spec);
}

/** Runs the critic until its finding or its deadline, unless its coordinator cancelled it or it came too late. */
async function runJob(
  runner: JobRunner,
  taken: Taken,
  data: CriticJobData,
  spec: CriticSpec,
): Promise<CriticJobResult> {
  const { job } = taken;
  const jobId = job.id ?? '';
  const left = data.deadlineAt === null ? Infinity : data.deadlineAt - Date.now();
  if (runner.cancels.cancelled(jobId))
    return failedAnswer(runner, job, 'aborted', 'cancelled by its coordinator', 'aborted');
  if (left <= 0) {
    const late = `worker ${runner.id} took it ${Math.round(-left)} ms after its deadline (a backlog, or clocks out of sync)`;
    return failedAnswer(runner, job, 'expired', late, 'aborted');
  }
  const controller = new AbortController();
  runner.running.set(jobId, controller);
  const timer = Number.isFinite(left)
    ? setTimeout(() => controller.abort(new CriticTimeoutError('DEADLINE_EXCEEDED', 'its deadline passed')), left)
    : undefined;
  const started = performance.now();
  try {
    const finding = await evaluateUntilAborted(spec, data, controller.signal);
    const ranMs = performance.now() - started;
    runner.metrics.finished(job.name, 'done', ranMs);
    return { ok: true, finding, worker: runner.id, durationMs: ranMs } satisfies CriticJobResult;
  } catch (error) {
    return await endedWithoutFinding(runner, taken, controller.signal, error, performance.now() - started);
  } finally {
    clearTimeout(timer);
    runner.running.delete(jobId);
  }
}

/** The critic's finding, or the abort's reason: a critic that ignores its signal cannot hold the job. */
function evaluateUntilAborted(spec: CriticSpec, data: CriticJobData, signal: AbortSignal): Promise<Finding> {
  const aborted = new Promise<never>((_, reject) => {
    signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
  });
  const ctx = { signal, attempt: data.attempt, prior: data.prior };
  return Promise.race([Promise.resolve().then(() => spec.evaluate(data.input, ctx)), aborted]);
}

/** A run without a finding: released at shutdown (back to the queue), aborted (cancelled, deadline), or failed. */
async function endedWithoutFinding(
  runner: JobRunner,
  { bullmq, job, token }: Taken,
  signal: AbortSignal,
  error: unknown,
  ranMs: number,
): Promise<CriticJobResult> {
  if (signal.reason === RELEASE) {
    await job.moveToWait(token);
    runner.metrics.finished(job.name, 'released');
    throw new bullmq.WaitingError(); // BullMQ leaves a job it was told is waiting alone
  }
  if (signal.aborted) return failedAnswer(runner, job, 'aborted', (signal.reason as Error).message, 'aborted');
  const e = error instanceof Error ? error : new Error(String(error));
  return failedAnswer(runner, job, 'error', e.message, 'failed', e.constructor.name || e.name, ranMs);
}

/** The answer of a job that gave no finding, counted in the worker's metrics. */
function failedAnswer(
  runner: JobRunner,
  job: Job,
  failure: JobFailure,
  message: string,
  result: JobResult,
  name = 'Error',
  ranMs?: number,
): CriticJobResult {
  runner.metrics.finished(job.name, result, ranMs);
  return { ok: false, failure, error: { name, message }, worker: runner.id, durationMs: ranMs ?? 0 };
}

// One remote critic attempt, coordinator side: refused while Redis is down, else enqueued and its answer awaited.
import { describeError, EleanorError } from '../core/index.js';
import type { CriticInput, Finding, TransportContext, TransportCritic } from '../core/index.js';
import { jobIdFor, type QueueNames } from './config.js';
import type { CoordinatorLink } from './coordinator-link.js';
import { unwrapResult, type CriticJobData } from './payload.js';
import type { Waiter, Waiters } from './waiters.js';

/** Jobs are removed once answered, so a critic retried later gets a new job under the same id. */
const JOB_OPTIONS = { removeOnComplete: true, removeOnFail: true, attempts: 1 } as const;

/** What a transport's attempts share. */
export interface Attempts {
  readonly link: CoordinatorLink;
  readonly waiters: Waiters;
  readonly names: QueueNames;
  readonly counts: { enqueued: number; enqueueErrors: number };
}

/** Runs one attempt of `critic` on a worker: its finding, or TRANSPORT_UNAVAILABLE, or the attempt's abort reason. */
export async function executeRemotely(
  attempts: Attempts,
  critic: TransportCritic,
  input: CriticInput,
  ctx: TransportContext,
): Promise<Finding> {
  refuseWhileUnreachable(attempts.link);
  const jobId = jobIdFor(input.traceId, critic.name, ctx.attempt);
  const data = jobData(critic, input, ctx);
  return whileAwaitingAnswer(attempts, jobId, ctx.signal, async (answer, waiter) => {
    await enqueue(attempts, critic.name, data, { jobId, signal: ctx.signal, waiter });
    const finding = unwrapResult(await answer, jobId);
    return finding ?? (await untilAborted(ctx.signal));
  });
}

/** Fails closed at once rather than wait for the deadline (a connection still being made the first time is awaited). */
function refuseWhileUnreachable(link: CoordinatorLink): void {
  if (link.closed) throw new EleanorError('TRANSPORT_UNAVAILABLE', `the BullMQ transport is closed`);
  const status = link.current?.producer.status;
  if (status === 'reconnecting' || status === 'close') {
    throw new EleanorError('TRANSPORT_UNAVAILABLE', `Redis is unreachable (connection ${status}); critic not enqueued`);
  }
}

function jobData(critic: TransportCritic, input: CriticInput, ctx: TransportContext): CriticJobData {
  const budget = ctx.budgetMs;
  return {
    input,
    critic: critic.name,
    version: critic.version ?? null,
    deadlineAt: Number.isFinite(budget) ? Date.now() + budget : null,
    attempt: ctx.attempt,
    prior: ctx.prior,
  };
}

/**
 * Waits for the job's answer during `body`: the waiter is registered before anything is enqueued (so even the
 * fastest answer is caught); the attempt's end rejects it, and cancels the job if nobody else waits for it.
 */
async function whileAwaitingAnswer<T>(
  { waiters, link }: Attempts,
  jobId: string,
  signal: AbortSignal,
  body: (answer: Promise<unknown>, waiter: Waiter) => Promise<T>,
): Promise<T> {
  let waiter!: Waiter;
  const answer = new Promise<unknown>((resolve, reject) => (waiter = { resolve, reject }));
  answer.catch(() => undefined); // it may be rejected (aborted) before it is awaited
  const onAbort = (): void => {
    if (waiters.remove(jobId, waiter)) link.current?.cancels.cancel(jobId);
    waiter.reject(signal.reason instanceof Error ? signal.reason : new Error('attempt aborted'));
  };
  waiters.add(jobId, waiter);
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    return await body(answer, waiter);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

/** Adds the job, once connected; a failure gives the waiter up and says why (TRANSPORT_UNAVAILABLE). */
async function enqueue(
  { link, waiters, names, counts }: Attempts,
  name: string,
  data: CriticJobData,
  { jobId, signal, waiter }: { jobId: string; signal: AbortSignal; waiter: Waiter },
): Promise<void> {
  try {
    await link.ready();
    if (signal.aborted) throw new Error('the attempt ended before the job was enqueued');
    // A duplicate id is not added again: the waiter then gets the answer of the job already there.
    await (await link.open()).queue.add(name, data, { ...JOB_OPTIONS, jobId });
    counts.enqueued++;
  } catch (cause) {
    if (!signal.aborted) counts.enqueueErrors++;
    waiters.remove(jobId, waiter);
    throw new EleanorError(
      'TRANSPORT_UNAVAILABLE',
      `could not enqueue job '${jobId}' on queue '${names.queue}' — ${describeError(cause)}`,
      { cause },
    );
  }
}

/** Rejects when the attempt ends (its timeout or the run's deadline: the core then reports the critic lost). */
function untilAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    const abort = (): void => reject(signal.reason instanceof Error ? signal.reason : new Error('attempt aborted'));
    if (signal.aborted) abort();
    else signal.addEventListener('abort', abort, { once: true });
  });
}

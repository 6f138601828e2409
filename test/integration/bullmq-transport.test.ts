// BullMQ execution against the shared Redis, with in-process workers (real processes: test/faults/).
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { listWorkers } from '../../src/distributed/heartbeat.js';
import { createBullmqTransport, type BullmqTransport } from '../../src/distributed/bullmq-transport.js';
import { queueNames } from '../../src/distributed/config.js';
import { transportConformance, type ConformanceCritics } from '../../src/distributed/transport.conformance.js';
import type { CriticConfig } from '../../src/engine/config.js';
import { createEngine, type Engine } from '../../src/engine/engine.js';
import type { CriticContext, Finding } from '../../src/core/types.js';
import { uniqueQueue, Workers } from '../support/distributed.js';
import { waitFor } from '../support/redis.js';

const OK: Finding = { score: 0, severity: 0, violations: [] };
const quiet = { warn: () => undefined };

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    });
  });
}

function workerCritics(critics: ConformanceCritics): Record<string, CriticConfig> {
  return Object.fromEntries(
    Object.entries(critics).map(([name, spec]) => [name, { evaluate: spec.evaluate, version: spec.version }]),
  );
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A fresh queue with a coordinator transport, closed (and its keys deleted) after the test. */
function setup() {
  const config = uniqueQueue();
  const workers = new Workers(config);
  const transport: BullmqTransport = createBullmqTransport({ ...config, logger: quiet });
  cleanups.push(
    () => workers.cleanup(),
    () => transport.close(),
  );
  return { config, workers, transport };
}

function engineFor(config: ReturnType<typeof uniqueQueue>, critics: Record<string, CriticConfig>): Engine {
  const engine = createEngine({ critics, transport: config, evidence: false, logger: quiet });
  cleanups.push(() => engine.close());
  return engine;
}

transportConformance('createBullmqTransport with in-process workers', {
  async open(critics) {
    const { workers, transport } = setup();
    await workers.start(workerCritics(critics), { concurrency: 16 });
    return { transport, close: () => Promise.resolve() };
  },
});

describe('createBullmqTransport', () => {
  it('enqueues one job <traceId>:<critic> with the input, name, version and deadlineAt, never twice', async () => {
    const { config } = setup(); // no worker: the jobs stay in the queue
    const engine = engineFor(config, { echo: { evaluate: () => OK, version: '7' } });
    const request = { inputText: 'in', modelResponse: 'out', context: { a: 1 }, traceId: 'trace-1' };
    const before = Date.now();
    const [first, second] = await Promise.all([
      engine.evaluate(request, { deadlineMs: 300 }),
      engine.evaluate(request, { deadlineMs: 300 }),
    ]);
    for (const evaluation of [first, second]) {
      expect(evaluation.critics['echo']).toMatchObject({ status: 'lost', error: { code: 'CRITIC_LOST' } });
      expect(evaluation.decision).toBe('escalate'); // unknown is never safe
      expect(evaluation.degraded).not.toContain('transport:bullmq');
    }
    const client = new Redis(config.redis.url);
    const queue = new Queue(config.queue!, { connection: client, prefix: config.prefix! });
    try {
      expect(await queue.getJobCounts('waiting')).toEqual({ waiting: 1 });
      const job = await queue.getJob('trace-1:echo');
      expect(job?.name).toBe('echo');
      expect(job?.data).toMatchObject({ input: request, critic: 'echo', version: '7', attempt: 1, prior: {} });
      const deadlineAt = (job?.data as { deadlineAt: number }).deadlineAt;
      expect(deadlineAt).toBeGreaterThanOrEqual(before + 250);
      expect(deadlineAt).toBeLessThanOrEqual(Date.now() + 300);
    } finally {
      await queue.close();
      client.disconnect();
    }
  });

  it('gives a version mismatch between coordinator and worker a clear error outcome', async () => {
    const { config, workers } = setup();
    const worker = await workers.start({ judge: { evaluate: () => OK, version: '2' } }, { id: 'w-old' });
    const engine = engineFor(config, {
      judge: { evaluate: () => OK, version: '3' },
      other: { evaluate: () => OK, version: '1' },
    });
    const evaluation = await engine.evaluate({ inputText: 'x', modelResponse: 'y' }, { deadlineMs: 3_000 });
    expect(evaluation.critics['judge']).toMatchObject({ status: 'error', error: { code: 'CRITIC_VERSION_MISMATCH' } });
    expect(evaluation.critics['judge']?.error?.message).toContain(
      `critic 'judge': the coordinator asked for version "3", worker w-old has version "2"`,
    );
    expect(evaluation.critics['other']?.error?.message).toContain('worker w-old has no such critic');
    expect(evaluation.decision).toBe('escalate');
    expect(worker.record().jobs.mismatch).toBe(2);
  });

  it("aborts the running critic's signal on the worker when the caller cancels (Redis pub/sub)", async () => {
    const { workers, transport } = setup();
    let reason: unknown;
    await workers.start({
      slow: {
        version: '1',
        evaluate: async (_input, ctx: CriticContext) => {
          await sleep(5_000, ctx.signal).catch((error: unknown) => (reason = error));
          return OK;
        },
      },
    });
    const { Orchestrator } = await import('../../src/core/orchestrator.js');
    const orch = new Orchestrator({
      critics: { slow: { evaluate: () => OK, version: '1' } },
      transport,
      logger: quiet,
    });
    const controller = new AbortController();
    const run = orch.run({ inputText: 'x' }, { deadlineMs: 10_000, signal: controller.signal });
    await waitFor(() => transport.stats().enqueued === 1, 2_000, 'the job to be enqueued');
    await sleep(50);
    const cancelledAt = performance.now();
    controller.abort();
    expect((await run)['slow']).toMatchObject({ status: 'timeout', error: { code: 'RUN_CANCELLED' } });
    await waitFor(() => reason !== undefined, 1_000, "the worker's critic to be aborted");
    expect(performance.now() - cancelledAt).toBeLessThan(500);
    expect(reason).toMatchObject({ code: 'RUN_CANCELLED' });
    expect(transport.stats().cancelled).toBe(1);
  });

  it('keeps a heartbeat record and per-worker metrics, and removes the record at shutdown', async () => {
    const { config, workers } = setup();
    const worker = await workers.start({ echo: { evaluate: () => OK, version: '1' } }, { concurrency: 3 });
    const engine = engineFor(config, { echo: { evaluate: () => OK, version: '1' } });
    for (let i = 0; i < 4; i++) await engine.evaluate({ inputText: `x${i}`, modelResponse: '' });
    const client = new Redis(config.redis.url);
    try {
      const names = queueNames(config);
      // ready() writes a heartbeat at once, so the test need not wait for the 5 s interval.
      await waitFor(
        async () => (await listWorkers(client, names))[0]?.jobs.done === 4 || (await worker.ready(), false),
        3_000,
        'a heartbeat with four jobs done',
      );
      const [record] = await listWorkers(client, names);
      expect(record).toMatchObject({ id: worker.id, queue: config.queue, concurrency: 3, critics: { echo: '1' } });
      expect(record?.state).toBe('running');
      expect(record?.durationMs.count).toBe(4);
      const text = await worker.metrics.metrics();
      expect(text).toMatch(new RegExp(`eleanor_worker_jobs_total\\{critic="echo",result="done",worker="${worker.id}"`));
      expect(text).toMatch(/eleanor_worker_jobs_total\{[^}]*result="done"[^}]*\} 4/);
      await worker.close();
      expect(await listWorkers(client, names)).toEqual([]);
    } finally {
      client.disconnect();
    }
  });

  it('lets running jobs finish at shutdown within the grace period', async () => {
    const { config, workers } = setup();
    const critics = { slow: { version: '1', evaluate: () => sleep(200).then(() => OK) } };
    const worker = await workers.start(critics);
    const engine = engineFor(config, critics);
    const evaluation = engine.evaluate({ inputText: 'x', modelResponse: '' }, { deadlineMs: 5_000 });
    await waitFor(() => worker.record().active === 1, 2_000, 'the job to start');
    await worker.close({ graceMs: 2_000 });
    expect((await evaluation).critics['slow']?.status).toBe('success');
    expect(worker.record().jobs).toMatchObject({ done: 1, released: 0 });
  });

  it('releases jobs still running after the grace period, and another worker completes them', async () => {
    const { config, workers } = setup();
    let calls = 0;
    const critics = {
      long: {
        version: '1',
        evaluate: async (_input: unknown, ctx: CriticContext) => (calls++, await sleep(600, ctx.signal), OK),
      },
    };
    const first = await workers.start(critics, { id: 'w-first' });
    const engine = engineFor(config, critics);
    const evaluation = engine.evaluate({ inputText: 'x', modelResponse: '' }, { deadlineMs: 8_000 });
    await waitFor(() => first.record().active === 1, 2_000, 'the job to start');
    const closed = performance.now();
    await first.close({ graceMs: 50 });
    expect(performance.now() - closed).toBeLessThan(1_000); // released, not waited for
    expect(first.record().jobs).toMatchObject({ released: 1, done: 0 });
    const second = await workers.start(critics, { id: 'w-second' });
    expect((await evaluation).critics['long']).toMatchObject({ status: 'success' });
    expect(calls).toBe(2);
    expect(second.record().jobs.done).toBe(1);
  });
});

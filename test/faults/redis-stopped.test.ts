// Fault test: the transport's own redis-server (port 16390, never the shared one) is killed mid-run, then restarted.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EngineConfig } from '../../src/engine/config.js';
import { createEngine, type Engine } from '../../src/engine/engine.js';
import {
  FIXTURE_CRITICS,
  spawnWorker,
  uniqueQueue,
  writeWorkerConfig,
  type WorkerProcess,
} from '../support/distributed.js';
import { PrivateRedis, waitFor } from '../support/redis.js';

const server = new PrivateRedis(16390);
const DEADLINE_MS = 1_500;
const transport = uniqueQueue(server.url, { lockDurationMs: 1_000, stalledIntervalMs: 500 });
const critics: EngineConfig['critics'] = { slow: { module: FIXTURE_CRITICS, export: 'sleepy', version: '1' } };
let worker: WorkerProcess | undefined;
let engine: Engine | undefined;

afterAll(async () => {
  if (worker?.child.exitCode === null) worker.child.kill('SIGKILL');
  await worker?.exited;
  await engine?.close();
  await server.kill();
});

async function timed(sleepMs: number, deadlineMs = DEADLINE_MS) {
  const started = performance.now();
  const evaluation = await engine!.evaluate(
    { inputText: 'q', modelResponse: 'a', context: { sleepMs } },
    { deadlineMs },
  );
  return { evaluation, ms: performance.now() - started };
}

describe('BullMQ transport (Redis stopped mid-run)', () => {
  it('ends in-flight evaluations lost at their deadline (escalate), and evaluates again once Redis is back', async () => {
    await server.start();
    worker = await spawnWorker(
      writeWorkerConfig(mkdtempSync(join(tmpdir(), 'eleanor-redis-')), { critics, transport }),
      ['--concurrency', '8'],
    );
    engine = createEngine({ critics, transport, evidence: { store: 'memory' }, logger: { warn: () => undefined } });
    expect((await timed(10)).evaluation.critics['slow']?.status).toBe('success');

    const inFlight = Array.from({ length: 5 }, () => timed(5_000));
    await waitFor(() => (engine!.infrastructure.transport?.().enqueued ?? 0) >= 6, 2_000, 'the jobs to be enqueued');
    await new Promise((resolve) => setTimeout(resolve, 100)); // the worker has taken them
    await server.kill();
    for (const { evaluation, ms } of await Promise.all(inFlight)) {
      expect(evaluation.critics['slow']).toMatchObject({ status: 'lost', error: { code: 'CRITIC_LOST' } });
      expect(evaluation.decision).toBe('escalate');
      expect(evaluation.gate.requiredAction).not.toBe('none');
      expect(evaluation.degraded).toContain('transport:bullmq');
      expect(ms).toBeGreaterThanOrEqual(DEADLINE_MS - 5);
      expect(ms).toBeLessThan(DEADLINE_MS + 500);
      expect(evaluation.evidence).not.toBeNull(); // recorded by the coordinator, whose store is not Redis
    }

    // While Redis is down, a new evaluation fails closed at once: the job cannot be enqueued.
    const down = await timed(10, 1_000);
    expect(down.evaluation.critics['slow']).toMatchObject({
      status: 'error',
      error: { code: 'TRANSPORT_UNAVAILABLE' },
    });
    expect(down.evaluation.decision).toBe('escalate');
    expect(down.ms).toBeLessThan(500);

    await server.start();
    await waitFor(
      async () => (await timed(10, 1_000)).evaluation.critics['slow']?.status === 'success',
      15_000,
      'an evaluation to succeed after Redis came back',
    );
    for (let i = 0; i < 5; i++) {
      const { evaluation } = await timed(10);
      expect(evaluation.critics['slow']?.status).toBe('success');
      expect(evaluation.decision).toBe('allow');
      expect(evaluation.degraded).toEqual([]);
    }
  }, 60_000);
});

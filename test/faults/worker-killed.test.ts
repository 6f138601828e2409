// Fault test: three `eleanor worker` processes, 200 evaluations, one worker SIGKILLed mid-run.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EngineConfig } from '../../src/engine/config.js';
import { createEngine, type Engine } from '../../src/engine/engine.js';
import type { Evaluation } from '../../src/verdict/types.js';
import {
  FIXTURE_CRITICS,
  spawnWorker,
  uniqueQueue,
  Workers,
  writeWorkerConfig,
  type WorkerProcess,
} from '../support/distributed.js';
import { waitFor } from '../support/redis.js';

const EVALUATIONS = 200;
const IN_FLIGHT = 16;
const dir = mkdtempSync(join(tmpdir(), 'eleanor-workers-'));
// A short lock, so that a dead worker's jobs are taken up well within the evaluations' deadline.
const transport = uniqueQueue(undefined, { lockDurationMs: 1_000, stalledIntervalMs: 500, maxStalledCount: 3 });
const critics: EngineConfig['critics'] = {
  alpha: { module: FIXTURE_CRITICS, export: 'sleepy', version: '1' },
  beta: { module: FIXTURE_CRITICS, export: 'sleepy', version: '1' },
};
const processes: WorkerProcess[] = [];
let engine: Engine | undefined;

afterAll(async () => {
  for (const p of processes) if (p.child.exitCode === null) p.child.kill('SIGKILL');
  await Promise.all(processes.map((p) => p.exited));
  await engine?.close();
  await new Workers(transport).cleanup();
});

describe('eleanor worker processes (a worker killed mid-run)', () => {
  it('completes all 200 evaluations with every critic outcome, evidence written once each', async () => {
    const configFile = writeWorkerConfig(dir, { critics, transport });
    processes.push(...(await Promise.all([0, 1, 2].map(() => spawnWorker(configFile, ['--concurrency', '4'])))));
    engine = createEngine({
      critics,
      transport,
      evidence: { store: 'sqlite', path: join(dir, 'evidence.db') },
      logger: { warn: () => undefined },
    });
    const results: Evaluation[] = [];
    const victim = processes[0]!;
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < EVALUATIONS) {
        const i = next++;
        const evaluation = await engine!.evaluate(
          { inputText: `q${i}`, modelResponse: 'a', traceId: `kill-${i}`, context: { sleepMs: 40 } },
          { deadlineMs: 10_000 },
        );
        results.push(evaluation);
        // Mid-run, with every worker busy (16 evaluations × 2 critics in flight for 12 slots).
        if (results.length === 60) victim.child.kill('SIGKILL');
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
    expect(await victim.exited).toBe('SIGKILL');

    expect(results).toHaveLength(EVALUATIONS);
    for (const evaluation of results) {
      expect(Object.keys(evaluation.critics).sort()).toEqual(['alpha', 'beta']);
      for (const outcome of Object.values(evaluation.critics)) {
        expect(outcome, `${evaluation.traceId} ${outcome.critic}`).toMatchObject({ status: 'success' });
        expect(outcome.finding.justification).toMatch(new RegExp(`^${evaluation.traceId} by \\d+$`));
      }
      expect(evaluation.decision).toBe('allow');
      expect(evaluation.evidence).not.toBeNull();
    }
    // The killed worker's jobs were taken up by the others (stalled-job recovery), none twice in the record.
    const stats = engine.infrastructure.transport?.();
    await waitFor(() => (engine!.infrastructure.transport?.().stalled ?? 0) > 0, 3_000, 'a stalled job to be seen');
    expect(stats?.enqueued).toBe(EVALUATIONS * 2);
    const report = await engine.evidence!.verify();
    expect(report.ok).toBe(true);
    expect(report.chains.reduce((n, c) => n + c.records, 0)).toBe(EVALUATIONS);
    const traceIds = new Set(results.map((e) => e.traceId));
    expect(traceIds.size).toBe(EVALUATIONS);
    for (const traceId of ['kill-0', 'kill-100', 'kill-199'])
      expect(await engine.evidence!.entries(traceId)).toHaveLength(1);
    const byWorker = new Set(
      results.flatMap((e) => Object.values(e.critics).map((o) => o.finding.justification?.split(' by ')[1])),
    );
    expect(byWorker.size).toBe(3); // every worker did some of the work, the victim included
  }, 60_000);
});

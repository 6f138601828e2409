import { describe, expect, it, vi } from 'vitest';
import { Orchestrator } from '../index.js';
import { backoffMs } from './backoff.js';
import { OK, hang, input, recordingLogger } from '../../test/support/critics.js';

const logger = recordingLogger();

function failingTimes(n: number) {
  let calls = 0;
  return vi.fn(() => {
    calls++;
    if (calls <= n) throw new Error(`failure ${calls}`);
    return OK;
  });
}

describe('Orchestrator: retries', () => {
  it('retries errors and counts attempts exactly', async () => {
    const critic = failingTimes(2);
    const orch = new Orchestrator({
      critics: { a: { evaluate: critic, retries: { max: 3, baseMs: 1, maxMs: 2 } } },
      logger,
    });
    const outcome = (await orch.run(input()))['a'];
    expect(outcome).toMatchObject({ status: 'success', attempts: 3 });
    expect(critic).toHaveBeenCalledTimes(3);
  });

  it('gives up after max retries with the last error', async () => {
    const critic = failingTimes(10);
    const orch = new Orchestrator({
      critics: { a: { evaluate: critic, retries: { max: 2, baseMs: 1, maxMs: 1 } } },
      logger,
    });
    const outcome = (await orch.run(input()))['a'];
    expect(outcome).toMatchObject({
      status: 'error',
      attempts: 3,
      error: { code: 'CRITIC_ERROR', message: 'Error: failure 3' },
    });
    expect(orch.metrics().retries).toBe(2);
  });

  it('passes the attempt number to the critic', async () => {
    const attempts: number[] = [];
    const orch = new Orchestrator({
      critics: {
        a: {
          retries: { max: 2, baseMs: 0, maxMs: 0 },
          evaluate: (_i, ctx) => {
            attempts.push(ctx.attempt);
            if (ctx.attempt < 3) throw new Error('again');
            return OK;
          },
        },
      },
      logger,
    });
    await orch.run(input());
    expect(attempts).toEqual([1, 2, 3]);
  });

  it('does not retry timeouts unless onTimeout is set', async () => {
    const critic = vi.fn(hang);
    const orch = new Orchestrator({
      critics: { a: { evaluate: critic, timeoutMs: 5, retries: { max: 2, baseMs: 0, maxMs: 0 } } },
      logger,
    });
    expect((await orch.run(input()))['a']).toMatchObject({ status: 'timeout', attempts: 1 });
    expect(critic).toHaveBeenCalledTimes(1);
  });

  it('retries timeouts with onTimeout, each attempt with a fresh signal', async () => {
    const signals: AbortSignal[] = [];
    const orch = new Orchestrator({
      critics: {
        a: {
          timeoutMs: 5,
          retries: { max: 2, onTimeout: true, baseMs: 0, maxMs: 0 },
          evaluate: (_i, ctx) => {
            signals.push(ctx.signal);
            return ctx.attempt < 3 ? hang() : OK;
          },
        },
      },
      logger,
    });
    expect((await orch.run(input()))['a']).toMatchObject({ status: 'success', attempts: 3 });
    expect(signals.map((s) => s.aborted)).toEqual([true, true, false]);
    expect(new Set(signals).size).toBe(3);
  });

  it('waits the backoff between attempts, in milliseconds', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate', 'performance'] });
    try {
      const times: number[] = [];
      const orch = new Orchestrator({
        critics: {
          a: {
            retries: { max: 3, baseMs: 10, maxMs: 1000 },
            evaluate: () => {
              times.push(performance.now());
              throw new Error('x');
            },
          },
        },
        random: () => 1, // no jitter: the full ceiling
        logger,
      });
      const done = orch.run(input());
      await vi.advanceTimersByTimeAsync(100);
      await done;
      const gaps = times.slice(1).map((t, i) => t - times[i]!);
      expect(gaps).toEqual([10, 20, 40]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('never lets a backoff outlive the deadline: it stops retrying instead', async () => {
    const critic = failingTimes(10);
    const orch = new Orchestrator({
      critics: { a: { evaluate: critic, retries: { max: 5, baseMs: 500, maxMs: 1000 } } },
      logger,
    });
    const start = performance.now();
    const outcome = (await orch.run(input(), { deadlineMs: 200 }))['a'];
    expect(performance.now() - start).toBeLessThan(150);
    expect(outcome).toMatchObject({ status: 'error', attempts: 1 });
  });

  it('ends a critic in backoff at the deadline as a timeout', async () => {
    const controller = new AbortController();
    const critic = failingTimes(10);
    const orch = new Orchestrator({
      critics: { a: { evaluate: critic, retries: { max: 5, baseMs: 300, maxMs: 300 } } },
      logger,
    });
    setTimeout(() => controller.abort(), 10);
    const outcome = (await orch.run(input(), { signal: controller.signal }))['a'];
    expect(outcome).toMatchObject({ status: 'timeout', attempts: 1, error: { code: 'RUN_CANCELLED' } });
  });
});

describe('backoffMs', () => {
  const retries = { max: 5, onTimeout: false, baseMs: 10, maxMs: 100 };
  it('grows exponentially and is capped at maxMs', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(retries, n, () => 1))).toEqual([10, 20, 40, 80, 100]);
  });
  it('jitters between half the ceiling and the ceiling, never below baseMs', () => {
    expect(backoffMs(retries, 3, () => 0)).toBe(20);
    expect(backoffMs(retries, 1, () => 0)).toBe(10);
    for (let i = 0; i < 100; i++) {
      const d = backoffMs(retries, 4, Math.random);
      expect(d).toBeGreaterThanOrEqual(40);
      expect(d).toBeLessThanOrEqual(80);
    }
  });
});

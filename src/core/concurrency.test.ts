import { describe, expect, it, vi } from 'vitest';
import { Orchestrator, type CriticContext, type CriticFn } from '../index.js';
import { OK, input, recordingLogger, sleep } from '../../test/support/critics.js';

const logger = recordingLogger();

/** Critics that record how many of them run at once (a critic stops counting when it ends or is aborted). */
function gauge() {
  let running = 0;
  let peak = 0;
  const starts: string[] = [];
  const critic =
    (name: string, ms: number): CriticFn =>
    async (_i, ctx: CriticContext) => {
      starts.push(name);
      running++;
      peak = Math.max(peak, running);
      let counted = true;
      const stop = (): void => {
        if (counted) running--;
        counted = false;
      };
      ctx.signal.addEventListener('abort', stop, { once: true });
      try {
        await sleep(ms, ctx.signal);
        return OK;
      } finally {
        stop();
      }
    };
  return { critic, starts, peak: () => peak };
}

describe('Orchestrator: concurrency limits', () => {
  it('holds the orchestrator-wide cap across concurrent runs', async () => {
    const g = gauge();
    const critics = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`c${i}`, g.critic(`c${i}`, 3)]));
    const orch = new Orchestrator({ critics, concurrency: 2, logger });
    const results = await Promise.all([orch.run(input()), orch.run(input()), orch.run(input())]);
    expect(g.peak()).toBe(2);
    expect(results.flatMap((r) => Object.values(r)).every((o) => o.status === 'success')).toBe(true);
    expect(g.starts).toHaveLength(18);
  });

  it('starts the highest priority first when capped, ties in declaration order', async () => {
    const g = gauge();
    const orch = new Orchestrator({
      critics: {
        low: { evaluate: g.critic('low', 1), priority: 9 },
        tieA: { evaluate: g.critic('tieA', 1), priority: 3 },
        top: { evaluate: g.critic('top', 1), priority: 1 },
        tieB: { evaluate: g.critic('tieB', 1), priority: 3 },
        mid: { evaluate: g.critic('mid', 1) },
      },
      concurrency: 1,
      logger,
    });
    await orch.run(input());
    expect(g.starts).toEqual(['top', 'tieA', 'tieB', 'mid', 'low']);
  });

  it('lets a newly ready high-priority dependent overtake queued low-priority critics', async () => {
    const g = gauge();
    const orch = new Orchestrator({
      critics: {
        first: { evaluate: g.critic('first', 2), priority: 1 },
        lowA: { evaluate: g.critic('lowA', 2), priority: 10 },
        lowB: { evaluate: g.critic('lowB', 2), priority: 10 },
        urgent: { evaluate: g.critic('urgent', 2), priority: 1, dependsOn: ['first'] },
      },
      concurrency: 1,
      logger,
    });
    await orch.run(input());
    expect(g.starts).toEqual(['first', 'urgent', 'lowA', 'lowB']);
  });

  it("holds a critic's maxConcurrent across runs, without blocking other critics", async () => {
    const limited = gauge();
    const free = gauge();
    const orch = new Orchestrator({
      critics: { judge: { evaluate: limited.critic('judge', 5), maxConcurrent: 1 }, cheap: free.critic('cheap', 5) },
      logger,
    });
    await Promise.all(Array.from({ length: 4 }, () => orch.run(input())));
    expect(limited.peak()).toBe(1);
    expect(free.peak()).toBe(4);
  });

  it('spaces starts by the rate limit (token bucket)', async () => {
    const starts: number[] = [];
    const orch = new Orchestrator({
      critics: {
        api: {
          ratePerSecond: 100, // one start every 10 ms
          evaluate: () => {
            starts.push(performance.now());
            return OK;
          },
        },
      },
      logger,
    });
    await Promise.all(Array.from({ length: 4 }, () => orch.run(input())));
    const gaps = starts.slice(1).map((t, i) => t - starts[i]!);
    expect(gaps).toHaveLength(3);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(9);
  });

  it('allows a burst when rateBurst is set', async () => {
    const starts: number[] = [];
    const orch = new Orchestrator({
      critics: {
        api: {
          ratePerSecond: 10,
          rateBurst: 3,
          evaluate: () => {
            starts.push(performance.now());
            return OK;
          },
        },
      },
      logger,
    });
    await Promise.all(Array.from({ length: 3 }, () => orch.run(input())));
    expect(starts[2]! - starts[0]!).toBeLessThan(5);
  });

  it('cancels queued critics at their run deadline without stalling the queue', async () => {
    const g = gauge();
    const orch = new Orchestrator({
      critics: { a: g.critic('a', 45), b: g.critic('b', 45) },
      concurrency: 1,
      logger,
    });
    const early = orch.run(input(), { deadlineMs: 10 });
    const late = orch.run(input());
    const start = performance.now();
    const earlyOutcomes = await early;
    expect(performance.now() - start).toBeLessThan(35);
    expect(earlyOutcomes['a']?.status).toBe('timeout');
    expect(earlyOutcomes['b']?.status).toBe('cancelled');
    const lateOutcomes = await late;
    expect(Object.values(lateOutcomes).map((o) => o.status)).toEqual(['success', 'success']);
    expect(g.peak()).toBe(1);
    expect(orch.metrics().queued).toBe(0);
  });

  it('releases the slot when the outcome settles, even if the ignored work goes on', async () => {
    const second = vi.fn(() => OK);
    const orch = new Orchestrator({
      critics: {
        ignores: { evaluate: () => new Promise<never>(() => undefined), timeoutMs: 5, priority: 1 },
        second: { evaluate: second, priority: 2 },
      },
      concurrency: 1,
      logger,
    });
    const outcomes = await orch.run(input());
    expect(outcomes['ignores']?.status).toBe('timeout');
    expect(outcomes['second']?.status).toBe('success');
    expect(orch.metrics().inflight).toBe(0);
  });
});

describe('Orchestrator.setConcurrency', () => {
  it('raises and lowers the cap at run time: queued critics start when it grows', async () => {
    const g = gauge();
    const critics = Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`c${i}`, g.critic(`c${i}`, 20)]));
    const orch = new Orchestrator({ critics, concurrency: 1, logger });
    const done = orch.run(input());
    await sleep(2);
    expect(g.starts).toHaveLength(1);
    orch.setConcurrency(4);
    expect(orch.concurrency).toBe(4);
    expect(g.starts).toHaveLength(4);
    await done;
    expect(g.peak()).toBe(4);
  });

  it('rejects a bad cap, and a change on an unbounded orchestrator', () => {
    expect(() => new Orchestrator({ critics: {}, concurrency: 2 }).setConcurrency(0)).toThrow(/integer >= 1/);
    expect(() => new Orchestrator({ critics: {} }).setConcurrency(3)).toThrow(/without a concurrency cap/);
  });
});

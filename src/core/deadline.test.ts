import { describe, expect, it, vi } from 'vitest';
import { Orchestrator, type CriticContext } from '../index.js';
import { OK, hang, input, recordingLogger, sleep, sleeper } from '../../test/support/critics.js';

const logger = recordingLogger();

describe('Orchestrator: deadline and cancellation', () => {
  it('ends the run at its deadline: running critics time out, waiting ones are cancelled', async () => {
    const late = vi.fn(() => OK);
    const orch = new Orchestrator({
      critics: {
        quick: () => OK,
        slow: sleeper(1000),
        ignoresSignal: hang,
        waitsForSlow: { evaluate: late, dependsOn: ['slow'] },
      },
      logger,
    });
    const start = performance.now();
    const outcomes = await orch.run(input(), { deadlineMs: 30 });
    const elapsed = performance.now() - start;
    expect(elapsed).toBeGreaterThanOrEqual(28);
    expect(elapsed).toBeLessThan(120);
    expect(outcomes['quick']?.status).toBe('success');
    expect(outcomes['slow']).toMatchObject({ status: 'timeout', error: { code: 'DEADLINE_EXCEEDED' } });
    expect(outcomes['ignoresSignal']).toMatchObject({ status: 'timeout', error: { code: 'DEADLINE_EXCEEDED' } });
    expect(outcomes['waitsForSlow']).toMatchObject({
      status: 'cancelled',
      attempts: 0,
      error: { code: 'DEADLINE_EXCEEDED' },
    });
    expect(outcomes['waitsForSlow']?.finding.failed).toBe(true);
    expect(late).not.toHaveBeenCalled();
  });

  it("aborts the critic's signal at the deadline, with a CriticTimeoutError reason", async () => {
    let seen: CriticContext['signal'] | undefined;
    const orch = new Orchestrator({
      critics: {
        watcher: async (_i, ctx) => {
          seen = ctx.signal;
          await sleep(1000, ctx.signal);
          return OK;
        },
      },
      logger,
    });
    await orch.run(input(), { deadlineMs: 10 });
    expect(seen?.aborted).toBe(true);
    expect((seen?.reason as Error).name).toBe('CriticTimeoutError');
  });

  it("aborts the critic's signal at its own timeout", async () => {
    let seen: AbortSignal | undefined;
    const orch = new Orchestrator({
      critics: {
        watcher: {
          timeoutMs: 10,
          evaluate: async (_i, ctx) => {
            seen = ctx.signal;
            await sleep(1000, ctx.signal);
            return OK;
          },
        },
      },
      logger,
    });
    const outcome = (await orch.run(input()))['watcher'];
    expect(outcome?.status).toBe('timeout');
    expect(outcome?.error?.code).toBe('CRITIC_TIMEOUT');
    expect(seen?.aborted).toBe(true);
  });

  it('discards a finding returned after the timeout', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const orch = new Orchestrator({
      critics: {
        late: {
          timeoutMs: 10,
          evaluate: async () => {
            await gate;
            return { score: 1, severity: 3, violations: [] };
          },
        },
      },
      logger,
    });
    const outcomes = await orch.run(input());
    release();
    await sleep(5);
    expect(outcomes['late']?.status).toBe('timeout');
    expect(outcomes['late']?.finding.severity).toBe(0);
  });

  it("cancels every critic when the caller's signal is already aborted", async () => {
    const critic = vi.fn(() => OK);
    const preExecution = vi.fn(() => undefined);
    const orch = new Orchestrator({ critics: { a: critic, b: critic }, hooks: { preExecution }, logger });
    const outcomes = await orch.run(input(), { signal: AbortSignal.abort() });
    expect(outcomes['a']).toMatchObject({ status: 'cancelled', attempts: 0, error: { code: 'RUN_CANCELLED' } });
    expect(outcomes['b']?.status).toBe('cancelled');
    expect(critic).not.toHaveBeenCalled();
    expect(preExecution).not.toHaveBeenCalled();
  });

  it("ends the run when the caller's signal aborts midway", async () => {
    const controller = new AbortController();
    const orch = new Orchestrator({
      critics: { a: () => OK, slow: sleeper(1000), after: { evaluate: () => OK, dependsOn: ['slow'] } },
      logger,
    });
    setTimeout(() => controller.abort(), 10);
    const outcomes = await orch.run(input(), { signal: controller.signal });
    expect(outcomes['a']?.status).toBe('success');
    expect(outcomes['slow']).toMatchObject({ status: 'timeout', error: { code: 'RUN_CANCELLED' } });
    expect(outcomes['after']).toMatchObject({ status: 'cancelled', error: { code: 'RUN_CANCELLED' } });
  });

  it('returns at a short per-critic timeout beside instant critics (hanging critic, 40 ms timeout)', async () => {
    const critics = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`instant${i}`, () => OK]));
    const orch = new Orchestrator({ critics: { ...critics, hanging: { evaluate: hang, timeoutMs: 40 } }, logger });
    const start = performance.now();
    const outcomes = await orch.run(input());
    expect(performance.now() - start).toBeLessThan(100);
    expect(outcomes['hanging']?.status).toBe('timeout');
    expect(Object.values(outcomes).filter((o) => o.status === 'success')).toHaveLength(9);
  });

  it('uses the orchestrator-wide default timeout when a critic has none', async () => {
    const orch = new Orchestrator({ critics: { a: hang }, timeoutMs: 15, logger });
    const outcome = (await orch.run(input()))['a'];
    expect(outcome?.status).toBe('timeout');
    expect(outcome?.durationMs).toBeGreaterThanOrEqual(13);
  });

  it('removes its listener from the caller signal when the run finishes', async () => {
    const controller = new AbortController();
    const add = vi.spyOn(controller.signal, 'addEventListener');
    const remove = vi.spyOn(controller.signal, 'removeEventListener');
    const orch = new Orchestrator({ critics: { a: sleeper(2) }, logger });
    await orch.run(input(), { signal: controller.signal, deadlineMs: 1000 });
    expect(add).toHaveBeenCalledTimes(1);
    expect(remove).toHaveBeenCalledTimes(1);
  });

  it('never ends a timeout or a deadline early, though Node timers may fire up to 1 ms early', async () => {
    const orch = new Orchestrator({ critics: { stuck: { evaluate: hang, timeoutMs: 20 } }, logger });
    const timeouts = await Promise.all(Array.from({ length: 20 }, () => orch.run(input())));
    for (const outcomes of timeouts) expect(outcomes['stuck']?.durationMs).toBeGreaterThanOrEqual(20);
    const deadlineOrch = new Orchestrator({ critics: { stuck: hang }, logger });
    const elapsed = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const start = performance.now();
        await deadlineOrch.run(input(), { deadlineMs: 20 });
        return performance.now() - start;
      }),
    );
    for (const ms of elapsed) expect(ms).toBeGreaterThanOrEqual(20);
  });

  it('settles a critic once when it aborts the caller signal synchronously, then returns or throws', async () => {
    for (const ending of ['return', 'throw', 'preHook'] as const) {
      const controller = new AbortController();
      const postExecution = vi.fn();
      const onFailure = vi.fn(() => undefined);
      const critic = vi.fn(() => {
        if (ending !== 'preHook') controller.abort();
        if (ending === 'throw') throw new Error('after abort');
        return OK;
      });
      const orch = new Orchestrator({
        critics: { c: critic },
        hooks: {
          postExecution,
          onFailure,
          preExecution: () => {
            if (ending === 'preHook') controller.abort();
            return undefined;
          },
        },
        logger,
      });
      const outcome = (await orch.run(input(), { signal: controller.signal }))['c'];
      expect(outcome?.status, ending).toBe('timeout');
      expect(postExecution, ending).not.toHaveBeenCalled();
      expect(onFailure, ending).toHaveBeenCalledTimes(1);
      expect(critic, ending).toHaveBeenCalledTimes(ending === 'preHook' ? 0 : 1);
      expect(orch.metrics().inflight, ending).toBe(0);
    }
  });

  it('takes the per-attempt timeout from the timeoutFor hook (adaptive timeouts), ignoring bad answers', async () => {
    const seen: Array<[string, number]> = [];
    const orch = new Orchestrator({
      critics: { fast: { evaluate: hang, timeoutMs: 1000 }, bad: { evaluate: () => OK, timeoutMs: 1000 } },
      hooks: {
        timeoutFor: (critic, configured) => {
          seen.push([critic, configured]);
          return critic === 'fast' ? 10 : -5;
        },
      },
      logger,
    });
    const start = performance.now();
    const outcomes = await orch.run(input());
    expect(performance.now() - start).toBeLessThan(200);
    expect(outcomes['fast']).toMatchObject({
      status: 'timeout',
      error: { message: "CriticTimeoutError: critic 'fast' exceeded its 10 ms timeout" },
    });
    expect(outcomes['bad']?.status).toBe('success');
    expect(seen).toEqual([
      ['fast', 1000],
      ['bad', 1000],
    ]);
    expect(orch.metrics().hookErrors).toBe(1);
  });
});

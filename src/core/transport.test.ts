import { describe, expect, it, vi } from 'vitest';
import {
  EleanorError,
  Orchestrator,
  type CriticInput,
  type CriticTransport,
  type Finding,
  type TransportContext,
  type TransportCritic,
} from '../index.js';
import { OK, finding, hang, input, recordingLogger, sleep } from '../../test/support/critics.js';

const logger = recordingLogger();

type Execute = (critic: TransportCritic, input: CriticInput, ctx: TransportContext) => Promise<Finding> | Finding;

function transport(execute: Execute, options: { remote?: boolean } = {}) {
  const spy = vi.fn(execute);
  const t: CriticTransport & { calls: () => number } = {
    kind: 'test',
    remote: options.remote ?? true,
    execute: spy,
    calls: () => spy.mock.calls.length,
  };
  return t;
}

describe('Orchestrator: the critic transport', () => {
  it('executes each covered critic through the transport with its name, version, the input and a context', async () => {
    const seen: Array<{ critic: TransportCritic; input: CriticInput; attempt: number; budgetMs: number }> = [];
    const t = transport((critic, runInput, ctx) => {
      seen.push({ critic, input: runInput, attempt: ctx.attempt, budgetMs: ctx.budgetMs });
      return finding({ score: 0.5 });
    });
    const local = vi.fn(() => OK);
    const orch = new Orchestrator({
      critics: { judge: { version: '3', timeoutMs: 400, evaluate: () => OK }, rules: local },
      transport: { ...t, covers: (name) => name === 'judge' },
      logger,
    });
    const outcomes = await orch.run(input({ traceId: 't-1' }), { deadlineMs: 1000 });
    expect(outcomes['judge']).toMatchObject({ status: 'success', finding: { score: 0.5 }, attempts: 1 });
    expect(outcomes['rules']?.status).toBe('success');
    expect(local).toHaveBeenCalledOnce();
    expect(seen).toHaveLength(1);
    expect(seen[0]?.critic).toMatchObject({ name: 'judge', version: '3' });
    expect(typeof seen[0]?.critic.evaluate).toBe('function');
    expect(seen[0]?.input).toMatchObject({ traceId: 't-1', inputText: 'hello' });
    expect(seen[0]?.attempt).toBe(1);
    // The budget is the per-attempt timeout, which comes before the run's deadline.
    expect(seen[0]?.budgetMs).toBeGreaterThan(390);
    expect(seen[0]?.budgetMs).toBeLessThanOrEqual(400);
  });

  it("gives the transport the run's deadline as budget when it comes first", async () => {
    let budget = -1;
    const t = transport((_c, _i, ctx) => {
      budget = ctx.budgetMs;
      return OK;
    });
    await new Orchestrator({ critics: { a: () => OK }, transport: t, timeoutMs: 5000, logger }).run(input(), {
      deadlineMs: 40,
    });
    expect(budget).toBeGreaterThan(30);
    expect(budget).toBeLessThanOrEqual(40);
  });

  it('validates what the transport returns, and runs the hooks around it', async () => {
    const post = vi.fn();
    const t = transport((critic) => (critic.name === 'bad' ? ({ score: 7 } as unknown as Finding) : OK));
    const orch = new Orchestrator({
      critics: { bad: () => OK, good: () => OK, cached: () => OK },
      transport: t,
      hooks: { preExecution: (critic) => (critic === 'cached' ? OK : undefined), postExecution: post },
      logger,
    });
    const outcomes = await orch.run(input());
    expect(outcomes['bad']).toMatchObject({ status: 'error', error: { code: 'CRITIC_OUTPUT_INVALID' } });
    expect(outcomes['good']?.status).toBe('success');
    expect(outcomes['cached']).toMatchObject({ status: 'success', fromCache: true, attempts: 0 });
    expect(t.calls()).toBe(2); // the cache hit never reached the transport
    expect(post).toHaveBeenCalledWith(
      'good',
      expect.objectContaining({ status: 'success' }),
      expect.anything(),
      expect.anything(),
    );
  });

  it('ends a remote critic whose result is missing at the deadline `lost`, aborting its signal', async () => {
    let signal: AbortSignal | undefined;
    const t = transport((_c, _i, ctx) => {
      signal = ctx.signal;
      return hang();
    });
    const onFailure = vi.fn(() => finding({ severity: 2 }));
    const orch = new Orchestrator({ critics: { remote: () => OK }, transport: t, hooks: { onFailure }, logger });
    const outcomes = await orch.run(input(), { deadlineMs: 20 });
    expect(outcomes['remote']).toMatchObject({
      status: 'lost',
      degraded: true,
      finding: { severity: 2 },
      error: { code: 'CRITIC_LOST' },
    });
    expect(outcomes['remote']?.error?.message).toMatch(/CriticLostError: no result for critic 'remote' from the test/);
    expect(signal?.aborted).toBe(true);
    expect((signal?.reason as { code?: string }).code).toBe('DEADLINE_EXCEEDED');
    expect(onFailure).toHaveBeenCalledWith(
      'remote',
      expect.objectContaining({ name: 'CriticLostError' }),
      expect.any(Number),
      expect.anything(),
      expect.anything(),
    );
  });

  it('ends a remote critic `lost` at its own timeout, and retries it when retries.onTimeout is set', async () => {
    const t = transport((_c, _i, ctx) => (ctx.attempt === 1 ? hang() : OK));
    const orch = new Orchestrator({
      critics: {
        once: { timeoutMs: 15, evaluate: () => OK },
        retried: { timeoutMs: 15, retries: { max: 1, onTimeout: true, baseMs: 1, maxMs: 2 }, evaluate: () => OK },
      },
      transport: t,
      logger,
    });
    const outcomes = await orch.run(input(), { deadlineMs: 1000 });
    expect(outcomes['once']).toMatchObject({ status: 'lost', attempts: 1, error: { code: 'CRITIC_LOST' } });
    expect(outcomes['once']?.error?.message).toMatch(/within its 15 ms timeout/);
    expect(outcomes['retried']).toMatchObject({ status: 'success', attempts: 2 });
  });

  it("keeps `timeout` for a caller's cancellation, and for a transport that is not remote", async () => {
    const controller = new AbortController();
    const remote = new Orchestrator({ critics: { a: () => OK }, transport: transport(() => hang()), logger });
    const cancelled = remote.run(input(), { signal: controller.signal });
    setTimeout(() => controller.abort(), 5);
    expect((await cancelled)['a']).toMatchObject({ status: 'timeout', error: { code: 'RUN_CANCELLED' } });

    const local = new Orchestrator({
      critics: { a: () => OK },
      transport: transport(() => hang(), { remote: false }),
      logger,
    });
    expect((await local.run(input(), { deadlineMs: 10 }))['a']).toMatchObject({
      status: 'timeout',
      error: { code: 'DEADLINE_EXCEEDED' },
    });
  });

  it("keeps a remote transport's EleanorError code, counts other errors as CRITIC_ERROR, and retries both", async () => {
    let calls = 0;
    const t = transport(async (critic) => {
      calls++;
      await sleep(1);
      if (critic.name === 'mismatch') throw new EleanorError('CRITIC_VERSION_MISMATCH', 'worker has version 2');
      throw new TypeError('boom');
    });
    const orch = new Orchestrator({
      critics: {
        mismatch: { retries: { max: 1, baseMs: 1, maxMs: 2 }, evaluate: () => OK },
        plain: () => OK,
      },
      transport: t,
      logger,
    });
    const outcomes = await orch.run(input());
    expect(outcomes['mismatch']).toMatchObject({
      status: 'error',
      attempts: 2,
      error: { code: 'CRITIC_VERSION_MISMATCH', message: 'EleanorError: worker has version 2' },
    });
    expect(outcomes['plain']).toMatchObject({ status: 'error', error: { code: 'CRITIC_ERROR' } });
    expect(outcomes['plain']?.error?.message).toContain('TypeError');
    expect(calls).toBe(3);
  });

  it('rejects a transport without execute, naming the field', () => {
    expect(
      () =>
        new Orchestrator({
          critics: { a: () => OK },
          transport: { kind: 'x', remote: true } as unknown as CriticTransport,
        }),
    ).toThrow(/options\.transport\.execute: expected a function/);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { Orchestrator, shortCircuit, type CriticOutcome, type Hooks } from '../index.js';
import { OK, finding, hang, input, recordingLogger, sleep, sleeper } from '../../test/support/critics.js';

describe('Orchestrator: hooks', () => {
  it('short-circuits a critic with a preExecution finding (a cache hit)', async () => {
    const critic = vi.fn(() => OK);
    const postExecution = vi.fn();
    const cached = finding({ severity: 2, score: 0.7 });
    const orch = new Orchestrator({
      critics: { cachedOne: critic, other: () => OK },
      hooks: { preExecution: (name) => (name === 'cachedOne' ? cached : undefined), postExecution },
      logger: recordingLogger(),
    });
    const outcomes = await orch.run(input());
    expect(outcomes['cachedOne']).toMatchObject({ status: 'success', fromCache: true, attempts: 0, degraded: false });
    expect(outcomes['cachedOne']?.finding).toBe(cached);
    expect(critic).not.toHaveBeenCalled();
    expect(postExecution).toHaveBeenCalledTimes(1);
    expect(postExecution).toHaveBeenCalledWith(
      'other',
      expect.objectContaining({ critic: 'other' }),
      expect.objectContaining({ traceId: 'trace-1' }),
      expect.anything(),
    );
  });

  it('awaits an async preExecution hook', async () => {
    const orch = new Orchestrator({
      critics: { a: () => OK },
      hooks: {
        preExecution: async () => {
          await sleep(2);
          return finding({ severity: 1 });
        },
      },
      logger: recordingLogger(),
    });
    expect((await orch.run(input()))['a']).toMatchObject({ fromCache: true, finding: { severity: 1 } });
  });

  it('receives the frozen input snapshot in preExecution, and the run scope (the snapshot unless one is given)', async () => {
    const preExecution = vi.fn<NonNullable<Hooks['preExecution']>>(() => undefined);
    const orch = new Orchestrator({ critics: { a: () => OK }, hooks: { preExecution }, logger: recordingLogger() });
    await orch.run(input({ traceId: 'tr-9' }));
    const [critic, snapshot, scope] = preExecution.mock.calls[0]!;
    expect([critic, snapshot]).toEqual(['a', expect.objectContaining({ traceId: 'tr-9', inputText: 'hello' })]);
    expect(scope).toBe(snapshot);
    const mine = {};
    await orch.run(input({ traceId: 'tr-9' }), { scope: mine });
    expect(preExecution.mock.calls[1]![2]).toBe(mine);
    await expect(orch.run(input(), { scope: 'not an object' as never })).rejects.toThrow(/options\.scope/);
  });

  it('calls postExecution once per critic that ran to success, with its outcome', async () => {
    const seen: CriticOutcome[] = [];
    const orch = new Orchestrator({
      critics: {
        ok: sleeper(2),
        broken: () => {
          throw new Error('x');
        },
      },
      hooks: { postExecution: (_n, outcome) => void seen.push(outcome) },
      logger: recordingLogger(),
    });
    const outcomes = await orch.run(input());
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBe(outcomes['ok']);
    expect(seen[0]?.status).toBe('success');
  });

  it('counts hook time inside the critic duration', async () => {
    const orch = new Orchestrator({
      critics: { a: () => OK },
      hooks: { postExecution: () => sleep(15) },
      logger: recordingLogger(),
    });
    expect((await orch.run(input()))['a']?.durationMs).toBeGreaterThanOrEqual(13);
  });

  it('times out a critic whose preExecution hook hangs', async () => {
    const critic = vi.fn(() => OK);
    const orch = new Orchestrator({
      critics: { a: { evaluate: critic, timeoutMs: 15 } },
      hooks: { preExecution: () => hang() },
      logger: recordingLogger(),
    });
    const outcome = (await orch.run(input()))['a'];
    expect(outcome).toMatchObject({ status: 'timeout', attempts: 0 });
    expect(critic).not.toHaveBeenCalled();
  });

  it('keeps a success whose postExecution hook hangs past the budget', async () => {
    const logger = recordingLogger();
    const orch = new Orchestrator({
      critics: { a: { evaluate: () => finding({ severity: 1 }), timeoutMs: 15 } },
      hooks: { postExecution: () => hang() as unknown as Promise<void> },
      logger,
    });
    const outcome = (await orch.run(input()))['a'];
    expect(outcome).toMatchObject({ status: 'success', finding: { severity: 1 } });
    expect(logger.warnings.some((w) => w.details['hook'] === 'postExecution')).toBe(true);
  });

  it('uses the onFailure fallback on error, marked degraded', async () => {
    const fallback = finding({ severity: 2, score: 0.5, conservative: true });
    const onFailure = vi.fn<NonNullable<Hooks['onFailure']>>(() => fallback);
    const orch = new Orchestrator({
      critics: {
        a: () => {
          throw new TypeError('oops');
        },
      },
      hooks: { onFailure },
      logger: recordingLogger(),
    });
    const outcome = (await orch.run(input()))['a'];
    expect(outcome).toMatchObject({
      status: 'error',
      degraded: true,
      error: { code: 'CRITIC_ERROR', message: 'TypeError: oops' },
    });
    expect(outcome?.finding).toBe(fallback);
    expect(onFailure).toHaveBeenCalledTimes(1);
    const [name, error, duration] = onFailure.mock.calls[0]!;
    expect(name).toBe('a');
    expect(error).toBeInstanceOf(TypeError);
    expect(duration).toBeGreaterThanOrEqual(0);
  });

  it('uses the onFailure fallback on timeout too, including an async one', async () => {
    const orch = new Orchestrator({
      critics: { a: { evaluate: hang, timeoutMs: 10 }, b: { evaluate: sleeper(1000), timeoutMs: 10 } },
      hooks: {
        onFailure: async (name, error) => finding({ severity: 3, justification: `${name}: ${error.name}` }),
      },
      logger: recordingLogger(),
    });
    const outcomes = await orch.run(input());
    for (const name of ['a', 'b']) {
      expect(outcomes[name]).toMatchObject({ status: 'timeout', degraded: true, finding: { severity: 3 } });
      expect(outcomes[name]?.finding.justification).toBe(`${name}: CriticTimeoutError`);
    }
  });

  it('uses the fallback when the run deadline interrupts a critic', async () => {
    const orch = new Orchestrator({
      critics: { a: hang },
      hooks: { onFailure: () => finding({ severity: 2.5 }) },
      logger: recordingLogger(),
    });
    const outcome = (await orch.run(input(), { deadlineMs: 10 }))['a'];
    expect(outcome).toMatchObject({ status: 'timeout', degraded: true, error: { code: 'DEADLINE_EXCEEDED' } });
    expect(outcome?.finding.severity).toBe(2.5);
  });

  it('ignores an invalid fallback and logs it', async () => {
    const logger = recordingLogger();
    const orch = new Orchestrator({
      critics: { a: () => Promise.reject(new Error('x')) },
      hooks: { onFailure: () => ({ score: 7 }) as never },
      logger,
    });
    const outcome = (await orch.run(input()))['a'];
    expect(outcome).toMatchObject({ status: 'error', degraded: false, finding: { failed: true } });
    expect(logger.warnings).toHaveLength(1);
  });

  it('never fails the run because a hook throws or rejects: it logs and goes on', async () => {
    const logger = recordingLogger();
    const orch = new Orchestrator({
      critics: {
        ok: () => OK,
        broken: () => {
          throw new Error('critic');
        },
      },
      hooks: {
        preExecution: () => {
          throw new Error('pre');
        },
        postExecution: () => Promise.reject(new Error('post')),
        onFailure: () => {
          throw new Error('fail');
        },
      },
      logger,
    });
    const outcomes = await orch.run(input());
    expect(outcomes['ok']).toMatchObject({ status: 'success', fromCache: false, attempts: 1 });
    expect(outcomes['broken']).toMatchObject({ status: 'error', degraded: false });
    expect(logger.warnings.map((w) => w.details['hook']).sort()).toEqual([
      'onFailure',
      'postExecution',
      'preExecution',
      'preExecution',
    ]);
    expect(orch.metrics().hookErrors).toBe(4);
  });

  it('runs the critic when preExecution returns an invalid finding', async () => {
    const logger = recordingLogger();
    const critic = vi.fn(() => OK);
    const orch = new Orchestrator({
      critics: { a: critic },
      hooks: { preExecution: () => ({ score: 'high' }) as never },
      logger,
    });
    expect((await orch.run(input()))['a']).toMatchObject({ status: 'success', fromCache: false });
    expect(critic).toHaveBeenCalledTimes(1);
    expect(logger.warnings).toHaveLength(1);
  });

  it('lets preExecution open a circuit: status circuit_open, with the fallback if given', async () => {
    const critic = vi.fn(() => OK);
    const orch = new Orchestrator({
      critics: { open: critic, openWithFallback: critic, disabled: critic },
      hooks: {
        preExecution: (name) =>
          name === 'open'
            ? shortCircuit('circuit_open', 'breaker open after 5 failures')
            : name === 'openWithFallback'
              ? shortCircuit('circuit_open', 'open', finding({ severity: 2 }))
              : shortCircuit('skipped', 'disabled by configuration'),
      },
      logger: recordingLogger(),
    });
    const outcomes = await orch.run(input());
    expect(outcomes['open']).toMatchObject({
      status: 'circuit_open',
      attempts: 0,
      degraded: false,
      error: { code: 'CIRCUIT_OPEN', message: 'CircuitOpenError: breaker open after 5 failures' },
      finding: { failed: true },
    });
    expect(outcomes['openWithFallback']).toMatchObject({
      status: 'circuit_open',
      degraded: true,
      finding: { severity: 2 },
    });
    expect(outcomes['disabled']).toMatchObject({ status: 'skipped', attempts: 0 });
    expect(critic).not.toHaveBeenCalled();
  });

  it('survives a logger that throws', async () => {
    const orch = new Orchestrator({
      critics: { a: () => OK },
      hooks: {
        preExecution: () => {
          throw new Error('pre');
        },
      },
      logger: {
        warn: () => {
          throw new Error('logger down');
        },
      },
    });
    expect((await orch.run(input()))['a']?.status).toBe('success');
  });
});

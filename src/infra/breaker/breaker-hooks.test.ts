// Tests of the breaker hooks through a real Orchestrator: opening, half-open probes, rate mode, states, bounds.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hang, input, OK, recordingLogger, sleep } from '../../../test/support/critics.js';
import { isEleanorError } from '../../core/errors.js';
import { Orchestrator } from '../../core/orchestrator.js';
import { isShortCircuit } from '../../core/short-circuit.js';
import type { CriticOutcome, Finding } from '../../core/types.js';
import { composeHooks } from '../compose-hooks.js';
import { createDegradationHooks } from '../degradation/degradation-hooks.js';
import { createBreakerHooks, type BreakerConfig, type BreakerState } from './index.js';

const FALLBACK: Finding = { score: 0.5, severity: 2, violations: [], justification: 'judge unavailable' };

/** A critic whose behaviour the test sets, counting its calls; one orchestrator with breaker + degradation hooks. */
function setup(config: BreakerConfig, fallbacks: Record<string, Finding> = {}) {
  const critic = { calls: 0, next: (): Finding | Promise<Finding> => OK };
  const breaker = createBreakerHooks({ critics: { judge: config }, fallbacks });
  const transitions: BreakerState[] = [];
  breaker.onStateChange((name, state) => transitions.push(state));
  const orch = new Orchestrator({
    critics: {
      judge: () => {
        critic.calls++;
        return critic.next();
      },
    },
    hooks: composeHooks([breaker.hooks, createDegradationHooks({ fallbacks })]),
    logger: recordingLogger(),
  });
  let trace = 0;
  const run = async (): Promise<CriticOutcome> => (await orch.run(input({ traceId: `t-${++trace}` })))['judge']!;
  const fail = (): Finding => {
    throw new Error('judge down');
  };
  return { critic, breaker, transitions, orch, run, fail };
}

describe('createBreakerHooks', () => {
  beforeEach(() => {
    // cockatiel reads Date.now(); only Date is faked, so the orchestrator's timers stay real.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(1_000_000);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('opens after N consecutive failures; the next run is circuit_open at once with the fallback', async () => {
    const t = setup({ mode: 'consecutive', threshold: 3, halfOpenAfterMs: 1000 }, { judge: FALLBACK });
    t.critic.next = t.fail;
    for (let i = 0; i < 3; i++) expect(await t.run()).toMatchObject({ status: 'error', degraded: true });
    expect(t.breaker.states()).toEqual({ judge: 'open' });
    const outcome = await t.run();
    expect(t.critic.calls).toBe(3);
    expect(outcome).toMatchObject({
      status: 'circuit_open',
      attempts: 0,
      degraded: true,
      finding: { ...FALLBACK, fallback: true },
      error: { code: 'CIRCUIT_OPEN' },
    });
    expect(outcome.error?.message).toContain(
      'breaker open after 3 consecutive failures; last failure: Error: judge down',
    );
  });

  it('gives the circuit_open failure template when the critic has no fallback; successes reset the count', async () => {
    const t = setup({ mode: 'consecutive', threshold: 2 });
    t.critic.next = t.fail;
    await t.run();
    t.critic.next = () => OK;
    await t.run();
    t.critic.next = t.fail;
    await t.run();
    expect(t.breaker.states()['judge']).toBe('closed');
    await t.run();
    expect(await t.run()).toMatchObject({ status: 'circuit_open', degraded: false, finding: { failed: true } });
    expect(t.critic.calls).toBe(4);
  });

  it('lets one probe through after halfOpenAfterMs, refuses others meanwhile, and closes on its success', async () => {
    const t = setup({ mode: 'consecutive', threshold: 1, halfOpenAfterMs: 20 });
    t.critic.next = t.fail;
    await t.run();
    vi.setSystemTime(Date.now() + 19);
    expect(await t.run()).toMatchObject({ status: 'circuit_open' });
    vi.setSystemTime(Date.now() + 1);
    let release!: (f: Finding) => void;
    t.critic.next = () => new Promise<Finding>((resolve) => (release = resolve));
    const probe = t.run();
    await vi.waitFor(() => expect(t.critic.calls).toBe(2));
    expect(t.breaker.states()).toEqual({ judge: 'half_open' });
    const meanwhile = await t.run();
    expect(meanwhile).toMatchObject({ status: 'circuit_open' });
    expect(meanwhile.error?.message).toContain('its one probe is in flight');
    release(OK);
    expect(await probe).toMatchObject({ status: 'success' });
    expect(t.breaker.states()).toEqual({ judge: 'closed' });
    t.critic.next = () => OK;
    expect(await t.run()).toMatchObject({ status: 'success' });
    expect(t.critic.calls).toBe(3);
    expect(t.transitions).toEqual(['open', 'half_open', 'closed']);
  });

  it('reopens when the probe fails, for another halfOpenAfterMs', async () => {
    const t = setup({ mode: 'consecutive', threshold: 2, halfOpenAfterMs: 20 });
    t.critic.next = t.fail;
    await t.run();
    await t.run();
    vi.setSystemTime(Date.now() + 20);
    expect(await t.run()).toMatchObject({ status: 'error' });
    expect(t.breaker.states()['judge']).toBe('open');
    vi.setSystemTime(Date.now() + 10);
    expect(await t.run()).toMatchObject({ status: 'circuit_open' });
    expect(t.critic.calls).toBe(3);
    expect(t.transitions).toEqual(['open', 'half_open', 'open']);
  });

  it('counts timeouts, including the run deadline, as failures', async () => {
    const t = setup({ mode: 'consecutive', threshold: 2 });
    t.critic.next = hang;
    expect((await t.orch.run(input({ traceId: 'a' }), { deadlineMs: 5 }))['judge']?.status).toBe('timeout');
    expect((await t.orch.run(input({ traceId: 'b' }), { deadlineMs: 5 }))['judge']?.status).toBe('timeout');
    expect(t.breaker.states()['judge']).toBe('open');
  });

  it('does not count a run the caller aborted', async () => {
    const t = setup({ mode: 'consecutive', threshold: 1 });
    t.critic.next = hang;
    const controller = new AbortController();
    const pending = t.orch.run(input({ traceId: 'x' }), { signal: controller.signal });
    await vi.waitFor(() => expect(t.critic.calls).toBe(1));
    controller.abort();
    expect((await pending)['judge']?.status).toBe('timeout');
    expect(t.breaker.states()['judge']).toBe('closed');
  });

  it('opens in rate mode when the failure rate over the window exceeds the threshold, given minimumCalls', async () => {
    const t = setup({ mode: 'rate', threshold: 0.5, windowMs: 1000, minimumCalls: 4 });
    const plan = [false, false, true, true, false]; // true: success
    const states: BreakerState[] = [];
    for (const ok of plan) {
      t.critic.next = ok ? () => OK : t.fail;
      await t.run();
      vi.setSystemTime(Date.now() + 10);
      states.push(t.breaker.states()['judge']!);
    }
    // 2 failures of 2 calls: below minimumCalls; 2 of 4: not above 0.5; 3 of 5: open.
    expect(states).toEqual(['closed', 'closed', 'closed', 'closed', 'open']);
    expect(await t.run()).toMatchObject({ status: 'circuit_open' });
    expect(t.critic.calls).toBe(5);
  });

  it('bounds a call that never reports: dropped uncounted, or as a failed probe so half-open cannot stick', async () => {
    const breaker = createBreakerHooks({
      default: { mode: 'consecutive', threshold: 1, halfOpenAfterMs: 0 },
      settleWithinMs: 10,
    });
    const trace = { inputText: 'q', modelResponse: '', context: {}, traceId: 't' };
    expect(breaker.hooks.preExecution?.('a', trace)).toBeUndefined(); // let through, never reports
    await sleep(15);
    expect(breaker.states()).toEqual({ a: 'closed' });
    expect(breaker.hooks.preExecution?.('a', trace)).toBeUndefined();
    await breaker.hooks.onFailure?.('a', new Error('x'), 1, trace);
    expect(breaker.states()).toEqual({ a: 'open' });
    expect(breaker.hooks.preExecution?.('a', trace)).toBeUndefined(); // the probe, never reports
    expect(breaker.states()).toEqual({ a: 'half_open' });
    expect(isShortCircuit(breaker.hooks.preExecution?.('a', trace))).toBe(true);
    await sleep(15);
    expect(breaker.states()).toEqual({ a: 'open' });
  });

  it('tracks two runs that share a trace id separately', async () => {
    const breaker = createBreakerHooks({ default: { mode: 'consecutive', threshold: 2 } });
    const trace = { inputText: 'q', modelResponse: '', context: {}, traceId: 'same' };
    expect(breaker.hooks.preExecution?.('a', trace)).toBeUndefined();
    expect(breaker.hooks.preExecution?.('a', trace)).toBeUndefined();
    await breaker.hooks.onFailure?.('a', new Error('x'), 1, trace);
    await breaker.hooks.onFailure?.('a', new Error('y'), 1, trace);
    expect(breaker.states()).toEqual({ a: 'open' });
  });

  it('rejects bad options with INVALID_CONFIG naming the field', () => {
    const cases: Array<[() => unknown, RegExp]> = [
      [() => createBreakerHooks({ critics: { a: { mode: 'consecutive', threshold: 0 } } }), /^critics\.a\.threshold/],
      [() => createBreakerHooks({ default: { mode: 'rate', threshold: 1, windowMs: 100 } }), /^default\.threshold/],
      [() => createBreakerHooks({ default: { mode: 'rate', threshold: 0.5, windowMs: 0 } }), /^default\.windowMs/],
      [() => createBreakerHooks({ fallbacks: { a: { score: 0 } as Finding } }), /^critics\.a\.fallback: severity/],
      [() => createBreakerHooks({ settleWithinMs: -1 }), /^settleWithinMs/],
    ];
    for (const [create, message] of cases) {
      let thrown: unknown;
      try {
        create();
      } catch (error) {
        thrown = error;
      }
      expect(isEleanorError(thrown) && thrown.code).toBe('INVALID_CONFIG');
      expect((thrown as Error).message).toMatch(message);
    }
  });
});

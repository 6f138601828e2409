// Tests of createCacheHooks with L1 only, through a real Orchestrator: hits, TTL, what is never cached, single flight.
import { afterEach, describe, expect, it } from 'vitest';
import { OK, finding, input, recordingLogger, sleep } from '../../../test/support/critics.js';
import { Orchestrator } from '../../core/orchestrator.js';
import type { CriticFn, CriticInput, CriticOutcome, Finding } from '../../core/types.js';
import { composeHooks } from '../compose-hooks.js';
import { createCacheHooks, type CacheHooks, type CacheOptions } from './cache-hooks.js';

const open: CacheHooks[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.close()));
});

function cache(options: Partial<CacheOptions> = {}): CacheHooks {
  const c = createCacheHooks({ critics: { judge: { version: '1.0.0+rules.1.0.0' } }, ...options });
  open.push(c);
  return c;
}

/** A critic that counts its calls and returns a finding naming the call. */
function counted(delayMs = 0): CriticFn & { calls: number } {
  const fn = Object.assign(
    async (): Promise<Finding> => {
      const call = ++fn.calls;
      if (delayMs > 0) await sleep(delayMs);
      return finding({ score: 0.5, justification: `call ${call}` });
    },
    { calls: 0 },
  );
  return fn;
}

describe('createCacheHooks (L1)', () => {
  it('runs the critic on a miss and serves the next run of the same input from the cache', async () => {
    const judge = counted();
    const c = cache();
    const orch = new Orchestrator({ critics: { judge }, hooks: c.hooks, logger: recordingLogger() });
    const first = await orch.run(input({ traceId: 't1' }));
    const second = await orch.run(input({ traceId: 't2', context: { requestId: 'r2', timestamp: 5 } }));
    expect(judge.calls).toBe(1);
    expect(first['judge']).toMatchObject({ status: 'success', fromCache: false });
    expect(second['judge']).toMatchObject({ status: 'success', fromCache: true, attempts: 0, degraded: false });
    expect(second['judge']?.finding).toEqual(first['judge']?.finding);
    expect(c.stats()).toMatchObject({ l1: { hits: 1, misses: 1 }, singleFlightJoins: 0, errors: 0 });
    expect(c.degraded()).toEqual([]);
  });

  it('misses when the input, the context or the critic version differ', async () => {
    const judge = counted();
    const c = cache();
    const orch = new Orchestrator({ critics: { judge }, hooks: c.hooks, logger: recordingLogger() });
    await orch.run(input());
    await orch.run(input({ inputText: 'other' }));
    await orch.run(input({ context: { tenant: 'b' } }));
    expect(judge.calls).toBe(3);
    const other = cache({ critics: { judge: { version: '2.0.0' } } });
    const key = (h: CacheHooks) => h.hooks.preExecution?.('judge', criticInput('x'));
    await c.hooks.postExecution?.('judge', success(OK), criticInput('x'));
    expect(key(c)).toEqual(OK);
    expect(key(other)).toBeUndefined();
  });

  it('gives each hit its own copy of the finding', async () => {
    const c = cache();
    const orch = new Orchestrator({ critics: { judge: counted() }, hooks: c.hooks, logger: recordingLogger() });
    await orch.run(input());
    const hit = await orch.run(input());
    hit['judge']!.finding.violations.push({ rule: 'x', message: 'mutated', severity: 1 });
    const again = await orch.run(input());
    expect(again['judge']?.finding.violations).toEqual([]);
  });

  it('expires L1 entries after their TTL', async () => {
    let now = 5_000; // lru-cache reads a start time of 0 as "no TTL"
    const judge = counted();
    const c = cache({ l1: { ttlMs: 1_000 }, now: () => now });
    const orch = new Orchestrator({ critics: { judge }, hooks: c.hooks, logger: recordingLogger() });
    await orch.run(input());
    now = 5_999;
    await orch.run(input());
    expect(judge.calls).toBe(1);
    now = 6_001;
    await orch.run(input());
    expect(judge.calls).toBe(2);
  });

  it('keeps at most l1.max entries, dropping the least recently used', async () => {
    const judge = counted();
    const c = cache({ l1: { max: 2 } });
    const orch = new Orchestrator({ critics: { judge }, hooks: c.hooks, logger: recordingLogger() });
    for (const text of ['a', 'b', 'c', 'a']) await orch.run(input({ inputText: text }));
    expect(judge.calls).toBe(4);
  });

  it('does not cache errors, timeouts or degraded fallbacks', async () => {
    let calls = 0;
    const failing = () => {
      calls++;
      throw new Error('boom');
    };
    const c = cache({ critics: { judge: {} } });
    const fallback = { onFailure: () => finding({ severity: 2 }) };
    const orch = new Orchestrator({
      critics: { judge: failing },
      hooks: composeHooks([c.hooks, fallback]),
      logger: recordingLogger(),
    });
    const first = await orch.run(input());
    await orch.run(input());
    expect(first['judge']).toMatchObject({ status: 'error', degraded: true });
    expect(calls).toBe(2);
    // A degraded or cached success given to postExecution directly is not stored either.
    const i = criticInput('t');
    await c.hooks.postExecution?.('judge', { ...success(OK), degraded: true }, i);
    await c.hooks.postExecution?.('judge', { ...success(OK), fromCache: true }, i);
    expect(c.hooks.preExecution?.('judge', i)).toBeUndefined();
  });

  it('never caches a critic with cache: false, nor one it was not told about', async () => {
    const judge = counted();
    const llm = counted();
    const unlisted = counted();
    const c = cache({ critics: { judge: { cache: false }, llm: { version: '1', cache: true } } });
    const orch = new Orchestrator({ critics: { judge, llm, unlisted }, hooks: c.hooks, logger: recordingLogger() });
    await orch.run(input());
    await orch.run(input());
    expect([judge.calls, llm.calls, unlisted.calls]).toEqual([2, 1, 2]);
  });

  it('runs the critic once for 10 concurrent runs of one input (single flight)', async () => {
    const judge = counted(20);
    const c = cache();
    const orch = new Orchestrator({ critics: { judge }, hooks: c.hooks, logger: recordingLogger() });
    const runs = await Promise.all(Array.from({ length: 10 }, (_, i) => orch.run(input({ traceId: `t${i}` }))));
    expect(judge.calls).toBe(1);
    const outcomes = runs.map((r) => r['judge']!);
    expect(outcomes.every((o) => o.status === 'success' && o.finding.justification === 'call 1')).toBe(true);
    expect(outcomes.filter((o) => o.fromCache)).toHaveLength(9);
    expect(c.stats().singleFlightJoins).toBe(9);
  });

  it('lets the waiters run the critic themselves when the single-flight leader fails', async () => {
    let calls = 0;
    const judge = async (): Promise<Finding> => {
      const call = ++calls;
      await sleep(10);
      if (call === 1) throw new Error('leader fails');
      return OK;
    };
    const c = cache();
    const orch = new Orchestrator({ critics: { judge }, hooks: c.hooks, logger: recordingLogger() });
    const runs = await Promise.all(Array.from({ length: 5 }, (_, i) => orch.run(input({ traceId: `t${i}` }))));
    expect(calls).toBe(5);
    expect(runs.map((r) => r['judge']?.status).sort()).toEqual(['error', 'success', 'success', 'success', 'success']);
  });

  it('bounds a single-flight wait when the leader never reports back', async () => {
    const c = cache({ singleFlightMaxWaitMs: 20 });
    const i = criticInput('leader');
    expect(c.hooks.preExecution?.('judge', i)).toBeUndefined(); // leads, then is never heard of again
    const started = performance.now();
    await expect(c.hooks.preExecution?.('judge', criticInput('waiter'))).resolves.toBeUndefined();
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('bypasses the cache for a context without a canonical form and counts an error', async () => {
    const judge = counted();
    const c = cache();
    const orch = new Orchestrator({ critics: { judge }, hooks: c.hooks, logger: recordingLogger() });
    await orch.run(input({ context: { n: 1n } }));
    await orch.run(input({ context: { n: 1n } }));
    expect(judge.calls).toBe(2);
    expect(c.stats().errors).toBeGreaterThan(0);
  });
});

/** The input the orchestrator would hand the hooks for `input()` with this trace id. */
function criticInput(traceId: string): CriticInput {
  return { inputText: 'hello', modelResponse: 'world', context: {}, traceId };
}

function success(f: Finding): CriticOutcome {
  return {
    critic: 'judge',
    status: 'success',
    finding: f,
    durationMs: 1,
    attempts: 1,
    fromCache: false,
    degraded: false,
  };
}

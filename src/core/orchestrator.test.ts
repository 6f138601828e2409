import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { EleanorError, Orchestrator, isEleanorError, type CriticFn } from '../index.js';
import { OK, finding, hang, input, recordingLogger, sleeper } from '../../test/support/critics.js';

const logger = recordingLogger();

afterEach(() => {
  vi.useRealTimers();
});

describe('Orchestrator: running critics', () => {
  it('runs a single critic and returns its outcome', async () => {
    const orch = new Orchestrator({ critics: { rights: () => finding({ score: 0.4, severity: 1 }) }, logger });
    const outcomes = await orch.run(input());
    expect(Object.keys(outcomes)).toEqual(['rights']);
    expect(outcomes['rights']).toMatchObject({
      critic: 'rights',
      status: 'success',
      finding: { score: 0.4, severity: 1, violations: [] },
      attempts: 1,
      fromCache: false,
      degraded: false,
    });
    expect(outcomes['rights']?.error).toBeUndefined();
  });

  it('runs several critics and returns one outcome each, in declaration order', async () => {
    const orch = new Orchestrator({
      critics: { b: sleeper(5), a: () => OK, c: async () => finding({ severity: 2.5, score: 0.9 }) },
      logger,
    });
    const outcomes = await orch.run(input());
    expect(Object.keys(outcomes)).toEqual(['b', 'a', 'c']);
    expect(Object.values(outcomes).every((o) => o.status === 'success')).toBe(true);
    expect(outcomes['c']?.finding.severity).toBe(2.5);
  });

  it('accepts critic specs as an array of named specs', async () => {
    const orch = new Orchestrator({ critics: [{ name: 'x', evaluate: () => OK, version: '2' }], logger });
    expect(orch.critics).toEqual(['x']);
    expect((await orch.run(input()))['x']?.status).toBe('success');
  });

  it('resolves with an empty record when no critics are configured', async () => {
    const orch = new Orchestrator({ critics: {}, logger });
    await expect(orch.run(input())).resolves.toEqual({});
  });

  it('preserves extra fields a critic adds to its finding', async () => {
    const orch = new Orchestrator({ critics: { a: () => finding({ evidence: ['x'], model: 'm' }) }, logger });
    const outcome = (await orch.run(input()))['a'];
    expect(outcome?.finding['evidence']).toEqual(['x']);
    expect(outcome?.finding['model']).toBe('m');
  });

  it('gives every critic the same frozen snapshot of the input, with defaults filled', async () => {
    const seen: unknown[] = [];
    const critic: CriticFn = (i) => {
      seen.push(i);
      return OK;
    };
    const orch = new Orchestrator({ critics: { a: critic, b: critic }, logger });
    await orch.run({ inputText: 'q' });
    expect(seen[0]).toBe(seen[1]);
    expect(seen[0]).toMatchObject({ inputText: 'q', modelResponse: '', context: {} });
    expect(typeof (seen[0] as { traceId: string }).traceId).toBe('string');
    expect(Object.isFrozen(seen[0])).toBe(true);
  });

  it('never mutates the caller input, even when a critic tries to', async () => {
    const callerInput = input({ context: { riskTier: 'high', nested: { list: [1, 2] } } });
    const before = structuredClone(callerInput);
    const orch = new Orchestrator({
      critics: {
        vandal: (i) => {
          (i.context as Record<string, unknown>)['riskTier'] = 'low';
          return OK;
        },
        nestedVandal: (i) => {
          (i.context['nested'] as { list: number[] }).list.push(3);
          return OK;
        },
        reader: (i) => finding({ justification: String(i.context['riskTier']) }),
      },
      logger,
    });
    const outcomes = await orch.run(callerInput);
    expect(callerInput).toEqual(before);
    expect(outcomes['vandal']?.status).toBe('error');
    expect(outcomes['vandal']?.error?.message).toMatch(/^TypeError: /);
    expect(outcomes['nestedVandal']?.status).toBe('error');
    expect(outcomes['reader']?.finding.justification).toBe('high');
  });
});

describe('Orchestrator: parallelism', () => {
  it('starts every independent critic at once (10 × 100 ms finish in ~100 ms, not 1 s)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate', 'performance'] });
    const critics = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`c${i}`, sleeper(100)]));
    const orch = new Orchestrator({ critics, logger });
    let settled = false;
    const done = orch.run(input()).then((o) => {
      settled = true;
      return o;
    });
    await vi.advanceTimersByTimeAsync(99);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBe(true);
    const outcomes = await done;
    for (const o of Object.values(outcomes)) {
      expect(o.status).toBe('success');
      expect(o.durationMs).toBe(100);
    }
  });

  it('finishes 10 critics of 10..40 ms in about the slowest one, in real time', async () => {
    const critics = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`c${i}`, sleeper(10 + (i % 4) * 10)]));
    const orch = new Orchestrator({ critics, logger });
    const start = performance.now();
    await orch.run(input());
    const elapsed = performance.now() - start;
    expect(elapsed).toBeGreaterThanOrEqual(38);
    expect(elapsed).toBeLessThan(150); // sequential would take 250 ms
  });

  it('reports durations on a monotonic clock, accurate to the critic', async () => {
    const orch = new Orchestrator({ critics: { fast: sleeper(5), slow: sleeper(30) }, logger });
    const outcomes = await orch.run(input());
    expect(outcomes['fast']?.durationMs).toBeGreaterThanOrEqual(3);
    expect(outcomes['fast']?.durationMs).toBeLessThan(40);
    expect(outcomes['slow']?.durationMs).toBeGreaterThanOrEqual(28);
    expect(outcomes['slow']?.durationMs).toBeLessThan(80);
  });

  it('uses an injected clock for durations', async () => {
    let t = 1000;
    const orch = new Orchestrator({
      critics: {
        a: () => {
          t += 7;
          return OK;
        },
      },
      now: () => t,
      logger,
    });
    expect((await orch.run(input()))['a']?.durationMs).toBe(7);
  });
});

describe('Orchestrator: failure isolation', () => {
  it('turns a throwing critic into an error outcome without touching the others', async () => {
    class RulesetMissing extends Error {}
    const orch = new Orchestrator({
      critics: {
        broken: () => {
          throw new RulesetMissing('no rules');
        },
        rejecting: () => Promise.reject(new RangeError('bad range')),
        fine: sleeper(5, finding({ severity: 1 })),
      },
      logger,
    });
    const outcomes = await orch.run(input());
    expect(outcomes['broken']).toMatchObject({
      status: 'error',
      attempts: 1,
      degraded: false,
      error: { code: 'CRITIC_ERROR', message: 'RulesetMissing: no rules' },
      finding: { score: 0, severity: 0, violations: [], failed: true, justification: 'RulesetMissing: no rules' },
    });
    expect(outcomes['rejecting']?.error).toEqual({ code: 'CRITIC_ERROR', message: 'RangeError: bad range' });
    expect(outcomes['fine']).toMatchObject({ status: 'success', finding: { severity: 1 } });
  });

  it('handles critics that throw non-errors', async () => {
    const orch = new Orchestrator({
      critics: {
        str: () => {
          // eslint-disable-next-line @typescript-eslint/only-throw-error -- the point of the test
          throw 'just a string';
        },
      },
      logger,
    });
    expect((await orch.run(input()))['str']?.error?.message).toBe('Error: just a string');
  });

  it('isolates a timeout: the hanging critic ends at its timeout, the others succeed', async () => {
    const orch = new Orchestrator({
      critics: { stuck: { evaluate: hang, timeoutMs: 30 }, quick: () => OK, slowish: sleeper(10) },
      logger,
    });
    const start = performance.now();
    const outcomes = await orch.run(input());
    const elapsed = performance.now() - start;
    expect(outcomes['stuck']).toMatchObject({ status: 'timeout', error: { code: 'CRITIC_TIMEOUT' }, attempts: 1 });
    expect(outcomes['stuck']?.error?.message).toMatch(/^CriticTimeoutError: /);
    expect(outcomes['stuck']?.finding.failed).toBe(true);
    expect(outcomes['quick']?.status).toBe('success');
    expect(outcomes['slowish']?.status).toBe('success');
    expect(elapsed).toBeGreaterThanOrEqual(28);
    expect(elapsed).toBeLessThan(120);
  });

  it('treats a synchronous critic that overruns its timeout as timed out', async () => {
    const orch = new Orchestrator({
      critics: {
        busy: {
          timeoutMs: 5,
          evaluate: () => {
            const until = performance.now() + 15;
            while (performance.now() < until);
            return OK;
          },
        },
      },
      logger,
    });
    expect((await orch.run(input()))['busy']?.status).toBe('timeout');
  });
});

describe('Orchestrator: output validation', () => {
  const cases: Array<[string, unknown, RegExp]> = [
    ['a score above 1', { score: 1.5, severity: 0, violations: [] }, /score: expected a number in 0\.\.1/],
    ['a negative severity', { score: 0, severity: -1, violations: [] }, /severity: expected a number in 0\.\.3/],
    ['a NaN score', { score: NaN, severity: 0, violations: [] }, /score/],
    [
      'violations that are not an array',
      { score: 0, severity: 0, violations: 'none' },
      /violations: expected an array/,
    ],
    [
      'a violation without a rule',
      { score: 0, severity: 2, violations: [{ message: 'm', severity: 2 }] },
      /violations\[0\]\.rule/,
    ],
    ['undefined', undefined, /finding: expected an object, got undefined/],
    ['an array', [], /got an array/],
    [
      'a bad escalation tier',
      { score: 0, severity: 0, violations: [], escalation: { tier: 1, clause: 'x', rationale: 'y' } },
      /escalation/,
    ],
    ['uncertainty above 1', { score: 0, severity: 0, violations: [], uncertainty: 2 }, /uncertainty/],
  ];
  it.each(cases)(
    'rejects %s with CRITIC_OUTPUT_INVALID and the messages, without retrying',
    async (_label, value, message) => {
      const evaluate = vi.fn(() => value as never);
      const orch = new Orchestrator({
        critics: { bad: { evaluate, retries: { max: 3, baseMs: 0, maxMs: 0 } } },
        logger,
      });
      const outcome = (await orch.run(input()))['bad'];
      expect(outcome?.status).toBe('error');
      expect(outcome?.error?.code).toBe('CRITIC_OUTPUT_INVALID');
      expect(outcome?.error?.message).toMatch(/^CriticOutputError: /);
      expect(outcome?.error?.message).toMatch(message);
      expect(outcome?.attempts).toBe(1);
      expect(evaluate).toHaveBeenCalledTimes(1);
    },
  );

  it('accepts a full, valid finding with spans, clause and escalation', async () => {
    const full = finding({
      score: 1,
      severity: 3,
      violations: [
        {
          rule: 'privacy.email',
          message: 'e-mail',
          severity: 2,
          clause: 'P1',
          span: { start: 0, end: 3, text: 'a@b' },
        },
      ],
      escalation: { tier: 3, clause: 'A1', rationale: 'r' },
      uncertainty: 0.2,
    });
    const orch = new Orchestrator({ critics: { ok: () => full }, logger });
    expect((await orch.run(input()))['ok']?.status).toBe('success');
  });

  it("checks the critic's own zod schema too", async () => {
    const schema = z.object({ score: z.number(), model: z.string() });
    const orch = new Orchestrator({
      critics: {
        missing: { evaluate: () => OK, schema },
        present: { evaluate: () => finding({ model: 'judge-1' }), schema },
      },
      logger,
    });
    const outcomes = await orch.run(input());
    expect(outcomes['missing']?.error?.code).toBe('CRITIC_OUTPUT_INVALID');
    expect(outcomes['missing']?.error?.message).toMatch(/model/);
    expect(outcomes['present']?.status).toBe('success');
  });
});

describe('Orchestrator: bad calls', () => {
  const orch = new Orchestrator({ critics: { a: () => OK }, logger });
  const bad: Array<[string, unknown, unknown, RegExp]> = [
    ['a missing input', undefined, undefined, /^input: expected a plain object/],
    ['an infinite deadline', { inputText: 'x' }, { deadlineMs: Infinity }, /options\.deadlineMs/],
    ['a numeric inputText', { inputText: 42 }, undefined, /input\.inputText: expected a string, got number/],
    ['a non-string modelResponse', { inputText: 'x', modelResponse: {} }, undefined, /input\.modelResponse/],
    ['an array context', { inputText: 'x', context: [] }, undefined, /input\.context: expected a plain object/],
    ['a context holding a function', { inputText: 'x', context: { f: () => 1 } }, undefined, /structured-cloneable/],
    ['an empty traceId', { inputText: 'x', traceId: '' }, undefined, /input\.traceId/],
    [
      'a negative deadline',
      { inputText: 'x' },
      { deadlineMs: -5 },
      /options\.deadlineMs: expected a positive number of ms up to 2147483647, got -5/,
    ],
    ['a non-signal', { inputText: 'x' }, { signal: {} }, /options\.signal: expected an AbortSignal/],
    ['an unknown critic in only', { inputText: 'x' }, { only: ['nope'] }, /options\.only: unknown critic 'nope'/],
  ];
  it.each(bad)('rejects %s with INVALID_INPUT naming the field', async (_label, value, opts, message) => {
    const error: unknown = await orch.run(value as never, opts as never).catch((e: unknown) => e);
    expect(isEleanorError(error)).toBe(true);
    expect(error).toBeInstanceOf(EleanorError);
    expect((error as EleanorError).code).toBe('INVALID_INPUT');
    expect((error as EleanorError).message).toMatch(message);
  });
});

describe('Orchestrator: selecting critics', () => {
  it('runs only the selected critics and reports the rest skipped', async () => {
    const skippedFn = vi.fn(() => OK);
    const orch = new Orchestrator({ critics: { a: () => OK, b: skippedFn }, logger });
    const outcomes = await orch.run(input(), { only: ['a'] });
    expect(outcomes['a']?.status).toBe('success');
    expect(outcomes['b']).toMatchObject({ status: 'skipped', attempts: 0 });
    expect(skippedFn).not.toHaveBeenCalled();
  });
});

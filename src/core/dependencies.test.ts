import { describe, expect, it, vi } from 'vitest';
import { Orchestrator, type CriticContext, type CriticOutcome } from '../index.js';
import { OK, finding, input, recordingLogger, sleep } from '../../test/support/critics.js';

const logger = recordingLogger();

describe('Orchestrator: dependencies', () => {
  it('starts a dependent as soon as its dependencies finish, not held back by unrelated critics', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate', 'performance'] });
    try {
      const started: Record<string, number> = {};
      const t0 = performance.now();
      const timed = (name: string, ms: number) => async (_i: unknown, ctx: CriticContext) => {
        started[name] = performance.now() - t0;
        await sleep(ms, ctx.signal);
        return OK;
      };
      const orch = new Orchestrator({
        critics: {
          fast: timed('fast', 5),
          slowUnrelated: timed('slowUnrelated', 400),
          afterFast: { evaluate: timed('afterFast', 1), dependsOn: ['fast'] },
          afterBoth: { evaluate: timed('afterBoth', 1), dependsOn: ['fast', 'slowUnrelated'] },
        },
        logger,
      });
      const done = orch.run(input());
      await vi.advanceTimersByTimeAsync(500);
      await done;
      expect(started).toEqual({ fast: 0, slowUnrelated: 0, afterFast: 5, afterBoth: 400 });
    } finally {
      vi.useRealTimers();
    }
  });

  it('gives ctx.prior only the declared dependencies, failed ones included', async () => {
    let prior: Readonly<Record<string, CriticOutcome>> = {};
    const orch = new Orchestrator({
      critics: {
        a: () => finding({ severity: 1 }),
        b: () => {
          throw new Error('b broke');
        },
        unrelated: () => OK,
        c: {
          dependsOn: ['a', 'b'],
          evaluate: (_i, ctx) => {
            prior = ctx.prior;
            return OK;
          },
        },
      },
      logger,
    });
    const outcomes = await orch.run(input());
    expect(Object.keys(prior).sort()).toEqual(['a', 'b']);
    expect(prior['a']).toBe(outcomes['a']);
    expect(prior['b']?.status).toBe('error');
    expect(outcomes['c']?.status).toBe('success');
  });

  it('freezes the outcomes a dependent sees, so it cannot change them for others', async () => {
    const orch = new Orchestrator({
      critics: {
        a: () => finding({ severity: 1 }),
        b: {
          dependsOn: ['a'],
          evaluate: (_i, ctx) => {
            (ctx.prior['a']!.finding as { severity: number }).severity = 0;
            return OK;
          },
        },
      },
      logger,
    });
    const outcomes = await orch.run(input());
    expect(outcomes['b']?.status).toBe('error');
    expect(outcomes['a']?.finding.severity).toBe(1);
  });

  it('runs a chain in order and a diamond once per critic', async () => {
    const order: string[] = [];
    const critic = (name: string) => async () => {
      order.push(name);
      await sleep(1);
      return OK;
    };
    const d = vi.fn(critic('d'));
    const orch = new Orchestrator({
      critics: {
        d: { evaluate: d, dependsOn: ['b', 'c'] },
        c: { evaluate: critic('c'), dependsOn: ['a'] },
        b: { evaluate: critic('b'), dependsOn: ['a'] },
        a: critic('a'),
      },
      logger,
    });
    await orch.run(input());
    expect(order[0]).toBe('a');
    expect(order[3]).toBe('d');
    expect(d).toHaveBeenCalledTimes(1);
  });

  it('handles a long synchronous chain without deep recursion', async () => {
    const critics: Record<string, { evaluate: () => typeof OK; dependsOn?: string[] }> = { c0: { evaluate: () => OK } };
    for (let i = 1; i < 5000; i++) critics[`c${i}`] = { evaluate: () => OK, dependsOn: [`c${i - 1}`] };
    const orch = new Orchestrator({ critics, logger });
    const outcomes = await orch.run(input());
    expect(Object.values(outcomes).every((o) => o.status === 'success')).toBe(true);
  });
});

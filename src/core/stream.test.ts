import { describe, expect, it, vi } from 'vitest';
import { Orchestrator, type CriticContext } from '../index.js';
import { OK, input, recordingLogger, sleep, sleeper } from '../../test/support/critics.js';

const logger = recordingLogger();

describe('Orchestrator.stream', () => {
  it('yields every outcome once, in completion order', async () => {
    const orch = new Orchestrator({
      critics: {
        slow: sleeper(30),
        instant: () => OK,
        medium: sleeper(10),
        broken: () => Promise.reject(new Error('x')),
      },
      logger,
    });
    const order: string[] = [];
    for await (const outcome of orch.stream(input())) order.push(`${outcome.critic}:${outcome.status}`);
    expect(order).toEqual(['instant:success', 'broken:error', 'medium:success', 'slow:success']);
  });

  it('cancels the rest when the consumer leaves the loop early', async () => {
    const signals: AbortSignal[] = [];
    const neverStarted = vi.fn(() => OK);
    const orch = new Orchestrator({
      critics: {
        first: () => OK,
        running: async (_i, ctx: CriticContext) => {
          signals.push(ctx.signal);
          await sleep(1000, ctx.signal);
          return OK;
        },
        waiting: { evaluate: neverStarted, dependsOn: ['running'] },
      },
      logger,
    });
    for await (const outcome of orch.stream(input())) {
      expect(outcome.critic).toBe('first');
      break;
    }
    expect(signals[0]?.aborted).toBe(true);
    await sleep(5);
    expect(neverStarted).not.toHaveBeenCalled();
    expect(orch.metrics().outcomes.cancelled).toBe(1);
    expect(orch.metrics().outcomes.timeout).toBe(1);
  });

  it('cancels the rest when the consumer throws', async () => {
    const orch = new Orchestrator({ critics: { a: () => OK, b: sleeper(1000) }, logger });
    const start = performance.now();
    await expect(async () => {
      for await (const _ of orch.stream(input())) throw new Error('consumer failed');
    }).rejects.toThrow('consumer failed');
    expect(performance.now() - start).toBeLessThan(100);
    expect(orch.metrics().runs.active).toBe(0);
  });

  it('rejects a bad call on the first step with INVALID_INPUT', async () => {
    const orch = new Orchestrator({ critics: { a: () => OK }, logger });
    const iterator = orch.stream({ inputText: 5 } as never);
    await expect(iterator.next()).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('honours the deadline while streaming', async () => {
    const orch = new Orchestrator({ critics: { a: () => OK, b: sleeper(1000) }, logger });
    const statuses: string[] = [];
    for await (const o of orch.stream(input(), { deadlineMs: 10 })) statuses.push(o.status);
    expect(statuses).toEqual(['success', 'timeout']);
  });
});

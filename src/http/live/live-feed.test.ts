import { describe, expect, it } from 'vitest';
import type { CriticOutcome, CriticStatus } from '../../core/types.js';
import { createEventBus } from '../../infra/events/bus.js';
import type { EventBus } from '../../infra/events/types.js';
import { LiveFeed, type LiveEvaluation } from './live-feed.js';

function outcome(critic: string, status: CriticStatus, durationMs: number, violations = 0): CriticOutcome {
  return {
    critic,
    status,
    durationMs,
    attempts: status === 'gated' ? 0 : 1,
    fromCache: false,
    degraded: status === 'timeout',
    finding: {
      score: 0,
      severity: 0,
      violations: Array.from({ length: violations }, () => ({ rule: 'r', message: 'm', severity: 2 })),
    },
  };
}

/** What the engine's events piece emits for one finished evaluation. */
function emitEvaluation(bus: EventBus, traceId: string, outcomes: CriticOutcome[]): void {
  bus.emit('evaluation.started', { traceId, at: Date.now() });
  for (const o of outcomes) {
    bus.emit(o.status === 'timeout' ? 'critic.failed' : 'critic.completed', { traceId, outcome: o });
  }
  const gate = { tier: 2 as const, requiredAction: 'HUMAN_ACK' as const, reasons: ['r'] };
  bus.emit('decision.made', { traceId, decision: 'escalate', gate, durationMs: 12 });
  bus.emit('review.required', { traceId, gate });
}

describe('LiveFeed', () => {
  it('sends each client one summary per evaluation and feeds the stats window', async () => {
    const bus = createEventBus();
    const feed = new LiveFeed(bus);
    const seen: LiveEvaluation[] = [];
    feed.subscribe({ evaluation: (item) => seen.push(item), close: () => undefined });
    emitEvaluation(bus, 't1', [outcome('privacy', 'success', 3, 2), outcome('truth', 'timeout', 50)]);
    await bus.idle();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ traceId: 't1', decision: 'escalate', tier: 2, requiredAction: 'HUMAN_ACK' });
    expect(seen[0]!.critics).toEqual([
      { critic: 'privacy', status: 'success', durationMs: 3, degraded: false, violations: 2 },
      { critic: 'truth', status: 'timeout', durationMs: 50, degraded: true, violations: 0 },
    ]);
    const stats = feed.stats(5);
    expect(stats).toMatchObject({ enabled: true, evaluations: 1, decisions: { escalate: 1 } });
    expect(stats.critics.find((c) => c.critic === 'truth')).toMatchObject({ count: 1, failed: 1, p50: 50 });
    expect(feed.pending).toBe(0);
    feed.close();
  });

  it('removes a client that unsubscribes or throws, and ends every client on close, leaving the bus', async () => {
    const bus = createEventBus();
    const feed = new LiveFeed(bus);
    const closed: string[] = [];
    const seen: string[] = [];
    const stop = feed.subscribe({ evaluation: () => seen.push('a'), close: () => closed.push('a') });
    feed.subscribe({
      evaluation: () => {
        throw new Error('broken client');
      },
      close: () => closed.push('b'),
    });
    feed.subscribe({ evaluation: () => seen.push('c'), close: () => closed.push('c') });
    expect(feed.clients).toBe(3);
    emitEvaluation(bus, 't1', [outcome('privacy', 'success', 1)]);
    await bus.idle();
    expect(feed.clients).toBe(2); // the throwing one is gone
    stop();
    stop();
    expect(feed.clients).toBe(1);
    feed.close();
    expect(closed).toEqual(['c']);
    expect(feed.clients).toBe(0);
    emitEvaluation(bus, 't2', [outcome('privacy', 'success', 1)]);
    await bus.idle();
    expect(feed.stats(5).evaluations).toBe(1); // detached: t2 was not counted
    expect(seen).toEqual(['a', 'c']);
  });

  it('keeps at most pendingLimit evaluations whose decision never came', async () => {
    const bus = createEventBus();
    const feed = new LiveFeed(bus, { pendingLimit: 3 });
    for (let i = 0; i < 10; i++)
      bus.emit('critic.completed', { traceId: `t${i}`, outcome: outcome('a', 'success', 1) });
    await bus.idle();
    expect(feed.pending).toBe(3);
    feed.close();
  });

  it('answers without a bus, saying it is not enabled', () => {
    const feed = new LiveFeed(undefined);
    expect(feed.enabled).toBe(false);
    expect(feed.stats(5)).toMatchObject({ enabled: false, evaluations: 0, critics: [] });
    feed.close();
  });

  it('takes no latency sample from a gated critic', async () => {
    const bus = createEventBus();
    const feed = new LiveFeed(bus);
    emitEvaluation(bus, 't1', [outcome('judge', 'gated', 0)]);
    await bus.idle();
    expect(feed.stats(5).critics).toEqual([
      expect.objectContaining({ critic: 'judge', count: 0, p50: null }) as unknown,
    ]);
    feed.close();
  });
});

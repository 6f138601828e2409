// The conformance suite every EventSink passes: order, payloads intact, never rejects, close is idempotent.
import { afterEach, describe, expect, it } from 'vitest';
import type { CriticOutcome } from '../../core/types.js';
import type { Gate } from '../../verdict/types.js';
import type { EventSink } from './sink.js';
import type { EleanorEvent } from './types.js';

export function outcomeFixture(status: CriticOutcome['status'] = 'success'): CriticOutcome {
  return {
    critic: 'privacy',
    status,
    finding: { score: 0.2, severity: 1, violations: [] },
    durationMs: 12.5,
    attempts: 1,
    fromCache: false,
    degraded: status !== 'success',
  };
}

export const gateFixture: Gate = { tier: 2, requiredAction: 'HUMAN_ACK', reasons: ['severity 2 from privacy'] };

/** One event of each type, in the order an evaluation emits them. */
export function eventsFixture(traceId: string): EleanorEvent[] {
  return [
    { type: 'evaluation.started', payload: { traceId, at: 1_700_000_000_000 } },
    { type: 'critic.completed', payload: { traceId, outcome: outcomeFixture() } },
    { type: 'critic.failed', payload: { traceId, outcome: outcomeFixture('timeout') } },
    { type: 'decision.made', payload: { traceId, decision: 'escalate', gate: gateFixture, durationMs: 40 } },
    { type: 'review.required', payload: { traceId, gate: gateFixture } },
    {
      type: 'checkpoint',
      payload: {
        chain: traceId,
        seq: 1000,
        head: 'a'.repeat(64),
        root: 'b'.repeat(64),
        time: '2026-12-05T12:00:00.000Z',
        keyId: 'c'.repeat(16),
        signature: 'c2lnbmF0dXJl',
      },
    },
  ];
}

export interface SinkUnderTest {
  readonly sink: EventSink;
  /** The events the destination holds so far, as `{ subject?, event }` (waits briefly for delivery if needed). */
  received(count: number): Promise<{ subject?: string; event: unknown }[]>;
  /** The subject the destination should record for an event type, if it records subjects. */
  subjectFor?(type: EleanorEvent['type']): string;
  cleanup(): Promise<void>;
}

export function describeSinkConformance(name: string, make: () => Promise<SinkUnderTest>): void {
  describe(`EventSink conformance: ${name}`, () => {
    let current: SinkUnderTest | undefined;
    const setUp = async (): Promise<SinkUnderTest> => (current = await make());
    afterEach(async () => {
      await current?.sink.close();
      await current?.cleanup();
      current = undefined;
    });

    it('delivers every event type in order with its payload intact', async () => {
      const t = await setUp();
      const events = eventsFixture('trace-conformance');
      for (const event of events) await t.sink.publish(event);
      const got = await t.received(events.length);
      expect(got.map((r) => r.event)).toEqual(events);
      if (t.subjectFor !== undefined) {
        expect(got.map((r) => r.subject)).toEqual(events.map((e) => t.subjectFor?.(e.type)));
      }
    });

    it('resolves rather than rejects when an event cannot be serialised', async () => {
      const t = await setUp();
      const bad = { type: 'evaluation.started', payload: { traceId: 'x', at: 1n } } as unknown as EleanorEvent;
      await expect(t.sink.publish(bad)).resolves.toBeUndefined();
    });

    it('closes idempotently and ignores events published after close', async () => {
      const t = await setUp();
      const [first, second] = eventsFixture('trace-close');
      await t.sink.publish(first!);
      await t.sink.close();
      await t.sink.close();
      await expect(t.sink.publish(second!)).resolves.toBeUndefined();
      const got = await t.received(1);
      expect(got.map((r) => r.event)).toEqual([first]);
    });
  });
}

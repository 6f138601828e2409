// Tests for the in-process event bus: delivery off the caller's stack, isolation of failing and slow subscribers.
import { describe, expect, it, vi } from 'vitest';
import { isEleanorError } from '../../core/errors.js';
import { createEventBus } from './bus.js';
import { createMemorySink } from './memory-sink.js';
import { attachSink } from './sink.js';
import { eventsFixture, gateFixture, outcomeFixture } from './sink.conformance.js';
import type { EventMap } from './types.js';

/** A promise released by hand, to model a slow subscriber without sleeping. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open!: () => void;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}

describe('createEventBus', () => {
  it('runs subscribers after emit returns, not on the caller stack', async () => {
    const bus = createEventBus();
    const seen: EventMap['evaluation.started'][] = [];
    bus.on('evaluation.started', (payload) => void seen.push(payload));
    bus.emit('evaluation.started', { traceId: 't1', at: 5 });
    expect(seen).toEqual([]);
    await bus.idle();
    expect(seen).toEqual([{ traceId: 't1', at: 5 }]);
    expect(bus.stats()).toEqual({ emitted: 1, delivered: 1, dropped: 0, subscriberErrors: 0 });
  });

  it('delivers only the subscribed type to on() and every event, typed, to onAny()', async () => {
    const bus = createEventBus();
    const decisions: string[] = [];
    const all: string[] = [];
    bus.on('decision.made', (p) => void decisions.push(p.decision));
    bus.onAny((e) => void all.push(e.type));
    for (const { type, payload } of eventsFixture('t')) bus.emit(type, payload);
    await bus.idle();
    expect(decisions).toEqual(['escalate']);
    expect(all).toEqual([
      'evaluation.started',
      'critic.completed',
      'critic.failed',
      'decision.made',
      'review.required',
      'checkpoint',
    ]);
  });

  it('stops delivering after unsubscribe, including events already queued', async () => {
    const bus = createEventBus();
    const handler = vi.fn();
    const off = bus.on('review.required', handler);
    bus.emit('review.required', { traceId: 'a', gate: gateFixture });
    off();
    bus.emit('review.required', { traceId: 'b', gate: gateFixture });
    await bus.idle();
    expect(handler).not.toHaveBeenCalled();
  });

  it('catches and counts throwing and rejecting subscribers while others still receive', async () => {
    const reported: unknown[] = [];
    const bus = createEventBus({ onSubscriberError: (error) => reported.push(error) });
    const good = vi.fn();
    bus.on('critic.failed', () => {
      throw new Error('sync boom');
    });
    bus.on('critic.failed', () => Promise.reject(new Error('async boom')));
    bus.on('critic.failed', good);
    expect(() => bus.emit('critic.failed', { traceId: 't', outcome: outcomeFixture('error') })).not.toThrow();
    await bus.idle();
    expect(good).toHaveBeenCalledTimes(1);
    expect(bus.stats()).toMatchObject({ delivered: 1, subscriberErrors: 2 });
    expect(reported.map((e) => (e as Error).message).sort()).toEqual(['async boom', 'sync boom']);
  });

  it('drops the oldest events of a slow subscriber and counts them, keeping the newest', async () => {
    const bus = createEventBus({ bufferSize: 4 });
    const release = gate();
    const seen: number[] = [];
    bus.on('evaluation.started', async (p) => {
      seen.push(p.at);
      await release.wait;
    });
    for (let i = 0; i < 10; i++) bus.emit('evaluation.started', { traceId: 't', at: i });
    release.open();
    await bus.idle();
    expect(seen).toEqual([6, 7, 8, 9]);
    expect(bus.stats()).toEqual({ emitted: 10, delivered: 4, dropped: 6, subscriberErrors: 0 });
  });

  it('keeps a fast subscriber whole while a slow one drops', async () => {
    const bus = createEventBus({ bufferSize: 8 });
    const release = gate();
    let fast = 0;
    bus.on('decision.made', () => void fast++);
    bus.on('decision.made', () => release.wait);
    const payload = { traceId: 't', decision: 'allow', gate: gateFixture, durationMs: 1 } as const;
    // The fast subscriber's buffer holds 8 too, so emit 8 per turn: it drains each turn and loses nothing.
    for (let turn = 0; turn < 5; turn++) {
      for (let i = 0; i < 8; i++) bus.emit('decision.made', payload);
      await new Promise((resolve) => setImmediate(resolve));
    }
    release.open();
    await bus.idle();
    expect(fast).toBe(40);
    // The slow one took 1 in the first turn and kept 8 more; the other 31 were dropped.
    expect(bus.stats()).toEqual({ emitted: 40, delivered: 40 + 9, dropped: 31, subscriberErrors: 0 });
  });

  it('never makes the emitter wait: 10,000 emits to a stalled subscriber return in well under 50 ms', async () => {
    const bus = createEventBus();
    const release = gate();
    bus.onAny(() => release.wait);
    const payload = { traceId: 't', outcome: outcomeFixture() };
    const started = performance.now();
    for (let i = 0; i < 10_000; i++) bus.emit('critic.completed', payload);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(50);
    release.open();
    await bus.idle();
    expect(bus.stats()).toEqual({ emitted: 10_000, delivered: 1024, dropped: 10_000 - 1024, subscriberErrors: 0 });
  });

  it('feeds an attached sink every event in order, and detaches', async () => {
    const bus = createEventBus();
    const sink = createMemorySink();
    const detach = attachSink(bus, sink);
    const events = eventsFixture('t');
    for (const { type, payload } of events) bus.emit(type, payload);
    await bus.idle();
    detach();
    bus.emit('evaluation.started', { traceId: 'later', at: 1 });
    await bus.idle();
    expect(sink.events).toEqual(events);
  });

  it('gives other work a turn when a handler keeps emitting', async () => {
    const bus = createEventBus({ bufferSize: 16 });
    let handled = 0;
    const off = bus.on('evaluation.started', (p) => {
      handled++;
      bus.emit('evaluation.started', p);
    });
    bus.emit('evaluation.started', { traceId: 't', at: 0 });
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    off();
    expect(handled).toBeGreaterThan(0);
    expect(handled).toBeLessThanOrEqual(32);
  });

  it('rejects a bad buffer size and a non-function handler with coded errors', () => {
    for (const bufferSize of [0, -1, 1.5, Number.NaN]) {
      expect(() => createEventBus({ bufferSize })).toThrow(/bufferSize/);
    }
    const bus = createEventBus();
    try {
      bus.on('decision.made', 'nope' as never);
      expect.unreachable();
    } catch (error) {
      expect(isEleanorError(error) && error.code).toBe('INVALID_INPUT');
    }
  });

  it('idle() honours an aborted signal', async () => {
    const bus = createEventBus();
    const release = gate();
    bus.onAny(() => release.wait);
    bus.emit('evaluation.started', { traceId: 't', at: 0 });
    const controller = new AbortController();
    const waiting = bus.idle({ signal: controller.signal });
    controller.abort(new Error('stop waiting'));
    await expect(waiting).rejects.toThrow('stop waiting');
    release.open();
    await bus.idle();
  });
});

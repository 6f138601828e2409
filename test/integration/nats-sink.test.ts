// Tests for the NATS JetStream sink against the local server at 127.0.0.1:4222 (each test its own stream and prefix).
import { randomUUID } from 'node:crypto';
import { connect, type JetStreamManager, type NatsConnection } from 'nats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventBus } from '../../src/infra/events/bus.js';
import { createNatsSink } from '../../src/infra/events/nats-sink.js';
import { attachSink } from '../../src/infra/events/sink.js';
import { describeSinkConformance, eventsFixture, outcomeFixture } from '../../src/infra/events/sink.conformance.js';

const SERVERS = 'nats://127.0.0.1:4222';
let nc: NatsConnection;
let jsm: JetStreamManager;

beforeAll(async () => {
  nc = await connect({ servers: SERVERS, timeout: 2000 });
  jsm = await nc.jetstreamManager();
});
afterAll(async () => {
  await nc.close();
});

function unique(): { stream: string; subjectPrefix: string } {
  const id = randomUUID().replaceAll('-', '');
  return { stream: `ELEANOR_TEST_${id}`, subjectPrefix: `eleanortest.${id}` };
}

/** Polls (up to ~1 s) until the stream holds `count` messages, then returns them all in order. */
async function readStream(stream: string, count: number): Promise<{ subject: string; event: unknown }[]> {
  const deadline = performance.now() + 1000;
  let total: number;
  for (;;) {
    total = (await jsm.streams.info(stream).catch(() => undefined))?.state.messages ?? 0;
    if (total >= count || performance.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const out: { subject: string; event: unknown }[] = [];
  for (let seq = 1; seq <= total; seq++) {
    const msg = await jsm.streams.getMessage(stream, { seq });
    out.push({ subject: msg.subject, event: msg.json() });
  }
  return out;
}

async function deleteStream(stream: string): Promise<void> {
  await jsm.streams.delete(stream).catch(() => false);
}

describeSinkConformance('nats', () => {
  const { stream, subjectPrefix } = unique();
  return Promise.resolve({
    sink: createNatsSink({ servers: SERVERS, stream, subjectPrefix }),
    received: (count: number) => readStream(stream, count),
    subjectFor: (type: string) => `${subjectPrefix}.${type}`,
    cleanup: () => deleteStream(stream),
  });
});

describe('createNatsSink', () => {
  it('creates the stream with subjects <prefix>.> and publishes bus events to <prefix>.<event>', async () => {
    const { stream, subjectPrefix } = unique();
    const sink = createNatsSink({ servers: SERVERS, stream, subjectPrefix });
    const bus = createEventBus();
    attachSink(bus, sink);
    try {
      const events = eventsFixture('trace-nats');
      for (const { type, payload } of events) bus.emit(type, payload);
      await bus.idle();
      const info = await jsm.streams.info(stream);
      expect(info.config.subjects).toEqual([`${subjectPrefix}.>`]);
      const got = await readStream(stream, events.length);
      expect(got).toEqual(events.map((event) => ({ subject: `${subjectPrefix}.${event.type}`, event })));
      expect(sink.stats()).toEqual({ published: events.length, errors: 0, dropped: 0, lastPublishOk: true });
      expect(bus.stats()).toMatchObject({ delivered: events.length, subscriberErrors: 0 });
    } finally {
      await sink.close();
      await deleteStream(stream);
    }
  });

  it('uses a stream that already exists', async () => {
    const { stream, subjectPrefix } = unique();
    await jsm.streams.add({ name: stream, subjects: [`${subjectPrefix}.>`] });
    const sink = createNatsSink({ servers: SERVERS, stream, subjectPrefix });
    try {
      await sink.publish({ type: 'evaluation.started', payload: { traceId: 'x', at: 1 } });
      expect(await readStream(stream, 1)).toHaveLength(1);
    } finally {
      await sink.close();
      await deleteStream(stream);
    }
  });

  it('counts failures without throwing into the bus when NATS is unreachable, and emit still returns at once', async () => {
    const errors: unknown[] = [];
    const sink = createNatsSink({ servers: 'nats://127.0.0.1:1', retryMs: 60_000, onError: (e) => errors.push(e) });
    const bus = createEventBus({ bufferSize: 64 });
    attachSink(bus, sink);
    const payload = { traceId: 't', outcome: outcomeFixture('error') };
    const started = performance.now();
    for (let i = 0; i < 1000; i++) bus.emit('critic.failed', payload);
    expect(performance.now() - started).toBeLessThan(50);
    await bus.idle();
    await sink.close();
    // The buffer bounds what is attempted; the retry delay makes all but the first fail at once.
    expect(sink.stats()).toMatchObject({ published: 0, errors: 64, dropped: 0, lastPublishOk: false });
    expect(sink.stats().lastError).toMatch(/NATS unavailable|ECONNREFUSED|CONNECTION_REFUSED/);
    expect(errors).toHaveLength(64);
    expect(bus.stats()).toEqual({ emitted: 1000, delivered: 64, dropped: 1000 - 64, subscriberErrors: 0 });
  });

  it('tries to connect again after the retry delay', async () => {
    let clock = 0;
    const sink = createNatsSink({ servers: 'nats://127.0.0.1:1', retryMs: 1000, now: () => clock });
    const event = eventsFixture('t')[0]!;
    await sink.publish(event);
    await sink.publish(event);
    expect(sink.stats().lastError).toMatch(/next connection attempt in 1000 ms/);
    clock = 1000;
    await sink.publish(event);
    expect(sink.stats().lastError).not.toMatch(/next connection attempt/);
    expect(sink.stats().errors).toBe(3);
    await sink.close();
  });

  it('drops and counts events beyond maxPending publishes in flight', async () => {
    const { stream, subjectPrefix } = unique();
    const sink = createNatsSink({ servers: SERVERS, stream, subjectPrefix, maxPending: 2 });
    try {
      const event = eventsFixture('t')[0]!;
      await Promise.all([sink.publish(event), sink.publish(event), sink.publish(event)]);
      expect(sink.stats()).toMatchObject({ published: 2, dropped: 1, errors: 0 });
    } finally {
      await sink.close();
      await deleteStream(stream);
    }
  });

  it('rejects bad options with a message naming the field', () => {
    expect(() => createNatsSink({ servers: [] })).toThrow(/servers/);
    expect(() => createNatsSink({ servers: SERVERS, stream: 'A.B' })).toThrow(/stream/);
    expect(() => createNatsSink({ servers: SERVERS, subjectPrefix: 'a.>' })).toThrow(/subjectPrefix/);
    expect(() => createNatsSink({ servers: SERVERS, publishTimeoutMs: 0 })).toThrow(/publishTimeoutMs/);
  });
});

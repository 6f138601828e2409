// The engine's `infrastructure` configuration end to end, against the shared Redis (6379) and NATS (4222).
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { connect, type JetStreamManager, type NatsConnection } from 'nats';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SHARED_REDIS_URL, deleteKeys, uniquePrefix, waitFor } from '../support/redis.js';
import { createEngine, type Engine, type EngineConfig } from '../../src/index.js';
import type { EleanorEvent } from '../../src/infra/events/index.js';
import type { Finding } from '../../src/core/types.js';

const NATS = 'nats://127.0.0.1:4222';
const OK: Finding = { score: 0, severity: 0, violations: [] };

let admin: Redis;
let nc: NatsConnection;
let jsm: JetStreamManager;
let prefix: string;
let stream: string;
let subjectPrefix: string;
const engines: Engine[] = [];

beforeAll(async () => {
  admin = new Redis(SHARED_REDIS_URL);
  nc = await connect({ servers: NATS, timeout: 2000 });
  jsm = await nc.jetstreamManager();
});
afterAll(async () => {
  await admin.quit();
  await nc.close();
});
afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.close()));
  await deleteKeys(admin, prefix);
  await jsm.streams.delete(stream).catch(() => false);
});

/** Critics that count their calls: `stable` is cached, `fresh` says `cache: false`. */
function counted() {
  const calls = { stable: 0, fresh: 0 };
  const critics: EngineConfig['critics'] = {
    stable: { version: '1.0.0', evaluate: () => (calls.stable++, OK) },
    fresh: { version: '1.0.0', evaluate: () => (calls.fresh++, OK), cache: false },
  };
  return { calls, critics };
}

function engineWith(config: EngineConfig): Engine {
  const engine = createEngine({ evidence: { store: 'memory' }, ...config });
  engines.push(engine);
  return engine;
}

function fullSection(): NonNullable<EngineConfig['infrastructure']> {
  return {
    cache: { l1: { max: 100 }, redis: { url: SHARED_REDIS_URL, prefix, timeoutMs: 200 } },
    breakers: { default: { mode: 'consecutive', threshold: 3 } },
    fallbacks: { stable: { score: 1, severity: 2, violations: [] } },
    events: { nats: { servers: NATS, stream, subjectPrefix } },
    metrics: true,
    tracing: true,
    adaptiveTimeouts: { warmup: 10 },
    adaptiveConcurrency: { max: 8, targetLatencyMs: 100 },
  };
}

const request = { inputText: 'How do I reset it?', modelResponse: 'Unplug it for ten seconds.', context: { a: 1 } };

describe('engine infrastructure from configuration', () => {
  it('caches, emits events to the bus and JetStream, and counts metrics', async () => {
    prefix = uniquePrefix();
    const id = randomUUID().replaceAll('-', '');
    stream = `ELEANOR_ENGINE_TEST_${id}`;
    subjectPrefix = `eleanortest.${id}`;
    const { calls, critics } = counted();
    const engine = engineWith({ critics, concurrency: 4, infrastructure: fullSection() });
    const { events, metrics, breakers, cache, degraded } = engine.infrastructure;
    expect(events && metrics && breakers && cache).toBeTruthy();
    await engine.ready();
    await waitFor(() => degraded().length === 0, 2_000, 'the cache to reach Redis');
    const seen: EleanorEvent[] = [];
    events!.onAny((event) => void seen.push(event));

    const first = await engine.evaluate(request);
    const second = await engine.evaluate(request);
    expect(first.decision).toBe('allow');
    expect(first.critics['stable']).toMatchObject({ status: 'success', fromCache: false });
    expect(second.critics['stable']).toMatchObject({ status: 'success', fromCache: true, attempts: 0 });
    expect(second.critics['fresh']).toMatchObject({ status: 'success', fromCache: false });
    expect(calls).toEqual({ stable: 1, fresh: 2 });
    expect(second.degraded).toEqual([]);
    expect(cache!().l1.hits).toBe(1);
    expect(breakers!()).toMatchObject({ stable: 'closed', fresh: 'closed' });

    await events!.idle();
    const types = seen.map((e) => e.type);
    expect(types.filter((t) => t === 'evaluation.started')).toHaveLength(2);
    expect(types.filter((t) => t === 'critic.completed')).toHaveLength(4);
    expect(types.filter((t) => t === 'decision.made')).toHaveLength(2);
    expect(types).not.toContain('critic.failed');
    expect(types).not.toContain('review.required');

    const text = await metrics!.metrics();
    expect(text).toContain('eleanor_evaluations_total{decision="allow"} 2');
    expect(text).toContain('eleanor_critic_duration_seconds_count{critic="stable",status="success"} 2');
    expect(text).toContain('eleanor_cache_requests_total{tier="l1",result="hit"} 1');
    expect(text).toContain('eleanor_breaker_state{critic="stable"} 0');

    // The write-through reached Redis: a second engine on the same prefix finds the finding in L2.
    const other = engineWith({ critics: counted().critics, infrastructure: { cache: fullSection().cache! } });
    await other.ready();
    await waitFor(() => other.infrastructure.degraded().length === 0, 2_000, 'the second cache to reach Redis');
    const fromRedis = await other.evaluate(request);
    expect(fromRedis.critics['stable']).toMatchObject({ fromCache: true });
    expect(other.infrastructure.cache!().l2.hits).toBe(1);

    await engine.close(); // drains the bus into the NATS sink
    const info = await jsm.streams.info(stream);
    expect(info.state.messages).toBe(8);
    const last = await jsm.streams.getMessage(stream, { seq: 8 });
    expect(last.subject).toBe(`${subjectPrefix}.decision.made`);
    expect(last.json()).toMatchObject({ type: 'decision.made', payload: { decision: 'allow' } });
  });

  it('emits critic.failed, review.required and marks the fallback degraded when a critic fails', async () => {
    prefix = uniquePrefix();
    stream = `ELEANOR_ENGINE_TEST_${randomUUID().replaceAll('-', '')}`;
    const engine = engineWith({
      critics: {
        broken: {
          evaluate: () => {
            throw new Error('down');
          },
        },
      },
      infrastructure: {
        fallbacks: { broken: { score: 1, severity: 3, violations: [] } },
        breakers: { default: { mode: 'consecutive', threshold: 1, halfOpenAfterMs: 60_000 } },
        events: {},
        metrics: { prefix: 'eng_' },
      },
    });
    const seen: string[] = [];
    engine.infrastructure.events!.onAny((event) => void seen.push(event.type));
    const first = await engine.evaluate(request);
    expect(first.critics['broken']).toMatchObject({ status: 'error', degraded: true });
    const second = await engine.evaluate(request);
    expect(second.critics['broken']).toMatchObject({ status: 'circuit_open', degraded: true });
    expect(engine.infrastructure.breakers!()).toEqual({ broken: 'open' });
    await engine.infrastructure.events!.idle();
    expect(seen.filter((t) => t === 'critic.failed')).toHaveLength(2);
    expect(seen.filter((t) => t === 'review.required')).toHaveLength(second.gate.requiredAction === 'none' ? 0 : 2);
    const text = await engine.infrastructure.metrics!.metrics();
    expect(text).toContain('eng_breaker_state{critic="broken"} 2');
    expect(text).toContain('eng_critic_duration_seconds_count{critic="broken",status="circuit_open"} 1');
  });

  it('ready() connects the Redis cache: a new engine is served from Redis on its first evaluation', async () => {
    prefix = uniquePrefix();
    stream = `ELEANOR_ENGINE_TEST_${randomUUID().replaceAll('-', '')}`;
    const cache = { redis: { url: SHARED_REDIS_URL, prefix, timeoutMs: 1_000 } };
    const first = engineWith({ critics: counted().critics, infrastructure: { cache } });
    await first.ready();
    const written = await first.evaluate(request);
    expect(written.critics['stable']).toMatchObject({ fromCache: false });
    expect(written.degraded).toEqual([]);

    const { calls, critics } = counted();
    const second = engineWith({ critics, infrastructure: { cache } });
    await second.ready();
    await second.ready(); // idempotent
    const served = await second.evaluate(request);
    expect(served.critics['stable']).toMatchObject({ status: 'success', fromCache: true });
    expect(served.degraded).toEqual([]);
    expect(calls.stable).toBe(0);
    expect(second.infrastructure.cache!().l2).toEqual({ hits: 1, misses: 0, skipped: 0, errors: 0 });
  });

  it('ready() resolves at once for a Redis on a dead port, and evaluate succeeds with cache:redis degraded', async () => {
    prefix = uniquePrefix();
    stream = `ELEANOR_ENGINE_TEST_${randomUUID().replaceAll('-', '')}`;
    const engine = engineWith({
      critics: counted().critics,
      infrastructure: { cache: { redis: { url: 'redis://127.0.0.1:1', prefix, timeoutMs: 2_000 } } },
    });
    const started = performance.now();
    await engine.ready();
    expect(performance.now() - started).toBeLessThan(1_000); // refused: not the 8 s connect bound
    const evaluation = await engine.evaluate(request);
    expect(evaluation.decision).toBe('allow');
    expect(evaluation.critics['stable']).toMatchObject({ status: 'success', fromCache: false });
    expect(evaluation.degraded).toEqual(['cache:redis']);
    expect(evaluation.durationMs).toBeLessThan(1_000);
  });

  it('runs as before without the section', async () => {
    prefix = uniquePrefix();
    stream = `ELEANOR_ENGINE_TEST_${randomUUID().replaceAll('-', '')}`;
    const { calls, critics } = counted();
    const engine = engineWith({ critics });
    expect(engine.infrastructure.metrics).toBeUndefined();
    expect(engine.infrastructure.degraded()).toEqual([]);
    await engine.evaluate(request);
    const again = await engine.evaluate(request);
    expect(again.critics['stable']?.fromCache).toBe(false);
    expect(calls.stable).toBe(2);
  });

  it('rejects a bad section, naming the path', () => {
    prefix = uniquePrefix();
    stream = `ELEANOR_ENGINE_TEST_${randomUUID().replaceAll('-', '')}`;
    const bad =
      (infrastructure: unknown, extra: Record<string, unknown> = {}) =>
      () =>
        createEngine({ critics: { risk: {} }, ...extra, infrastructure } as EngineConfig);
    expect(bad({ cache: { redis: { url: 42 } } })).toThrow(/infrastructure\.cache\.redis\.url/);
    expect(bad({ cache: { redis: {} } })).toThrow(/infrastructure\.cache\.redis\.url/);
    expect(bad({ breakers: { default: { mode: 'rate', threshold: 2, windowMs: 1000 } } })).toThrow(
      /infrastructure\.breakers\.default\.threshold/,
    );
    expect(bad({ fallbacks: { risk: { score: 5 } } })).toThrow(/infrastructure\.fallbacks\.risk/);
    expect(bad({ events: { nats: { servers: [] } } })).toThrow(/infrastructure\.events\.nats\.servers/);
    expect(bad({ adaptiveConcurrency: { max: 4, targetLatencyMs: 50 } })).toThrow(
      /infrastructure\.adaptiveConcurrency: requires/,
    );
    expect(bad({ metrics: 'yes' })).toThrow(/infrastructure\.metrics/);
    expect(bad({ tracnig: true })).toThrow(/infrastructure/);
    expect(bad({}, { critics: { risk: { cache: 'no' } } })).toThrow(/critics\.risk/);
  });
});

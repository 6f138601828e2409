// Tests of the Redis tier against the shared Redis at 127.0.0.1:6379, each under its own key prefix.
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OK, finding, input, recordingLogger, sleep } from '../support/critics.js';
import { SHARED_REDIS_URL, deleteKeys, uniquePrefix, waitFor } from '../support/redis.js';
import { Orchestrator } from '../../src/core/orchestrator.js';
import type { CriticInput, Finding } from '../../src/core/types.js';
import { composeHooks } from '../../src/infra/compose-hooks.js';
import { createCacheHooks, type CacheHooks, type CacheOptions } from '../../src/infra/cache/cache-hooks.js';

let admin: Redis;
let prefix: string;
const open: CacheHooks[] = [];

beforeAll(() => {
  admin = new Redis(SHARED_REDIS_URL);
});
afterAll(async () => {
  await admin.quit();
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.close()));
  await deleteKeys(admin, prefix);
});

/** A cache on the shared Redis under this test's prefix, as created: its first connection is still being made. */
function coldCache(options: Partial<CacheOptions> = {}, redis: CacheOptions['redis'] = {}): CacheHooks {
  const c = createCacheHooks({
    critics: { judge: { version: '1.0.0+rules.1.0.0' } },
    redis: { url: SHARED_REDIS_URL, prefix, ...redis },
    ...options,
  });
  open.push(c);
  return c;
}

/** A cache on the shared Redis under this test's prefix, ready once Redis has answered. */
async function cache(options: Partial<CacheOptions> = {}, redis: CacheOptions['redis'] = {}): Promise<CacheHooks> {
  const c = coldCache(options, redis);
  await c.ready();
  await waitFor(() => c.degraded().length === 0, 2_000, 'the cache to connect'); // if a loaded machine failed the first
  return c;
}

/** Keeps the event loop busy for `ms`, as a critic loading its model does. */
function busyFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

function counter(result: Finding = finding({ score: 0.25 })) {
  const fn = Object.assign(
    async (): Promise<Finding> => {
      fn.calls++;
      await sleep(5);
      return result;
    },
    { calls: 0 },
  );
  return fn;
}

describe('createCacheHooks (L2 Redis)', () => {
  it('writes through to Redis with the TTL, and a fresh process (empty L1) hits L2 and fills its L1', async () => {
    prefix = uniquePrefix();
    const judge = counter();
    const first = await cache();
    await new Orchestrator({ critics: { judge }, hooks: first.hooks, logger: recordingLogger() }).run(input());
    const keys = await admin.keys(`${prefix}*`);
    expect(keys).toHaveLength(1);
    expect(JSON.parse((await admin.get(keys[0]!))!)).toEqual(finding({ score: 0.25 }));
    const pttl = await admin.pttl(keys[0]!);
    expect(pttl).toBeGreaterThan(3_500_000);
    expect(pttl).toBeLessThanOrEqual(3_600_000);

    const second = await cache();
    const orch = new Orchestrator({ critics: { judge }, hooks: second.hooks, logger: recordingLogger() });
    const hit = await orch.run(input({ traceId: 'other' }));
    const again = await orch.run(input({ traceId: 'third' }));
    expect(judge.calls).toBe(1);
    expect(hit['judge']).toMatchObject({ status: 'success', fromCache: true, finding: finding({ score: 0.25 }) });
    expect(again['judge']?.fromCache).toBe(true);
    expect(second.stats()).toMatchObject({ l1: { hits: 1, misses: 1 }, l2: { hits: 1, misses: 0, errors: 0 } });
    expect(first.stats().l2).toMatchObject({ hits: 0, misses: 1 });
  });

  it('lets entries expire in Redis after redis.ttlMs', async () => {
    prefix = uniquePrefix();
    const judge = counter();
    const writer = await cache({}, { ttlMs: 20 });
    await new Orchestrator({ critics: { judge }, hooks: writer.hooks, logger: recordingLogger() }).run(input());
    expect(await admin.keys(`${prefix}*`)).toHaveLength(1);
    await sleep(40);
    expect(await admin.keys(`${prefix}*`)).toHaveLength(0);
    const reader = await cache();
    await new Orchestrator({ critics: { judge }, hooks: reader.hooks, logger: recordingLogger() }).run(input());
    expect(judge.calls).toBe(2);
    expect(reader.stats().l2).toMatchObject({ hits: 0, misses: 1 });
  });

  it('keys Redis entries by critic version: another version misses, the same version hits', async () => {
    prefix = uniquePrefix();
    const judge = counter();
    const v1 = await cache();
    const v2 = await cache({ critics: { judge: { version: '1.0.0+rules.1.0.1' } } });
    const v1again = await cache();
    for (const c of [v1, v2, v1again]) {
      await new Orchestrator({ critics: { judge }, hooks: c.hooks, logger: recordingLogger() }).run(input());
    }
    expect(judge.calls).toBe(2);
    expect(await admin.keys(`${prefix}*`)).toHaveLength(2);
    expect(v1again.stats().l2.hits).toBe(1);
  });

  it('does not write errors or degraded fallbacks to Redis', async () => {
    prefix = uniquePrefix();
    const c = await cache();
    const orch = new Orchestrator({
      critics: {
        judge: () => {
          throw new Error('boom');
        },
      },
      hooks: composeHooks([c.hooks, { onFailure: () => OK }]),
      logger: recordingLogger(),
    });
    expect((await orch.run(input()))['judge']).toMatchObject({ status: 'error', degraded: true });
    expect(await admin.keys(`${prefix}*`)).toHaveLength(0);
  });

  it('treats an unusable Redis entry as a miss and counts an error', async () => {
    prefix = uniquePrefix();
    const judge = counter();
    const writer = await cache();
    await new Orchestrator({ critics: { judge }, hooks: writer.hooks, logger: recordingLogger() }).run(input());
    const [key] = await admin.keys(`${prefix}*`);
    await admin.set(key!, '{"not":"a finding"}');
    const reader = await cache();
    const out = await new Orchestrator({ critics: { judge }, hooks: reader.hooks, logger: recordingLogger() }).run(
      input(),
    );
    expect(out['judge']?.fromCache).toBe(false);
    expect(judge.calls).toBe(2);
    expect(reader.stats()).toMatchObject({ l2: { hits: 0, misses: 1, errors: 1 }, errors: 1 });
    expect(JSON.parse((await admin.get(key!))!)).toEqual(finding({ score: 0.25 })); // the critic's result replaced it
  });

  it('runs the critic once for 10 concurrent runs of one input, with Redis in the path', async () => {
    prefix = uniquePrefix();
    const judge = counter();
    const c = await cache();
    const orch = new Orchestrator({ critics: { judge }, hooks: c.hooks, logger: recordingLogger() });
    const runs = await Promise.all(Array.from({ length: 10 }, (_, i) => orch.run(input({ traceId: `t${i}` }))));
    expect(judge.calls).toBe(1);
    expect(runs.every((r) => r['judge']?.status === 'success')).toBe(true);
    expect(c.stats().singleFlightJoins).toBe(9);
    expect(c.stats().l2).toMatchObject({ hits: 0, misses: 1 });
  });

  it('serves a new cache from Redis on its first read and write, waiting for the connection, never degraded by it', async () => {
    prefix = uniquePrefix();
    const judge = counter();
    // Generous bound: the shared machine may be loaded, and the connection is what this test is about.
    const writer = coldCache({}, { timeoutMs: 1_000 });
    expect(writer.degraded()).toEqual([]); // connecting is not down
    await new Orchestrator({ critics: { judge }, hooks: writer.hooks, logger: recordingLogger() }).run(input());
    expect(writer.stats().l2).toEqual({ hits: 0, misses: 1, skipped: 0, errors: 0 });
    expect(await admin.keys(`${prefix}*`)).toHaveLength(1);

    const reader = coldCache({}, { timeoutMs: 1_000 });
    expect(reader.degraded()).toEqual([]);
    const out = await new Orchestrator({ critics: { judge }, hooks: reader.hooks, logger: recordingLogger() }).run(
      input(),
    );
    expect(out['judge']).toMatchObject({ status: 'success', fromCache: true, finding: finding({ score: 0.25 }) });
    expect(judge.calls).toBe(1);
    expect(reader.stats().l2).toEqual({ hits: 1, misses: 0, skipped: 0, errors: 0 });
    expect(reader.degraded()).toEqual([]);
    await reader.ready(); // idempotent, and at once once connected
  });

  it('takes a reply that arrived while this process was busy past timeoutMs: a busy process is not a slow Redis', async () => {
    prefix = uniquePrefix();
    const judge = counter();
    const writer = await cache();
    await new Orchestrator({ critics: { judge }, hooks: writer.hooks, logger: recordingLogger() }).run(input());
    const reader = await cache({}, { timeoutMs: 50 });
    const same: CriticInput = { inputText: 'hello', modelResponse: 'world', context: {}, traceId: 'trace-2' };
    const pending = reader.hooks.preExecution!('judge', same); // the GET is on its way
    busyFor(150);
    expect(await pending).toEqual(finding({ score: 0.25 }));
    expect(reader.degraded()).toEqual([]);
    expect(reader.stats().l2).toEqual({ hits: 1, misses: 0, skipped: 0, errors: 0 });
  });

  it('uses a client it is given and leaves it open on close', async () => {
    prefix = uniquePrefix();
    const client = new Redis(SHARED_REDIS_URL, { enableOfflineQueue: false });
    try {
      await waitFor(() => client.status === 'ready', 2_000, 'the client to connect');
      const judge = counter();
      const c = createCacheHooks({ critics: { judge: {} }, redis: { client, prefix } });
      await new Orchestrator({ critics: { judge }, hooks: c.hooks, logger: recordingLogger() }).run(input());
      await c.close();
      expect(client.status).toBe('ready');
      expect(await client.keys(`${prefix}*`)).toHaveLength(1);
    } finally {
      await client.quit();
    }
  });
});

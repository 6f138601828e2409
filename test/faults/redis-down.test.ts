// Fault tests: the cache's own redis-server (port 16379, never the shared one) is killed, restarted and paused.
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { input, recordingLogger } from '../support/critics.js';
import { PrivateRedis, uniquePrefix, waitFor } from '../support/redis.js';
import { Orchestrator } from '../../src/core/orchestrator.js';
import type { Finding } from '../../src/core/types.js';
import { createCacheHooks, type CacheHooks } from '../../src/infra/cache/cache-hooks.js';

const TIMEOUT_MS = 50;
/** How long an evaluation may take at most: the Redis bound plus scheduling slack. */
const BOUND_MS = TIMEOUT_MS + 100;

const server = new PrivateRedis(16379);
const open: CacheHooks[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.close()));
  await server.kill();
});

function setup(prefix: string, timeoutMs = TIMEOUT_MS) {
  const c = createCacheHooks({
    critics: { judge: { version: '1' } },
    redis: { url: server.url, prefix, timeoutMs },
  });
  open.push(c);
  let calls = 0;
  const judge = (): Finding => ({ score: ++calls / 1000, severity: 0, violations: [] });
  const orch = new Orchestrator({ critics: { judge }, hooks: c.hooks, logger: recordingLogger() });
  const timed = async (text: string) => {
    const started = performance.now();
    const outcome = (await orch.run(input({ inputText: text })))['judge']!;
    return { outcome, ms: performance.now() - started };
  };
  return { c, timed, calls: () => calls };
}

/** Whether the private server holds any key under `prefix` (a fresh connection: the old one died with it). */
async function storedKeys(prefix: string): Promise<number> {
  const client = new Redis(server.url);
  try {
    return (await client.keys(`${prefix}*`)).length;
  } finally {
    await client.quit();
  }
}

describe('createCacheHooks (Redis faults)', () => {
  it('degrades at once on a dead port: neither ready() nor the first run waits for the read or connect bound', async () => {
    // The server is not started: nothing listens on its port, and the connection is refused at once.
    const { c, timed } = setup(uniquePrefix(), 2_000);
    const { outcome, ms } = await timed('a');
    expect(outcome).toMatchObject({ status: 'success', fromCache: false, degraded: false });
    expect(ms).toBeLessThan(1_000); // not the 2 s read bound, nor the 8 s connect bound
    expect(c.degraded()).toEqual(['cache:redis']);
    const started = performance.now();
    await c.ready();
    expect(performance.now() - started).toBeLessThan(100);
    expect(c.stats().l2).toMatchObject({ hits: 0, misses: 0, errors: 0 });
  });

  it('goes on with L1 only while Redis is killed, reports cache:redis, then uses Redis again once it is back', async () => {
    await server.start();
    const prefix = uniquePrefix();
    const { c, timed, calls } = setup(prefix);
    await c.ready();
    await waitFor(() => c.degraded().length === 0, 2_000, 'the cache to connect');

    expect((await timed('a')).outcome.fromCache).toBe(false);
    expect(await storedKeys(prefix)).toBe(1);

    await server.kill();
    await waitFor(() => c.degraded().length > 0, 2_000, 'the cache to notice Redis is gone');
    expect(c.degraded()).toEqual(['cache:redis']);
    const hit = await timed('a');
    expect(hit.outcome).toMatchObject({ status: 'success', fromCache: true });
    for (const text of ['b', 'c', 'd', 'e', 'f']) {
      const { outcome, ms } = await timed(text);
      expect(outcome).toMatchObject({ status: 'success', fromCache: false, degraded: false });
      expect(ms).toBeLessThan(BOUND_MS);
    }
    expect((await timed('b')).outcome.fromCache).toBe(true); // L1 still caches while Redis is down
    expect(calls()).toBe(6);
    expect(c.degraded()).toEqual(['cache:redis']);

    await server.start();
    await waitFor(() => c.degraded().length === 0, 5_000, 'the cache to reconnect');
    await timed('g');
    expect(await storedKeys(prefix)).toBe(1); // the restarted server is empty but for the new entry
    const other = setup(prefix);
    await other.c.ready();
    await waitFor(() => other.c.degraded().length === 0, 2_000, 'a second cache to connect');
    expect((await other.timed('g')).outcome.fromCache).toBe(true);
    expect(other.c.stats().l2.hits).toBe(1);
  });

  it('counts a Redis slower than timeoutMs as a miss, marks it degraded, and recovers when it answers', async () => {
    await server.start();
    const prefix = uniquePrefix();
    const { c, timed } = setup(prefix);
    await c.ready();
    await waitFor(() => c.degraded().length === 0, 2_000, 'the cache to connect');
    const admin = new Redis(server.url);
    try {
      // Every client's commands wait 300 ms: Redis is up but slow.
      await admin.call('CLIENT', 'PAUSE', '300', 'ALL');
      const slow = await timed('a');
      expect(slow.outcome).toMatchObject({ status: 'success', fromCache: false });
      expect(slow.ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 1);
      expect(slow.ms).toBeLessThan(BOUND_MS);
      expect(c.degraded()).toEqual(['cache:redis']);
      expect(c.stats().l2.errors).toBe(1);
      // While degraded, one miss at a time probes Redis; the others skip it instead of waiting on it.
      const concurrent = await Promise.all(['b', 'c', 'd'].map(timed));
      for (const { ms } of concurrent) expect(ms).toBeLessThan(BOUND_MS);
      expect(c.stats().l2.skipped).toBeGreaterThanOrEqual(2);

      await waitFor(
        async () => {
          await timed(`probe-${performance.now()}`);
          return c.degraded().length === 0;
        },
        2_000,
        'the cache to see Redis answer again',
      );
      await timed('h');
      expect(await storedKeys(prefix)).toBeGreaterThanOrEqual(1);
    } finally {
      admin.disconnect();
    }
  });
});

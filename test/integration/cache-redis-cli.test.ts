// `eleanor evaluate` in new processes (the real CLI, from source) sharing the Redis cache at 127.0.0.1:6379.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARED_REDIS_URL, deleteKeys, uniquePrefix } from '../support/redis.js';
import type { Evaluation } from '../../src/index.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'eleanor-cache-cli-'));
const prefix = uniquePrefix();
let admin: Redis;

beforeAll(() => {
  admin = new Redis(SHARED_REDIS_URL);
});
afterAll(async () => {
  await deleteKeys(admin, prefix);
  await admin.quit();
});

/** Runs `eleanor evaluate --json` in a new process whose configuration sets `infrastructure.cache.redis`. */
async function evaluateInNewProcess(redis: { url: string; prefix: string; timeoutMs?: number }): Promise<Evaluation> {
  const config = join(work, `${randomUUID()}.json`);
  writeFileSync(config, JSON.stringify({ evidence: false, infrastructure: { cache: { redis } } }));
  const args = ['evaluate', 'How do I reset my router?', 'Unplug it for ten seconds.', '--json', '--config', config];
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, ELEANOR_CONFIG: undefined },
  });
  return JSON.parse(stdout) as Evaluation;
}

describe('eleanor evaluate with the Redis cache', () => {
  it('serves a second process every critic the first one cached, from its first evaluation', async () => {
    // A generous bound: this machine is shared and may be loaded; the cold start is what is tested, not Redis's speed.
    const redis = { url: SHARED_REDIS_URL, prefix, timeoutMs: 500 };
    const first = await evaluateInNewProcess(redis);
    const critics = Object.keys(first.critics);
    expect(critics.length).toBeGreaterThan(0);
    expect(Object.values(first.critics).filter((o) => o.status !== 'success' || o.fromCache)).toEqual([]);
    expect(first.degraded).toEqual([]);
    expect(await admin.keys(`${prefix}*`)).toHaveLength(critics.length);

    const second = await evaluateInNewProcess(redis);
    expect(Object.values(second.critics).filter((o) => !o.fromCache)).toEqual([]);
    expect(Object.keys(second.critics)).toEqual(critics);
    expect(second.degraded).toEqual([]);
    expect(second.decision).toBe(first.decision);
  }, 120_000);

  it('evaluates with Redis on a dead port, listing cache:redis, without waiting for the read or connect bound', async () => {
    const started = performance.now();
    const evaluation = await evaluateInNewProcess({ url: 'redis://127.0.0.1:1', prefix, timeoutMs: 30_000 });
    expect(performance.now() - started).toBeLessThan(30_000); // nor did ready() wait for the 120 s connect bound
    expect(evaluation.decision).toBe('allow');
    expect(Object.values(evaluation.critics).filter((o) => o.status !== 'success')).toEqual([]);
    expect(evaluation.degraded).toEqual(['cache:redis']);
    expect(evaluation.durationMs).toBeLessThan(30_000); // the connection is refused at once: no read waits its bound
  }, 120_000);
});

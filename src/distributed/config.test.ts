import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine/engine.js';
import { loadConfig, validateConfig } from '../engine/config/load.js';
import { jobIdFor, queueNames } from './config.js';
import { createLocalTransport } from './transport.js';

function problem(config: unknown): string {
  try {
    validateConfig(config, 'c.json');
  } catch (error) {
    expect((error as { code?: string }).code).toBe('INVALID_CONFIG');
    return (error as Error).message;
  }
  throw new Error('expected the configuration to be rejected');
}

const bullmq = { kind: 'bullmq', redis: { url: 'redis://127.0.0.1:6379' } };

describe('the transport section', () => {
  it('accepts local, and BullMQ with every documented option', () => {
    expect(() => validateConfig({ transport: { kind: 'local' } }, 'c.json')).not.toThrow();
    const full = {
      ...bullmq,
      queue: 'critics.v2',
      prefix: 'acme',
      critics: ['privacy'],
      worker: {
        concurrency: 4,
        lockDurationMs: 2000,
        stalledIntervalMs: 1000,
        maxStalledCount: 2,
        heartbeatMs: 1000,
        shutdownGraceMs: 0,
      },
    };
    expect(validateConfig({ transport: full }, 'c.json').transport).toEqual(full);
  });

  it('names the bad setting and what was expected', () => {
    expect(problem({ transport: { kind: 'bullmq', redis: { url: 'http://x' } } })).toMatch(
      /transport\.redis\.url: expected a redis:\/\/ or rediss:\/\/ URL/,
    );
    expect(problem({ transport: { ...bullmq, queue: 'a:b' } })).toMatch(/transport\.queue: .*no colon/);
    expect(problem({ transport: { ...bullmq, worker: { lockDurationMs: -5 } } })).toMatch(
      /transport\.worker\.lockDurationMs/,
    );
    expect(problem({ transport: { ...bullmq, worker: { concurrency: 1.5 } } })).toMatch(
      /transport\.worker\.concurrency/,
    );
    expect(problem({ transport: { kind: 'bullmq' } })).toMatch(/transport\.redis/);
    expect(problem({ transport: { kind: 'nats' } })).toMatch(/transport\.kind/);
    expect(problem({ transport: { ...bullmq, lockDuration: 5 } })).toMatch(/lockDuration/);
  });

  it('is set from ELEANOR_TRANSPORT* variables, and ELEANOR_TRANSPORT=local drops the BullMQ settings', async () => {
    const config = await loadConfig({
      cwd: '/',
      env: {
        ELEANOR_TRANSPORT: 'bullmq',
        ELEANOR_TRANSPORT_REDIS_URL: 'redis://10.0.0.5:6379',
        ELEANOR_TRANSPORT_QUEUE: 'q1',
        ELEANOR_TRANSPORT_PREFIX: 'p1',
        ELEANOR_WORKER_CONCURRENCY: '3',
      },
    });
    expect(config.transport).toEqual({
      kind: 'bullmq',
      redis: { url: 'redis://10.0.0.5:6379' },
      queue: 'q1',
      prefix: 'p1',
      worker: { concurrency: 3 },
    });
    const local = await loadConfig({
      cwd: '/',
      env: { ELEANOR_TRANSPORT: 'local', ELEANOR_TRANSPORT_REDIS_URL: 'redis://10.0.0.5:6379' },
    });
    expect(local.transport).toEqual({ kind: 'local' });
    await expect(loadConfig({ cwd: '/', env: { ELEANOR_WORKER_CONCURRENCY: 'many' } })).rejects.toThrow(
      /ELEANOR_WORKER_CONCURRENCY: expected a number/,
    );
  });

  it('takes a CriticTransport given in code, and executes the critics through it', async () => {
    const seen: string[] = [];
    const transport = createLocalTransport();
    const engine = createEngine({
      critics: { privacy: {} },
      evidence: false,
      transport: {
        ...transport,
        execute: (critic, input, ctx) => (seen.push(critic.name), transport.execute(critic, input, ctx)),
      },
    });
    const evaluation = await engine.evaluate({ inputText: 'x', modelResponse: 'Write to jane@example.com.' });
    await engine.close();
    expect(seen).toEqual(['privacy']);
    expect(evaluation.critics['privacy']?.finding.violations.length).toBeGreaterThan(0);
  });

  it('rejects remote critics that are not configured, naming them', () => {
    expect(() =>
      createEngine({
        critics: { privacy: {} },
        evidence: false,
        transport: { ...bullmq, critics: ['privcy'] },
      } as never),
    ).toThrow(/transport\.critics: unknown critic\(s\) 'privcy'/);
  });
});

describe('job ids and key names', () => {
  it('names a job <traceId>:<critic>, and a retry <traceId>:<critic>:<attempt>', () => {
    expect(jobIdFor('t-1', 'privacy')).toBe('t-1:privacy');
    expect(jobIdFor('t-1', 'privacy', 2)).toBe('t-1:privacy:2');
  });

  it("keeps Eleanor's own keys outside BullMQ's <prefix>:<queue>: namespace", () => {
    const names = queueNames({ queue: 'q', prefix: 'p' });
    expect(names).toMatchObject({ queue: 'q', prefix: 'p', cancelChannel: 'p.cancel:q', workersKey: 'p.workers:q' });
    expect(names.workerKey('w1')).toBe('p.worker:q:w1');
    expect(queueNames({})).toMatchObject({ queue: 'eleanor-critics', prefix: 'eleanor' });
  });
});

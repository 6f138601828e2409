// `eleanor worker` as a process: flags, the ready line, /metrics, a graceful stop on SIGTERM.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { queueNames } from '../../src/distributed/config.js';
import { listWorkers } from '../../src/distributed/heartbeat.js';
import { FIXTURE_CRITICS, spawnWorker, uniqueQueue, Workers, writeWorkerConfig } from '../support/distributed.js';

const dir = mkdtempSync(join(tmpdir(), 'eleanor-worker-cli-'));
const transport = uniqueQueue();
const configFile = writeWorkerConfig(dir, {
  critics: { slow: { module: FIXTURE_CRITICS, export: 'sleepy', version: '1' } },
  transport,
});
afterAll(() => new Workers(transport).cleanup());

function eleanor(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, ELEANOR_CONFIG: undefined },
  });
}

describe('eleanor worker', () => {
  it('exits 1 on a bad flag, naming it', () => {
    const zero = eleanor(['worker', '--config', configFile, '--concurrency', '0']);
    expect(zero.status).toBe(1);
    expect(zero.stderr).toMatch(/--concurrency must be an integer from 1 to 10000, got '0'/);
  });

  it('exits 1 when the configuration has no BullMQ transport, naming the setting', () => {
    const run = eleanor(['worker', '--config', writeWorkerConfig(dir, { critics: { privacy: {} } })]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/transport\.kind: a worker needs 'bullmq'/);
  });

  it('prints one ready line, serves its metrics, heartbeats, and stops gracefully on SIGTERM', async () => {
    const worker = await spawnWorker(configFile, ['--concurrency', '3', '--id', 'cli-w1', '--metrics-port', '0']);
    const line = worker
      .output()
      .split('\n')
      .find((l) => l.startsWith('worker ready'));
    expect(line).toMatch(
      new RegExp(`^worker ready id=cli-w1 queue=${transport.queue} concurrency=3 metrics=http://127\\.0\\.0\\.1:\\d+$`),
    );
    const metrics = await fetch(`${/metrics=(\S+)/.exec(line!)![1]}/metrics`);
    expect(await metrics.text()).toMatch(/eleanor_worker_active_jobs\{worker="cli-w1",queue="[^"]+"\} 0/);
    const client = new Redis(transport.redis.url);
    try {
      const names = queueNames(transport);
      expect((await listWorkers(client, names)).map((w) => w.id)).toEqual(['cli-w1']);
      worker.child.kill('SIGTERM');
      expect(await worker.exited).toBe(0);
      expect(worker.output()).toMatch(/worker cli-w1 stopped — jobs: \{"done":0/);
      expect(await listWorkers(client, names)).toEqual([]);
    } finally {
      client.disconnect();
    }
  });
});

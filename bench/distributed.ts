// BullMQ execution on loopback: latency added per remote critic (vs in-process), throughput with 1, 2, 4 workers.
// Needs the local Redis (127.0.0.1:6379); every key it writes is under its own prefix and deleted at the end.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { createBullmqTransport, Orchestrator, type CriticFn, type BullmqTransportConfig } from '../src/index.js';
import { emit, expectStatuses, round } from './support.js';

const REDIS_URL = process.env['ELEANOR_BENCH_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const root = fileURLToPath(new URL('..', import.meta.url));
const CRITICS_FILE = join(root, 'bench/critics.mjs');
const LATENCY_RUNS = 2_000;
const WORKER_CONCURRENCY = 8;
const IO_MS = 50;
const THROUGHPUT_MS = 4_000;
const dir = mkdtempSync(join(tmpdir(), 'eleanor-bench-'));
const prefix = `eleanor-bench-${randomUUID().slice(0, 8)}`;
const quiet = { warn: () => undefined };

const { noop, io } = (await import(CRITICS_FILE)) as { noop: CriticFn; io: CriticFn };

function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function transportConfig(queue: string): BullmqTransportConfig {
  return { kind: 'bullmq', redis: { url: REDIS_URL }, queue, prefix };
}

/** Starts `count` `eleanor worker` processes on `queue` and resolves once each printed its ready line. */
async function startWorkers(queue: string, count: number): Promise<ChildProcess[]> {
  const config = join(dir, `${queue}.json`);
  const critics = {
    noop: { module: CRITICS_FILE, export: 'noop', version: '1' },
    io: { module: CRITICS_FILE, export: 'io', version: '1' },
  };
  writeFileSync(config, JSON.stringify({ critics, transport: transportConfig(queue) }));
  const args = ['--import', 'tsx', 'src/cli/main.ts', 'worker', '--config', config];
  return Promise.all(
    Array.from({ length: count }, async () => {
      const child = spawn(process.execPath, [...args, '--concurrency', String(WORKER_CONCURRENCY)], {
        cwd: root,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let text = '';
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          if (text.includes('worker ready')) resolve();
        });
        child.once('exit', (code) => reject(new Error(`worker exited (${code}) before it was ready`)));
      });
      return child;
    }),
  );
}

async function stopWorkers(children: ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map((child) => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      return exited;
    }),
  );
}

/** Milliseconds of each of `runs` sequential runs of one critic. */
async function sequential(orchestrator: Orchestrator, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const outcomes = await orchestrator.run({ inputText: 'x', traceId: `lat-${randomUUID()}` }, { deadlineMs: 5_000 });
    times.push(performance.now() - start);
    expectStatuses(outcomes, 'success');
  }
  return times.sort((a, b) => a - b);
}

/** Milliseconds of `count` sequential Redis PINGs. */
async function pings(count: number): Promise<number[]> {
  const client = new Redis(REDIS_URL);
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await client.ping();
    times.push(performance.now() - start);
  }
  client.disconnect();
  return times.sort((a, b) => a - b);
}

async function latency(): Promise<void> {
  const queue = 'latency';
  const workers = await startWorkers(queue, 1);
  const transport = createBullmqTransport({ ...transportConfig(queue), logger: quiet });
  try {
    await transport.ready();
    const local = new Orchestrator({ critics: { noop: { evaluate: noop, version: '1' } }, logger: quiet });
    const remote = new Orchestrator({ critics: { noop: { evaluate: noop, version: '1' } }, transport, logger: quiet });
    await sequential(local, 200);
    await sequential(remote, 200);
    const localMs = await sequential(local, LATENCY_RUNS);
    const remoteMs = await sequential(remote, LATENCY_RUNS);
    const pingMs = await pings(LATENCY_RUNS);
    emit({
      bench: 'distributed',
      case: 'latency added per remote critic (1 no-op critic, sequential runs, 1 worker process, loopback)',
      runs: LATENCY_RUNS,
      local_p50_ms: round(percentile(localMs, 0.5)),
      remote_p50_ms: round(percentile(remoteMs, 0.5)),
      remote_p99_ms: round(percentile(remoteMs, 0.99)),
      added_p50_ms: round(percentile(remoteMs, 0.5) - percentile(localMs, 0.5)),
      added_p99_ms: round(percentile(remoteMs, 0.99) - percentile(localMs, 0.99)),
      target_added_p50_ms: 3,
      // For scale: one Redis round trip on this machine now (a job takes several: add, fetch, finish, event).
      redis_ping_p50_ms: round(percentile(pingMs, 0.5)),
    });
  } finally {
    await transport.close();
    await stopWorkers(workers);
  }
}

/** Critic jobs completed per second with `count` worker processes, the offered load twice their capacity. */
async function throughput(count: number, baseline: number | undefined): Promise<number> {
  const queue = `throughput-${count}`;
  const workers = await startWorkers(queue, count);
  const transport = createBullmqTransport({ ...transportConfig(queue), logger: quiet });
  try {
    await transport.ready();
    const orchestrator = new Orchestrator({
      critics: { io: { evaluate: io, version: '1' } },
      transport,
      logger: quiet,
    });
    const capacity = count * WORKER_CONCURRENCY;
    let done = 0;
    let measuring = false;
    let stop = false;
    const lane = async (): Promise<void> => {
      while (!stop) {
        const outcomes = await orchestrator.run(
          { inputText: 'x', context: { sleepMs: IO_MS }, traceId: `tp-${randomUUID()}` },
          { deadlineMs: 10_000 },
        );
        expectStatuses(outcomes, 'success');
        if (measuring) done++;
      }
    };
    const lanes = Array.from({ length: capacity * 2 }, lane);
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // warm-up
    measuring = true;
    const start = performance.now();
    await new Promise((resolve) => setTimeout(resolve, THROUGHPUT_MS));
    measuring = false;
    const perSecond = done / ((performance.now() - start) / 1000);
    stop = true;
    await Promise.all(lanes);
    emit({
      bench: 'distributed',
      case: `throughput, ${count} worker process(es) × concurrency ${WORKER_CONCURRENCY}, critics of ${IO_MS} ms (I/O)`,
      workers: count,
      critic_jobs_per_s: round(perSecond, 1),
      ideal_per_s: round((capacity * 1000) / IO_MS, 1),
      of_ideal: round(perSecond / ((capacity * 1000) / IO_MS)),
      ...(baseline !== undefined && { speedup_vs_1_worker: round(perSecond / baseline, 2) }),
    });
    return perSecond;
  } finally {
    await transport.close();
    await stopWorkers(workers);
  }
}

try {
  await latency();
  const one = await throughput(1, undefined);
  await throughput(2, one);
  await throughput(4, one);
} finally {
  const client = new Redis(REDIS_URL);
  let cursor = '0';
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) await client.del(...keys);
  } while (cursor !== '0');
  client.disconnect();
  rmSync(dir, { recursive: true, force: true });
}
// ioredis and BullMQ keep no handle open after close, but a failed run must not hang.
process.exit(process.exitCode ?? 0);

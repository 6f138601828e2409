// Test support for BullMQ execution: a queue of the test's own, workers in-process or as processes, key cleanup.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import type { CriticConfig, EngineConfig } from '../../src/engine/config.js';
import type { BullmqTransportConfig, WorkerSettings } from '../../src/distributed/config.js';
import { createCriticWorker } from '../../src/critic-worker.js';
import type { CriticWorker } from '../../src/distributed/worker.js';
import { deleteKeys, SHARED_REDIS_URL, waitFor } from './redis.js';

/** A queue and key prefix no other test uses (every key of the test starts with `prefix`). */
export function uniqueQueue(url = SHARED_REDIS_URL, worker: WorkerSettings = {}): BullmqTransportConfig {
  const id = randomUUID().slice(0, 8);
  return { kind: 'bullmq', redis: { url }, queue: `q-${id}`, prefix: `eleanor-test-${id}`, worker };
}

/** Starts in-process workers for `transport` and removes them, and every key of the queue, at `cleanup()`. */
export class Workers {
  readonly #started: CriticWorker[] = [];
  constructor(readonly transport: BullmqTransportConfig) {}

  async start(critics: Record<string, CriticConfig>, options: { concurrency?: number; id?: string } = {}) {
    const config: EngineConfig = { critics, transport: this.transport };
    const worker = createCriticWorker({ config, logger: { warn: () => undefined }, ...options });
    this.#started.push(worker);
    await worker.ready();
    return worker;
  }

  async cleanup(): Promise<void> {
    await Promise.allSettled(this.#started.splice(0).map((w) => w.close({ graceMs: 0 })));
    const client = new Redis(this.transport.redis.url);
    try {
      await deleteKeys(client, this.transport.prefix ?? '');
    } finally {
      client.disconnect();
    }
  }
}

/** An `eleanor worker` process (the real CLI, from source). */
export interface WorkerProcess {
  readonly child: ChildProcess;
  readonly id: string;
  /** Everything it printed. */
  output(): string;
  /** Resolves with its exit code (or signal) once it has exited. */
  readonly exited: Promise<number | NodeJS.Signals>;
}

/** Writes a configuration file for worker processes (critics from test/fixtures, by absolute path). */
export function writeWorkerConfig(dir: string, config: EngineConfig): string {
  const file = join(dir, `worker-${randomUUID().slice(0, 8)}.json`);
  writeFileSync(file, JSON.stringify(config));
  return file;
}

export const FIXTURE_CRITICS = fileURLToPath(new URL('../fixtures/remote-critics.mjs', import.meta.url));

/** Spawns `eleanor worker --config FILE …` and resolves once it printed its ready line. */
export async function spawnWorker(configFile: string, args: string[] = [], timeoutMs = 20_000): Promise<WorkerProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'worker', '--config', configFile, ...args],
    {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      env: { ...process.env, ELEANOR_CONFIG: undefined },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let text = '';
  child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<number | NodeJS.Signals>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  const ready = await Promise.race([
    waitFor(() => /worker ready id=(\S+)/.test(text), timeoutMs, 'the worker to be ready').then(
      () => /worker ready id=(\S+)/.exec(text)![1]!,
    ),
    exited.then((code) => {
      throw new Error(`the worker exited (${code}) before it was ready:\n${text}`);
    }),
  ]);
  return { child, id: ready, output: () => text, exited };
}

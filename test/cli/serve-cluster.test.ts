// `eleanor serve --workers 2`: two processes answer on one port from one SQLite store; SIGTERM closes them all.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BIN,
  call,
  ensureBuilt,
  evaluate,
  isolatedEnv,
  killLeftovers,
  recordedTraceIds,
  serve,
  until,
  type Answer,
} from '../support/serve-cluster.js';

beforeAll(ensureBuilt, 120_000);
afterAll(killLeftovers);

describe('eleanor serve --workers 2', () => {
  it('answers from both workers, each reading what the other recorded, and counts both in /metrics', async () => {
    const { dir, env } = isolatedEnv();
    const served = await serve(['--workers', '2'], env, dir);
    try {
      expect(served.output().match(/serving on/g)).toHaveLength(1);
      expect(served.output()).toMatch(/\(evidence: sqlite, NO AUTH: --insecure-local\)\n {2}workers: {3}2 processes/);
      const answers: Answer[] = [];
      await until(async () => {
        answers.push(await evaluate(served.url, answers.length));
        return new Set(answers.map((a) => a.worker)).size === 2;
      });
      expect(answers.every((a) => a.status === 200 && /^\d+$/.test(a.worker))).toBe(true);
      const [first, second] = [...new Set(answers.map((a) => a.worker))];
      // Read each worker's evaluation back until the other worker is the one that answers: each trace is read twice
      // in a row, on two connections, which the primary hands to different workers.
      const recordedBy = new Map(answers.map((a) => [a.worker, String(a.body.traceId)]));
      const crossReads: Answer[] = [];
      await until(async () => {
        for (const [worker, traceId] of recordedBy) {
          for (const read of [
            await call(`${served.url}/v1/evaluations/${traceId}`, 'GET'),
            await call(`${served.url}/v1/evaluations/${traceId}`, 'GET'),
          ]) {
            expect(read.status).toBe(200);
            expect(read.body.traceId).toBe(traceId);
            if (read.worker !== worker) crossReads.push(read);
          }
        }
        return new Set(crossReads.map((r) => r.worker)).size === 2;
      });
      expect(new Set(crossReads.map((r) => r.worker))).toEqual(new Set([first, second]));
      const metrics = await (await fetch(`${served.url}/metrics`)).text();
      const posted = /eleanor_http_requests_total\{route="\/v1\/evaluations",method="POST",status="200"\} (\d+)/.exec(
        metrics,
      );
      expect(Number(posted?.[1])).toBe(answers.length);
      expect(metrics).toMatch(/^eleanor_cluster_workers 2$/m);
    } finally {
      served.child.kill('SIGTERM');
      expect(await served.exit).toBe(0);
    }
  }, 60_000);

  it('on SIGTERM, every worker finishes what it accepted, the cluster exits 0, and every acknowledged evaluation is on record', async () => {
    const { dir, db, env } = isolatedEnv();
    const served = await serve(['--workers', '2'], env, dir);
    const before = await Promise.all(Array.from({ length: 20 }, (_, n) => evaluate(served.url, n)));
    // Requests still arriving while the signal does: each is acknowledged (200) or refused, never lost once answered.
    const during = Array.from({ length: 40 }, (_, n) =>
      evaluate(served.url, 100 + n).catch((): Answer => ({ status: 0, worker: '', body: {} })),
    );
    served.child.kill('SIGTERM');
    expect(await served.exit).toBe(0);
    const acknowledged = [...before, ...(await Promise.all(during))].filter((a) => a.status === 200);
    expect(acknowledged.length).toBeGreaterThanOrEqual(before.length);
    expect(new Set(acknowledged.map((a) => a.worker)).size).toBe(2);
    const recorded = recordedTraceIds(db);
    for (const answer of acknowledged) expect(recorded).toContain(answer.body.traceId);
    expect(served.output()).toMatch(/closed; every acknowledged evaluation is on record \(2 workers/);
    const verify = spawnSync(process.execPath, [BIN, 'evidence', 'verify', '--db', db], { encoding: 'utf8', env });
    expect(verify.status, verify.stdout + verify.stderr).toBe(0);
  }, 60_000);

  it("keeps both workers answering while another process holds the store's write lock, and records once it frees", async () => {
    const { dir, db, env } = isolatedEnv();
    const served = await serve(['--workers', '2'], env, dir);
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const db = new (require('better-sqlite3'))(${JSON.stringify(db)});
         db.exec('BEGIN IMMEDIATE'); console.log('locked');
         process.stdin.once('data', () => { db.exec('COMMIT'); db.close(); process.exit(0); });`,
      ],
      { stdio: ['pipe', 'pipe', 'inherit'], cwd: process.cwd() },
    );
    try {
      await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
      let answered = false;
      const held = Promise.all([evaluate(served.url, 1), evaluate(served.url, 2)]);
      void held.then(() => (answered = true));
      // Both workers answer other requests meanwhile: no event loop waits for the lock.
      const workers = new Set<string>();
      await until(async () => {
        const health = await call(`${served.url}/healthz`, 'GET');
        expect(health.status).toBe(200);
        workers.add(health.worker);
        return workers.size === 2;
      });
      expect(answered).toBe(false);
      holder.stdin.end('go\n');
      const answers = await held;
      expect(answers.map((a) => a.status)).toEqual([200, 200]);
      const recorded = recordedTraceIds(db);
      for (const answer of answers) expect(recorded).toContain(answer.body.traceId);
    } finally {
      holder.kill();
      served.child.kill('SIGTERM');
      expect(await served.exit).toBe(0);
    }
  }, 60_000);

  it('refuses a bad configuration once, in the primary, before any worker or store exists', () => {
    const { dir, db, env } = isolatedEnv();
    const run = spawnSync(process.execPath, [BIN, 'serve', '--port', '0', '--workers', '2'], {
      encoding: 'utf8',
      cwd: dir,
      env,
    });
    expect(run.status).toBe(1);
    expect(run.stderr.match(/http\.apiKeys: no API keys are configured/g)).toHaveLength(1);
    expect(existsSync(db)).toBe(false);
  });

  it('names --workers, what it expects and what it was given', () => {
    const { dir, env } = isolatedEnv();
    for (const given of ['0', '-1', 'two', '1.5']) {
      const run = spawnSync(process.execPath, [BIN, 'serve', '--insecure-local', '--workers', given], {
        encoding: 'utf8',
        cwd: dir,
        env,
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`--workers must be a positive integer, got '${given}'`);
    }
  });
});

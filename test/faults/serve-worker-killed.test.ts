// Fault test: one of `eleanor serve --workers 2`'s processes SIGKILLed; the other keeps answering and it is replaced.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ensureBuilt,
  evaluate,
  isolatedEnv,
  killLeftovers,
  serve,
  until,
  type Answer,
} from '../support/serve-cluster.js';

beforeAll(ensureBuilt, 120_000);
afterAll(killLeftovers);

describe('eleanor serve --workers 2 (a worker killed)', () => {
  it('stays ready while a worker is up, logs the death and starts a new worker in its place', async () => {
    const { dir, env } = isolatedEnv();
    const served = await serve(['--workers', '2'], env, dir);
    try {
      const seen = new Set<string>();
      await until(async () => {
        seen.add((await evaluate(served.url, seen.size)).worker);
        return seen.size === 2;
      });
      const [victim, survivor] = [...seen];
      process.kill(Number(victim), 'SIGKILL');
      await until(() => /died unexpectedly \(signal SIGKILL\); starting another in \d+ ms/.test(served.output()));
      expect(served.output()).toContain(`worker ${victim} died unexpectedly`);
      // Every request is answered meanwhile: by the survivor, then by it or the new worker.
      const answers: Answer[] = [];
      await until(async () => {
        answers.push(await evaluate(served.url, 100 + answers.length));
        const ready = await fetch(`${served.url}/readyz`);
        expect(ready.status).toBe(200);
        return answers.some((a) => a.worker !== survivor && a.worker !== victim);
      });
      expect(answers.every((a) => a.status === 200)).toBe(true);
      expect(answers.map((a) => a.worker)).not.toContain(victim);
      const metrics = await (await fetch(`${served.url}/metrics`)).text();
      expect(metrics).toMatch(/^eleanor_cluster_worker_restarts_total 1$/m);
    } finally {
      served.child.kill('SIGTERM');
      expect(await served.exit).toBe(0);
    }
  }, 60_000);
});

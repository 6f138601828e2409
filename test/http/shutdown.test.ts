// Graceful shutdown: SIGTERM under load loses nothing acknowledged; a hanging evaluation is cancelled at the grace bound.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteEvidenceStore } from '../../src/evidence/sqlite/sqlite-store.js';
import { BENIGN_REQUEST, KEYS, call, startTestServer } from '../support/http.js';

const dir = mkdtempSync(join(tmpdir(), 'eleanor-shutdown-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts `eleanor serve` in its own process; resolves with its URL once it listens. */
async function serveProcess(configFile: string) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--config', configFile, '--port', '0'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ELEANOR_API_KEYS: `loader:evaluator:${KEYS.evaluator}` },
    },
  );
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const url = await new Promise<string>((found, fail) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /serving on (http:\/\/\S+)/.exec(output);
      if (match) found(match[1]!);
    });
    void exit.then(() => fail(new Error(`eleanor serve exited: ${output}`)));
  });
  return { child, url, exit, output: () => output };
}

describe('graceful shutdown', () => {
  it('SIGTERM under load: in-flight evaluations finish, every acknowledged one is on record, the chain verifies', async () => {
    const db = join(dir, 'load.db');
    const config = join(dir, 'load.json');
    const critic = resolve('test/fixtures/slow-critic.mjs');
    writeFileSync(
      config,
      JSON.stringify({ critics: { privacy: {}, slow: { module: critic, export: 'critic' } }, evidence: { path: db } }),
    );
    const server = await serveProcess(config);
    const acknowledged: string[] = [];
    const refused: number[] = [];
    let signalledAt = Infinity;
    let answeredAfterSignal = 0;
    let n = 0;
    const client = async (): Promise<void> => {
      for (;;) {
        const traceId = `load-${n++}`;
        try {
          const res = await call(`${server.url}/v1/evaluations`, {
            key: KEYS.evaluator,
            body: { ...BENIGN_REQUEST, traceId },
          });
          if (res.status === 200) {
            acknowledged.push(res.body.traceId);
            if (performance.now() > signalledAt) answeredAfterSignal++;
          } else {
            expect(res.status).toBe(503);
            expect(res.body.code).toBe('SHUTTING_DOWN');
            refused.push(res.status);
            return;
          }
        } catch {
          return; // connection refused or closed: the server is gone, and said nothing was acknowledged
        }
      }
    };
    const clients = Array.from({ length: 16 }, client);
    await new Promise((r) => setTimeout(r, 1_500));
    signalledAt = performance.now();
    server.child.kill('SIGTERM');
    await Promise.all(clients);
    expect(await server.exit, server.output()).toBe(0);
    expect(server.output()).toMatch(/closed; every acknowledged evaluation is on record/);
    expect(acknowledged.length).toBeGreaterThan(50);
    expect(answeredAfterSignal).toBeGreaterThan(0); // some were in flight at the signal and still answered

    const store = new SqliteEvidenceStore({ path: db });
    try {
      for (const traceId of acknowledged) expect((await store.entries(traceId)).length, traceId).toBe(1);
      const report = await store.verify();
      expect(report.ok).toBe(true);
      expect(report.chains[0]!.records).toBeGreaterThanOrEqual(acknowledged.length);
    } finally {
      await store.close();
    }
  }, 60_000);

  it('cancels evaluations still running at the grace bound; they are answered and recorded', async () => {
    const t = await startTestServer(
      { critics: { hang: { evaluate: () => new Promise(() => undefined) } }, deadlineMs: 60_000, timeoutMs: 60_000 },
      { shutdownGraceMs: 200 },
    );
    const pending = call(`${t.url}/v1/evaluations`, {
      key: KEYS.evaluator,
      body: { ...BENIGN_REQUEST, traceId: 'hung' },
    });
    await new Promise((r) => setTimeout(r, 50));
    const started = performance.now();
    const closing = t.close();
    const refused = await call(`${t.url}/v1/evaluations`, { key: KEYS.evaluator, body: BENIGN_REQUEST }).catch(
      () => null,
    );
    if (refused) expect(refused.status).toBe(503);
    const res = await pending;
    await closing;
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(res.status).toBe(200);
    expect(res.body.critics.hang).toMatchObject({ status: 'timeout', error: { code: 'RUN_CANCELLED' } });
    expect(res.body.decision).toBe('escalate');
    expect(res.body.evidence.seq).toBe(1);
  });
});

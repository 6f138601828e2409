// `eleanor serve` refuses to start before it creates anything (issue 18): no keys, a --host it cannot listen on, a port
// in use — and no ./data/eleanor.db appears in the working folder.
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eleanorFromSource as eleanor, emptyFolder as folder } from '../support/cli-from-source.js';

const KEYS = { ELEANOR_API_KEYS: 'ci:evaluator:a-raw-api-key-of-at-least-32-characters' };

describe('eleanor serve: nothing is created until the configuration is valid', () => {
  it('refuses to start without API keys, creating no ./data', () => {
    const cwd = folder();
    const run = eleanor(['serve', '--port', '0'], { cwd });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^eleanor: http\.apiKeys: no API keys are configured/);
    expect(existsSync(join(cwd, 'data'))).toBe(false);
  }, 30_000);

  it('refuses a --host it cannot listen on, naming it, creating no ./data (one process or several)', () => {
    const cwd = folder();
    for (const workers of ['1', '2']) {
      const run = eleanor(['serve', '--host', 'nope.invalid', '--port', '0', '--workers', workers], {
        cwd,
        env: KEYS,
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toBe("eleanor: --host: cannot listen on 'nope.invalid' port 0 — no such host\n");
    }
    expect(readdirSync(cwd)).toEqual([]);
  }, 60_000);

  it('refuses a port in use before opening the store', async () => {
    const cwd = folder();
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen({ host: '127.0.0.1', port: 0 }, resolve));
    const { port } = taken.address() as { port: number };
    try {
      const run = eleanor(['serve', '--port', String(port), '--workers', '1'], { cwd, env: KEYS });
      expect(run.status).toBe(1);
      expect(run.stderr).toBe(`eleanor: --port: cannot listen on '127.0.0.1' port ${port} — the port is in use\n`);
      expect(readdirSync(cwd)).toEqual([]);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  }, 30_000);
});

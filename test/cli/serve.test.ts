import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash, createHmac } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';

const BIN = join(process.cwd(), 'dist/cli/main.js');
const work = mkdtempSync(join(tmpdir(), 'eleanor-serve-'));
const env = {
  ...process.env,
  ELEANOR_CONFIG: undefined,
  ELEANOR_API_KEYS: undefined,
  ELEANOR_API_KEY_SECRET: undefined,
  ELEANOR_EVIDENCE_PATH: join(work, 'e.db'),
};

const SECRET = 'a-key-secret-for-the-cli-tests-0123456789';

function eleanor(args: string[], extraEnv: Record<string, string> = {}) {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: work, env: { ...env, ...extraEnv } });
}

beforeAll(() => {
  // `npm test` builds before the tests; alone, this file builds what it needs (the CLI and the dashboard's files).
  if (!existsSync(BIN) || !existsSync(join(process.cwd(), 'dist/ui/public/app.js'))) {
    const build = spawnSync('npm', ['run', 'build', '--silent'], { encoding: 'utf8' });
    expect(build.status, build.stdout + build.stderr).toBe(0);
  }
}, 120_000);

describe('eleanor serve', () => {
  it('prints its URL, the dashboard, the docs and a curl that works as pasted; SIGTERM closes it with exit 0', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--insecure-local', '--port', '0'], { cwd: work, env });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const exit = new Promise<number | null>((done) => child.on('exit', done));
    while (!/try it:\s+(curl .*)$/m.test(out)) await new Promise((r) => setTimeout(r, 20));
    expect(out).toMatch(/serving on http:\/\/127\.0\.0\.1:\d+ \(evidence: sqlite, NO AUTH: --insecure-local\)/);
    expect(out).toMatch(/API docs:\s+http:\/\/127\.0\.0\.1:\d+\/docs/);
    // The dashboard, served by the built CLI from dist/ui/public: the page and its bundled script.
    const dashboardUrl = /^ {2}dashboard: (http:\/\/127\.0\.0\.1:\d+\/ui)$/m.exec(out)![1]!;
    const page = await fetch(dashboardUrl);
    expect(page.url).toBe(`${dashboardUrl}/`);
    expect(await page.text()).toMatch(/<script type="module" src="app\.js"><\/script>/);
    const script = await fetch(`${dashboardUrl}/app.js`);
    expect(script.status).toBe(200);
    expect(await script.text()).toMatch(/Sign in to review/);
    const curl = /try it:\s+(curl .*)$/m.exec(out)![1]!;
    const answer = JSON.parse(execFileSync('bash', ['-c', curl], { encoding: 'utf8' })) as {
      decision: string;
      evidence: { chain: string };
    };
    expect(answer.decision).toBe('deny');
    expect(answer.evidence.chain).toBe('default');
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(out).toMatch(/closed; every acknowledged evaluation is on record/);
  }, 30_000);

  it('refuses to run without API keys unless --insecure-local is given', () => {
    const run = eleanor(['serve', '--port', '0']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/http\.apiKeys: no API keys are configured.*--insecure-local/);
  });

  it('refuses --insecure-local on an address other than loopback, and a bad port', () => {
    const wide = eleanor(['serve', '--insecure-local', '--host', '0.0.0.0']);
    expect(wide.status).toBe(1);
    expect(wide.stderr).toMatch(/--insecure-local: the server must bind 127\.0\.0\.1/);
    const port = eleanor(['serve', '--port', 'eighty']);
    expect(port.status).toBe(1);
    expect(port.stderr).toMatch(/--port must be a port number from 0 to 65535, got 'eighty'/);
  });
});

describe('eleanor keys create', () => {
  it('prints a new key once and an entry holding only its keyed hash under the key secret', () => {
    const secretFile = join(work, 'create-secret');
    writeFileSync(secretFile, `${SECRET}\n`);
    const run = eleanor([
      'keys',
      'create',
      '--id',
      'alice',
      '--role',
      'reviewer',
      'evaluator',
      '--json',
      '--secret-file',
      secretFile,
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    const { key, entry } = JSON.parse(run.stdout) as { key: string; entry: unknown };
    expect(key).toMatch(/^elk_[A-Za-z0-9_-]{43}$/);
    expect(entry).toEqual({
      id: 'alice',
      roles: ['reviewer', 'evaluator'],
      hmac: createHmac('sha256', SECRET).update(key).digest('hex'),
    });
    const fromEnv = JSON.parse(
      eleanor(['keys', 'create', '--id', 'alice', '--role', 'reviewer', '--json'], { ELEANOR_API_KEY_SECRET: SECRET })
        .stdout,
    ) as { key: string; entry: { hmac: string } };
    expect(fromEnv.key).not.toBe(key);
    expect(fromEnv.entry.hmac).toBe(createHmac('sha256', SECRET).update(fromEnv.key).digest('hex'));
  });

  it('without a secret, prints the legacy SHA-256 entry and says how to get a keyed hash', () => {
    const run = eleanor(['keys', 'create', '--id', 'alice', '--role', 'reviewer', '--json']);
    expect(run.status).toBe(0);
    const { key, entry } = JSON.parse(run.stdout) as { key: string; entry: unknown };
    expect(entry).toEqual({ id: 'alice', roles: ['reviewer'], sha256: createHash('sha256').update(key).digest('hex') });
    expect(run.stderr).toMatch(/warning: no key secret .*eleanor keys secret --out FILE/);
  });

  it('names a bad id or role', () => {
    expect(eleanor(['keys', 'create', '--id', 'a b', '--role', 'reviewer']).stderr).toMatch(
      /--id: expected 1–128 letters/,
    );
    expect(eleanor(['keys', 'create', '--id', 'a', '--role', 'boss']).stderr).toMatch(/'boss' is invalid/);
  });
});

describe('eleanor keys secret', () => {
  it('prints a new 256-bit secret, or writes it to a new file readable by its owner only, never over one', () => {
    const printed = eleanor(['keys', 'secret']);
    expect(printed.status).toBe(0);
    expect(Buffer.from(printed.stdout.trim(), 'base64url')).toHaveLength(32);
    const file = join(work, 'new-secret');
    const written = eleanor(['keys', 'secret', '--out', file]);
    expect(written.status, written.stderr).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const secret = readFileSync(file, 'utf8').trim();
    expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
    const again = eleanor(['keys', 'secret', '--out', file]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/--out: expected a new file, got .*new-secret, which exists/);
    expect(readFileSync(file, 'utf8').trim()).toBe(secret);
  });
});

describe('eleanor serve: configured keys', () => {
  it('refuses a raw key shorter than 32 characters in ELEANOR_API_KEYS, naming the entry but not the key', () => {
    const run = eleanor(['serve', '--port', '0'], { ELEANOR_API_KEYS: 'ci:evaluator:hunter2' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/ELEANOR_API_KEYS: entry 1 \('ci'\): expected a key of at least 32 characters, got 7/);
    expect(run.stderr).not.toMatch(/hunter2/);
  });

  it('refuses a key secret under 32 bytes, naming the variable', () => {
    const run = eleanor(['serve', '--port', '0'], {
      ELEANOR_API_KEYS: `ci:evaluator:${'k'.repeat(32)}`,
      ELEANOR_API_KEY_SECRET: 'too-short',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/ELEANOR_API_KEY_SECRET: expected a secret of at least 32 bytes, got 9/);
  });

  it('starts with a legacy sha256 entry, logging a warning that names its id', async () => {
    const config = join(work, 'legacy.json');
    writeFileSync(
      config,
      JSON.stringify({ http: { apiKeys: [{ id: 'old-ci', roles: ['evaluator'], sha256: 'c'.repeat(64) }] } }),
    );
    const child = spawn(process.execPath, [BIN, 'serve', '--config', config, '--port', '0'], { cwd: work, env });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const exit = new Promise<number | null>((done) => child.on('exit', done));
    while (!/serving on/.test(out)) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(out).toMatch(
      /"level":40.*http\.apiKeys: 'old-ci' is stored as a bare SHA-256.*re-issue them as keyed hashes/,
    );
  }, 30_000);
});

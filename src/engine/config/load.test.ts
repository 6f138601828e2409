import { createHash, createHmac } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './load.js';

function dir(files: Record<string, string>): string {
  const d = mkdtempSync(join(tmpdir(), 'eleanor-config-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(d, name), text);
  return d;
}

async function loadError(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect((error as { code?: string }).code).toBe('INVALID_CONFIG');
  return (error as Error).message;
}

describe('loadConfig', () => {
  it('reads a JSON file and resolves module paths from its folder', async () => {
    const d = dir({
      'eleanor.config.json': JSON.stringify({ critics: { privacy: { timeoutMs: 500 } }, decision: { denyAt: 2.8 } }),
    });
    const config = await loadConfig({ file: join(d, 'eleanor.config.json'), env: {} });
    expect(config.critics).toEqual({ privacy: { timeoutMs: 500 } });
    expect(config.decision).toEqual({ denyAt: 2.8 });
    expect(config.baseDir).toBe(d);
  });

  it('reads YAML', async () => {
    const d = dir({ 'e.yaml': 'critics:\n  risk:\n    failurePolicy: deny\ndeadlineMs: 800\n' });
    const config = await loadConfig({ file: join(d, 'e.yaml'), env: {} });
    expect(config.critics).toEqual({ risk: { failurePolicy: 'deny' } });
    expect(config.deadlineMs).toBe(800);
  });

  it('finds eleanor.config.* in the working folder, and runs on defaults without one', async () => {
    const d = dir({ 'eleanor.config.yml': 'timeoutMs: 123\n' });
    expect((await loadConfig({ cwd: d, env: {} })).timeoutMs).toBe(123);
    expect(await loadConfig({ cwd: dir({}), env: {} })).toEqual({});
  });

  it('names the path and the expected value of a bad setting', async () => {
    const d = dir({ 'c.json': JSON.stringify({ critics: { risk: { timeoutMs: -1 } }, decision: { denyAt: 9 } }) });
    const message = await loadError(loadConfig({ file: join(d, 'c.json'), env: {} }));
    expect(message).toContain('c.json');
    expect(message).toMatch(/decision\.denyAt: .*3/);
  });

  it('rejects unknown keys, naming them', async () => {
    const d = dir({ 'c.json': JSON.stringify({ critcs: {} }) });
    expect(await loadError(loadConfig({ file: join(d, 'c.json'), env: {} }))).toMatch(/critcs/);
  });

  it('names the file of a syntax error', async () => {
    const d = dir({ 'c.json': '{ "critics": ' });
    expect(await loadError(loadConfig({ file: join(d, 'c.json'), env: {} }))).toMatch(/c\.json: not valid JSON/);
    expect(await loadError(loadConfig({ file: join(d, 'missing.json'), env: {} }))).toMatch(/cannot read/);
  });

  it('applies ELEANOR_* overrides over the file', async () => {
    const d = dir({ 'c.json': JSON.stringify({ timeoutMs: 100 }) });
    const config = await loadConfig({
      file: join(d, 'c.json'),
      env: { ELEANOR_TIMEOUT_MS: '250', ELEANOR_DENY_AT: '2.7', ELEANOR_CRITICS: 'privacy, risk', PATH: '/bin' },
    });
    expect(config.timeoutMs).toBe(250);
    expect(config.decision).toEqual({ denyAt: 2.7 });
    expect(config.critics).toEqual({ privacy: {}, risk: {} });
  });

  it('configures an OpenAI-compatible model from the environment', async () => {
    const config = await loadConfig({
      cwd: dir({}),
      env: { ELEANOR_MODEL_BASE_URL: 'http://127.0.0.1:8080/v1', ELEANOR_MODEL: 'm' },
    });
    expect(config.model).toEqual({ type: 'openai', baseURL: 'http://127.0.0.1:8080/v1', model: 'm' });
  });

  it('names a bad or unknown environment variable', async () => {
    expect(await loadError(loadConfig({ cwd: dir({}), env: { ELEANOR_TIMEOUT_MS: 'soon' } }))).toMatch(
      /ELEANOR_TIMEOUT_MS: expected a number, got 'soon'/,
    );
    expect(await loadError(loadConfig({ cwd: dir({}), env: { ELEANOR_TIMOUT_MS: '5' } }))).toMatch(
      /ELEANOR_TIMOUT_MS: unknown variable/,
    );
  });

  it('accepts the evidence signing key from ELEANOR_EVIDENCE_SIGNING_KEY (read by the evidence setup, not a path)', async () => {
    const config = await loadConfig({
      cwd: dir({}),
      env: { ELEANOR_EVIDENCE_SIGNING_KEY: '-----BEGIN PRIVATE KEY-----' },
    });
    expect(config.evidence).toBeUndefined();
  });

  it("adds ELEANOR_API_KEYS to the file's keys, hashed, and names a bad entry or role", async () => {
    const fileKey = { id: 'ops', roles: ['admin'], sha256: 'a'.repeat(64) };
    const d = dir({ 'c.json': JSON.stringify({ http: { port: 9000, apiKeys: [fileKey] } }) });
    const alice = 's3cret-s3cret-s3cret-s3cret-s3cret';
    const bob = 'k:with:colons-k:with:colons-k:with:colons';
    const config = await loadConfig({
      file: join(d, 'c.json'),
      env: { ELEANOR_API_KEYS: `alice:reviewer:${alice}, bob:evaluator+reviewer:${bob}` },
    });
    expect(config.http?.port).toBe(9000);
    expect(config.http?.apiKeys).toEqual([
      fileKey,
      { id: 'alice', roles: ['reviewer'], sha256: createHash('sha256').update(alice).digest('hex') },
      { id: 'bob', roles: ['evaluator', 'reviewer'], sha256: createHash('sha256').update(bob).digest('hex') },
    ]);
    expect(JSON.stringify(config)).not.toContain('s3cret');
    expect(await loadError(loadConfig({ cwd: dir({}), env: { ELEANOR_API_KEYS: 'alice:reviewer' } }))).toMatch(
      /ELEANOR_API_KEYS: entry 1: expected id:role\[\+role\]:key/,
    );
    expect(await loadError(loadConfig({ cwd: dir({}), env: { ELEANOR_API_KEYS: `a:boss:${alice}` } }))).toMatch(
      /unknown role 'boss'/,
    );
  });

  it('hashes ELEANOR_API_KEYS with HMAC-SHA-256 under the key secret, from the variable or the file', async () => {
    const key = 'k'.repeat(32);
    const secret = 'the-key-secret-of-at-least-32-bytes';
    const hmac = createHmac('sha256', secret).update(key).digest('hex');
    const fromEnv = await loadConfig({
      cwd: dir({}),
      env: { ELEANOR_API_KEYS: `ci:evaluator:${key}`, ELEANOR_API_KEY_SECRET: secret },
    });
    expect(fromEnv.http?.apiKeys).toEqual([{ id: 'ci', roles: ['evaluator'], hmac }]);
    // The file is relative to the configuration's folder; the secret is its text, surrounding whitespace removed.
    const d = dir({ 'c.json': JSON.stringify({ http: { keySecretFile: 'secret.txt' } }), 'secret.txt': `${secret}\n` });
    const fromFile = await loadConfig({ file: join(d, 'c.json'), env: { ELEANOR_API_KEYS: `ci:evaluator:${key}` } });
    expect(fromFile.http?.apiKeys).toEqual([{ id: 'ci', roles: ['evaluator'], hmac }]);
    expect(JSON.stringify([fromEnv, fromFile])).not.toContain(key);
  });

  it('refuses a raw key shorter than 32 characters or a short secret, naming the field, never the key', async () => {
    const short = await loadError(
      loadConfig({ cwd: dir({}), env: { ELEANOR_API_KEYS: `ok:evaluator:${'k'.repeat(32)},ci:evaluator:hunter2` } }),
    );
    expect(short).toBe(
      "ELEANOR_API_KEYS: entry 2 ('ci'): expected a key of at least 32 characters, got 7 (eleanor keys create makes one)",
    );
    const env = { ELEANOR_API_KEYS: `ci:evaluator:${'k'.repeat(32)}`, ELEANOR_API_KEY_SECRET: 'short' };
    expect(await loadError(loadConfig({ cwd: dir({}), env }))).toMatch(
      /^ELEANOR_API_KEY_SECRET: expected a secret of at least 32 bytes, got 5/,
    );
    const d = dir({ 'c.json': JSON.stringify({ http: { keySecretFile: 'none.txt' } }) });
    expect(
      await loadError(
        loadConfig({ file: join(d, 'c.json'), env: { ELEANOR_API_KEYS: `ci:evaluator:${'k'.repeat(32)}` } }),
      ),
    ).toMatch(/^http\.keySecretFile: cannot read the key secret file .*none\.txt/);
  });

  it('takes an apiKeys entry with hmac or (legacy) sha256, refusing neither or both', async () => {
    const hash = 'b'.repeat(64);
    const load = (key: Record<string, unknown>) => {
      const d = dir({ 'c.json': JSON.stringify({ http: { apiKeys: [{ id: 'x', roles: ['admin'], ...key }] } }) });
      return loadConfig({ file: join(d, 'c.json'), env: {} });
    };
    expect((await load({ hmac: hash })).http?.apiKeys?.[0]).toEqual({ id: 'x', roles: ['admin'], hmac: hash });
    expect(await loadError(load({}))).toMatch(/http\.apiKeys\.0\.hmac: expected the keyed hash of the key/);
    expect(await loadError(load({ hmac: hash, sha256: hash }))).toMatch(
      /http\.apiKeys\.0\.sha256: expected hmac or sha256, not both/,
    );
    expect(await loadError(load({ hmac: 'XYZ' }))).toMatch(/http\.apiKeys\.0\.hmac: expected the hex HMAC-SHA-256/);
  });

  it('names a bad http setting by its path', async () => {
    const d = dir({
      'c.json': JSON.stringify({ http: { port: 'eighty', apiKeys: [{ id: 'x', roles: [], sha256: 'no' }] } }),
    });
    const message = await loadError(loadConfig({ file: join(d, 'c.json'), env: {} }));
    expect(message).toMatch(/http\.port/);
    expect(message).toMatch(/http\.apiKeys\.0\.roles/);
    expect(message).toMatch(/http\.apiKeys\.0\.sha256: expected the hex SHA-256/);
  });
});

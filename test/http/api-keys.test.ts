// API keys stored as keyed hashes (HMAC-SHA-256 under the key secret); legacy bare SHA-256 entries still start, with a warning.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyedHash } from '../../src/engine/config/api-key-secret.js';
import { createEngine } from '../../src/engine/engine.js';
import { sha256Hex } from '../../src/http/auth.js';
import { createHttpServer } from '../../src/http/server.js';
import { call, startTestServer } from '../support/http.js';

const SECRET = 'the-key-secret-for-these-tests-0123456789';
const KEYED = 'keyed-key-0123456789abcdef0123456789';
const LEGACY = 'legacy-key-0123456789abcdef0123456789';

describe('API keys as keyed hashes', () => {
  it('authenticates hmac entries under the secret and legacy sha256 entries, warning about the legacy ones by id', async () => {
    const t = await startTestServer(
      {},
      {
        apiKeys: [
          { id: 'kay', roles: ['evaluator'], hmac: keyedHash(Buffer.from(SECRET), KEYED) },
          { id: 'lee', roles: ['evaluator'], sha256: sha256Hex(LEGACY) },
          { id: 'lou', roles: ['evaluator'], sha256: sha256Hex(`${LEGACY}-2`) },
        ],
      },
      { keySecret: SECRET },
    );
    try {
      expect((await call(`${t.url}/v1/whoami`, { key: KEYED })).body).toMatchObject({ id: 'kay' });
      expect((await call(`${t.url}/v1/whoami`, { key: LEGACY })).body).toMatchObject({ id: 'lee' });
      expect((await call(`${t.url}/v1/whoami`, { key: 'not-a-key' })).status).toBe(401);
      expect(t.server.warnings).toHaveLength(1);
      expect(t.server.warnings[0]).toMatch(/^http\.apiKeys: 'lee', 'lou' are stored as a bare SHA-256/);
      expect(t.server.warnings[0]).toMatch(/re-issue them as keyed hashes/);
    } finally {
      await t.close();
    }
  });

  it('has nothing to warn about when every key is a keyed hash', async () => {
    const t = await startTestServer();
    try {
      expect(t.server.warnings).toEqual([]);
    } finally {
      await t.close();
    }
  });

  it('does not take a key under another secret than the one its hash was made with', async () => {
    const t = await startTestServer(
      {},
      { apiKeys: [{ id: 'kay', roles: ['evaluator'], hmac: keyedHash(Buffer.from(SECRET), KEYED) }] },
      { keySecret: `${SECRET}-rotated` },
    );
    try {
      expect((await call(`${t.url}/v1/whoami`, { key: KEYED })).status).toBe(401);
    } finally {
      await t.close();
    }
  });

  it('reads http.keySecretFile relative to baseDir, and refuses a short secret or an hmac entry without one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eleanor-key-secret-'));
    writeFileSync(join(dir, 'key-secret'), `${SECRET}\n`);
    const apiKeys = [{ id: 'kay', roles: ['evaluator' as const], hmac: keyedHash(Buffer.from(SECRET), KEYED) }];
    const engine = createEngine({ evidence: { store: 'memory' } });
    try {
      const server = await createHttpServer({
        engine,
        http: { apiKeys, keySecretFile: 'key-secret' },
        baseDir: dir,
        logger: false,
      });
      const res = await server.app.inject({ url: '/v1/whoami', headers: { authorization: `Bearer ${KEYED}` } });
      expect(res.json()).toMatchObject({ id: 'kay' });
      await server.app.close();
      await expect(createHttpServer({ engine, http: { apiKeys }, keySecret: 'short', logger: false })).rejects.toThrow(
        /^keySecret: expected a secret of at least 32 bytes, got 5/,
      );
      await expect(createHttpServer({ engine, http: { apiKeys }, logger: false })).rejects.toMatchObject({
        code: 'INVALID_CONFIG',
        message: expect.stringMatching(/^http\.apiKeys\.0\.hmac: the key 'kay' is stored as a keyed hash/) as unknown,
      });
    } finally {
      await engine.close();
    }
  });
});

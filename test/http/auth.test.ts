import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import { createHttpServer } from '../../src/http/server.js';
import { CANONICAL_STATEMENTS } from '../../src/verdict/doctrine.js';
import { BENIGN_REQUEST, CARD_REQUEST, KEYS, call, startTestServer, type TestServer } from '../support/http.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await call(`${t.url}/v1/evaluations`, { key: KEYS.evaluator, body: { ...CARD_REQUEST, traceId: 'auth-case' } });
});
afterAll(() => t.close());

type Role = 'none' | 'evaluator' | 'reviewer' | 'admin';
const keyOf = (role: Role): string | undefined => (role === 'none' ? undefined : KEYS[role]);

/** Each route with a request that the right role gets through (any answer but 401/403). */
const ROUTES: { name: string; method: string; path: string; body?: unknown; allowed: Role[] }[] = [
  { name: 'evaluate', method: 'POST', path: '/v1/evaluations', body: BENIGN_REQUEST, allowed: ['evaluator', 'admin'] },
  {
    name: 'batch',
    method: 'POST',
    path: '/v1/evaluations/batch',
    body: { requests: [BENIGN_REQUEST] },
    allowed: ['evaluator', 'admin'],
  },
  { name: 'read', method: 'GET', path: '/v1/evaluations/auth-case', allowed: ['evaluator', 'reviewer', 'admin'] },
  { name: 'execute', method: 'POST', path: '/v1/evaluations/auth-case/execute', allowed: ['evaluator', 'admin'] },
  { name: 'reviews', method: 'GET', path: '/v1/reviews?status=pending', allowed: ['reviewer', 'admin'] },
  {
    name: 'decide',
    method: 'POST',
    path: '/v1/reviews/no-such-trace/decision',
    body: { action: 'HUMAN_ACK', statement: CANONICAL_STATEMENTS.HUMAN_ACK, outcome: 'approve' },
    allowed: ['reviewer', 'admin'],
  },
  { name: 'verify', method: 'GET', path: '/v1/evidence/verify', allowed: ['reviewer', 'admin'] },
  { name: 'checkpoints', method: 'GET', path: '/v1/evidence/checkpoints', allowed: ['reviewer', 'admin'] },
  { name: 'critics', method: 'GET', path: '/v1/critics', allowed: ['evaluator', 'reviewer', 'admin'] },
  { name: 'stats', method: 'GET', path: '/v1/stats', allowed: ['reviewer', 'admin'] },
  { name: 'whoami', method: 'GET', path: '/v1/whoami', allowed: ['evaluator', 'reviewer', 'admin'] },
  { name: 'healthz', method: 'GET', path: '/healthz', allowed: ['none', 'evaluator', 'reviewer', 'admin'] },
  { name: 'readyz', method: 'GET', path: '/readyz', allowed: ['none', 'evaluator', 'reviewer', 'admin'] },
  { name: 'metrics', method: 'GET', path: '/metrics', allowed: ['none', 'evaluator', 'reviewer', 'admin'] },
  { name: 'openapi', method: 'GET', path: '/openapi.json', allowed: ['none', 'evaluator', 'reviewer', 'admin'] },
];

describe('HTTP auth: roles and keys', () => {
  it('answers every route × role as the role matrix says: 401 without a key, 403 for the wrong role', async () => {
    const seen: string[] = [];
    for (const route of ROUTES) {
      for (const role of ['none', 'evaluator', 'reviewer', 'admin'] as Role[]) {
        const key = keyOf(role);
        const res = await call(`${t.url}${route.path}`, {
          method: route.method,
          ...(key !== undefined && { key }),
          ...(route.body !== undefined && { body: route.body }),
        });
        const expected = route.allowed.includes(role) ? 'ok' : role === 'none' ? 401 : 403;
        const got = res.status === 401 || res.status === 403 ? res.status : 'ok';
        seen.push(
          `${route.name}/${role}: ${got === expected ? 'as expected' : `got ${res.status}, expected ${expected}`}`,
        );
        if (got !== 'ok') expect(res.body).toMatchObject({ code: got === 401 ? 'UNAUTHORIZED' : 'FORBIDDEN' });
      }
    }
    expect(seen.filter((s) => !s.endsWith('as expected'))).toEqual([]);
  });

  it('tells a wrong key from a missing one, accepts X-API-Key, and explains a 403', async () => {
    const wrong = await call(`${t.url}/v1/critics`, { key: 'not-a-key' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({
      code: 'UNAUTHORIZED',
      message: 'the API key is not valid',
      path: 'header.authorization',
    });
    expect(wrong.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const malformed = await call(`${t.url}/v1/critics`, { headers: { authorization: 'Basic abc' } });
    expect(malformed.status).toBe(401);
    expect(malformed.body.message).toMatch(/Bearer <API key>/);
    const header = await call(`${t.url}/v1/critics`, { headers: { 'x-api-key': KEYS.reviewer } });
    expect(header.status).toBe(200);
    const forbidden = await call(`${t.url}/v1/reviews`, { key: KEYS.evaluator });
    expect(forbidden.body.message).toBe(
      "the key 'eve' has the role evaluator; GET /v1/reviews needs reviewer or admin",
    );
  });

  it('keeps a chain-bound key to its chain: evaluations land there and other chains are out of sight', async () => {
    const own = await call(`${t.url}/v1/evaluations`, {
      key: KEYS.tenant,
      body: { ...CARD_REQUEST, traceId: 'tenant-case' },
    });
    expect(own.body.evidence.chain).toBe('tenant-a');
    const other = await call(`${t.url}/v1/evaluations`, {
      key: KEYS.tenant,
      body: { ...BENIGN_REQUEST, chain: 'default' },
    });
    expect(other.status).toBe(403);
    expect(other.body).toMatchObject({ code: 'FORBIDDEN', path: 'body.chain' });
    expect((await call(`${t.url}/v1/evaluations/auth-case`, { key: KEYS.tenant })).status).toBe(404);
    const queue = await call(`${t.url}/v1/reviews`, { key: KEYS.tenant });
    expect(queue.body.reviews.map((r: any) => r.traceId)).toEqual(['tenant-case']);
  });

  it('rate-limits per key with 429 and Retry-After, leaving other keys alone', async () => {
    const limited = await startTestServer({}, { rateLimit: { max: 3, windowMs: 60_000 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await call(`${limited.url}/v1/critics`, { key: KEYS.evaluator })).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const res = await call(`${limited.url}/v1/critics`, { key: KEYS.evaluator });
      expect(res.body).toMatchObject({ code: 'RATE_LIMITED', path: '' });
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await call(`${limited.url}/v1/critics`, { key: KEYS.reviewer })).status).toBe(200);
      expect((await call(`${limited.url}/healthz`)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('records the reviewer identity of the key as the actor, never one from the body', async () => {
    const res = await call(`${t.url}/v1/reviews/auth-case/decision`, {
      key: KEYS.admin,
      body: {
        action: 'HUMAN_DETERMINATION',
        statement: CANONICAL_STATEMENTS.HUMAN_DETERMINATION,
        outcome: 'reject',
        actor: 'mallory',
      },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'INVALID_INPUT', path: 'body.actor' });
  });

  it('refuses to start without keys unless insecure local mode is explicit; insecure mode needs no key', async () => {
    const engine = createEngine({ evidence: { store: 'memory' } });
    await expect(createHttpServer({ engine, logger: false })).rejects.toMatchObject({
      code: 'INVALID_CONFIG',
      message: expect.stringMatching(/http\.apiKeys: no API keys/) as unknown,
    });
    await engine.close();
    const open = await startTestServer({}, { apiKeys: [] }, { insecureLocal: true });
    try {
      const res = await call(`${open.url}/v1/evaluations`, { body: BENIGN_REQUEST });
      expect(res.status).toBe(200);
      expect((await call(`${open.url}/v1/reviews`)).status).toBe(200);
    } finally {
      await open.close();
    }
  });
});

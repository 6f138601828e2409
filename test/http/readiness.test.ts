import { describe, expect, it } from 'vitest';
import { BENIGN_REQUEST, KEYS, call, startTestServer } from '../support/http.js';
import { SHARED_REDIS_URL, uniquePrefix } from '../support/redis.js';
import { createEngine } from '../../src/engine/engine.js';
import { readiness } from '../../src/http/readiness.js';

describe('GET /readyz', () => {
  it('is 503 while the evidence store does not answer, naming the store and the error', async () => {
    const t = await startTestServer({
      evidence: { store: 'postgres', url: 'postgres://postgres@127.0.0.1:1/none' },
    });
    try {
      const res = await call(`${t.url}/readyz`);
      expect(res.status).toBe(503);
      expect(res.body.ready).toBe(false);
      expect(res.body.checks.evidence).toMatchObject({ ok: false, store: 'postgres', error: expect.any(String) });
      // Without a store no evaluation can be acknowledged: evaluate answers 503, not 500.
      const evaluation = await call(`${t.url}/v1/evaluations`, { key: KEYS.evaluator, body: BENIGN_REQUEST });
      expect(evaluation.status).toBe(503);
      expect(evaluation.body.code).toBe('EVIDENCE_UNAVAILABLE');
    } finally {
      await t.close();
    }
  });

  it('stays ready with Redis down (cache on its memory tier) and says so; reports breaker states', async () => {
    const t = await startTestServer({
      critics: { privacy: {} },
      infrastructure: {
        metrics: true,
        cache: { redis: { url: 'redis://127.0.0.1:1', timeoutMs: 50 } },
        breakers: { default: { mode: 'consecutive', threshold: 3 } },
      },
    });
    try {
      await call(`${t.url}/v1/evaluations`, { key: KEYS.evaluator, body: BENIGN_REQUEST });
      const res = await call(`${t.url}/readyz`);
      expect(res.status).toBe(200);
      expect(res.body.checks.redis).toEqual({ ok: false, configured: true });
      expect(res.body.checks.breakers).toEqual({ privacy: 'closed' });
      expect(res.body.checks.nats).toEqual({ ok: true, configured: false });
    } finally {
      await t.close();
    }
  });

  it('reports a Redis still making its first connection as ok: a cold start is not a failure', async () => {
    const engine = createEngine({
      evidence: false,
      critics: { privacy: {} },
      infrastructure: { cache: { redis: { url: SHARED_REDIS_URL, prefix: uniquePrefix() } } },
    });
    try {
      const connecting = await readiness(engine, false);
      expect(connecting.checks.redis).toEqual({ ok: true, configured: true });
      await engine.ready();
      expect((await readiness(engine, false)).checks.redis).toEqual({ ok: true, configured: true });
    } finally {
      await engine.close();
    }
  });

  it('is 503 once shutdown has begun', async () => {
    const t = await startTestServer({}, { shutdownGraceMs: 500 });
    // A request held open keeps the server in its closing phase while readiness is asked.
    const slow = call(`${t.url}/v1/evaluations`, { key: KEYS.evaluator, body: BENIGN_REQUEST });
    const closing = t.close();
    const ready = await t.server.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ ready: false, checks: { shuttingDown: true } });
    await slow.catch(() => undefined);
    await closing;
  });
});

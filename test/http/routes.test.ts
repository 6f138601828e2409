import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANONICAL_STATEMENTS } from '../../src/verdict/doctrine.js';
import { OPERATIONS } from '../../src/http/openapi.js';
import {
  criticInfoSchema,
  evaluationRecordSchema,
  evaluationSchema,
  executionGrantSchema,
  reviewCaseSchema,
  reviewDecisionResponseSchema,
  verifyReportSchema,
} from '../../src/http/schemas.js';
import { BENIGN_REQUEST, CARD_REQUEST, KEYS, call, startTestServer, type TestServer } from '../support/http.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

describe('HTTP routes (real HTTP)', () => {
  it('evaluates a request and answers the Evaluation, committed to the evidence store', async () => {
    const res = await call(`${t.url}/v1/evaluations`, { key: KEYS.evaluator, body: CARD_REQUEST });
    expect(res.status).toBe(200);
    expect(evaluationSchema.safeParse(res.body).success).toBe(true);
    expect(res.body.decision).toBe('deny');
    expect(res.body.gate.requiredAction).toBe('HUMAN_DETERMINATION');
    expect(res.body.evidence).toMatchObject({ chain: 'default', seq: expect.any(Number) });
    expect(res.body.violations[0]).toMatchObject({ critic: 'privacy', rule: 'privacy.payment_card' });
  });

  it('passes the deadline and trace id through, and refuses a trace id already on record (409)', async () => {
    const body = { ...BENIGN_REQUEST, traceId: 'route-test-1', deadlineMs: 2_000 };
    const first = await call(`${t.url}/v1/evaluations`, { key: KEYS.evaluator, body });
    expect(first.status).toBe(200);
    expect(first.body.traceId).toBe('route-test-1');
    const again = await call(`${t.url}/v1/evaluations`, { key: KEYS.evaluator, body });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'EVIDENCE_CONFLICT', path: '' });
  });

  it('reads an evaluation back from the evidence store, with its place in the chain', async () => {
    const made = await call(`${t.url}/v1/evaluations`, {
      key: KEYS.evaluator,
      body: { ...CARD_REQUEST, traceId: 'route-read' },
    });
    const res = await call(`${t.url}/v1/evaluations/route-read`, { key: KEYS.reviewer });
    expect(res.status).toBe(200);
    expect(evaluationRecordSchema.safeParse(res.body).success).toBe(true);
    expect(res.body.evidence).toMatchObject(made.body.evidence);
    expect(res.body.evidence.prevHash).toMatch(/^[0-9a-f]{64}$/);
    expect(res.body.evaluation.input.modelResponse).toBe(CARD_REQUEST.modelResponse);
    expect(res.body.reviewStatus).toBe('pending');
    const missing = await call(`${t.url}/v1/evaluations/no-such-trace`, { key: KEYS.reviewer });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('EVIDENCE_NOT_FOUND');
  });

  it('lists pending reviews, records a decision as the signed-in reviewer, then lets execute through', async () => {
    await call(`${t.url}/v1/evaluations`, { key: KEYS.evaluator, body: { ...CARD_REQUEST, traceId: 'route-review' } });
    const refused = await call(`${t.url}/v1/evaluations/route-review/execute`, { key: KEYS.evaluator, method: 'POST' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('EXECUTION_REFUSED');

    const pending = await call(`${t.url}/v1/reviews?status=pending`, { key: KEYS.reviewer });
    expect(pending.status).toBe(200);
    const item = pending.body.reviews.find((r: any) => r.traceId === 'route-review');
    expect(reviewCaseSchema.safeParse(item).success).toBe(true);

    const wrong = await call(`${t.url}/v1/reviews/route-review/decision`, {
      key: KEYS.reviewer,
      body: { action: 'HUMAN_DETERMINATION', statement: 'ok', outcome: 'approve' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ code: 'REVIEW_INVALID', path: 'body.statement' });

    const decided = await call(`${t.url}/v1/reviews/route-review/decision`, {
      key: KEYS.reviewer,
      body: { action: 'HUMAN_DETERMINATION', statement: CANONICAL_STATEMENTS.HUMAN_DETERMINATION, outcome: 'approve' },
    });
    expect(decided.status).toBe(200);
    expect(reviewDecisionResponseSchema.safeParse(decided.body).success).toBe(true);
    expect(decided.body.review.actor).toBe('rita');

    const record = await call(`${t.url}/v1/evaluations/route-review`, { key: KEYS.evaluator });
    expect(record.body).toMatchObject({ reviewStatus: 'approved', review: { actor: 'rita', outcome: 'approve' } });
    const granted = await call(`${t.url}/v1/evaluations/route-review/execute`, { key: KEYS.evaluator, method: 'POST' });
    expect(granted.status).toBe(200);
    expect(executionGrantSchema.safeParse(granted.body).success).toBe(true);
    expect(granted.body.authorizedBy.actor).toBe('rita');

    const twice = await call(`${t.url}/v1/reviews/route-review/decision`, {
      key: KEYS.reviewer,
      body: { action: 'HUMAN_DETERMINATION', statement: CANONICAL_STATEMENTS.HUMAN_DETERMINATION, outcome: 'reject' },
    });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('REVIEW_CONFLICT');
  });

  it('streams a batch back as NDJSON, one line per request and a summary, errors in their line', async () => {
    const requests = [BENIGN_REQUEST, CARD_REQUEST, { inputText: 'x'.repeat(100_001) }, BENIGN_REQUEST];
    const res = await fetch(`${t.url}/v1/evaluations/batch`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEYS.evaluator}`, 'content-type': 'application/json' },
      body: JSON.stringify({ requests }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/x-ndjson/);
    const lines = (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(5);
    expect(lines.at(-1)).toEqual({ summary: { total: 4, evaluated: 3, failed: 1 } });
    const byIndex = new Map(lines.slice(0, 4).map((l) => [l.index, l]));
    expect([...byIndex.keys()].sort()).toEqual([0, 1, 2, 3]);
    expect(byIndex.get(1).evaluation.decision).toBe('deny');
    expect(byIndex.get(2).error).toMatchObject({ code: 'INVALID_INPUT', path: 'body.requests.2.inputText' });
  });

  it('refuses a batch over http.maxBatch, naming the field', async () => {
    const res = await call(`${t.url}/v1/evaluations/batch`, {
      key: KEYS.evaluator,
      body: { requests: Array.from({ length: 101 }, () => BENIGN_REQUEST) },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'INVALID_INPUT', path: 'body.requests' });
    expect(res.body.message).toMatch(/at most 100/);
  });

  it('verifies the evidence chain and lists the critics', async () => {
    const verify = await call(`${t.url}/v1/evidence/verify`, { key: KEYS.reviewer });
    expect(verify.status).toBe(200);
    expect(verifyReportSchema.safeParse(verify.body).success).toBe(true);
    expect(verify.body.ok).toBe(true);
    expect(verify.body.chains[0].records).toBeGreaterThan(3);
    const critics = await call(`${t.url}/v1/critics`, { key: KEYS.evaluator });
    expect(critics.body.critics.map((c: any) => c.name)).toContain('privacy');
    for (const c of critics.body.critics) expect(criticInfoSchema.safeParse(c).success).toBe(true);
  });

  it('answers health, readiness and Prometheus metrics without a key', async () => {
    expect((await call(`${t.url}/healthz`)).body).toEqual({ status: 'ok' });
    const ready = await call(`${t.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({
      ready: true,
      checks: { evidence: { ok: true, store: 'sqlite' }, shuttingDown: false },
    });
    const metrics = await call(`${t.url}/metrics`);
    expect(metrics.headers.get('content-type')).toMatch(/text\/plain/);
    expect(metrics.body).toMatch(
      /eleanor_http_requests_total\{route="\/v1\/evaluations",method="POST",status="200"\} \d+/,
    );
    expect(metrics.body).toMatch(/eleanor_evaluations_total/);
  });

  it('publishes an OpenAPI document listing every route, and a docs page with its assets', async () => {
    const doc = await call(`${t.url}/openapi.json`);
    expect(doc.body.openapi).toBe('3.1.0');
    expect(doc.body.components.schemas.EvaluationRequest.additionalProperties).toBe(false);
    expect(doc.body.components.schemas.EvaluationRequest.required).toEqual(['inputText']);
    const api = t.server.routes.filter((r) => !/ \/(docs|ui)\b/.test(r));
    expect(api.length).toBeGreaterThan(10);
    for (const route of api) {
      const [method, rawPath] = route.split(' ') as [string, string];
      const path = rawPath.replace(/:(\w+)/g, '{$1}');
      expect(doc.body.paths[path]?.[method.toLowerCase()], route).toBeDefined();
    }
    const page = await fetch(`${t.url}/docs/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/swagger/i);
    expect(OPERATIONS).toHaveLength(api.length);
  });

  it('answers an unknown route with 404 in the error shape', async () => {
    const res = await call(`${t.url}/v1/nothing`, { key: KEYS.admin });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ code: 'NOT_FOUND', message: 'no route GET /v1/nothing', path: '' });
  });
});

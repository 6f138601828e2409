import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANONICAL_STATEMENTS } from '../../src/verdict/doctrine.js';
import { KEYS, startTestServer, type TestServer } from '../support/http.js';

const BODY_LIMIT = 4_096;
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer(
    { critics: { privacy: {}, prompt_injection: {} } },
    { bodyLimitBytes: BODY_LIMIT, maxBatch: 5, rateLimit: { max: 1_000_000 } },
  );
});
afterAll(() => t.close());

const FIELDS = [
  'inputText',
  'modelResponse',
  'context',
  'traceId',
  'deadlineMs',
  'chain',
  'requests',
  'action',
  'statement',
  'outcome',
  '__proto__',
  'constructor',
  'extra',
];
const json = fc.jsonValue({ maxDepth: 4 });
/** Objects that look like requests: known fields with values of any type, sometimes right ones, and strays. */
const nearRequest = fc.dictionary(
  fc.constantFrom(...FIELDS),
  fc.oneof(
    json,
    fc.string(),
    fc.constantFrom('HUMAN_ACK', 'approve', CANONICAL_STATEMENTS.HUMAN_ACK, 'ok-trace', 5_000, -1, 1e12),
  ),
);
const batchOf = fc.record({ requests: fc.array(fc.oneof(nearRequest, json), { maxLength: 7 }) }, { requiredKeys: [] });
/** Text bodies: JSON of the above, broken JSON, and now and then one over the body limit. */
const bodyText = fc.oneof(
  { weight: 5, arbitrary: fc.oneof(nearRequest, batchOf, json).map((v) => JSON.stringify(v) ?? 'null') },
  { weight: 2, arbitrary: fc.string({ maxLength: 64 }) },
  { weight: 1, arbitrary: fc.oneof(nearRequest, json).map((v) => (JSON.stringify(v) ?? '').slice(0, -1)) },
  { weight: 1, arbitrary: fc.constant('{"inputText":"' + 'a'.repeat(BODY_LIMIT) + '"}') },
  { weight: 1, arbitrary: fc.constant('{"__proto__":{"admin":true},"inputText":"x"}') },
);
const target = fc.constantFrom(
  'POST /v1/evaluations',
  'POST /v1/evaluations/batch',
  'POST /v1/reviews/ok-trace/decision',
  'POST /v1/reviews/%00bad/decision',
  'GET /v1/reviews',
  'GET /v1/evidence/verify',
  'POST /v1/evaluations/x/execute',
);
const contentType = fc.constantFrom(
  'application/json',
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  undefined,
);
const query = fc.oneof(
  fc.constant(''),
  fc.string({ maxLength: 20 }).map((q) => `?${encodeURIComponent(q)}=${encodeURIComponent(q)}`),
  fc.constantFrom('?status=pending', '?status=nope', '?limit=0', '?limit=abc', '?chain=a&chain=b'),
);

describe('bad input never gets a 500 (fast-check, 10,000 generated bodies)', () => {
  it('answers every generated request with success or a 4xx { code, message, path }', async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(target, bodyText, contentType, query, async (route, body, type, q) => {
        const [method, url] = route.split(' ') as ['GET' | 'POST', string];
        const res = await t.server.app.inject({
          method,
          url: method === 'GET' ? url + q : url,
          headers: { authorization: `Bearer ${KEYS.admin}`, ...(type !== undefined && { 'content-type': type }) },
          ...(method === 'POST' && { payload: body }),
        });
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        expect(res.statusCode, `${route} ${body.slice(0, 200)} → ${res.body.slice(0, 300)}`).toBeLessThan(500);
        const answer: unknown = res.headers['content-type']?.toString().includes('ndjson') ? null : res.json();
        if (res.statusCode >= 400) {
          expect(Object.keys(answer as object).sort()).toEqual(['code', 'message', 'path']);
          const { code, message, path } = answer as Record<string, unknown>;
          expect(typeof code === 'string' && typeof message === 'string' && typeof path === 'string').toBe(true);
          expect(message).not.toBe('');
        }
      }),
      { numRuns: 10_000, seed: 20261203 },
    );
    // The generator reaches every kind of answer it is meant to: success, 400, 404, 413 and 415.
    for (const status of [200, 400, 404, 413, 415])
      expect(statuses.get(status) ?? 0, `status ${status}`).toBeGreaterThan(0);
  }, 120_000);
});

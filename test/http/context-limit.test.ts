// The context of an evaluation request is capped at 1,000 top-level keys over HTTP, refused before validation walks it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CONTEXT_KEYS } from '../../src/http/context-schema.js';
import { BENIGN_REQUEST, KEYS, startTestServer, type TestServer } from '../support/http.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ limits: { maxContextKeys: 5_000 } }, { maxBatch: 5 });
});
afterAll(() => t.close());

const contextOf = (keys: number): Record<string, number> =>
  Object.fromEntries(Array.from({ length: keys }, (_, i) => [`k${i}`, i]));

const post = (url: string, body: unknown) =>
  t.server.app.inject({
    method: 'POST',
    url,
    headers: { authorization: `Bearer ${KEYS.evaluator}`, 'content-type': 'application/json' },
    payload: JSON.stringify(body),
  });

describe('HTTP: the context key cap', () => {
  it('refuses 50,000 context keys with 400 naming body.context, what was expected and what was given', async () => {
    const res = await post('/v1/evaluations', { ...BENIGN_REQUEST, context: contextOf(50_000) });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      code: 'INVALID_INPUT',
      message: 'body.context: expected at most 1000 keys, got more than 1000',
      path: 'body.context',
    });
  });

  it('takes exactly 1,000 keys (the engine, configured here for 5,000, then evaluates) and refuses 1,001', async () => {
    expect(MAX_CONTEXT_KEYS).toBe(1_000);
    const at = await post('/v1/evaluations', { ...BENIGN_REQUEST, context: contextOf(1_000) });
    expect(at.statusCode).toBe(200);
    const over = await post('/v1/evaluations', { ...BENIGN_REQUEST, context: contextOf(1_001) });
    expect(over.statusCode).toBe(400);
    expect(over.json()).toMatchObject({
      path: 'body.context',
      message: expect.stringMatching(/more than 1000$/) as unknown,
    });
  });

  it('names the request of a batch whose context is too large', async () => {
    const res = await post('/v1/evaluations/batch', {
      requests: [BENIGN_REQUEST, { ...BENIGN_REQUEST, context: contextOf(20_000) }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'INVALID_INPUT', path: 'body.requests.1.context' });
  });

  it('refuses an oversized object at any depth, naming where it is, before the body is parsed', async () => {
    const res = await post('/v1/evaluations', {
      ...BENIGN_REQUEST,
      context: { 'a.b': [0, { deep: contextOf(1_001) }] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'INVALID_INPUT', path: 'body.context.a.b.1.deep' });
  });

  it("leaves what is within the scan's cap to the engine's own limit (here 5,000 keys in all)", async () => {
    const nested = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`n${i}`, contextOf(900)]));
    const res = await post('/v1/evaluations', { ...BENIGN_REQUEST, context: nested });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'INVALID_INPUT', path: 'body.context' });
    expect(res.json().message).toMatch(/at most 5000 keys/);
  });

  it('still parses JSON safely: a __proto__ key is refused, malformed JSON is MALFORMED_JSON', async () => {
    const proto = await t.server.app.inject({
      method: 'POST',
      url: '/v1/evaluations',
      headers: { authorization: `Bearer ${KEYS.evaluator}`, 'content-type': 'application/json' },
      payload: '{"inputText":"q","context":{"__proto__":{"x":1}}}',
    });
    expect(proto.statusCode).toBe(400);
    const malformed = await t.server.app.inject({
      method: 'POST',
      url: '/v1/evaluations',
      headers: { authorization: `Bearer ${KEYS.evaluator}`, 'content-type': 'application/json' },
      payload: '{"inputText": "q", "context": {"a": }',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ code: 'MALFORMED_JSON' });
  });

  it('still refuses a context that is not an object, naming it', async () => {
    const res = await post('/v1/evaluations', { ...BENIGN_REQUEST, context: ['a'] });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'INVALID_INPUT', path: 'body.context' });
  });
});

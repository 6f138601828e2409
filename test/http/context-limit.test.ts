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
      message: 'body.context: expected at most 1000 keys, got 50000',
      path: 'body.context',
    });
  });

  it('takes exactly 1,000 keys (the engine, configured here for 5,000, then evaluates) and refuses 1,001', async () => {
    expect(MAX_CONTEXT_KEYS).toBe(1_000);
    const at = await post('/v1/evaluations', { ...BENIGN_REQUEST, context: contextOf(1_000) });
    expect(at.statusCode).toBe(200);
    const over = await post('/v1/evaluations', { ...BENIGN_REQUEST, context: contextOf(1_001) });
    expect(over.statusCode).toBe(400);
    expect(over.json()).toMatchObject({ path: 'body.context', message: expect.stringMatching(/got 1001$/) as unknown });
  });

  it('names the request of a batch whose context is too large', async () => {
    const res = await post('/v1/evaluations/batch', {
      requests: [BENIGN_REQUEST, { ...BENIGN_REQUEST, context: contextOf(20_000) }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'INVALID_INPUT', path: 'body.requests.1.context' });
  });

  it("leaves nested keys to the engine's own limit, which stops at its first key over", async () => {
    const res = await post('/v1/evaluations', { ...BENIGN_REQUEST, context: { nested: contextOf(50_000) } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'INVALID_INPUT', path: 'body.context' });
    expect(res.json().message).toMatch(/at most 5000 keys/);
  });

  it('still refuses a context that is not an object, naming it', async () => {
    const res = await post('/v1/evaluations', { ...BENIGN_REQUEST, context: ['a'] });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'INVALID_INPUT', path: 'body.context' });
  });
});

// Every error answer is { code, message, path } with its own status — 404, 405, 408/400 from the parser, 413, 414, 415, 431 — over real TCP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BENIGN_REQUEST, KEYS, call, startTestServer, type TestServer } from '../support/http.js';
import { rawRequest, type RawAnswer } from '../support/raw-http.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({}, { bodyLimitBytes: 4_096 });
});
afterAll(() => t.close());

/** The answer's JSON body, checked to be exactly { code, message, path } with a message. */
function errorBody(text: string): { code: string; message: string; path: string } {
  const body = JSON.parse(text) as Record<string, unknown>;
  expect(Object.keys(body).sort()).toEqual(['code', 'message', 'path']);
  expect(typeof body['message'] === 'string' && body['message'] !== '').toBe(true);
  return body as { code: string; message: string; path: string };
}

const get = (path: string, headers = ''): Promise<RawAnswer> =>
  rawRequest(t.url, `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${headers}\r\n`);

describe('error answers in the { code, message, path } format', () => {
  it('404 for an unknown route, with or without a key', async () => {
    for (const key of [undefined, KEYS.admin]) {
      const res = await call(`${t.url}/v1/nothing?x=1`, key === undefined ? {} : { key });
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ code: 'NOT_FOUND', message: 'no route GET /v1/nothing', path: '' });
    }
  });

  it('405 with Allow for a wrong method on a known path — not 401, 403 or 404 — with or without a key', async () => {
    const cases: [string, string, string][] = [
      ['PUT', '/v1/evaluations', 'POST'],
      ['GET', '/v1/evaluations', 'POST'],
      ['DELETE', '/v1/evaluations/some-trace', 'GET, HEAD'],
      ['POST', '/healthz', 'GET, HEAD'],
      ['PATCH', '/v1/reviews/some-trace/decision', 'POST'],
    ];
    for (const [method, path, allow] of cases) {
      for (const key of [undefined, KEYS.evaluator]) {
        const res = await call(`${t.url}${path}`, { method, ...(key !== undefined && { key }) });
        expect(res.status, `${method} ${path}`).toBe(405);
        expect(res.headers.get('allow')).toBe(allow);
        expect(res.body).toEqual({
          code: 'METHOD_NOT_ALLOWED',
          message: `${method} ${path}: this route takes ${allow} (see the Allow header)`,
          path: '',
        });
      }
    }
  });

  it('413 for a body over http.bodyLimitBytes', async () => {
    const res = await call(`${t.url}/v1/evaluations`, {
      key: KEYS.evaluator,
      body: { inputText: 'x'.repeat(5_000) },
    });
    expect(res.status).toBe(413);
    expect(errorBody(JSON.stringify(res.body))).toMatchObject({ code: 'BODY_TOO_LARGE', path: 'body' });
  });

  it('415 for a body that is not JSON on a JSON route (text/plain included), not a 400', async () => {
    for (const type of ['text/plain', 'text/plain; charset=utf-8', 'application/x-www-form-urlencoded']) {
      for (const path of ['/v1/evaluations', '/v1/evaluations/batch', '/v1/reviews/t/decision']) {
        const res = await call(`${t.url}${path}`, {
          key: KEYS.admin,
          headers: { 'content-type': type },
          body: JSON.stringify(BENIGN_REQUEST),
        });
        expect(res.status, `${type} → ${path}`).toBe(415);
        expect(errorBody(JSON.stringify(res.body))).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', path: 'body' });
      }
    }
  });

  it('414 for a URL over 8 KiB, before any key is asked for', async () => {
    const res = await get(`/v1/evaluations/${'a'.repeat(8_200)}`);
    expect(res.status).toBe(414);
    expect(res.head).toMatch(/content-type: application\/json/i);
    expect(errorBody(res.body)).toEqual({
      code: 'URI_TOO_LONG',
      message: expect.stringMatching(
        /^url: expected at most 8192 characters \(path and query\), got 82\d\d$/,
      ) as unknown,
      path: 'url',
    });
    // Just under the limit it is an ordinary request: here, one without a key.
    expect((await get(`/v1/critics?q=${'a'.repeat(8_000)}`)).status).toBe(401);
  });

  it('400 naming params.traceId for a trace id too long, where the router would have answered 414 on its own', async () => {
    const res = await call(`${t.url}/v1/evaluations/${'a'.repeat(200)}`, { key: KEYS.evaluator });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'INVALID_INPUT', path: 'params.traceId' });
  });

  it('400 in the format for a URL the router cannot decode', async () => {
    const res = await get('/v1/evaluations/%E0%A4%A', `Authorization: Bearer ${KEYS.evaluator}\r\n`);
    expect(res.status).toBe(400);
    expect(errorBody(res.body).code).toBe('INVALID_INPUT');
  });

  it('431 with a JSON body for header fields over Node’s 16 KiB, instead of an empty answer', async () => {
    const res = await get('/healthz', `X-Filler: ${'a'.repeat(20_000)}\r\n`);
    expect(res.status).toBe(431);
    expect(res.head).toMatch(/content-type: application\/json/i);
    expect(errorBody(res.body)).toEqual({
      code: 'HEADERS_TOO_LARGE',
      message: "the request line and header fields are larger than 16384 bytes (Node's limit)",
      path: '',
    });
  });

  it('400 MALFORMED_REQUEST with a JSON body for bytes that are not HTTP', async () => {
    const res = await rawRequest(t.url, 'NOT HTTP AT ALL\r\n\r\n');
    expect(res.status).toBe(400);
    expect(errorBody(res.body)).toMatchObject({ code: 'MALFORMED_REQUEST', path: '' });
  });
});

// --insecure-local answers only requests for a loopback Host (DNS rebinding): 421 in the error format otherwise.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BENIGN_REQUEST, KEYS, startTestServer, type TestServer } from '../support/http.js';
import { rawRequest } from '../support/raw-http.js';

let open: TestServer;
let keyed: TestServer;
beforeAll(async () => {
  open = await startTestServer({}, { apiKeys: [] }, { insecureLocal: true });
  keyed = await startTestServer();
});
afterAll(async () => {
  await open.close();
  await keyed.close();
});

describe('--insecure-local: loopback Host only', () => {
  it('serves requests for localhost, 127.x.y.z and [::1], with or without a port', async () => {
    for (const host of ['localhost', 'localhost:8080', '127.0.0.1', '127.0.0.1:9', '127.8.9.10:80', '[::1]:8080']) {
      const res = await open.server.app.inject({ method: 'GET', url: '/v1/whoami', headers: { host } });
      expect(res.statusCode, host).toBe(200);
      expect(res.json()).toMatchObject({ id: 'local', insecureLocal: true });
    }
  });

  it('answers 421 MISDIRECTED_REQUEST naming header.host for any other Host, on public routes too', async () => {
    for (const url of ['/v1/whoami', '/healthz', '/openapi.json', '/docs', '/v1/no-such-route']) {
      const res = await open.server.app.inject({ method: 'GET', url, headers: { host: 'rebound.example:8080' } });
      expect(res.statusCode, url).toBe(421);
      expect(res.json()).toEqual({
        code: 'MISDIRECTED_REQUEST',
        message: expect.stringMatching(/^header\.host: .*loopback host.*got 'rebound\.example:8080'$/) as unknown,
        path: 'header.host',
      });
    }
    const post = await open.server.app.inject({
      method: 'POST',
      url: '/v1/evaluations',
      headers: { host: '127.0.0.1.rebound.example' },
      payload: BENIGN_REQUEST,
    });
    expect(post.statusCode).toBe(421);
  });

  it('answers 421 to a request with no Host at all (HTTP/1.0 over a real socket)', async () => {
    const res = await rawRequest(open.url, 'GET /healthz HTTP/1.0\r\n\r\n');
    expect(res.status).toBe(421);
    expect(JSON.parse(res.body)).toMatchObject({ code: 'MISDIRECTED_REQUEST', path: 'header.host' });
    expect(JSON.parse(res.body).message).toMatch(/got none$/);
  });

  it("checks the Host before the router's own refusals, and before the URL length", async () => {
    const badEscape = await rawRequest(
      open.url,
      'GET /v1/evaluations/%E0%A4%A HTTP/1.1\r\nHost: rebound.example\r\nConnection: close\r\n\r\n',
    );
    expect(badEscape.status).toBe(421);
    const long = await rawRequest(
      open.url,
      `GET /${'a'.repeat(9_000)} HTTP/1.1\r\nHost: rebound.example\r\nConnection: close\r\n\r\n`,
    );
    expect(long.status).toBe(421);
    expect(JSON.parse(long.body)).toMatchObject({ code: 'MISDIRECTED_REQUEST', path: 'header.host' });
  });

  it('leaves a server with API keys to serve any Host (it may be behind a proxy under its public name)', async () => {
    const res = await keyed.server.app.inject({
      method: 'GET',
      url: '/v1/whoami',
      headers: { host: 'eleanor.example.com', authorization: `Bearer ${KEYS.evaluator}` },
    });
    expect(res.statusCode).toBe(200);
  });
});

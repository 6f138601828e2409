// --insecure-local answers only requests for a loopback Host (DNS rebinding): 421 in the error format otherwise.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BENIGN_REQUEST, KEYS, startTestServer, type TestServer } from '../support/http.js';

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

/** One raw HTTP/1.1 exchange on a fresh connection: the status line's code and the body. */
export async function rawRequest(
  url: string,
  head: string,
): Promise<{ status: number; headers: string; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(head));
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => {
      const split = text.indexOf('\r\n\r\n');
      resolve({
        status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0),
        headers: text.slice(0, split),
        body: text.slice(split + 4),
      });
    });
  });
}

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

  it('leaves a server with API keys to serve any Host (it may be behind a proxy under its public name)', async () => {
    const res = await keyed.server.app.inject({
      method: 'GET',
      url: '/v1/whoami',
      headers: { host: 'eleanor.example.com', authorization: `Bearer ${KEYS.evaluator}` },
    });
    expect(res.statusCode).toBe(200);
  });
});

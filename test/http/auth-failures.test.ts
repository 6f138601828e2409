// Failed authentication is limited per client address: over http.authFailureLimit, 429 before any key is checked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEYS, startTestServer, type TestServer } from '../support/http.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({}, { authFailureLimit: { max: 3, windowMs: 60_000 } });
});
afterAll(() => t.close());

const whoami = (remoteAddress: string, key?: string) =>
  t.server.app.inject({
    method: 'GET',
    url: '/v1/whoami',
    remoteAddress,
    headers: key === undefined ? {} : { authorization: `Bearer ${key}` },
  });

describe('HTTP auth: failed authentications per client address', () => {
  it('answers 429 with Retry-After after max failures, even to a valid key, and only to that address', async () => {
    const statuses: number[] = [];
    for (const key of ['wrong-1', undefined, 'wrong-3', 'wrong-4'])
      statuses.push((await whoami('192.0.2.10', key)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const refused = await whoami('192.0.2.10', KEYS.evaluator);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toEqual({
      code: 'TOO_MANY_AUTH_FAILURES',
      message: expect.stringMatching(
        /^too many failed authentications from this address \(at most 3 per 60 s, http\.authFailureLimit\); retry in \d+ s$/,
      ) as unknown,
      path: 'header.authorization',
    });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(59);
    expect((await whoami('192.0.2.11', KEYS.evaluator)).statusCode).toBe(200);
    // Public routes check no key, so they stay open to the address.
    expect((await t.server.app.inject({ url: '/healthz', remoteAddress: '192.0.2.10' })).statusCode).toBe(200);
  });

  it('does not count successful or forbidden requests', async () => {
    for (let i = 0; i < 20; i++) expect((await whoami('192.0.2.20', KEYS.reviewer)).statusCode).toBe(200);
    const forbidden = await t.server.app.inject({
      method: 'POST',
      url: '/v1/evaluations',
      remoteAddress: '192.0.2.20',
      headers: { authorization: `Bearer ${KEYS.reviewer}` },
      payload: { inputText: 'hi' },
    });
    expect(forbidden.statusCode).toBe(403);
    expect((await whoami('192.0.2.20', 'wrong-1')).statusCode).toBe(401);
    expect((await whoami('192.0.2.20', 'wrong-2')).statusCode).toBe(401);
    expect((await whoami('192.0.2.20', KEYS.reviewer)).statusCode).toBe(200);
    expect((await whoami('192.0.2.20', 'wrong-3')).statusCode).toBe(401);
    expect((await whoami('192.0.2.20', KEYS.reviewer)).statusCode).toBe(429);
  });

  it('counts the addresses of one IPv6 /64 together', async () => {
    for (const suffix of ['1', '2', '3']) expect((await whoami(`2001:db8:5::${suffix}`, 'wrong')).statusCode).toBe(401);
    expect((await whoami('2001:db8:5::abcd', KEYS.evaluator)).statusCode).toBe(429);
    expect((await whoami('2001:db8:6::1', KEYS.evaluator)).statusCode).toBe(200);
  });

  it('applies the default limit of 20 failures a minute', async () => {
    const d = await startTestServer();
    try {
      const statuses = new Set<number>();
      for (let i = 0; i < 20; i++) {
        const res = await d.server.app.inject({ url: '/v1/whoami', remoteAddress: '192.0.2.30' });
        statuses.add(res.statusCode);
      }
      expect([...statuses]).toEqual([401]);
      expect((await d.server.app.inject({ url: '/v1/whoami', remoteAddress: '192.0.2.30' })).statusCode).toBe(429);
    } finally {
      await d.close();
    }
  });
});

// The dashboard's data routes over real HTTP: the live SSE stream (and its cleanup), the stats window, whoami, queue critics.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BENIGN_REQUEST, CARD_REQUEST, KEYS, call, startTestServer, type TestServer } from '../support/http.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ infrastructure: { metrics: true, events: {} } });
});
afterAll(() => t.close());

/** Opens GET /v1/live and reads it: `next(predicate)` resolves with the first event matching. */
async function openLive(url: string, key: string) {
  const controller = new AbortController();
  const response = await fetch(`${url}/v1/live`, {
    headers: { authorization: `Bearer ${key}`, accept: 'text/event-stream' },
    signal: controller.signal,
  });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  return {
    response,
    abort: () => controller.abort(),
    /** Reads until the text so far holds `pattern`; resolves with the text, or with null at the end of the stream. */
    async until(pattern: RegExp): Promise<string | null> {
      while (!pattern.test(text)) {
        const chunk = await reader.read();
        if (chunk.done) return null;
        text += chunk.value;
      }
      return text;
    },
  };
}

async function eventually(check: () => boolean, ms = 3_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('GET /v1/live', () => {
  it('streams each evaluation as it completes, with its decision, gate tier and critics', async () => {
    const live = await openLive(t.url, KEYS.reviewer);
    expect(live.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    await live.until(/: eleanor live evaluations/);
    await call(`${t.url}/v1/evaluations`, { key: KEYS.evaluator, body: { ...CARD_REQUEST, traceId: 'live-1' } });
    const text = (await live.until(/event: evaluation\ndata: .*"live-1".*\n\n/))!;
    const data = JSON.parse(/event: evaluation\ndata: (.*)\n/.exec(text)![1]!);
    expect(data).toMatchObject({ traceId: 'live-1', decision: 'deny', tier: 3, requiredAction: 'HUMAN_DETERMINATION' });
    const privacy = data.critics.find((c: any) => c.critic === 'privacy');
    expect(privacy).toMatchObject({ status: 'success', degraded: false });
    expect(privacy.violations).toBeGreaterThan(0);
    expect(typeof privacy.durationMs).toBe('number');
    live.abort();
  });

  it('forgets a client that disconnects', async () => {
    await eventually(() => t.server.context.live.clients === 0); // the previous test's client has gone too
    const live = await openLive(t.url, KEYS.admin);
    await live.until(/live evaluations/);
    expect(t.server.context.live.clients).toBe(1);
    live.abort();
    await eventually(() => t.server.context.live.clients === 0);
  });

  it('refuses a missing key, a key without the reviewer role and a key bound to a chain', async () => {
    expect((await call(`${t.url}/v1/live`)).status).toBe(401);
    expect((await call(`${t.url}/v1/live`, { key: KEYS.evaluator })).status).toBe(403);
    const tenant = await call(`${t.url}/v1/live`, { key: KEYS.tenant });
    expect(tenant.status).toBe(403);
    expect(tenant.body.message).toMatch(/bound to the chain 'tenant-a'.*spans every chain/);
  });

  it('ends open live streams when the server closes, without waiting out the grace period', async () => {
    const own = await startTestServer({ infrastructure: { events: {} } });
    const live = await openLive(own.url, KEYS.reviewer);
    await live.until(/live evaluations/);
    const started = Date.now();
    await own.close();
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(await live.until(/never/)).toBeNull(); // the stream ended
    expect(own.server.context.live.clients).toBe(0);
  });
});

describe('GET /v1/stats', () => {
  it('counts decisions and gives each critic p50/p99 and a series over the window', async () => {
    await call(`${t.url}/v1/evaluations`, { key: KEYS.evaluator, body: BENIGN_REQUEST });
    await call(`${t.url}/v1/evaluations`, { key: KEYS.evaluator, body: CARD_REQUEST });
    await eventually(() => t.server.context.live.stats(5).evaluations >= 3); // the bus delivers a turn later
    const res = await call(`${t.url}/v1/stats?windowMinutes=15`, { key: KEYS.reviewer });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ enabled: true, windowMinutes: 15, bucketSeconds: 10 });
    expect(res.body.evaluations).toBeGreaterThanOrEqual(3);
    expect(res.body.decisions.allow).toBeGreaterThanOrEqual(1);
    expect(res.body.decisions.deny).toBeGreaterThanOrEqual(2);
    const privacy = res.body.critics.find((c: any) => c.critic === 'privacy');
    expect(privacy.count).toBeGreaterThanOrEqual(3);
    expect(privacy.p99).toBeGreaterThanOrEqual(privacy.p50);
    expect(privacy.series.length).toBeGreaterThanOrEqual(1);
  });

  it('names a bad window, and says when the event bus is off', async () => {
    const bad = await call(`${t.url}/v1/stats?windowMinutes=0`, { key: KEYS.reviewer });
    expect(bad.status).toBe(400);
    expect(bad.body.path).toBe('query.windowMinutes');
    const off = await startTestServer();
    try {
      const res = await call(`${off.url}/v1/stats`, { key: KEYS.reviewer });
      expect(res.body).toMatchObject({ enabled: false, evaluations: 0, windowMinutes: 5 });
    } finally {
      await off.close();
    }
  });

  it('counts from the evidence store: a server sees what another server on the same store did', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eleanor-live-store-'));
    const evidence = { store: 'sqlite', path: join(dir, 'shared.db') } as const;
    const watching = await startTestServer({ evidence, infrastructure: { events: {} } });
    const working = await startTestServer({ evidence, infrastructure: { events: {} } });
    try {
      for (let i = 0; i < 4; i++) {
        const body = { ...(i === 0 ? CARD_REQUEST : BENIGN_REQUEST), traceId: `shared-${i}` };
        expect((await call(`${working.url}/v1/evaluations`, { key: KEYS.evaluator, body })).status).toBe(200);
      }
      const res = await call(`${watching.url}/v1/stats`, { key: KEYS.reviewer });
      expect(res.body).toMatchObject({ source: 'store', enabled: true, evaluations: 4 });
      expect(res.body.decisions).toMatchObject({ deny: 1, allow: 3 });
      expect(res.body.critics.find((c: any) => c.critic === 'privacy').count).toBe(4);
      expect(watching.server.context.live.stats(5).evaluations).toBe(0); // its own bus saw none of them
    } finally {
      await working.close();
      await watching.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("counts this server's own evaluations when there is no evidence store", async () => {
    const bare = await startTestServer({ evidence: false, infrastructure: { events: {} } });
    try {
      await call(`${bare.url}/v1/evaluations`, { key: KEYS.evaluator, body: BENIGN_REQUEST });
      await eventually(() => bare.server.context.live.stats(5).evaluations === 1);
      const res = await call(`${bare.url}/v1/stats`, { key: KEYS.reviewer });
      expect(res.body).toMatchObject({ source: 'process', enabled: true, evaluations: 1 });
    } finally {
      await bare.close();
    }
  });
});

describe('GET /v1/whoami and the queue critics', () => {
  it("tells the key's id, roles and chain", async () => {
    expect((await call(`${t.url}/v1/whoami`, { key: KEYS.reviewer })).body).toEqual({
      id: 'rita',
      roles: ['reviewer'],
      chain: null,
      insecureLocal: false,
    });
    expect((await call(`${t.url}/v1/whoami`, { key: KEYS.tenant })).body).toMatchObject({
      id: 'tess',
      chain: 'tenant-a',
    });
    expect((await call(`${t.url}/v1/whoami`, { key: 'wrong' })).status).toBe(401);
  });

  it('lists, for each case in the queue, the critics that raised violations', async () => {
    const { body } = await call(`${t.url}/v1/reviews?status=pending`, { key: KEYS.reviewer });
    const card = body.reviews.find((r: any) => r.traceId === 'live-1');
    expect(card.critics).toEqual(['privacy']);
  });
});

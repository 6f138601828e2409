// GET /v1/reviews over a queue of 250 cases: pages to the end with `nextCursor`, filters and counts on the server,
// names the query field of every bad filter or cursor, keeps `reviews` for older clients and a tenant to its chain.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatedCase } from '../../src/evidence/review-queue.conformance.js';
import { SqliteEvidenceStore } from '../../src/evidence/sqlite/sqlite-store.js';
import { reviewPageSchema } from '../../src/http/schemas.js';
import { KEYS, call, startTestServer, type TestServer } from '../support/http.js';

const CASES = 250;
let t: TestServer;
let store: SqliteEvidenceStore;

beforeAll(async () => {
  store = new SqliteEvidenceStore({ path: ':memory:' });
  await Promise.all(Array.from({ length: CASES }, (_, i) => store.append(gatedCase(i))));
  t = await startTestServer({ evidence: { store } });
});
afterAll(async () => {
  await t.close();
  await store.close();
});

const get = (query: string, key: string = KEYS.reviewer) => call(`${t.url}/v1/reviews?${query}`, { key });

describe('GET /v1/reviews: a review queue of any size', () => {
  it('pages through every case with nextCursor, each once, with the counts of all of them', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await get(`status=pending&limit=100${cursor === null ? '' : `&cursor=${cursor}`}`);
      expect(res.status).toBe(200);
      expect(reviewPageSchema.safeParse(res.body).success).toBe(true);
      expect(res.body.counts).toMatchObject({ total: CASES, byTier: { '2': 125, '3': 125 } });
      seen.push(...res.body.reviews.map((c: { chain: string; traceId: string }) => `${c.chain}/${c.traceId}`));
      cursor = res.body.nextCursor;
      pages += 1;
    } while (cursor !== null);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(CASES);
  });

  it('filters on the server exactly as the store does, a tier given as text', async () => {
    const queries: Array<[string, object]> = [
      ['tier=3', { tier: 3 }],
      ['critic=risk&decision=escalate', { critic: 'risk', decision: 'escalate' }],
      ['q=WEAPON&chain=tenant-b', { q: 'WEAPON', chain: 'tenant-b' }],
      ['q=answer%201&limit=20', { q: 'answer 1', limit: 20 }],
      ['q=%25_', { q: '%_' }],
      ['q=%22it%27s%22', { q: '"it\'s"' }],
      ['q=%D0%9F%D1%80%D0%B8', { q: 'При' }],
      ['q=st', { q: 'st' }],
      ['since=2000-01-01&order=oldest&limit=5', { since: '2000-01-01', order: 'oldest', limit: 5 }],
    ];
    for (const [query, same] of queries) {
      const res = await get(query);
      expect(res.status, query).toBe(200);
      expect(res.body, query).toEqual(JSON.parse(JSON.stringify(await store.reviewPage(same))));
    }
    const risky = await get('critic=risk&limit=1000');
    expect(risky.body.reviews).toHaveLength(100);
    expect(risky.body.counts.total).toBe(100);
  });

  it('answers a bad filter or cursor with 400 naming the field, what was expected and what was given', async () => {
    const oldest = (await get('order=oldest&limit=1')).body.nextCursor as string;
    const bad: Array<[string, string, string]> = [
      ['cursor=bad', 'query.cursor', 'query.cursor: expected the nextCursor of an earlier page, got "bad"'],
      [`cursor=${oldest}`, 'query.cursor', 'query.cursor: expected a cursor of a page read newest first'],
      ['tier=4', 'query.tier', 'query.tier: expected 2 or 3, got "4"'],
      ['limit=abc', 'query.limit', 'query.limit: expected a whole number from 1 to 1000, got "abc"'],
      ['limit=0', 'query.limit', 'query.limit: expected a whole number from 1 to 1000, got 0'],
      ['decision=maybe', 'query.decision', `query.decision: expected 'allow', 'constrained_allow', 'escalate'`],
      ['critic=a%7Cb', 'query.critic', `query.critic: expected a critic's name`],
      ['since=yesterday', 'query.since', 'query.since: expected an ISO 8601 time such as 2026-11-25T12:00:00Z'],
      ['q=', 'query.q', 'query.q: expected text to search for, 1–200 characters, got ""'],
      ['status=nope', 'query.status', `query.status: expected 'pending', 'approved' or 'rejected', got "nope"`],
      ['tier=2&tier=3', 'query.tier', 'query.tier: expected 2 or 3, got ["2","3"]'],
      ['page=2', 'query.page', "query.page: unknown field 'page'"],
    ];
    for (const [query, path, message] of bad) {
      const res = await get(query);
      expect(res.status, query).toBe(400);
      expect(res.body, query).toMatchObject({ code: 'INVALID_INPUT', path });
      expect(res.body.message.startsWith(message), `${query}: ${res.body.message}`).toBe(true);
    }
  });

  it('keeps `reviews` for clients of the first version and a key bound to a chain to its own cases', async () => {
    const plain = await get('status=pending');
    expect(plain.body.reviews).toHaveLength(100);
    expect(plain.body.reviews[0]).toMatchObject({ status: 'pending', critics: expect.any(Array) });
    const tenant = await get('status=pending&limit=1000', KEYS.tenant);
    expect(tenant.body.counts.total).toBe(84);
    expect(new Set(tenant.body.reviews.map((c: { chain: string }) => c.chain))).toEqual(new Set(['tenant-a']));
    expect((await get('chain=tenant-b', KEYS.tenant)).status).toBe(403);
  });
});

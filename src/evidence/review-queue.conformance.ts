// The review queue of any size, on both stores: every case reachable by paging (under concurrent appends too), each
// filter and its counts, the excerpt and top rule, bad cursors and filters refused by name, the queue kept with the records.
// Over 400 lines: one suite per pluggable kind (CONVENTIONS.md), with the case generator and the reference query (the
// filters and counts run in JavaScript) it checks the stores against.
import { afterEach, describe, expect, it } from 'vitest';
import { isEleanorError } from '../core/errors.js';
import { reviewRequest, type StoreUnderTest } from './store.conformance.js';
import type { AppendRequest, EvidenceStore, ReviewCase, ReviewPage, ReviewQuery } from './types.js';

const CHAINS = ['tenant-a', 'tenant-b', 'tenant-c'] as const;
const CRITIC_SETS = [['privacy'], ['risk'], ['fairness', 'privacy'], [], ['prompt_injection', 'risk']] as const;
const DECISIONS = ['escalate', 'deny', 'constrained_allow', 'escalate'] as const;

/** What case `i` is: its chain, tier, decision, critics and texts vary with i, so every filter splits the set. */
export function gatedCase(i: number, prefix = 'q'): AppendRequest & { expected: Expected } {
  const tier = i % 2 === 0 ? 2 : 3;
  const critics = CRITIC_SETS[i % CRITIC_SETS.length]!;
  const decision = DECISIONS[i % DECISIONS.length]!;
  const chain = CHAINS[i % CHAINS.length]!;
  const traceId = `${prefix}${i}`;
  const requiredAction = tier === 3 ? 'HUMAN_DETERMINATION' : 'HUMAN_ACK';
  const response = i % 7 === 0 ? `Step ${i}: the Weapon is assembled as follows.` : `Answer ${i}.`;
  return {
    chain,
    kind: 'evaluation',
    traceId,
    requiredAction,
    payload: {
      traceId,
      decision,
      gate: { tier, requiredAction, reasons: critics.map((c) => `${c}: flagged`) },
      violations: critics.map((critic, n) => ({
        critic,
        rule: `${critic}.rule`,
        message: `${critic} message`,
        severity: 2 + n * 0.5,
        ...(i % 7 === 0 && { span: { start: 0, end: 4, text: 'Step' } }),
      })),
      input: { inputText: `Question ${i}`, modelResponse: response, context: {} },
    },
    expected: { i, traceId, chain, tier, decision, critics: [...critics].sort(), texts: `Question ${i}\n${response}` },
  };
}

interface Expected {
  i: number;
  traceId: string;
  chain: string;
  tier: 2 | 3;
  decision: string;
  critics: string[];
  texts: string;
}

async function appendAll(store: EvidenceStore, requests: readonly AppendRequest[]): Promise<void> {
  // In slices: every slice is group-committed in a few batches, and memory stays flat.
  for (let i = 0; i < requests.length; i += 2_000) {
    await Promise.all(
      requests
        .slice(i, i + 2_000)
        .map(({ chain, kind, traceId, requiredAction, payload }) =>
          store.append({ chain, kind, traceId, ...(requiredAction && { requiredAction }), payload }),
        ),
    );
  }
}

/** Every page of a query, in order; `between` runs after each page (concurrent appends). */
async function allPages(
  store: EvidenceStore,
  query: ReviewQuery,
  between?: (page: number) => Promise<void>,
): Promise<{ cases: ReviewCase[]; pages: ReviewPage[] }> {
  const pages: ReviewPage[] = [];
  let cursor: string | null = null;
  do {
    const page: ReviewPage = await store.reviewPage({ ...query, ...(cursor !== null && { cursor }) });
    pages.push(page);
    cursor = page.nextCursor;
    await between?.(pages.length);
  } while (cursor !== null);
  return { cases: pages.flatMap((p) => p.reviews), pages };
}

const key = (c: ReviewCase): string => `${c.chain}/${c.traceId}`;

/** True when `cases` run newest first: created at, then chain, then seq, each descending. */
function newestFirst(cases: readonly ReviewCase[]): boolean {
  return cases.every((c, i) => {
    const p = cases[i - 1];
    if (p === undefined) return true;
    if (p.createdAt !== c.createdAt) return p.createdAt > c.createdAt;
    return p.chain !== c.chain ? p.chain > c.chain : p.seq > c.seq;
  });
}

async function errorOf(promise: Promise<unknown>): Promise<{ code: string; message: string; path?: string }> {
  try {
    await promise;
  } catch (error) {
    if (isEleanorError(error)) return { code: error.code, message: error.message, path: error.path ?? '' };
    return { code: 'not an EleanorError', message: String(error) };
  }
  return { code: 'resolved', message: '' };
}

export function reviewQueueConformance(name: string, makeSut: () => StoreUnderTest): void {
  describe(`review queue of any size: ${name}`, () => {
    let sut: StoreUnderTest;
    const opened: EvidenceStore[] = [];
    const open = async (): Promise<EvidenceStore> => {
      sut = makeSut();
      const store = await sut.open();
      opened.push(store);
      return store;
    };

    afterEach(async () => {
      await Promise.allSettled(opened.splice(0).map((s) => s.close()));
      await sut.cleanup();
    });

    it('reaches every one of 10,000 pending cases by paging, each once, newest first, with the counts', async () => {
      const store = await open();
      const cases = Array.from({ length: 10_000 }, (_, i) => gatedCase(i));
      await appendAll(store, cases);
      const { cases: seen, pages } = await allPages(store, { status: 'pending', limit: 1_000 });
      expect(pages).toHaveLength(10);
      expect(pages.at(-1)!.nextCursor).toBeNull();
      expect(new Set(seen.map(key)).size).toBe(10_000);
      expect(seen.map(key).sort()).toEqual(cases.map((c) => `${c.chain}/${c.traceId}`).sort());
      expect(newestFirst(seen)).toBe(true);
      const counts = pages[0]!.counts;
      expect(counts.total).toBe(10_000);
      expect(counts.byTier).toEqual({ '2': 5_000, '3': 5_000 });
      expect(counts.byDecision).toEqual({ allow: 0, constrained_allow: 2_500, escalate: 5_000, deny: 2_500 });
      expect(counts.byCritic).toEqual({ fairness: 2_000, privacy: 4_000, prompt_injection: 2_000, risk: 4_000 });
      // Oldest first, at an odd page size, reaches them all as well.
      const oldest = await allPages(store, { status: 'pending', limit: 777, order: 'oldest' });
      expect(oldest.cases.map(key)).toEqual([...seen].reverse().map(key));
      // A text search matching every case, a seventh, a ninth (the oldest cases) and a hundredth, each case once.
      for (const q of ['question', 'WEAPON', 'on 1', 'question 99']) {
        const expected = cases.filter((c) => c.expected.texts.toLowerCase().includes(q.toLowerCase()));
        const found = await allPages(store, { status: 'pending', limit: 1_000, q });
        expect(found.cases.map(key).sort(), q).toEqual(expected.map((c) => `${c.chain}/${c.traceId}`).sort());
        expect(newestFirst(found.cases), q).toBe(true);
        expect(found.pages[0]!.counts.total, q).toBe(expected.length);
      }
    }, 120_000);

    it('pages under concurrent appends from another connection: every case on record when paging began, once', async () => {
      const store = await open();
      const other = await sut.reopen();
      opened.push(other);
      await appendAll(
        store,
        Array.from({ length: 2_000 }, (_, i) => gatedCase(i)),
      );
      let next = 2_000;
      // Between pages, 60 more cases land (two writers, racing the reads).
      const append = async (): Promise<void> => {
        const batch = Array.from({ length: 60 }, () => gatedCase(next++));
        await Promise.all(batch.map((c, i) => (i % 2 ? store : other).append(c)));
      };
      const reading = allPages(store, { status: 'pending', limit: 100 }, append);
      const { cases: seen } = await reading;
      const keys = seen.map(key);
      expect(new Set(keys).size).toBe(keys.length);
      for (let i = 0; i < 2_000; i += 1) expect(keys).toContain(`${gatedCase(i).chain}/q${i}`);
      expect(newestFirst(seen)).toBe(true);
      const after = await allPages(store, { status: 'pending', limit: 1_000 });
      expect(after.cases).toHaveLength(next);
      expect(after.pages[0]!.counts.total).toBe(next);
    }, 120_000);

    it('filters by status, tier, critic, decision, chain, since and text, counting what matches', async () => {
      const store = await open();
      const early = Array.from({ length: 60 }, (_, i) => gatedCase(i));
      await appendAll(store, early);
      await new Promise((resolve) => setTimeout(resolve, 5));
      const cut = new Date().toISOString();
      await new Promise((resolve) => setTimeout(resolve, 5));
      const late = Array.from({ length: 60 }, (_, i) => gatedCase(i + 60));
      await appendAll(store, late);
      for (const i of [1, 2, 3]) await store.append(reviewRequest(`q${i}`, gatedCase(i).chain, 'approve'));
      await store.append(reviewRequest('q4', gatedCase(4).chain, 'reject'));
      const all = [...early, ...late].map((c) => c.expected);
      const status = (e: Expected): string =>
        ['q1', 'q2', 'q3'].includes(e.traceId) ? 'approved' : e.traceId === 'q4' ? 'rejected' : 'pending';
      /** The query run here over the expected cases; `skip`: leave one facet out, as its count does. */
      const matches = (e: Expected, query: ReviewQuery, skip?: 'tier' | 'critic' | 'decision'): boolean =>
        (query.status === undefined || status(e) === query.status) &&
        (query.chain === undefined || e.chain === query.chain) &&
        (query.since === undefined || e.i >= 60) &&
        (query.q === undefined || e.texts.toLowerCase().includes(query.q.toLowerCase())) &&
        (skip === 'tier' || query.tier === undefined || e.tier === query.tier) &&
        (skip === 'critic' || query.critic === undefined || e.critics.includes(query.critic)) &&
        (skip === 'decision' || query.decision === undefined || e.decision === query.decision);
      const check = async (query: ReviewQuery): Promise<void> => {
        const what = JSON.stringify(query);
        const { cases, pages } = await allPages(store, { ...query, limit: 7 });
        const expected = all.filter((e) => matches(e, query));
        expect(cases.map((c) => c.traceId).sort(), what).toEqual(expected.map((e) => e.traceId).sort());
        expect(newestFirst(query.order === 'oldest' ? [...cases].reverse() : cases), what).toBe(true);
        for (const page of pages) {
          const counts = page.counts;
          expect(counts.total, what).toBe(expected.length);
          const byTier = all.filter((e) => matches(e, query, 'tier'));
          expect(counts.byTier, what).toEqual({
            '2': byTier.filter((e) => e.tier === 2).length,
            '3': byTier.filter((e) => e.tier === 3).length,
          });
          const byCritic = all.filter((e) => matches(e, query, 'critic'));
          const critics: Record<string, number> = {};
          for (const e of byCritic) for (const c of e.critics) critics[c] = (critics[c] ?? 0) + 1;
          expect(counts.byCritic, what).toEqual(critics);
          const byDecision = all.filter((e) => matches(e, query, 'decision'));
          for (const decision of ['allow', 'constrained_allow', 'escalate', 'deny'] as const) {
            expect(counts.byDecision[decision], what).toBe(byDecision.filter((e) => e.decision === decision).length);
          }
        }
      };
      await check({});
      await check({ status: 'pending' });
      await check({ status: 'approved' });
      await check({ status: 'rejected' });
      await check({ tier: 3 });
      await check({ critic: 'risk' });
      await check({ critic: 'prompt_injection', tier: 2 });
      await check({ critic: 'nobody' });
      await check({ decision: 'deny', status: 'pending' });
      await check({ chain: 'tenant-b', status: 'pending' });
      await check({ since: cut });
      await check({ q: 'wEaPoN' });
      await check({ q: 'question 1' });
      await check({ q: '100%_' });
      await check({
        q: 'weapon',
        critic: 'risk',
        status: 'pending',
        decision: 'escalate',
        chain: 'tenant-b',
        since: cut,
      });
      await check({ q: 'weapon', tier: 2, decision: 'escalate', order: 'oldest' });
      // The existing list keeps its shape and defaults: newest first, every status, 100 at most.
      const listed = await store.reviews();
      expect(listed.map((c) => c.traceId)).toEqual((await store.reviewPage()).reviews.map((c) => c.traceId));
      expect(listed).toHaveLength(100);
      expect(newestFirst(listed)).toBe(true);
    }, 60_000);

    it('searches the recorded texts ignoring case in any script; texts recorded hashed never match', async () => {
      const store = await open();
      const base = gatedCase(0);
      const payload = base.payload as { input: object };
      await store.append({
        ...base,
        traceId: 'accents',
        payload: { ...payload, input: { inputText: 'ÉCOLE Über', modelResponse: 'ok', context: {} } },
      });
      await store.append({
        ...base,
        traceId: 'hashed',
        payload: {
          ...payload,
          input: {
            inputText: { sha256: 'a'.repeat(64), length: 5 },
            modelResponse: { sha256: 'b'.repeat(64), length: 2 },
            context: {},
          },
        },
      });
      await store.append({
        ...base,
        traceId: 'nul',
        payload: { ...payload, input: { inputText: 'a\u0000b école', modelResponse: '', context: {} } },
      });
      const found = async (q: string): Promise<string[]> =>
        (await store.reviewPage({ q })).reviews.map((c) => c.traceId).sort();
      expect(await found('école')).toEqual(['accents', 'nul']);
      expect(await found('über')).toEqual(['accents']);
      expect(await found('aaaa')).toEqual([]);
      const hashed = (await store.reviewPage({})).reviews.find((c) => c.traceId === 'hashed')!;
      expect(hashed.excerpt).toBeUndefined();
      expect(hashed.topRule).toMatchObject({ critic: 'privacy', rule: 'privacy.rule' });
    });

    it('searches short and long, in Cyrillic, Greek, Japanese and German, ignoring case, special characters literally', async () => {
      const store = await open();
      const base = gatedCase(0);
      const payload = base.payload as { input: object };
      const texts: Record<string, [string, string]> = {
        cyrillic: ['ПРИВЕТ, мир', 'Ответ: да'],
        greek: ['ΕΛΛΗΝΙΚΆ κείμενα', ''],
        japanese: ['日本語のテキスト', 'はい'],
        german: ['STRAẞE und Straße', 'Grüße'],
        special: ['discount 100%_off, "quoted" and it\'s a\\b', 'path C:\\temp\\x_y'],
        wildcards: ['abcXdef abcXXdef 50 percent', 'under score'],
        hashed: ['', ''],
      };
      for (const [traceId, [inputText, modelResponse]] of Object.entries(texts)) {
        const input =
          traceId === 'hashed'
            ? {
                inputText: { sha256: `${'ab'.repeat(30)}100%`, length: 5 },
                modelResponse: { sha256: 'c_d'.repeat(20), length: 2 },
                context: {},
              }
            : { inputText, modelResponse, context: {} };
        await store.append({ ...base, traceId, payload: { ...payload, input } });
      }
      const found = async (q: string): Promise<string[]> => {
        const page = await store.reviewPage({ q, limit: 3 });
        const all = (await allPages(store, { q, limit: 3 })).cases.map((c) => c.traceId).sort();
        expect(page.counts.total, q).toBe(all.length);
        return all;
      };
      // What the reference (toLowerCase, then includes) finds, for each search: one per expected case, or none.
      const searches: Array<[string, string[]]> = [
        ['привет', ['cyrillic']],
        ['ПРИВЕТ, МИР', ['cyrillic']],
        ['т: д', ['cyrillic']],
        ['ελληνικά', ['greek']],
        ['ΚΕΊΜΕΝΑ', ['greek']],
        ['日本語', ['japanese']],
        ['本', ['japanese']],
        ['テキ', ['japanese']],
        ['straße', ['german']],
        ['GRÜSSE', []],
        ['grüße', ['german']],
        ['100%_off', ['special']],
        ['%', ['special']],
        ['_', ['special']],
        ['%_', ['special']],
        ['"quoted"', ['special']],
        ['"', ['special']],
        ["it's", ['special']],
        ["'", ['special']],
        ['a\\b', ['special']],
        ['\\temp\\', ['special']],
        ['x_y', ['special']],
        ['c_d', []],
        ['c%d', []],
        ['50%', []],
        ['100%x', []],
        ['ab', ['wildcards']],
        ['e', ['german', 'special', 'wildcards']],
        ['sha256', []],
        ['abab', []],
        ['length', []],
      ];
      for (const [q, expected] of searches) {
        const reference = Object.entries(texts)
          .filter(([id, [i, r]]) => id !== 'hashed' && `${i}\n${r}`.toLowerCase().includes(q.toLowerCase()))
          .map(([id]) => id);
        expect(expected, `the reference for ${q}`).toEqual(reference);
        expect(await found(q), q).toEqual(expected);
      }
    });

    it('gives each case an excerpt around its first flagged span and its top rule in words', async () => {
      const store = await open();
      const response = `${'lorem ipsum '.repeat(20)}call 020 7946 0958 now ${'dolor sit '.repeat(20)}`;
      const start = response.indexOf('020');
      await store.append({
        chain: 'default',
        kind: 'evaluation',
        traceId: 'spans',
        requiredAction: 'HUMAN_ACK',
        payload: {
          decision: 'escalate',
          gate: { tier: 2, requiredAction: 'HUMAN_ACK', reasons: ['privacy'] },
          violations: [
            { critic: 'truth', rule: 'truth.claim', message: 'an unsupported claim', severity: 1 },
            {
              critic: 'privacy',
              rule: 'privacy.phone',
              message: 'a phone number',
              severity: 2.5,
              span: { start, end: start + 13, text: '020 7946 0958' },
            },
            { critic: 'risk', rule: 'risk.other', message: 'as severe, later', severity: 2.5 },
          ],
          input: { inputText: 'What is the number?', modelResponse: response, context: {} },
        },
      });
      const inputSide = gatedCase(1, 'in');
      const inputPayload = inputSide.payload as { violations: object[] };
      await store.append({
        ...inputSide,
        payload: {
          ...inputPayload,
          violations: [
            {
              critic: 'risk',
              rule: 'risk.x',
              message: 'x',
              severity: 2,
              side: 'input',
              span: { start: 9, end: 10, text: '1' },
            },
          ],
        },
      });
      await store.append(gatedCase(1, 'none'));
      const cases = new Map((await store.reviewPage({})).reviews.map((c) => [c.traceId, c]));
      const spans = cases.get('spans')!;
      expect(spans.topRule).toEqual({
        critic: 'privacy',
        rule: 'privacy.phone',
        message: 'a phone number',
        severity: 2.5,
      });
      const excerpt = spans.excerpt!;
      expect(excerpt.side).toBe('response');
      expect(excerpt.text.slice(excerpt.start, excerpt.end)).toBe('020 7946 0958');
      expect(excerpt.text.length).toBeLessThan(160);
      expect([excerpt.clippedStart, excerpt.clippedEnd]).toEqual([true, true]);
      expect(response).toContain(excerpt.text);
      expect(cases.get('in1')!.excerpt).toEqual({
        side: 'input',
        text: 'Question 1',
        start: 9,
        end: 10,
        clippedStart: false,
        clippedEnd: false,
      });
      expect(cases.get('none1')!.excerpt).toBeUndefined();
      expect(cases.get('none1')!.topRule).toMatchObject({ rule: 'risk.rule', message: 'risk message' });
    });

    it('refuses a bad cursor or filter with INVALID_INPUT naming the field, the expected and the given value', async () => {
      const store = await open();
      await appendAll(
        store,
        Array.from({ length: 3 }, (_, i) => gatedCase(i)),
      );
      const first = await store.reviewPage({ limit: 1 });
      expect(first.nextCursor).toEqual(expect.any(String));
      const forged = Buffer.from(JSON.stringify([1, 'n', 'yesterday', 'x', 1])).toString('base64url');
      const bad: Array<[ReviewQuery, string, RegExp]> = [
        [
          { cursor: 'not a cursor!' },
          'cursor',
          /^cursor: expected the nextCursor of an earlier page, got "not a cursor!"$/,
        ],
        [{ cursor: 'abc' }, 'cursor', /^cursor: expected the nextCursor of an earlier page, got "abc"$/],
        [{ cursor: forged }, 'cursor', /^cursor: expected the nextCursor/],
        [
          { cursor: first.nextCursor!, order: 'oldest' },
          'cursor',
          /^cursor: expected a cursor of a page read oldest first/,
        ],
        [{ tier: 4 as 2 }, 'tier', /^tier: expected 2 or 3, got 4$/],
        [
          { decision: 'maybe' as 'deny' },
          'decision',
          /^decision: expected 'allow', 'constrained_allow', 'escalate' or 'deny', got "maybe"$/,
        ],
        [{ critic: 'a|b' }, 'critic', /^critic: expected a critic's name .*, got "a\|b"$/],
        [{ since: 'yesterday' }, 'since', /^since: expected an ISO 8601 time .*, got "yesterday"$/],
        [{ q: ' ' }, 'q', /^q: expected text to search for, 1–200 characters, got " "$/],
        [{ limit: 0 }, 'limit', /^limit: expected a whole number from 1 to 1000, got 0$/],
        [{ limit: 1001 }, 'limit', /^limit: expected a whole number from 1 to 1000, got 1001$/],
        [
          { status: 'nope' as 'pending' },
          'status',
          /^status: expected 'pending', 'approved' or 'rejected', got "nope"$/,
        ],
        [{ chain: 'bad chain' }, 'chain', /^chain: expected 1–128 letters/],
        [{ order: 'random' as 'newest' }, 'order', /^order: expected 'newest' or 'oldest', got "random"$/],
      ];
      for (const [query, path, message] of bad) {
        const error = await errorOf(store.reviewPage(query));
        expect(error, JSON.stringify(query)).toMatchObject({ code: 'INVALID_INPUT', path });
        expect(error.message).toMatch(message);
        expect((await errorOf(store.reviews(query))).code).toBe('INVALID_INPUT');
      }
      const next = await store.reviewPage({ limit: 1, cursor: first.nextCursor! });
      expect(next.reviews[0]!.traceId).not.toBe(first.reviews[0]!.traceId);
    });

    it('keeps its queue with the records: a queued case cannot be changed or removed but by its review', async () => {
      const store = await open();
      await appendAll(store, [gatedCase(1)]);
      await expect(sut.exec('DELETE FROM evidence_review_queue')).rejects.toThrow(/review queue follows the evidence/);
      await expect(sut.exec("UPDATE evidence_review_queue SET decision = 'allow'")).rejects.toThrow(/review queue/);
      await store.append(reviewRequest('q1', gatedCase(1).chain, 'approve'));
      await expect(sut.exec("UPDATE evidence_review_queue SET status = 'pending'")).rejects.toThrow(/review queue/);
      expect((await store.reviewPage({ status: 'approved' })).counts.total).toBe(1);
    });
  });
}

// The queue's DOM-free logic: excerpts and top rules from a record, the queue's pages against a server that pages and
// one that does not, counts per filter, sorting, and the short words of a row.
import { describe, expect, it } from 'vitest';
import { ApiError, type Api } from '../../src/ui/client/api.js';
import { cutExcerpt, sideOf, summarize, validExcerpt } from '../../src/ui/client/excerpt.js';
import { formatAge, shortId } from '../../src/ui/client/format.js';
import { countCases, createQueueSource, filterParams } from '../../src/ui/client/queue-data.js';
import { sortCases } from '../../src/ui/client/queue-parts.js';
import type { EvaluationRecord, ReviewCase, Violation } from '../../src/ui/client/types.js';

function kase(traceId: string, extra: Partial<ReviewCase> = {}): ReviewCase {
  return {
    traceId,
    chain: 'default',
    seq: 1,
    createdAt: '2026-01-01T12:00:00.000Z',
    decision: 'escalate',
    tier: 2,
    requiredAction: 'HUMAN_ACK',
    reasons: [],
    critics: [],
    status: 'pending',
    review: null,
    ...extra,
  };
}

function record(input: { inputText: unknown; modelResponse: unknown }, violations: Partial<Violation>[]) {
  return {
    evaluation: {
      input,
      violations: violations.map((v) => ({ rule: 'r', message: 'm', severity: 2, critic: 'c', ...v })),
    },
  } as unknown as EvaluationRecord;
}

describe('cutExcerpt', () => {
  it('keeps about 60 characters each side, cut at a space, and says where it was cut', () => {
    const text = `${'word '.repeat(30)}SPAN${' more'.repeat(30)}`;
    const at = text.indexOf('SPAN');
    const e = cutExcerpt(text, at, at + 4);
    expect(e.text.slice(e.start, e.end)).toBe('SPAN');
    expect(e).toMatchObject({ clippedStart: true, clippedEnd: true });
    expect(e.text.startsWith('word')).toBe(true); // a whole word, not a piece of one
    expect(e.text.endsWith('more')).toBe(true);
    expect(e.text.length).toBeLessThanOrEqual(4 + 2 * 60);
  });

  it('keeps a short text whole, and turns line breaks into spaces without moving the span', () => {
    expect(cutExcerpt('line one\nSPAN\ttwo', 9, 13)).toEqual({
      text: 'line one SPAN two',
      start: 9,
      end: 13,
      clippedStart: false,
      clippedEnd: false,
    });
  });
});

describe('summarize', () => {
  it('takes the most severe violation as the top rule, and the first response span for the excerpt', () => {
    const s = summarize(
      record({ inputText: 'my card 4111', modelResponse: 'a guaranteed cure' }, [
        {
          rule: 'ops.cure',
          message: 'promises a cure',
          severity: 2,
          side: 'response',
          span: { start: 2, end: 17, text: 'guaranteed cure' },
        },
        {
          rule: 'privacy.card',
          message: 'a card number',
          severity: 2.5,
          side: 'input',
          span: { start: 8, end: 12, text: '4111' },
        },
        { rule: 'privacy.other', message: 'as severe, later', severity: 2.5 },
      ]),
    );
    expect(s.topRule).toMatchObject({ rule: 'privacy.card', message: 'a card number', severity: 2.5 });
    expect(s.excerpt).toMatchObject({ side: 'response', text: 'a guaranteed cure', start: 2, end: 17 });
  });

  it("falls back to the input's span, finds a span by its text when offsets moved, and reads the older `source`", () => {
    const s = summarize(
      record({ inputText: 'xx my card 4111', modelResponse: 'no' }, [
        { source: 'input', span: { start: 8, end: 12, text: '4111' } },
      ]),
    );
    expect(s.excerpt).toMatchObject({ side: 'input', start: 11, end: 15 });
    expect(sideOf({ rule: 'r', message: 'm', severity: 1, critic: 'c' })).toBe('response');
  });

  it("shows the response's beginning when no span can be found, and nothing for texts kept as digests", () => {
    expect(summarize(record({ inputText: 'q', modelResponse: 'An answer.' }, [])).excerpt).toMatchObject({
      text: 'An answer.',
      start: 0,
      end: 0,
    });
    const digest = { sha256: 'ab', length: 3 };
    expect(
      summarize(record({ inputText: digest, modelResponse: digest }, [{ span: { start: 0, end: 1, text: 'a' } }])),
    ).toEqual({ topRule: { rule: 'r', message: 'm', critic: 'c', severity: 2 } });
  });

  it('accepts an excerpt from the server only when its offsets lie inside its text', () => {
    expect(validExcerpt({ text: 'abc', start: 1, end: 3 })).toBe(true);
    expect(validExcerpt({ text: 'abc', start: 2, end: 4 })).toBe(false);
    expect(validExcerpt({ text: 'abc', start: 2, end: 1 })).toBe(false);
    expect(validExcerpt('abc')).toBe(false);
  });
});

describe('createQueueSource', () => {
  const counts = { total: 7, byTier: { '2': 3, '3': 4 }, byCritic: { privacy: 4 }, byDecision: { deny: 4 } };

  function api(answer: (path: string) => unknown): Api & { asked: string[] } {
    const asked: string[] = [];
    return {
      key: 'k',
      asked,
      get: <T>(path: string) => {
        asked.push(path);
        return new Promise<T>((resolve) => resolve(answer(path) as T)); // a throw in answer() rejects
      },
      post: () => Promise.reject(new Error('not here')),
      stream: () => Promise.reject(new Error('not here')),
    };
  }

  it('asks the server for a page with the filters as query parameters, and takes its cursor and counts', async () => {
    const server = api(() => ({ reviews: [kase('a')], nextCursor: 'next', counts }));
    const source = createQueueSource(server);
    const page = await source.page({ tier: '3', critic: 'privacy', q: ' card ', decision: '' }, null, 'oldest');
    expect(page).toEqual({ reviews: [kase('a')], nextCursor: 'next', counts, mode: 'server' });
    expect(server.asked).toEqual(['v1/reviews?tier=3&critic=privacy&q=card&status=pending&limit=50&order=oldest']);
    await source.page({}, 'next', 'newest');
    expect(server.asked[1]).toBe('v1/reviews?status=pending&limit=50&cursor=next');
  });

  it('filters, counts and pages itself from the newest 1,000 when the server refuses the parameters', async () => {
    const all = Array.from({ length: 120 }, (_, i) =>
      kase(`c${i}`, i % 2 === 0 ? { tier: 3, decision: 'deny', critics: ['privacy'] } : {}),
    );
    const server = api((path) => {
      if (path.includes('tier=')) throw new ApiError(400, 'INVALID_INPUT', "query.tier: unknown field 'tier'");
      return { reviews: all };
    });
    const source = createQueueSource(server);
    const first = await source.page({ tier: '3' }, null, 'newest');
    expect(server.asked).toEqual(['v1/reviews?tier=3&status=pending&limit=50', 'v1/reviews?status=pending&limit=1000']);
    expect(first).toMatchObject({ mode: 'legacy', nextCursor: '50' });
    expect(first.reviews).toHaveLength(50);
    expect(first.counts).toEqual({
      total: 60,
      byTier: { '2': 60, '3': 60 }, // each choice counted under the other filters
      byCritic: { privacy: 60 },
      byDecision: { deny: 60 },
    });
    const second = await source.page({ tier: '3' }, first.nextCursor, 'newest');
    expect(second.reviews.map((c) => c.traceId)).toEqual([
      'c100',
      'c102',
      'c104',
      'c106',
      'c108',
      'c110',
      'c112',
      'c114',
      'c116',
      'c118',
    ]);
    expect(second.nextCursor).toBeNull();
    expect((await source.page({}, null, 'oldest')).reviews[0]!.traceId).toBe('c119');
    expect(server.asked).toHaveLength(2); // the list is read once
  });

  it('passes on a refusal of a value (a bad filter), which is not a server without paging', async () => {
    const source = createQueueSource(
      api(() => {
        throw new ApiError(400, 'INVALID_INPUT', "query.since: expected an ISO 8601 time, got 'soon'");
      }),
    );
    await expect(source.page({ since: 'soon' }, null, 'newest')).rejects.toThrow(/since/);
  });
});

describe('countCases and filterParams', () => {
  it('counts the total under every filter and each choice under the others; leaves empty filters out', () => {
    const cases = [
      kase('a', { tier: 3, decision: 'deny', critics: ['privacy', 'risk'] }),
      kase('b', { tier: 2, critics: ['risk'] }),
      kase('c', { tier: 3, decision: 'deny', critics: ['privacy'], reasons: ['card number'] }),
    ];
    expect(countCases(cases, { tier: '3', critic: 'risk' })).toEqual({
      total: 1,
      byTier: { '2': 1, '3': 1 },
      byCritic: { privacy: 2, risk: 1 },
      byDecision: { deny: 1 },
    });
    expect(countCases(cases, { q: 'CARD' }).total).toBe(1);
    expect(filterParams({ tier: '', critic: 'risk', q: '  ' }).toString()).toBe('critic=risk');
  });
});

describe('sortCases', () => {
  it('orders by tier or decision either way, ties in the order given', () => {
    const cases = [
      kase('a', { tier: 2, decision: 'escalate' }),
      kase('b', { tier: 3, decision: 'deny' }),
      kase('c', { tier: 2, decision: 'constrained_allow' }),
      kase('d', { tier: 3, decision: 'escalate' }),
    ];
    const ids = (sorted: ReviewCase[]) => sorted.map((c) => c.traceId);
    expect(ids(sortCases(cases, { key: 'tier', descending: true }))).toEqual(['b', 'd', 'a', 'c']);
    expect(ids(sortCases(cases, { key: 'tier', descending: false }))).toEqual(['a', 'c', 'b', 'd']);
    expect(ids(sortCases(cases, { key: 'decision', descending: true }))).toEqual(['b', 'a', 'd', 'c']);
  });
});

describe('shortId and formatAge', () => {
  it('shortens long trace ids only, and says how long ago in words', () => {
    expect(shortId('ui-ack-1')).toBe('ui-ack-1');
    expect(shortId('f47ac10b-58cc-4372-a567-0e02b2c3d479')).toBe('f47ac10b…');
    const now = Date.parse('2026-01-01T12:00:00Z');
    const ago = (ms: number) => formatAge(new Date(now - ms).toISOString(), now);
    expect([ago(10_000), ago(5 * 60_000), ago(3 * 3_600_000), ago(2 * 86_400_000)]).toEqual([
      'just now',
      '5 min ago',
      '3 h ago',
      '2 d ago',
    ]);
    expect(formatAge('not a time', now)).toBe('not a time');
  });
});

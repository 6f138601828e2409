// The queue's data: a page of pending cases filtered and counted by the server (GET /v1/reviews), or — from a server
// without paging yet — its newest 1,000 filtered, counted and paged here.
import { ApiError, type Api } from './api.js';
import type { ReviewCase, ReviewPage } from './types.js';

/** Cases per page. */
export const PAGE_SIZE = 50;
/** The most a server without paging lists at once. */
const LEGACY_LIMIT = 1000;

/** The queue's filters, named as the API's query parameters ('' or absent: any). */
export interface QueueFilters {
  readonly tier?: string;
  readonly critic?: string;
  readonly decision?: string;
  readonly q?: string;
  readonly chain?: string;
  readonly since?: string;
}

export const FILTER_NAMES = ['tier', 'critic', 'decision', 'q', 'chain', 'since'] as const;

export type Counts = ReviewPage['counts'];

export interface QueuePage {
  reviews: ReviewCase[];
  nextCursor: string | null;
  counts: Counts;
  /** 'legacy': the server lists only its newest 1,000 pending cases, so the page filters and counts those. */
  mode: 'server' | 'legacy';
}

/** The filters that are set, as query parameters. */
export function filterParams(filters: QueueFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const value = filters[name]?.trim();
    if (value) params.set(name, value);
  }
  return params;
}

function matches(c: ReviewCase, f: QueueFilters, skip?: keyof QueueFilters): boolean {
  const q = skip === 'q' ? '' : (f.q ?? '').trim().toLowerCase();
  return (
    (skip === 'tier' || !f.tier || String(c.tier) === f.tier) &&
    (skip === 'critic' || !f.critic || c.critics.includes(f.critic)) &&
    (skip === 'decision' || !f.decision || c.decision === f.decision) &&
    (!f.chain || c.chain === f.chain) &&
    (!f.since || c.createdAt >= f.since) &&
    (q === '' || [c.traceId, ...c.reasons, ...c.critics].some((t) => t.toLowerCase().includes(q)))
  );
}

function tally(cases: readonly ReviewCase[], key: (c: ReviewCase) => readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of cases) for (const k of key(c)) out[k] = (out[k] ?? 0) + 1;
  return out;
}

/**
 * Counts as the server gives them: `total` under every filter; each `by…` under the other filters, so a choice's
 * count says how many cases choosing it would show.
 */
export function countCases(cases: readonly ReviewCase[], filters: QueueFilters): Counts {
  return {
    total: cases.filter((c) => matches(c, filters)).length,
    byTier: tally(
      cases.filter((c) => matches(c, filters, 'tier')),
      (c) => [String(c.tier)],
    ),
    byCritic: tally(
      cases.filter((c) => matches(c, filters, 'critic')),
      (c) => c.critics,
    ),
    byDecision: tally(
      cases.filter((c) => matches(c, filters, 'decision')),
      (c) => [c.decision],
    ),
  };
}

export type Order = 'newest' | 'oldest';

/** A page of a server without paging: the cursor is the offset into its (newest 1,000) list, filtered here. */
function legacyPage(all: readonly ReviewCase[], filters: QueueFilters, cursor: string | null, order: Order): QueuePage {
  const matching = all.filter((c) => matches(c, filters));
  const shown = order === 'oldest' ? matching.reverse() : matching;
  const from = cursor === null ? 0 : Number(cursor);
  const to = from + PAGE_SIZE;
  return {
    reviews: shown.slice(from, to),
    nextCursor: to < shown.length ? String(to) : null,
    counts: countCases(all, filters),
    mode: 'legacy',
  };
}

/** A refusal of the query's parameters as unknown: a server that does not page yet (a bad value is a real error). */
const refusesParams = (error: unknown): boolean =>
  error instanceof ApiError &&
  error.status === 400 &&
  error.code === 'INVALID_INPUT' &&
  /^query\.[a-z]*: unknown field/.test(error.message);

export interface QueueSource {
  /** The page after `cursor` (null: the first) under `filters`, newest or oldest first. */
  page(filters: QueueFilters, cursor: string | null, order: Order, signal?: AbortSignal): Promise<QueuePage>;
}

/** Pages through the API; falls back to filtering here once a server answers without paging. */
export function createQueueSource(api: Api): QueueSource {
  let legacy: ReviewCase[] | undefined;
  const loadLegacy = async (signal?: AbortSignal): Promise<ReviewCase[]> =>
    (legacy ??= (await api.get<{ reviews: ReviewCase[] }>(`v1/reviews?status=pending&limit=${LEGACY_LIMIT}`, signal))
      .reviews);
  return {
    async page(filters, cursor, order, signal) {
      if (legacy !== undefined) return legacyPage(legacy, filters, cursor, order);
      const params = filterParams(filters);
      params.set('status', 'pending');
      params.set('limit', String(PAGE_SIZE));
      if (order === 'oldest') params.set('order', 'oldest');
      if (cursor !== null) params.set('cursor', cursor);
      let answer: Partial<ReviewPage> & { reviews: ReviewCase[] };
      try {
        answer = await api.get(`v1/reviews?${params.toString()}`, signal);
      } catch (error) {
        if (!refusesParams(error)) throw error;
        return legacyPage(await loadLegacy(signal), filters, cursor, order);
      }
      if (answer.counts === undefined || answer.nextCursor === undefined) {
        // Parameters accepted but no page: an older server's list, unfiltered.
        return legacyPage(await loadLegacy(signal), filters, cursor, order);
      }
      return { reviews: answer.reviews, nextCursor: answer.nextCursor, counts: answer.counts, mode: 'server' };
    },
  };
}

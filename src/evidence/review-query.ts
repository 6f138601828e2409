// The review queue's query, shared by both stores: its checks, its opaque keyset cursor, its SQL filters and counts.
// Typechecked for the browser too (through http/schemas.ts): direct imports of browser-safe files, not whole layers.
import { EleanorError } from '../core/errors.js';
import type { Decision } from '../verdict/types.js';
import type { ReviewCounts, ReviewQuery, ReviewStatus } from './types.js';

export const REVIEW_LIMIT_DEFAULT = 100;
export const REVIEW_LIMIT_MAX = 1000;
/** Longest `q`: a search, not a document. */
export const REVIEW_SEARCH_MAX = 200;

const STATUSES: readonly ReviewStatus[] = ['pending', 'approved', 'rejected'];
export const DECISIONS: readonly Decision[] = ['allow', 'constrained_allow', 'escalate', 'deny'];
export const CHAIN_NAME = /^[A-Za-z0-9._:-]{1,128}$/;
/** Critic names as configured (letters, digits, _ and -), and what custom ones may add; never '|' (the separator). */
export const CRITIC_NAME = /^[A-Za-z0-9_][A-Za-z0-9._:-]{0,127}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/;
/** A cursor is base64url: short, URL-safe, and says nothing a client should build on. */
const CURSOR = /^[A-Za-z0-9_-]{1,1024}$/;

/** Where a page ended: the keyset (created at, chain, seq) of its last case, and the order it was read in. */
export interface CursorPosition {
  readonly createdAt: string;
  readonly chain: string;
  readonly seq: number;
  readonly order: 'newest' | 'oldest';
}

/** A checked query: every filter valid, the limit set, the cursor decoded. */
export interface ReviewPlan {
  readonly limit: number;
  readonly order: 'newest' | 'oldest';
  readonly status?: ReviewStatus;
  readonly chain?: string;
  readonly tier?: 2 | 3;
  readonly critic?: string;
  readonly decision?: Decision;
  /** Canonical ISO time. */
  readonly since?: string;
  /** Lower-cased. */
  readonly q?: string;
  readonly after?: CursorPosition;
}

function invalid(field: string, expected: string, got: unknown): EleanorError {
  return new EleanorError(
    'INVALID_INPUT',
    `${field}: expected ${expected}, got ${JSON.stringify(got) ?? 'undefined'}`,
    {
      path: field,
    },
  );
}

/** UTF-8 text as base64url, with what both Node and a browser have (this module's checks also type the dashboard's). */
function toBase64Url(text: string): string {
  const binary = String.fromCharCode(...new TextEncoder().encode(text));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(encoded: string): string {
  const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

export function encodeCursor(position: CursorPosition): string {
  const { createdAt, chain, seq, order } = position;
  return toBase64Url(JSON.stringify([1, order === 'newest' ? 'n' : 'o', createdAt, chain, seq]));
}

const CURSOR_EXPECTED = 'the nextCursor of an earlier page';

/** The position a cursor holds, or INVALID_INPUT naming `cursor` (whatever was sent: cursors are opaque). */
export function decodeCursor(cursor: unknown): CursorPosition {
  if (typeof cursor !== 'string' || !CURSOR.test(cursor)) throw invalid('cursor', CURSOR_EXPECTED, cursor);
  let parts: unknown;
  try {
    parts = JSON.parse(fromBase64Url(cursor));
  } catch {
    throw invalid('cursor', CURSOR_EXPECTED, cursor);
  }
  if (!Array.isArray(parts) || parts.length !== 5 || parts[0] !== 1) throw invalid('cursor', CURSOR_EXPECTED, cursor);
  const [, order, createdAt, chain, seq] = parts as unknown[];
  const time = typeof createdAt === 'string' && ISO_TIME.test(createdAt) ? Date.parse(createdAt) : Number.NaN;
  if (
    (order !== 'n' && order !== 'o') ||
    Number.isNaN(time) ||
    new Date(time).toISOString() !== createdAt ||
    typeof chain !== 'string' ||
    !CHAIN_NAME.test(chain) ||
    !Number.isSafeInteger(seq) ||
    (seq as number) < 1
  ) {
    throw invalid('cursor', CURSOR_EXPECTED, cursor);
  }
  return { createdAt, chain, seq: seq as number, order: order === 'n' ? 'newest' : 'oldest' };
}

/** True for a cursor `decodeCursor` accepts. */
export function isCursor(cursor: string): boolean {
  try {
    decodeCursor(cursor);
    return true;
  } catch {
    return false;
  }
}

/** True for an ISO 8601 time `since` accepts. */
export function isIsoTime(time: string): boolean {
  return ISO_TIME.test(time) && !Number.isNaN(Date.parse(time));
}

/** True for a `q` the search accepts: not blank, at most REVIEW_SEARCH_MAX characters. */
export function isSearch(q: string): boolean {
  return q.trim() !== '' && q.length <= REVIEW_SEARCH_MAX;
}

/** Checks every field of `query` (INVALID_INPUT naming the field, what was expected and what was given). */
export function planReviews(query: ReviewQuery = {}): ReviewPlan {
  if (typeof query !== 'object' || query === null) throw invalid('query', 'an object', query);
  const { status, chain, tier, critic, decision, since, q, cursor } = query;
  const limit = query.limit ?? REVIEW_LIMIT_DEFAULT;
  if (!Number.isInteger(limit) || limit < 1 || limit > REVIEW_LIMIT_MAX) {
    throw invalid('limit', `a whole number from 1 to ${REVIEW_LIMIT_MAX}`, limit);
  }
  const order = query.order ?? 'newest';
  if (order !== 'newest' && order !== 'oldest') throw invalid('order', "'newest' or 'oldest'", order);
  if (status !== undefined && !STATUSES.includes(status)) {
    throw invalid('status', "'pending', 'approved' or 'rejected'", status);
  }
  if (chain !== undefined && (typeof chain !== 'string' || !CHAIN_NAME.test(chain))) {
    throw invalid('chain', '1–128 letters, digits or . _ : -', chain);
  }
  if (tier !== undefined && tier !== 2 && tier !== 3) throw invalid('tier', '2 or 3', tier);
  if (critic !== undefined && (typeof critic !== 'string' || !CRITIC_NAME.test(critic))) {
    throw invalid('critic', "a critic's name (1–128 letters, digits or _ . : -)", critic);
  }
  if (decision !== undefined && !DECISIONS.includes(decision)) {
    throw invalid('decision', "'allow', 'constrained_allow', 'escalate' or 'deny'", decision);
  }
  if (since !== undefined && (typeof since !== 'string' || !isIsoTime(since))) {
    throw invalid('since', 'an ISO 8601 time such as 2026-11-25T12:00:00Z', since);
  }
  if (q !== undefined && (typeof q !== 'string' || !isSearch(q))) {
    throw invalid('q', `text to search for, 1–${REVIEW_SEARCH_MAX} characters`, q);
  }
  const after = cursor === undefined ? undefined : decodeCursor(cursor);
  if (after !== undefined && after.order !== order) {
    throw invalid('cursor', `a cursor of a page read ${order} first (this one continues ${after.order} first)`, cursor);
  }
  return {
    limit,
    order,
    ...(status !== undefined && { status }),
    ...(chain !== undefined && { chain }),
    ...(tier !== undefined && { tier }),
    ...(critic !== undefined && { critic }),
    ...(decision !== undefined && { decision }),
    ...(since !== undefined && { since: new Date(Date.parse(since)).toISOString() }),
    ...(q !== undefined && { q: q.toLowerCase() }),
    ...(after !== undefined && { after }),
  };
}

/** How a store's SQL spells what differs: parameters and the text search. */
export interface ReviewDialect {
  /** Adds a parameter; returns its placeholder. `time`: a timestamp; `int`: a whole number. */
  param(value: string | number, type?: 'time' | 'int'): string;
  /** The condition "the queue's texts (stored lower-cased) contain q" for the lower-cased q. */
  contains(q: string): string;
}

/** Where reviewConditions reads the keys and the critic filter from. */
export interface ConditionSource {
  /** The alias whose created_at, chain and seq are read. @default 'q' */
  readonly key?: string;
  /**
   * review_critics (schema-prefixed) when the critic filter is a lookup in it for each queue row `q`, as when the rows
   * come from the text index; unset when the page reads review_critics itself as `c` (pageKeys).
   */
  readonly critics?: string;
}

/**
 * The WHERE conditions on the queue table `q` (and `key`, the table whose created_at, chain and seq are read) for a
 * page of `plan`, after its cursor; or for its counts, which leave out the cursor and the three facets (tier, critic,
 * decision): reviewCounts applies those to the groups.
 */
export function reviewConditions(
  plan: ReviewPlan,
  sql: ReviewDialect,
  use: 'page' | 'counts',
  source: ConditionSource = {},
): string {
  const where: string[] = [];
  const page = use === 'page';
  const key = source.key ?? 'q';
  if (page && plan.critic !== undefined) {
    const critic = sql.param(plan.critic);
    where.push(
      source.critics === undefined
        ? `c.critic = ${critic}`
        : `EXISTS (SELECT 1 FROM ${source.critics} c WHERE c.critic = ${critic} AND c.created_at = q.created_at
          AND c.chain = q.chain AND c.seq = q.seq)`,
    );
  }
  if (plan.status !== undefined) where.push(`q.status = ${sql.param(plan.status)}`);
  if (plan.chain !== undefined) where.push(`${key}.chain = ${sql.param(plan.chain)}`);
  if (page && plan.tier !== undefined) where.push(`q.tier = ${sql.param(plan.tier, 'int')}`);
  if (page && plan.decision !== undefined) where.push(`q.decision = ${sql.param(plan.decision)}`);
  if (plan.since !== undefined) where.push(`${key}.created_at >= ${sql.param(plan.since, 'time')}`);
  if (plan.q !== undefined) where.push(sql.contains(plan.q));
  if (page && plan.after !== undefined) {
    const { createdAt, chain, seq } = plan.after;
    const position = `${sql.param(createdAt, 'time')}, ${sql.param(chain)}, ${sql.param(seq, 'int')}`;
    const before = plan.order === 'newest' ? '<' : '>';
    where.push(`(${key}.created_at, ${key}.chain, ${key}.seq) ${before} (${position})`);
  }
  return where.length === 0 ? 'TRUE' : where.join(' AND ');
}

/** The keyset order of a plan: newest (or oldest) first, ties by chain and seq. */
export function reviewOrder(plan: ReviewPlan, alias = 'q'): string {
  const dir = plan.order === 'newest' ? 'DESC' : 'ASC';
  return `${alias}.created_at ${dir}, ${alias}.chain ${dir}, ${alias}.seq ${dir}`;
}

/**
 * The keys (chain, seq, trace_id, created_at) of a page of `plan` plus one case (to know whether another page
 * follows), in order. With a critic, read from that critic's rows of review_critics in order (a rare critic's cases
 * are found at once, not by walking the queue); else from the queue's own indexes. `tables` is the schema prefix.
 */
export function pageKeys(plan: ReviewPlan, sql: ReviewDialect, tables = ''): string {
  const queue = `${tables}evidence_review_queue`;
  const key = plan.critic === undefined ? 'q' : 'c';
  const from =
    plan.critic === undefined
      ? `${queue} q`
      : `${tables}evidence_review_critics c JOIN ${queue} q ON q.chain = c.chain AND q.seq = c.seq`;
  const where = reviewConditions(plan, sql, 'page', { key });
  return `SELECT q.chain, q.seq, q.trace_id, q.created_at FROM ${from} WHERE ${where}
    ORDER BY ${reviewOrder(plan, key)} LIMIT ${sql.param(plan.limit + 1, 'int')}`;
}

/**
 * Every case of a page of `plan` (after its cursor), read from `from` — the queue rows `q` the text index gives, or the
 * queue itself — unsorted: for a text search matching few cases (SEARCH_SORTED at most), whose page is found by sorting
 * its matches, as walking the queue in order to them could pass every case before. The critic filter is a lookup per
 * case. `tables` is the schema prefix.
 */
export function matchedPageKeys(plan: ReviewPlan, sql: ReviewDialect, from: string, tables = ''): string {
  const where = reviewConditions(plan, sql, 'page', { critics: `${tables}evidence_review_critics` });
  return `SELECT q.chain, q.seq, q.trace_id, q.created_at FROM ${from} WHERE ${where}`;
}

/**
 * Most cases a text search may match (in the whole queue) for its page to be read by matchedPageKeys, every match
 * then sorted; past it, matches are many, and walking the queue in order reaches a page of them soon.
 */
export const SEARCH_SORTED = 5_000;

/**
 * The table the counts of `plan` are read from: the kept counts (review_counts), or — with `since` or `q`, which
 * they do not hold — the queue itself, every matching case counted.
 */
export function countsSource(plan: ReviewPlan, tables = ''): { table: string; n: string } {
  return plan.since === undefined && plan.q === undefined
    ? { table: `${tables}evidence_review_counts`, n: 'sum(q.n)' }
    : { table: `${tables}evidence_review_queue`, n: 'count(*)' };
}

/** `q` as a LIKE pattern matching it anywhere (its own % _ and \ escaped). */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A page from the rows of a page query (one more than the limit when another page follows), and its cursor. */
export function pageOf<R extends { createdAt: string; chain: string; seq: number }, T>(
  rows: readonly R[],
  plan: ReviewPlan,
  toCase: (row: R) => T,
): { reviews: T[]; nextCursor: string | null } {
  const more = rows.length > plan.limit;
  const shown = more ? rows.slice(0, plan.limit) : rows;
  const last = shown[shown.length - 1];
  return {
    reviews: shown.map(toCase),
    nextCursor:
      more && last !== undefined
        ? encodeCursor({ createdAt: last.createdAt, chain: last.chain, seq: last.seq, order: plan.order })
        : null,
  };
}

/** One group of the counts query: cases of one tier, decision and critic list. */
export interface CountGroup {
  tier: number;
  decision: string;
  critics: string;
  n: number;
}

/**
 * The counts from the groups of every case under the plan's other filters: `total` under every filter, and each
 * `by…` under every filter but its own, so that a choice's count is how many cases choosing it would show.
 */
export function reviewCounts(groups: readonly CountGroup[], plan: ReviewPlan): ReviewCounts {
  const counts: ReviewCounts = {
    total: 0,
    byTier: { '2': 0, '3': 0 },
    byCritic: {},
    byDecision: { allow: 0, constrained_allow: 0, escalate: 0, deny: 0 },
  };
  for (const { tier, decision, critics, n } of groups) {
    const count = Number(n);
    if (count === 0) continue; // a kind of case the counts table once held and holds no more
    const names = critics.split('|').filter((c) => c !== '');
    const tierOk = plan.tier === undefined || Number(tier) === plan.tier;
    const decisionOk = plan.decision === undefined || decision === plan.decision;
    const criticOk = plan.critic === undefined || names.includes(plan.critic);
    if (tierOk && decisionOk && criticOk) counts.total += count;
    if (decisionOk && criticOk && (Number(tier) === 2 || Number(tier) === 3)) {
      counts.byTier[Number(tier) === 2 ? '2' : '3'] += count;
    }
    if (tierOk && criticOk && (DECISIONS as readonly string[]).includes(decision)) {
      counts.byDecision[decision as Decision] += count;
    }
    if (tierOk && decisionOk) for (const name of names) counts.byCritic[name] = (counts.byCritic[name] ?? 0) + count;
  }
  counts.byCritic = Object.fromEntries(Object.entries(counts.byCritic).sort(([a], [b]) => (a < b ? -1 : 1)));
  return counts;
}

// The review queue's reads in PostgreSQL: a keyset page of the queue tables (migration 3) and the counts of its filters.
import {
  SEARCH_SORTED,
  countsSource,
  likePattern,
  matchedPageKeys,
  pageKeys,
  reviewConditions,
  reviewOrder,
  type ReviewDialect,
  type ReviewPlan,
} from '../review-query.js';

export interface Query {
  readonly text: string;
  readonly values: (string | number)[];
}

/**
 * True when the trigram index is worth reading for `q`: it holds a word of three letters or digits. pg_trgm takes its
 * trigrams from the words of a pattern; from short words alone ("0: h") it gets a few that nearly every text has, and
 * rechecking all those texts costs more than reading them in order (the planner does not count the rechecks).
 */
export function searchesIndex(q: string): boolean {
  return /[\p{L}\p{N}]{3}/u.test(q);
}

function dialect(values: (string | number)[]): ReviewDialect {
  const param = (value: string | number, type?: 'time' | 'int'): string => {
    values.push(value);
    return `$${values.length}${type === 'time' ? '::timestamptz' : type === 'int' ? '::bigint' : ''}`;
  };
  // The texts are stored lower-cased by the database's lower(): every script under a UTF-8 locale (C.UTF-8, …). LIKE
  // on them is what the trigram index (gin_trgm_ops) answers; strpos() (the same match) is what it cannot, and is
  // faster than LIKE when every case is read.
  return {
    param,
    contains: (q) => (searchesIndex(q) ? `q.texts LIKE ${param(likePattern(q))}` : `strpos(q.texts, ${param(q)}) > 0`),
  };
}

/**
 * The plan's page, one case more than asked (to know whether another page follows), with its records. A text search
 * whose count (`total`) is small is read by finding every match first (through the trigram index) and sorting them —
 * else the planner may walk the queue in order, and pass every case before the few that match.
 */
export function pageQuery(schema: string, plan: ReviewPlan, total?: number): Query {
  const values: (string | number)[] = [];
  const sql = dialect(values);
  const tables = `"${schema}".`;
  const sorted = plan.q !== undefined && searchesIndex(plan.q) && total !== undefined && total <= SEARCH_SORTED;
  const keys = sorted
    ? `WITH q AS MATERIALIZED (${matchedPageKeys(plan, sql, `${tables}evidence_review_queue q`, tables)})
      SELECT * FROM q ORDER BY ${reviewOrder(plan)} LIMIT ${sql.param(plan.limit + 1, 'int')}`
    : pageKeys(plan, sql, tables);
  const table = `"${schema}".evidence`;
  // The page of keys first (the queue's indexes alone), then its records: the joins touch `limit` rows only.
  const text = `SELECT q.chain, q.seq, q.trace_id AS "traceId", q.created_at AS "createdAt", e.record,
      r.record AS "reviewRecord", r.seq AS "reviewSeq"
    FROM (${keys}) AS q
    JOIN ${table} e ON e.chain = q.chain AND e.seq = q.seq
    LEFT JOIN ${table} r ON r.kind = 'review' AND r.trace_id = q.trace_id AND r.chain = q.chain
    ORDER BY ${reviewOrder(plan)}`;
  return { text, values };
}

/** How many cases match the plan's filters, grouped by tier, decision and critic list. */
export function countsQuery(schema: string, plan: ReviewPlan): Query {
  const values: (string | number)[] = [];
  const where = reviewConditions(plan, dialect(values), 'counts');
  const { table, n } = countsSource(plan, `"${schema}".`);
  const text = `SELECT q.tier, q.decision, q.critics, ${n} AS n FROM ${table} q WHERE ${where}
    GROUP BY q.tier, q.decision, q.critics`;
  return { text, values };
}

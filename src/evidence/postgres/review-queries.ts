// The review queue's reads in PostgreSQL: a keyset page of the queue tables (migration 3) and the counts of its filters.
import {
  countsSource,
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

function dialect(values: (string | number)[]): ReviewDialect {
  const param = (value: string | number, type?: 'time' | 'int'): string => {
    values.push(value);
    return `$${values.length}${type === 'time' ? '::timestamptz' : type === 'int' ? '::bigint' : ''}`;
  };
  // The texts are stored lower-cased by the database's lower(): every script under a UTF-8 locale (C.UTF-8, …);
  // strpos() on them is several times faster than ILIKE on the texts as recorded.
  return { param, contains: (q) => `strpos(q.texts, ${param(q)}) > 0` };
}

/** The plan's page, one case more than asked (to know whether another page follows), with its records. */
export function pageQuery(schema: string, plan: ReviewPlan): Query {
  const values: (string | number)[] = [];
  const keys = pageKeys(plan, dialect(values), `"${schema}".`);
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

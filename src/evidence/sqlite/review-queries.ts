// The review queue's reads in SQLite: a keyset page of the queue table (migration 3) and the counts of its filters.
import type Database from 'better-sqlite3';
import {
  countsSource,
  likePattern,
  pageKeys,
  pageOf,
  reviewConditions,
  reviewCounts,
  reviewOrder,
  type CountGroup,
  type ReviewDialect,
  type ReviewPlan,
} from '../review-query.js';
import { toReviewCase, type ReviewRow } from '../review-case.js';
import type { ReviewCase, ReviewCounts } from '../types.js';

const ASCII = /^[\x20-\x7e]*$/;

/** Most statements kept prepared: one per combination of filters in use (there are a few hundred at most). */
const CACHED = 512;

/** `contains(texts, q)`: texts hold q, ignoring case in every script (SQLite's own lower() folds ASCII only). */
function contains(texts: unknown, q: unknown): number {
  return typeof texts === 'string' && typeof q === 'string' && texts.toLowerCase().includes(q) ? 1 : 0;
}

function dialect(values: (string | number)[]): ReviewDialect {
  return {
    param(value) {
      values.push(value);
      return '?';
    },
    contains(q) {
      values.push(q);
      // The texts are stored lower-cased by SQLite's lower(), which folds ASCII letters only: LIKE (faster than instr
      // here) serves an ASCII needle natively; any other is matched in JavaScript, which folds every script.
      if (!ASCII.test(q)) return 'q.texts IS NOT NULL AND eleanor_contains(q.texts, ?)';
      values[values.length - 1] = likePattern(q);
      return "q.texts LIKE ? ESCAPE '\\'";
    },
  };
}

export class SqliteReviewQueries {
  readonly #db: Database.Database;
  readonly #statements = new Map<string, Database.Statement>();

  constructor(db: Database.Database) {
    this.#db = db;
    db.function('eleanor_contains', { deterministic: true }, contains);
  }

  #prepare(sql: string): Database.Statement {
    let statement = this.#statements.get(sql);
    if (statement === undefined) {
      if (this.#statements.size >= CACHED) this.#statements.clear();
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  /** The plan's page (one case more than asked, to know whether another page follows) and its cursor. */
  page(plan: ReviewPlan): { reviews: ReviewCase[]; nextCursor: string | null } {
    const values: (string | number)[] = [];
    const keys = pageKeys(plan, dialect(values));
    // The page of keys first (the queue's indexes alone), then its records: the joins touch `limit` rows only.
    const sql = `SELECT q.chain, q.seq, q.trace_id AS traceId, q.created_at AS createdAt, e.record,
        r.record AS reviewRecord, r.seq AS reviewSeq
      FROM (${keys}) AS q
      JOIN evidence e ON e.chain = q.chain AND e.seq = q.seq
      LEFT JOIN evidence r ON r.kind = 'review' AND r.trace_id = q.trace_id AND r.chain = q.chain
      ORDER BY ${reviewOrder(plan)}`;
    return pageOf(this.#prepare(sql).all(...values) as ReviewRow[], plan, toReviewCase);
  }

  /** How many cases match the plan's filters, by tier, critic and decision (one pass over the queue's index). */
  counts(plan: ReviewPlan): ReviewCounts {
    const values: (string | number)[] = [];
    let where = reviewConditions(plan, dialect(values), 'counts');
    // Counting a text search reads every candidate's texts: in table order (one pass over the pages) that is about a
    // third faster than in an index's order; `+` keeps SQLite from choosing the index. `since` keeps its range.
    if (plan.q !== undefined && plan.since === undefined) where = where.replace(/\bq\.(status|chain) =/g, '+q.$1 =');
    const { table, n } = countsSource(plan);
    const sql = `SELECT q.tier, q.decision, q.critics, ${n} AS n FROM ${table} q WHERE ${where}
      GROUP BY q.tier, q.decision, q.critics`;
    return reviewCounts(this.#prepare(sql).all(...values) as CountGroup[], plan);
  }
}

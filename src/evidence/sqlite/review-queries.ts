// The review queue's reads in SQLite: a keyset page of the queue table (migration 3) and the counts of its filters; a
// text search through the trigram index of its texts (migration 4) when it can answer it.
import type Database from 'better-sqlite3';
import {
  SEARCH_SORTED,
  countsSource,
  likePattern,
  matchedPageKeys,
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
import type { ReviewCase, ReviewCounts, ReviewPage } from '../types.js';
import { TextSearch } from './text-search.js';

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

/** The queue rows `q` whose texts hold every trigram of an FTS5 query (a parameter): candidates, checked after. */
function candidates(sql: ReviewDialect, query: string): string {
  return `evidence_review_text t
    CROSS JOIN evidence_review_text_case k ON t.evidence_review_text MATCH ${sql.param(query)} AND k.id = t.rowid
    CROSS JOIN evidence_review_queue q ON q.chain = k.chain AND q.seq = k.seq`;
}

export class SqliteReviewQueries {
  readonly #db: Database.Database;
  readonly #statements = new Map<string, Database.Statement>();
  readonly #search: TextSearch;

  constructor(db: Database.Database) {
    this.#db = db;
    db.function('eleanor_contains', { deterministic: true }, contains);
    this.#search = new TextSearch(db);
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

  /** The plan's page and its counts, in one read transaction (they see the same records). */
  reviewPage(plan: ReviewPlan): ReviewPage {
    const search = this.#indexedSearch(plan);
    return this.#db.transaction(() => {
      const matches = search !== undefined && this.#fewMatches(search) ? search : undefined;
      const counts = this.#counts(plan, matches);
      // No case matching, no page to look for (a filter matching nothing would otherwise walk every case it could).
      const page = counts.total === 0 ? { reviews: [], nextCursor: null } : this.#page(plan, matches);
      return { ...page, counts };
    })();
  }

  /** The plan's page alone. */
  page(plan: ReviewPlan): { reviews: ReviewCase[]; nextCursor: string | null } {
    const search = this.#indexedSearch(plan);
    return this.#db.transaction(() => {
      return this.#page(plan, search !== undefined && this.#fewMatches(search) ? search : undefined);
    })();
  }

  /** The FTS5 query of the plan's text search, when the index can answer it (probed outside any read). */
  #indexedSearch(plan: ReviewPlan): string | undefined {
    return plan.q === undefined ? undefined : this.#search.query(plan.q);
  }

  /** True when the index gives SEARCH_SORTED candidates at most (it stops counting there). */
  #fewMatches(search: string): boolean {
    const sql = `SELECT count(*) AS n FROM (SELECT 1 FROM evidence_review_text WHERE evidence_review_text MATCH ?
      LIMIT ${SEARCH_SORTED + 1})`;
    return (this.#prepare(sql).get(search) as { n: number }).n <= SEARCH_SORTED;
  }

  /**
   * The plan's page (one case more than asked, to know whether another page follows) and its cursor. `matches`: the
   * FTS5 query of a text search matching few cases, whose page is sorted from the index's candidates.
   */
  #page(plan: ReviewPlan, matches: string | undefined): { reviews: ReviewCase[]; nextCursor: string | null } {
    const values: (string | number)[] = [];
    const sql = dialect(values);
    const keys =
      matches === undefined
        ? pageKeys(plan, sql)
        : `${matchedPageKeys(plan, sql, candidates(sql, matches))}
          ORDER BY ${reviewOrder(plan)} LIMIT ${sql.param(plan.limit + 1, 'int')}`;
    // The page of keys first (the queue's indexes alone), then its records: the joins touch `limit` rows only.
    const text = `SELECT q.chain, q.seq, q.trace_id AS traceId, q.created_at AS createdAt, e.record,
        r.record AS reviewRecord, r.seq AS reviewSeq
      FROM (${keys}) AS q
      JOIN evidence e ON e.chain = q.chain AND e.seq = q.seq
      LEFT JOIN evidence r ON r.kind = 'review' AND r.trace_id = q.trace_id AND r.chain = q.chain
      ORDER BY ${reviewOrder(plan)}`;
    return pageOf(this.#prepare(text).all(...values) as ReviewRow[], plan, toReviewCase);
  }

  /** How many cases match the plan's filters, by tier, critic and decision. `matches`: as for #page. */
  #counts(plan: ReviewPlan, matches: string | undefined): ReviewCounts {
    const values: (string | number)[] = [];
    const sql = dialect(values);
    let from: string;
    let n: string;
    if (matches === undefined) {
      ({ table: from, n } = countsSource(plan));
      from += ' q';
    } else {
      from = candidates(sql, matches);
      n = 'count(*)';
    }
    let where = reviewConditions(plan, sql, 'counts');
    // Counting a text search without the index reads every candidate's texts: in table order (one pass over the pages)
    // that is about a third faster than in an index's order; `+` keeps SQLite from choosing the index. `since` keeps
    // its range.
    if (plan.q !== undefined && matches === undefined && plan.since === undefined) {
      where = where.replace(/\bq\.(status|chain) =/g, '+q.$1 =');
    }
    const text = `SELECT q.tier, q.decision, q.critics, ${n} AS n FROM ${from} WHERE ${where}
      GROUP BY q.tier, q.decision, q.critics`;
    return reviewCounts(this.#prepare(text).all(...values) as CountGroup[], plan);
  }
}

// The server evidence store: PostgreSQL through a pg pool, group-committed under per-chain advisory locks.
import type pg from 'pg';
import type { CustomTypesConfig, PoolClient, QueryResultRow } from 'pg';
import { EleanorError, isEleanorError } from '../../core/index.js';
import { importPackage } from '../../core/index.js';
import { chainBatch } from '../chain-append.js';
import { ChainChecker, toEntry } from '../chain-check.js';
import { GroupCommit } from '../group-commit.js';
import { prepareAppend, sinceTime, storeError, type PreparedAppend } from '../pending.js';
import { toReviewCase, type ReviewRow } from '../review-case.js';
import { countsSource, pageOf, planReviews, reviewCounts, type CountGroup, type ReviewPlan } from '../review-query.js';
import { countsQuery, pageQuery } from './review-queries.js';
import { checkpointPage, checkpointQuery, type CheckpointRow } from '../checkpoint-query.js';
import type {
  Checkpoint,
  CheckpointPage,
  CheckpointQuery,
  AppendRequest,
  EvidenceEntry,
  EvidenceRef,
  EvidenceStore,
  ExportQuery,
  ReviewCase,
  ReviewPage,
  ReviewQuery,
  StoredRow,
  VerifyReport,
} from '../types.js';
import { ensureTextIndex, pgMigrations } from './migrations.js';

export interface PgStoreOptions {
  /** A postgres:// connection URL. @default process.env.DATABASE_URL */
  readonly url?: string;
  /** The schema holding the evidence tables, created if missing. @default 'public' */
  readonly schema?: string;
  /** Most connections the store opens. @default 10 */
  readonly poolSize?: number;
  /** Most records in one group commit. @default 1_000 */
  readonly maxBatch?: number;
  /** How long to wait for a connection before failing with EVIDENCE_UNAVAILABLE. @default 5_000 */
  readonly connectionTimeoutMs?: number;
  /** Told what the store works around when it opens (no pg_trgm: the text search reads every case). @default console.warn */
  readonly warn?: (message: string) => void;
}

const SCHEMA = /^[a-z_][a-z0-9_]{0,62}$/;
const PAGE = 2_000;
const ignore = (): void => undefined;

/** For this pool only: bigint as a number (seqs stay far below 2^53), timestamptz as the ISO text records carry. */
function poolTypes({ builtins, getTypeParser }: typeof pg.types): CustomTypesConfig {
  const parseTimestamp = getTypeParser(builtins.TIMESTAMPTZ) as (text: string) => Date;
  return {
    getTypeParser: (id, format) => {
      if (id === builtins.INT8) return Number;
      if (id === builtins.TIMESTAMPTZ) return (text: string) => parseTimestamp(text).toISOString();
      return getTypeParser(id, format) as unknown;
    },
  };
}

/** The pool, once the driver is loaded: pg is imported by the first store, not by `import 'eleanor'`. */
async function openPool(config: pg.PoolConfig): Promise<pg.Pool> {
  const driver = await importPackage(
    { name: 'pg', user: 'the PostgreSQL evidence store', code: 'EVIDENCE_UNAVAILABLE' },
    () => import('pg'),
  );
  const { Pool, types } = driver.default;
  const pool = new Pool({ ...config, types: poolTypes(types) });
  // An idle connection the server drops is discarded by the pool, and the next query opens another: not a crash.
  pool.on('error', ignore);
  return pool;
}

function positive(option: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (Number.isInteger(value) && value > 0) return value;
  throw new EleanorError('INVALID_CONFIG', `evidence.${option}: expected a positive integer, got ${value}`);
}

/** A duplicate trace (either trace index). A (chain, seq) clash is a write race, not a conflict of the caller's. */
function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string } | null;
  return e?.code === '23505' && e.constraint !== 'evidence_chain_seq';
}

/** An error's message, or its code when it has none (a refused connection to every address of a host). */
function reason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return error.message || (typeof code === 'string' ? code : error.name);
}

function statements(schema: string) {
  const table = `"${schema}".evidence`;
  const checkpoints = `"${schema}".evidence_checkpoints`;
  const row = `SELECT chain, seq, kind, trace_id AS "traceId", created_at AS "createdAt",
    required_action AS "requiredAction", review_outcome AS "reviewOutcome", record, prev_hash AS "prevHash", hash
    FROM ${table}`;
  return {
    // Keys are locked in key order, so chains whose keys collide only wait for each other; they cannot deadlock.
    lock: `SELECT pg_advisory_xact_lock(key) FROM
      (SELECT DISTINCT hashtextextended(chain, 0) AS key FROM unnest($1::text[]) AS chain ORDER BY key) AS keys`,
    heads: `SELECT h.chain, h.seq, h.hash FROM unnest($1::text[]) AS c (chain)
      CROSS JOIN LATERAL (SELECT chain, seq, hash FROM ${table} WHERE chain = c.chain ORDER BY seq DESC LIMIT 1) AS h`,
    insertInto: `INSERT INTO ${table} (chain, seq, kind, trace_id, created_at, required_action, review_outcome, record,
      prev_hash, hash) VALUES `,
    // Each kind's own partial index (trace_id, chain) answers its half.
    byTrace: `SELECT * FROM (
        ${row} WHERE kind = 'evaluation' AND trace_id = $1 AND ($2::text IS NULL OR chain = $2)
        UNION ALL
        ${row} WHERE kind = 'review' AND trace_id = $1 AND ($2::text IS NULL OR chain = $2)) AS t
      ORDER BY chain, kind`,
    insertCheckpoints: `INSERT INTO ${checkpoints} (chain, seq, head, root, time, key_id, signature)
      SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])`,
    checkpoints: `SELECT id, chain, seq, head, root, time, key_id AS "keyId", signature FROM ${checkpoints}
      WHERE id > $1 AND ($2::text IS NULL OR chain = $2) ORDER BY id LIMIT $3`,
    chains: `SELECT DISTINCT chain FROM ${table} ORDER BY chain`,
    between: `${row} WHERE chain = $1 AND seq BETWEEN $2 AND $3 ORDER BY seq`,
    chainPage: `${row} WHERE chain = $1 AND seq > $2 AND created_at >= $3 ORDER BY seq LIMIT ${PAGE}`,
  };
}

const INSERT_COLUMNS = 10;
/** PostgreSQL takes at most 65,535 parameters in one statement. */
const PG_MAX_BATCH = Math.floor(65_535 / INSERT_COLUMNS);

/** `INSERT … VALUES ($1, …, $10), ($11, …)` for `rows` rows (cheap next to the rows themselves). */
function insertStatement(insertInto: string, rows: number): string {
  const tuples = Array.from({ length: rows }, (_, r) => {
    const n = r * INSERT_COLUMNS;
    return `($${n + 1}, $${n + 2}::bigint, $${n + 3}, $${n + 4}, $${n + 5}::timestamptz, $${n + 6}, $${n + 7}, $${n + 8}, $${n + 9}, $${n + 10})`;
  });
  return insertInto + tuples.join(', ');
}

export class PgEvidenceStore implements EvidenceStore {
  readonly kind = 'postgres' as const;
  private readonly schema: string;
  /** Settles once pg is loaded; rejects (EVIDENCE_UNAVAILABLE, naming the package) when it cannot be. */
  private readonly pool: Promise<pg.Pool>;
  private readonly sql: ReturnType<typeof statements>;
  private readonly writes: GroupCommit<PreparedAppend, EvidenceRef>;
  private readonly migrated: Promise<void>;
  private readonly warn: (message: string) => void;
  private closing: Promise<void> | undefined;

  constructor(options: PgStoreOptions = {}) {
    const url = options.url ?? process.env.DATABASE_URL;
    if (!url) {
      throw new EleanorError('INVALID_CONFIG', 'evidence.url: expected a PostgreSQL URL (or DATABASE_URL), got none');
    }
    this.schema = options.schema ?? 'public';
    if (!SCHEMA.test(this.schema)) {
      throw new EleanorError(
        'INVALID_CONFIG',
        `evidence.schema: expected a lower-case identifier (letters, digits, _), got ${JSON.stringify(this.schema)}`,
      );
    }
    const max = positive('poolSize', options.poolSize, 10);
    const connectionTimeoutMillis = positive('connectionTimeoutMs', options.connectionTimeoutMs, 5_000);
    const maxBatch = positive('maxBatch', options.maxBatch, 500);
    if (maxBatch > PG_MAX_BATCH) {
      throw new EleanorError(
        'INVALID_CONFIG',
        `evidence.maxBatch: at most ${PG_MAX_BATCH} for PostgreSQL, got ${maxBatch}`,
      );
    }
    this.pool = openPool({ connectionString: url, max, connectionTimeoutMillis });
    this.pool.catch(ignore); // seen through migrate(), below
    this.sql = statements(this.schema);
    this.warn = options.warn ?? ((message) => console.warn(message));
    // Two lanes: one batch's round trip to the server overlaps with the next batch being gathered and hashed.
    this.writes = new GroupCommit((items) => this.commitBatch(items), maxBatch, isUniqueViolation, 2);
    this.migrated = this.migrate();
    // Callers see a failure through ready() and every method; unobserved, it must not be an unhandled rejection.
    this.migrated.catch(ignore);
  }

  async ready(): Promise<void> {
    this.assertOpen();
    await this.migrated;
  }

  /** Applies the missing migrations under an advisory lock, so processes starting together do not race. */
  private async migrate(): Promise<void> {
    const s = `"${this.schema}"`;
    const migrations = pgMigrations(this.schema);
    try {
      await this.transaction(async (client) => {
        await client.query("SELECT pg_advisory_xact_lock(hashtextextended('eleanor.evidence.migrations', 0))");
        // Existing objects are looked up rather than re-created, which would need rights an app user may lack.
        const found = await client.query<{ schema: string | null; log: string | null }>(
          'SELECT to_regnamespace($1) AS schema, to_regclass($2) AS log',
          [s, `${s}.eleanor_migrations`],
        );
        if (found.rows[0]?.schema == null) await client.query(`CREATE SCHEMA ${s}`);
        if (found.rows[0]?.log == null) {
          await client.query(
            `CREATE TABLE ${s}.eleanor_migrations (version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
          );
        }
        const applied = await client.query<{ version: number }>(
          `SELECT COALESCE(MAX(version), 0) AS version FROM ${s}.eleanor_migrations`,
        );
        for (let v = applied.rows[0]?.version ?? 0; v < migrations.length; v += 1) {
          await client.query(migrations[v]!);
          await client.query(`INSERT INTO ${s}.eleanor_migrations (version) VALUES ($1)`, [v + 1]);
        }
        await ensureTextIndex(client, this.schema, this.warn);
      });
    } catch (error) {
      if (isEleanorError(error)) throw error; // the driver could not be loaded: its error names it
      throw new EleanorError(
        'EVIDENCE_UNAVAILABLE',
        `cannot open the PostgreSQL evidence store (schema '${this.schema}') — ${reason(error)}`,
        { cause: error },
      );
    }
  }

  async append(request: AppendRequest): Promise<EvidenceRef> {
    this.assertOpen();
    const prepared = prepareAppend(request);
    try {
      return await this.writes.add(prepared);
    } catch (error) {
      throw storeError(error, prepared, isUniqueViolation(error));
    }
  }

  /** One transaction per batch: lock its chains, read their heads, insert every row in one statement. */
  private async commitBatch(items: readonly PreparedAppend[]): Promise<EvidenceRef[]> {
    await this.migrated;
    return this.transaction(async (client) => {
      const chains = [...new Set(items.map((item) => item.chain))];
      await client.query(this.sql.lock, [chains]);
      const found = await client.query<{ chain: string; seq: number; hash: string }>(this.sql.heads, [chains]);
      const heads = new Map(found.rows.map((h) => [h.chain, { seq: Number(h.seq), hash: h.hash }]));
      const { refs, rows } = chainBatch(items, (chain) => heads.get(chain));
      // One parameter per value: a text parameter is sent as is, where an array parameter is escaped element by
      // element into one large literal (measured: 5× slower, most of it garbage collection).
      await client.query(insertStatement(this.sql.insertInto, rows.length), rows.flat());
      return refs;
    });
  }

  /**
   * A pooled connection whose 'error' events are ignored until released: a connection lost mid-transaction fails the
   * pending query, and its event must not crash the process too. The listener is attached in the pool's callback: a
   * promise would resolve a microtask later, after an error read in the same chunk as the connection's readiness.
   */
  private async connect(): Promise<PoolClient> {
    const pool = await this.pool;
    return new Promise((resolve, reject) => {
      pool.connect((error, client) => {
        if (error !== undefined || client === undefined) {
          reject(error ?? new Error('the pool gave no connection'));
          return;
        }
        client.on('error', ignore);
        resolve(client);
      });
    });
  }

  /** Runs `work` in a transaction on one pooled connection; rolls back and rethrows on error. */
  private async transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      broken = await client.query('ROLLBACK').then(
        () => undefined,
        (rollbackError: Error) => rollbackError,
      );
      throw error;
    } finally {
      client.off('error', ignore);
      client.release(broken);
    }
  }

  /** Rows of a read; any failure (the server gone, say) is EVIDENCE_UNAVAILABLE. */
  private async read<R extends QueryResultRow>(text: string, values: unknown[]): Promise<R[]> {
    this.assertOpen();
    await this.migrated;
    try {
      return (await (await this.pool).query<R>(text, values)).rows;
    } catch (error) {
      throw new EleanorError('EVIDENCE_UNAVAILABLE', `the evidence store could not read — ${reason(error)}`, {
        cause: error,
      });
    }
  }

  entries(traceId: string, chain?: string): Promise<EvidenceEntry[]> {
    return this.traceRows(traceId, chain).then((rows) => rows.map(toEntry));
  }

  traceRows(traceId: string, chain?: string): Promise<StoredRow[]> {
    return this.read<StoredRow>(this.sql.byTrace, [traceId, chain ?? null]);
  }

  async appendCheckpoints(checkpoints: readonly Checkpoint[]): Promise<void> {
    if (checkpoints.length === 0) return;
    const columns = (['chain', 'seq', 'head', 'root', 'time', 'keyId', 'signature'] as const).map((field) =>
      checkpoints.map((c) => c[field]),
    );
    await this.read(this.sql.insertCheckpoints, columns);
  }

  async checkpoints(query: CheckpointQuery = {}): Promise<CheckpointPage> {
    const { limit, after } = checkpointQuery(query);
    const rows = await this.read<CheckpointRow>(this.sql.checkpoints, [after, query.chain ?? null, limit]);
    return checkpointPage(rows, limit);
  }

  rowsBetween(chain: string, from: number, to: number): Promise<StoredRow[]> {
    return this.read<StoredRow>(this.sql.between, [chain, from, to]);
  }

  async reviews(query: ReviewQuery = {}): Promise<ReviewCase[]> {
    // A text search's page is read as its count says (see reviewPage).
    const plan = planReviews(query);
    return (await (plan.q === undefined ? this.reviewRows(plan) : this.reviewPage(query))).reviews;
  }

  async reviewPage(query: ReviewQuery = {}): Promise<ReviewPage> {
    const plan = planReviews(query);
    const counting = countsQuery(this.schema, plan);
    const counted = this.read<CountGroup>(counting.text, counting.values).then((groups) => reviewCounts(groups, plan));
    if (countsSource(plan).table === 'evidence_review_counts' || plan.q !== undefined) {
      // Kept counts answer at once: no case matching, no page to look for (a filter matching nothing would otherwise
      // walk every case it could match). A text search's count (through the trigram index) says how to read its page.
      const counts = await counted;
      const page = counts.total === 0 ? { reviews: [], nextCursor: null } : await this.reviewRows(plan, counts.total);
      return { ...page, counts };
    }
    // Counted by scanning (since): the page and the counts on two connections at once.
    const [page, counts] = await Promise.all([this.reviewRows(plan), counted]);
    return { ...page, counts };
  }

  /** A page of the plan, read as the number of its cases (`total`, when known) says. */
  private async reviewRows(plan: ReviewPlan, total?: number): Promise<Omit<ReviewPage, 'counts'>> {
    const { text, values } = pageQuery(this.schema, plan, total);
    return pageOf(await this.read<ReviewRow>(text, values), plan, toReviewCase);
  }

  async verify(chain?: string): Promise<VerifyReport> {
    const names = chain === undefined ? await this.chainNames() : [chain];
    const chains = [];
    for (const name of names) {
      const checker = new ChainChecker(name);
      for await (const row of this.chainRows(name)) checker.add(row);
      chains.push(checker.report());
    }
    return { ok: chains.every((c) => c.firstBroken === null), chains };
  }

  async *export(query: ExportQuery = {}): AsyncIterable<EvidenceEntry> {
    this.assertOpen();
    const since = query.since === undefined ? '-infinity' : sinceTime(query.since);
    const names = query.chain === undefined ? await this.chainNames() : [query.chain];
    for (const name of names) {
      for await (const row of this.chainRows(name, since)) yield toEntry(row);
    }
  }

  private async chainNames(): Promise<string[]> {
    return (await this.read<{ chain: string }>(this.sql.chains, [])).map((c) => c.chain);
  }

  /** A chain's rows created at or after `since`, in keyset pages (a read never holds a connection between pages). */
  private async *chainRows(chain: string, since = '-infinity'): AsyncIterable<StoredRow> {
    let after = 0;
    for (;;) {
      const page = await this.read<StoredRow>(this.sql.chainPage, [chain, after, since]);
      yield* page;
      if (page.length < PAGE) return;
      after = page[page.length - 1]!.seq;
    }
  }

  close(): Promise<void> {
    // A pool that never opened (pg could not be loaded) has nothing to end.
    this.closing ??= this.writes.flush().then(() => this.pool.then((pool) => pool.end(), ignore));
    return this.closing;
  }

  private assertOpen(): void {
    if (this.closing) throw new EleanorError('EVIDENCE_UNAVAILABLE', 'the evidence store is closed');
  }
}

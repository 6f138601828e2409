// The embedded evidence store: SQLite through better-sqlite3 (WAL), group-committed in BEGIN IMMEDIATE transactions.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type Database from 'better-sqlite3';
import { EleanorError, isEleanorError } from '../../core/index.js';
import { requirePackage } from '../../core/index.js';
import { chainBatch } from '../chain-append.js';
import { retryOpenWhileBusy, retryWhileBusy } from './busy-retry.js';
import { ChainChecker, toEntry } from '../chain-check.js';
import { GroupCommit } from '../group-commit.js';
import { prepareAppend, sinceTime, storeError, type PreparedAppend } from '../pending.js';
import { planReviews } from '../review-query.js';
import { SqliteReviewQueries } from './review-queries.js';
import { checkpointPage, checkpointQuery, type CheckpointRow } from '../checkpoint-query.js';
import type {
  AppendRequest,
  Checkpoint,
  CheckpointPage,
  CheckpointQuery,
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
import { startCheckpointer, type Checkpointer } from './checkpointer.js';
import { SQLITE_MIGRATIONS } from './schema.js';

export interface SqliteStoreOptions {
  /** A file path, or ':memory:' (tests, demos). @default './data/eleanor.db' */
  readonly path?: string;
  /** 'full' syncs the WAL on every commit (survives power loss); 'normal' survives a process crash only. @default 'full' */
  readonly synchronous?: 'full' | 'normal';
  /** How long a writer waits for another process's write lock. @default 5_000 */
  readonly busyTimeoutMs?: number;
  /** Most records in one group commit. @default 1_000 */
  readonly maxBatch?: number;
}

export const DEFAULT_SQLITE_PATH = './data/eleanor.db';
const PAGE = 2_000;
/**
 * Records per INSERT statement: a batch is inserted in a few statements, not one per record. SQLite opens a savepoint
 * per statement, and FTS5 writes out what it holds at each one: the queue's text index (filled by a trigger) cost four
 * times as much per record inserted one statement at a time. Each record's triggers still see the ones before it.
 */
const ROWS_PER_INSERT = 64;

const SELECT_ROW = `SELECT chain, seq, kind, trace_id AS traceId, created_at AS createdAt,
  required_action AS requiredAction, review_outcome AS reviewOutcome, record, prev_hash AS prevHash, hash
  FROM evidence`;

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

function open(options: SqliteStoreOptions, path: string): Database.Database {
  try {
    // Loaded by the first store, not by `import 'eleanor'`; synchronously, as the store's whole API is.
    const Driver = requirePackage<typeof Database>({
      name: 'better-sqlite3',
      user: 'the SQLite evidence store',
      code: 'EVIDENCE_UNAVAILABLE',
    });
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const timeoutMs = options.busyTimeoutMs ?? 5_000;
    return retryOpenWhileBusy(() => {
      const db = new Driver(path, { timeout: timeoutMs });
      try {
        db.pragma('journal_mode = WAL');
        db.pragma(`synchronous = ${options.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
        migrate(db);
      } catch (error) {
        db.close();
        throw error;
      }
      // From here a locked database answers at once; writes retry without blocking (busy-retry.ts). WAL readers never
      // wait for writers.
      db.pragma('busy_timeout = 0');
      return db;
    }, timeoutMs);
  } catch (error) {
    throw new EleanorError(
      'EVIDENCE_UNAVAILABLE',
      `cannot open the SQLite evidence store '${path}' — ${String(error)}`,
      {
        cause: error,
      },
    );
  }
}

function migrate(db: Database.Database): void {
  db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number;
    for (let v = version; v < SQLITE_MIGRATIONS.length; v += 1) db.exec(SQLITE_MIGRATIONS[v]!);
    if (version < SQLITE_MIGRATIONS.length) db.pragma(`user_version = ${SQLITE_MIGRATIONS.length}`);
  }).immediate();
}

export class SqliteEvidenceStore implements EvidenceStore {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly writes: GroupCommit<PreparedAppend, EvidenceRef>;
  private readonly statements;
  private readonly insertCheckpoints: Database.Transaction<(checkpoints: readonly Checkpoint[]) => void>;
  private readonly busyTimeoutMs: number;
  private readonly checkpointer: Checkpointer | null;
  private readonly reviewQueries: SqliteReviewQueries;
  private readonly inserts = new Map<number, Database.Statement>();
  private closed = false;

  constructor(options: SqliteStoreOptions = {}) {
    const path = options.path ?? DEFAULT_SQLITE_PATH;
    this.db = open(options, path);
    const checkpointHere = (): void => {
      if (this.db.open) this.db.pragma('wal_autocheckpoint = 1000');
    };
    this.checkpointer =
      path === ':memory:' ? null : startCheckpointer(path, options.busyTimeoutMs ?? 5_000, checkpointHere);
    // With the worker checkpointing, commits on this thread never copy the WAL back into the file themselves.
    if (this.checkpointer) this.db.pragma('wal_autocheckpoint = 0');
    this.statements = {
      head: this.db.prepare<[string], { seq: number; hash: string }>(
        'SELECT seq, hash FROM evidence WHERE chain = ? ORDER BY seq DESC LIMIT 1',
      ),
      byTrace: this.db.prepare<{ traceId: string; chain: string | null }, StoredRow>(
        // Each kind's own partial index (trace_id, chain) answers its half.
        `SELECT * FROM (
           ${SELECT_ROW} WHERE kind = 'evaluation' AND trace_id = @traceId AND (@chain IS NULL OR chain = @chain)
           UNION ALL
           ${SELECT_ROW} WHERE kind = 'review' AND trace_id = @traceId AND (@chain IS NULL OR chain = @chain))
         ORDER BY chain, kind`,
      ),
      insertCheckpoint: this.db.prepare(
        `INSERT INTO evidence_checkpoints (chain, seq, head, root, time, key_id, signature)
         VALUES (@chain, @seq, @head, @root, @time, @keyId, @signature)`,
      ),
      checkpoints: this.db.prepare<{ chain: string | null; after: number; limit: number }, CheckpointRow>(
        `SELECT id, chain, seq, head, root, time, key_id AS keyId, signature FROM evidence_checkpoints
         WHERE id > @after AND (@chain IS NULL OR chain = @chain) ORDER BY id LIMIT @limit`,
      ),
      // Chains are addressed by the hex of their bytes: a name that is not valid UTF-8 (a tampered byte) still walks.
      chains: this.db.prepare<[], { chain: string }>(
        'SELECT hex(chain) AS chain FROM (SELECT DISTINCT chain FROM evidence) ORDER BY 1',
      ),
      between: this.db.prepare<[string, number, number], StoredRow>(
        `${SELECT_ROW} WHERE chain = ? AND seq BETWEEN ? AND ? ORDER BY seq`,
      ),
      chainPage: this.db.prepare<[string, number, number], StoredRow>(
        `${SELECT_ROW} WHERE chain = CAST(unhex(?) AS TEXT) AND seq > ? ORDER BY seq LIMIT ?`,
      ),
    };
    this.reviewQueries = new SqliteReviewQueries(this.db);
    this.insertCheckpoints = this.db.transaction((checkpoints: readonly Checkpoint[]) => {
      for (const checkpoint of checkpoints) this.statements.insertCheckpoint.run(checkpoint);
    });
    const appendBatch = this.db.transaction((items: readonly PreparedAppend[]) => this.insertBatch(items));
    const busyTimeoutMs = options.busyTimeoutMs ?? 5_000;
    this.busyTimeoutMs = busyTimeoutMs;
    this.writes = new GroupCommit(
      (items) => retryWhileBusy(() => appendBatch.immediate(items), busyTimeoutMs),
      options.maxBatch ?? 1_000,
      isUniqueViolation,
    );
  }

  ready(): Promise<void> {
    return Promise.resolve();
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

  private insertBatch(items: readonly PreparedAppend[]): EvidenceRef[] {
    const { refs, rows } = chainBatch(items, (chain) => this.statements.head.get(chain));
    // Slices of 64, 32 … 1 records: seven statements prepared in all, whatever the batch sizes.
    for (let i = 0, size = ROWS_PER_INSERT; i < rows.length;) {
      while (size > rows.length - i) size >>= 1;
      this.insertOf(size).run(...rows.slice(i, i + size).flat());
      i += size;
    }
    return refs;
  }

  /** The INSERT of `rows` records in one statement, prepared once per size. */
  private insertOf(rows: number): Database.Statement {
    let statement = this.inserts.get(rows);
    if (statement === undefined) {
      statement = this.db.prepare(
        `INSERT INTO evidence (chain, seq, kind, trace_id, created_at, required_action, review_outcome, record,
          prev_hash, hash) VALUES ${Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      );
      this.inserts.set(rows, statement);
    }
    return statement;
  }

  entries(traceId: string, chain?: string): Promise<EvidenceEntry[]> {
    return this.traceRows(traceId, chain).then((rows) => rows.map(toEntry));
  }

  traceRows(traceId: string, chain?: string): Promise<StoredRow[]> {
    return this.read(() => this.statements.byTrace.all({ traceId, chain: chain ?? null }));
  }

  async appendCheckpoints(checkpoints: readonly Checkpoint[]): Promise<void> {
    this.assertOpen();
    try {
      await retryWhileBusy(() => this.insertCheckpoints.immediate(checkpoints), this.busyTimeoutMs);
    } catch (error) {
      throw new EleanorError('EVIDENCE_UNAVAILABLE', `the evidence store could not write — ${String(error)}`, {
        cause: error,
      });
    }
  }

  checkpoints(query: CheckpointQuery = {}): Promise<CheckpointPage> {
    return this.read(() => {
      const { limit, after } = checkpointQuery(query);
      const rows = this.statements.checkpoints.all({ chain: query.chain ?? null, after, limit });
      return checkpointPage(rows, limit);
    });
  }

  rowsBetween(chain: string, from: number, to: number): Promise<StoredRow[]> {
    return this.read(() => this.statements.between.all(chain, from, to));
  }

  reviews(query: ReviewQuery = {}): Promise<ReviewCase[]> {
    return this.read(() => this.reviewQueries.page(planReviews(query)).reviews);
  }

  reviewPage(query: ReviewQuery = {}): Promise<ReviewPage> {
    return this.read(() => this.reviewQueries.reviewPage(planReviews(query)));
  }

  /** A synchronous read as a promise: a closed store or a database error rejects, never throws. */
  private read<T>(query: () => T): Promise<T> {
    try {
      this.assertOpen();
      return Promise.resolve(query());
    } catch (error) {
      return Promise.reject(
        isEleanorError(error)
          ? error
          : new EleanorError('EVIDENCE_UNAVAILABLE', `the evidence store could not read — ${String(error)}`, {
              cause: error,
            }),
      );
    }
  }

  async verify(chain?: string): Promise<VerifyReport> {
    this.assertOpen();
    const chains = [];
    for (const hex of this.chainKeys(chain)) {
      const checker = new ChainChecker(Buffer.from(hex, 'hex').toString('utf8'));
      for await (const row of this.chainRows(hex)) checker.add(row);
      chains.push(checker.report());
    }
    return { ok: chains.every((c) => c.firstBroken === null), chains };
  }

  async *export(query: ExportQuery = {}): AsyncIterable<EvidenceEntry> {
    this.assertOpen();
    const since = query.since === undefined ? undefined : sinceTime(query.since);
    for (const hex of this.chainKeys(query.chain)) {
      for await (const row of this.chainRows(hex)) {
        if (since === undefined || row.createdAt >= since) yield toEntry(row);
      }
    }
  }

  /** The hex keys of one chain or of every chain, by name. */
  private chainKeys(chain: string | undefined): string[] {
    if (chain !== undefined) return [Buffer.from(chain, 'utf8').toString('hex').toUpperCase()];
    return this.statements.chains.all().map((c) => c.chain);
  }

  /** A chain's rows in pages, yielding to the event loop between pages (a read never holds the connection). */
  private async *chainRows(chainHex: string): AsyncIterable<StoredRow> {
    let after = 0;
    for (;;) {
      const page = this.statements.chainPage.all(chainHex, after, PAGE);
      yield* page;
      if (page.length < PAGE) return;
      after = page[page.length - 1]!.seq;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.writes.flush();
    await this.checkpointer?.stop();
    this.db.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new EleanorError('EVIDENCE_UNAVAILABLE', 'the evidence store is closed');
  }
}

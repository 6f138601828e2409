// The PostgreSQL evidence store passes the conformance suite against a local server, each test in a fresh schema.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isEleanorError } from '../../core/errors.js';
import { executeIntegrityConformance } from '../execute-integrity.conformance.js';
import { reviewQueueConformance } from '../review-queue.conformance.js';
import { witnessConformance } from '../witness.conformance.js';
import {
  evaluationRequest,
  evidenceStoreConformance,
  reviewRequest,
  type StoreUnderTest,
} from '../store.conformance.js';
import { gatedCase } from '../review-queue.conformance.js';
import { planReviews } from '../review-query.js';
import { PgEvidenceStore } from './pg-store.js';
import { pageQuery } from './review-queries.js';

const URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const freshSchema = (): string => `eleanor_test_${randomBytes(6).toString('hex')}`;

/** Runs `use` on a plain client (not the store's pool) whose search_path is `schema`. */
async function withClient<T>(schema: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: URL });
  await client.connect();
  try {
    await client.query(`SET search_path TO ${schema}`);
    return await use(client);
  } finally {
    await client.end();
  }
}

const dropSchema = (schema: string): Promise<void> =>
  withClient('public', async (client) => {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  });

/** Runs one statement with the append-only triggers disabled, as an attacker with the database's owner rights would. */
const withoutTriggers = (schema: string, sql: string, values: unknown[], table = 'evidence'): Promise<void> =>
  withClient(schema, async (client) => {
    await client.query('BEGIN');
    try {
      await client.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
      await client.query(sql, values);
      await client.query(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  });

function pgSut(): StoreUnderTest {
  const schema = freshSchema();
  const openStore = async (): Promise<PgEvidenceStore> => {
    const store = new PgEvidenceStore({ url: URL, schema });
    await store.ready();
    return store;
  };
  return {
    open: openStore,
    reopen: openStore,
    exec: (sql) =>
      withClient(schema, async (client) => {
        await client.query(sql);
      }),
    tamper: (chain, seq, column, value) =>
      withoutTriggers(schema, `UPDATE evidence SET ${column} = $1 WHERE chain = $2 AND seq = $3`, [value, chain, seq]),
    remove: (chain, seq) => withoutTriggers(schema, 'DELETE FROM evidence WHERE chain = $1 AND seq = $2', [chain, seq]),
    tamperCheckpoint: (nth, column, value) =>
      withoutTriggers(
        schema,
        `UPDATE evidence_checkpoints SET ${column} = $1
         WHERE id = (SELECT id FROM evidence_checkpoints ORDER BY id LIMIT 1 OFFSET $2)`,
        [value, nth - 1],
        'evidence_checkpoints',
      ),
    cleanup: () => dropSchema(schema),
  };
}

evidenceStoreConformance('PostgreSQL (pg)', pgSut);
executeIntegrityConformance('PostgreSQL', pgSut);
witnessConformance('PostgreSQL', pgSut);
reviewQueueConformance('PostgreSQL', pgSut);

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return isEleanorError(error) ? error.code : `not an EleanorError: ${String(error)}`;
  }
}

describe('PgEvidenceStore', () => {
  const stores: PgEvidenceStore[] = [];
  const schemas: string[] = [];
  const track = (store: PgEvidenceStore): PgEvidenceStore => (stores.push(store), store);

  afterEach(async () => {
    await Promise.allSettled(stores.splice(0).map((s) => s.close()));
    await Promise.all(schemas.splice(0).map(dropSchema));
    vi.unstubAllEnvs();
  });

  it('migrates once when several stores start together on a fresh schema', async () => {
    const schema = freshSchema();
    schemas.push(schema);
    const started = Array.from({ length: 4 }, () => track(new PgEvidenceStore({ url: URL, schema })));
    await Promise.all(started.map((s) => s.ready()));
    const versions = await withClient(schema, (c) =>
      c.query<{ version: number }>('SELECT version FROM eleanor_migrations'),
    );
    expect(versions.rows).toEqual([{ version: 1 }, { version: 2 }, { version: 3 }]);
    const refs = await Promise.all(started.map((s, i) => s.append(evaluationRequest(`m${i}`))));
    expect(refs.map((r) => r.seq).sort((p, q) => p - q)).toEqual([1, 2, 3, 4]);
  });

  it('builds the review queue (migration 3) in place from the records of a schema made before it', async () => {
    const schema = freshSchema();
    schemas.push(schema);
    const before = track(new PgEvidenceStore({ url: URL, schema }));
    await Promise.all(Array.from({ length: 30 }, (_, i) => before.append(gatedCase(i))));
    await before.append(reviewRequest('q1', gatedCase(1).chain, 'approve'));
    await before.append(reviewRequest('q2', gatedCase(2).chain, 'reject'));
    const expected = await before.reviewPage({ limit: 1_000 });
    await before.close();
    // The schema as version 2 left it: no queue table, no queue triggers or functions.
    await withClient(schema, async (c) => {
      await c.query('DROP TABLE evidence_review_queue, evidence_review_counts, evidence_review_critics');
      for (const fn of ['evidence_review_queue_keep', 'evidence_review_queue_guard', 'evidence_review_index_keep']) {
        await c.query(`DROP FUNCTION ${fn}() CASCADE`);
      }
      await c.query('DELETE FROM eleanor_migrations WHERE version = 3');
    });
    const after = track(new PgEvidenceStore({ url: URL, schema }));
    expect(await after.reviewPage({ limit: 1_000 })).toEqual(expected);
    expect(expected.counts.total).toBe(30);
    expect((await after.reviewPage({ status: 'approved' })).reviews.map((c) => c.traceId)).toEqual(['q1']);
    expect((await after.reviewPage({ status: 'rejected' })).reviews.map((c) => c.traceId)).toEqual(['q2']);
    await after.append(reviewRequest('q3', gatedCase(3).chain, 'approve'));
    expect((await after.reviewPage({ status: 'pending' })).counts.total).toBe(27);
    expect((await after.verify()).ok).toBe(true);
  });

  it('indexes the queue texts by trigram (pg_trgm) and searches through the index', async () => {
    const schema = freshSchema();
    schemas.push(schema);
    const warnings: string[] = [];
    const store = track(new PgEvidenceStore({ url: URL, schema, warn: (m) => warnings.push(m) }));
    await Promise.all(Array.from({ length: 40 }, (_, i) => store.append(gatedCase(i))));
    const index = await withClient(schema, (c) =>
      c.query<{ def: string }>("SELECT pg_get_indexdef(to_regclass('evidence_review_queue_text')) AS def"),
    );
    expect(index.rows[0]!.def).toMatch(/USING gin \(texts \S*gin_trgm_ops\)/);
    expect(warnings).toEqual([]);
    // With sequential scans off, the planner reads the index for a rare word: the LIKE the search sends is indexed.
    const plan = await withClient(schema, async (c) => {
      await c.query('SET enable_seqscan = off');
      const { text, values } = pageQuery(schema, planReviews({ q: 'weapon' }), 6);
      return (await c.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${text}`, values)).rows.map((r) => r['QUERY PLAN']);
    });
    expect(plan.join('\n')).toMatch(/Bitmap Index Scan on evidence_review_queue_text/);
    expect((await store.reviewPage({ q: 'WEAPON' })).counts.total).toBe(6);
  });

  it('opens where pg_trgm may not be created: warns, searches by reading the texts, and indexes once it is there', async () => {
    const id = randomBytes(6).toString('hex');
    const database = `eleanor_test_db_${id}`;
    const role = `eleanor_test_app_${id}`;
    const at = (user: string, db: string): string => {
      const url = new globalThis.URL(URL);
      url.username = user;
      url.pathname = `/${db}`;
      return url.toString();
    };
    const admin = new pg.Client({ connectionString: URL });
    await admin.connect();
    const owner = new pg.Client({ connectionString: at(new globalThis.URL(URL).username, database) });
    try {
      // A database without pg_trgm, and an application user who owns its schema but may not create extensions.
      await admin.query(`CREATE DATABASE ${database}`);
      await admin.query(`CREATE ROLE ${role} LOGIN`);
      await owner.connect();
      await owner.query(`CREATE SCHEMA app AUTHORIZATION ${role}`);
      const warnings: string[] = [];
      const open = (): PgEvidenceStore =>
        track(new PgEvidenceStore({ url: at(role, database), schema: 'app', warn: (m) => warnings.push(m) }));
      const cases = Array.from({ length: 40 }, (_, i) => gatedCase(i));
      const searches = ['weapon', 'QUESTION 3', 'on 1', 'xyz'];
      const expected = searches.map((q) =>
        cases
          .filter((c) => c.expected.texts.toLowerCase().includes(q.toLowerCase()))
          .map((c) => c.traceId)
          .sort(),
      );
      const found = async (store: PgEvidenceStore, q: string): Promise<string[]> =>
        (await store.reviewPage({ q, limit: 1_000 })).reviews.map((c) => c.traceId).sort();

      const without = open();
      await Promise.all(cases.map((c) => without.append(c)));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(
        /no trigram index .* schema 'app' \(permission denied .*pg_trgm.*CREATE EXTENSION pg_trgm/,
      );
      for (const [i, q] of searches.entries()) expect(await found(without, q), q).toEqual(expected[i]);
      await without.close();

      await owner.query('CREATE EXTENSION pg_trgm');
      const withIndex = open();
      await withIndex.ready();
      expect(warnings).toHaveLength(1);
      const index = await owner.query<{ found: string | null }>(
        "SELECT to_regclass('app.evidence_review_queue_text')::text AS found",
      );
      expect(index.rows[0]!.found).toBe('app.evidence_review_queue_text');
      for (const [i, q] of searches.entries()) expect(await found(withIndex, q), q).toEqual(expected[i]);
    } finally {
      await Promise.allSettled(stores.splice(0).map((s) => s.close()));
      await owner.end().catch(() => undefined);
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.query(`DROP ROLE IF EXISTS ${role}`);
      await admin.end();
    }
  }, 30_000);

  it('refuses TRUNCATE in the database itself', async () => {
    const schema = freshSchema();
    schemas.push(schema);
    await track(new PgEvidenceStore({ url: URL, schema })).ready();
    await expect(withClient(schema, (c) => c.query('TRUNCATE evidence'))).rejects.toThrow(/append-only/);
  });

  it('fails with EVIDENCE_UNAVAILABLE, promptly, when the server cannot be reached', async () => {
    const store = track(
      new PgEvidenceStore({ url: 'postgres://postgres@127.0.0.1:1/postgres', connectionTimeoutMs: 500 }),
    );
    expect(await codeOf(store.append(evaluationRequest('x')))).toBe('EVIDENCE_UNAVAILABLE');
    expect(await codeOf(store.ready())).toBe('EVIDENCE_UNAVAILABLE');
    expect(await codeOf(store.entries('x'))).toBe('EVIDENCE_UNAVAILABLE');
    await store.close();
  });

  it('rejects a missing URL, a schema that is not a plain identifier and an empty batch with INVALID_CONFIG', () => {
    const configError = (options?: ConstructorParameters<typeof PgEvidenceStore>[0]): string => {
      try {
        track(new PgEvidenceStore(options));
        return 'constructed';
      } catch (error) {
        return isEleanorError(error) ? `${error.code}: ${error.message}` : String(error);
      }
    };
    vi.stubEnv('DATABASE_URL', undefined);
    expect(configError()).toMatch(/^INVALID_CONFIG: evidence\.url.*DATABASE_URL/);
    expect(configError({ url: URL, schema: 'a"; DROP TABLE x' })).toMatch(/^INVALID_CONFIG: evidence\.schema/);
    expect(configError({ url: URL, maxBatch: 0 })).toMatch(/^INVALID_CONFIG: evidence\.maxBatch/);
  });
});

// Property: with checkpoints and the signing key configured, any single-byte change anywhere in the store — any column
// of any record (evaluations and signed reviews), any column of any checkpoint copy — or anywhere in the witness makes
// `eleanor evidence verify` (the chain, the witness, the store's copies, the review signatures) fail.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyStoredCheckpoints, verifyWitness } from '../../src/evidence/checkpoint-verify.js';
import { withCheckpoints } from '../../src/evidence/checkpointed-store.js';
import { Checkpointer } from '../../src/evidence/checkpoints.js';
import { checkReviewSignatures } from '../../src/evidence/review-signature.js';
import { createReviewQueue } from '../../src/evidence/reviews.js';
import { generateSigningKeyPem, signingKeyFrom } from '../../src/evidence/signing.js';
import { SqliteEvidenceStore } from '../../src/evidence/sqlite/sqlite-store.js';
import { evaluationRequest } from '../../src/evidence/store.conformance.js';
import { CANONICAL_STATEMENTS } from '../../src/verdict/doctrine.js';
import { withoutTriggers } from '../support/sqlite.js';

const key = signingKeyFrom(generateSigningKeyPem().privateKeyPem, 'test key');
const RECORD_COLUMNS = [
  'chain',
  'seq',
  'kind',
  'trace_id',
  'created_at',
  'required_action',
  'review_outcome',
  'record',
  'prev_hash',
  'hash',
] as const;
const CHECKPOINT_COLUMNS = ['chain', 'seq', 'head', 'root', 'time', 'key_id', 'signature'] as const;

let dir: string;
let template: string;
let witness: string;
let records: number;
let copies: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'eleanor-tamper-anywhere-'));
  template = join(dir, 'template.db');
  const witnessPath = join(dir, 'witness.jsonl');
  const store = new SqliteEvidenceStore({ path: template, synchronous: 'normal' });
  const checkpointer = new Checkpointer(store, { every: 3, key, witness: witnessPath }, (error) => {
    throw error;
  });
  const writing = withCheckpoints(store, checkpointer);
  const queue = createReviewQueue(writing, key);
  for (let i = 0; i < 5; i++) {
    for (const chain of ['alpha', 'beta']) {
      const trace = `${chain}-${i}`;
      await writing.append(evaluationRequest(trace, chain, i % 2 ? 'HUMAN_ACK' : 'none'));
      if (i % 2) {
        const outcome = i === 1 ? 'approve' : 'reject';
        await queue.decide(
          trace,
          { action: 'HUMAN_ACK', actor: 'rev', statement: CANONICAL_STATEMENTS.HUMAN_ACK, outcome },
          { chain },
        );
      }
    }
  }
  await checkpointer.close();
  await store.close();
  witness = readFileSync(witnessPath, 'utf8');
  const db = new Database(template);
  records = (db.prepare('SELECT count(*) AS n FROM evidence').get() as { n: number }).n;
  copies = (db.prepare('SELECT count(*) AS n FROM evidence_checkpoints').get() as { n: number }).n;
  // Fold the WAL into the file so a copy of the file is the whole database.
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('journal_mode = DELETE');
  db.close();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What fails of `eleanor evidence verify` on the store at `path` with the witness text; [] when everything holds. */
async function failures(path: string, witnessText: string): Promise<string[]> {
  const store = new SqliteEvidenceStore({ path });
  try {
    const failed: string[] = [];
    if (!(await store.verify()).ok) failed.push('chain');
    if (!(await verifyWitness(store, witnessText, key.publicKey)).ok) failed.push('witness');
    if (!(await verifyStoredCheckpoints(store, key.publicKey)).ok) failed.push('stored copies');
    if ((await checkReviewSignatures(store, key.publicKey, undefined)).failure !== null) failed.push('reviews');
    return failed;
  } finally {
    await store.close();
  }
}

/** One byte of a value (its text's UTF-8, or an integer's decimal digits) moved by `delta`; null when it has none. */
function changedByte(value: string | number | null, position: number, delta: number): Buffer | number | null {
  if (value === null) return null;
  const bytes = Buffer.from(String(value), 'utf8');
  const at = position % bytes.length;
  bytes[at] = (bytes[at]! + delta) % 256;
  if (typeof value === 'number') {
    const number = Number(bytes.toString('latin1'));
    return Number.isSafeInteger(number) && number !== value ? number : null;
  }
  return bytes;
}

let run = 0;

/** Changes one byte of one column of the n-th row of `table` in a copy of the template; false if nothing changed. */
function tampered(table: string, column: string, nth: number, position: number, delta: number): string | null {
  const path = join(dir, `run-${(run += 1)}.db`);
  copyFileSync(template, path);
  const db = new Database(path);
  const row = db
    .prepare<[number], { rid: number; value: string | number | null }>(
      `SELECT rowid AS rid, ${column} AS value FROM ${table} ORDER BY rowid LIMIT 1 OFFSET ?`,
    )
    .get(nth)!;
  db.close();
  const changed = changedByte(row.value, position, delta);
  if (changed === null) return null;
  try {
    withoutTriggers(path, (raw) =>
      raw
        .prepare(
          `UPDATE ${table} SET ${column} = ${typeof changed === 'number' ? '?' : 'CAST(? AS TEXT)'} WHERE rowid = ?`,
        )
        .run(changed, row.rid),
    );
  } catch (error) {
    // A CHECK or UNIQUE constraint refused the change itself (e.g. kind 'evaluatioo', a seq already taken).
    if (/constraint/i.test(String(error))) return null;
    throw error;
  }
  return path;
}

describe('the store and the witness against single-byte changes, with checkpoints and signed reviews', () => {
  it('verifies in every part as written', async () => {
    expect(records).toBe(14);
    expect(copies).toBeGreaterThanOrEqual(4);
    expect(await failures(template, witness)).toEqual([]);
  });

  it('fails for any byte of any column of any record changed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: records - 1 }),
        fc.constantFrom(...RECORD_COLUMNS),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        async (nth, column, position, delta) => {
          const path = tampered('evidence', column, nth, position, delta);
          fc.pre(path !== null);
          const failed = await failures(path, witness);
          rmSync(path, { force: true });
          expect(failed, `${column} of record ${nth}`).not.toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  }, 60_000);

  it('fails for any byte of any column of any checkpoint copy in the store changed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: copies - 1 }),
        fc.constantFrom(...CHECKPOINT_COLUMNS),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        async (nth, column, position, delta) => {
          const path = tampered('evidence_checkpoints', column, nth, position, delta);
          fc.pre(path !== null);
          const failed = await failures(path, witness);
          rmSync(path, { force: true });
          expect(failed, `${column} of checkpoint copy ${nth}`).toEqual(['stored copies']);
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);

  it('fails for any byte of the witness changed', async () => {
    const bytes = Buffer.from(witness, 'utf8');
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), async (at, delta) => {
        const changed = Buffer.from(bytes);
        changed[at] = (changed[at]! + delta) % 256;
        expect(await failures(template, changed.toString('utf8')), `witness byte ${at}`).toEqual(['witness']);
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});

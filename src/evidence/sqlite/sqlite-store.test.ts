// The SQLite evidence store passes the conformance suite, each test on its own file in a temporary folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { executeIntegrityConformance } from '../execute-integrity.conformance.js';
import { reviewQueueConformance } from '../review-queue.conformance.js';
import { witnessConformance } from '../witness.conformance.js';
import { evidenceStoreConformance, reviewRequest, type StoreUnderTest } from '../store.conformance.js';
import { gatedCase } from '../review-queue.conformance.js';
import { withoutTriggers } from '../../../test/support/sqlite.js';
import { SqliteEvidenceStore } from './sqlite-store.js';

function sqliteSut(): StoreUnderTest {
  const dir = mkdtempSync(join(tmpdir(), 'eleanor-evidence-'));
  const path = join(dir, 'eleanor.db');
  return {
    open: () => Promise.resolve(new SqliteEvidenceStore({ path, synchronous: 'normal' })),
    reopen: () => Promise.resolve(new SqliteEvidenceStore({ path, synchronous: 'normal' })),
    exec(sql) {
      const db = new Database(path);
      try {
        db.exec(sql);
        return Promise.resolve();
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      } finally {
        db.close();
      }
    },
    tamper(chain, seq, column, value) {
      withoutTriggers(path, (db) =>
        db.prepare(`UPDATE evidence SET ${column} = ? WHERE chain = ? AND seq = ?`).run(value, chain, seq),
      );
      return Promise.resolve();
    },
    remove(chain, seq) {
      withoutTriggers(path, (db) => db.prepare('DELETE FROM evidence WHERE chain = ? AND seq = ?').run(chain, seq));
      return Promise.resolve();
    },
    tamperCheckpoint(nth, column, value) {
      withoutTriggers(path, (db) =>
        db
          .prepare(
            `UPDATE evidence_checkpoints SET ${column} = ?
             WHERE id = (SELECT id FROM evidence_checkpoints ORDER BY id LIMIT 1 OFFSET ?)`,
          )
          .run(value, nth - 1),
      );
      return Promise.resolve();
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}

evidenceStoreConformance('SQLite (better-sqlite3, WAL)', sqliteSut);
executeIntegrityConformance('SQLite', sqliteSut);
witnessConformance('SQLite', sqliteSut);
reviewQueueConformance('SQLite', sqliteSut);

describe('SqliteEvidenceStore migration 3 (the review queue)', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('builds the review queue in place from the records of a store made before it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eleanor-migrate-'));
    dirs.push(dir);
    const path = join(dir, 'eleanor.db');
    const before = new SqliteEvidenceStore({ path, synchronous: 'normal' });
    await Promise.all(Array.from({ length: 30 }, (_, i) => before.append(gatedCase(i))));
    await before.append(reviewRequest('q1', gatedCase(1).chain, 'approve'));
    await before.append(reviewRequest('q2', gatedCase(2).chain, 'reject'));
    const expected = await before.reviewPage({ limit: 1_000 });
    await before.close();
    // The file as version 2 left it: no queue table, no queue triggers.
    const db = new Database(path);
    for (const { name } of db
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'evidence_review_queue%'",
      )
      .all()) {
      db.exec(`DROP TRIGGER ${name}`);
    }
    db.exec('DROP TABLE evidence_review_text; DROP TABLE evidence_review_text_case; DROP TABLE evidence_review_queue');
    db.exec('DROP TABLE evidence_review_counts; DROP TABLE evidence_review_critics');
    db.pragma('user_version = 2');
    db.close();

    const after = new SqliteEvidenceStore({ path, synchronous: 'normal' });
    try {
      expect(await after.reviewPage({ limit: 1_000 })).toEqual(expected);
      expect(expected.counts.total).toBe(30);
      expect((await after.reviewPage({ status: 'approved' })).reviews.map((c) => c.traceId)).toEqual(['q1']);
      expect((await after.reviewPage({ status: 'rejected' })).reviews.map((c) => c.traceId)).toEqual(['q2']);
      await after.append(reviewRequest('q3', gatedCase(3).chain, 'approve'));
      expect((await after.reviewPage({ status: 'pending' })).counts.total).toBe(27);
      expect((await after.verify()).ok).toBe(true);
    } finally {
      await after.close();
    }
  });
});

describe('SqliteEvidenceStore migration 4 (the trigram index of the queue texts)', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('builds the text index in place from the queue of a store made before it, and keeps it as cases arrive', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eleanor-migrate-'));
    dirs.push(dir);
    const path = join(dir, 'eleanor.db');
    const before = new SqliteEvidenceStore({ path, synchronous: 'normal' });
    await Promise.all(Array.from({ length: 30 }, (_, i) => before.append(gatedCase(i))));
    const searches = ['weapon', 'question 1', 'ANSWER 2'];
    const expected = await Promise.all(searches.map((q) => before.reviewPage({ q, limit: 1_000 })));
    await before.close();
    // The file as version 3 left it: no text index, no trigger keeping it.
    const db = new Database(path);
    db.exec(
      'DROP TRIGGER evidence_review_text_add; DROP TABLE evidence_review_text; DROP TABLE evidence_review_text_case',
    );
    db.pragma('user_version = 3');
    db.close();

    const after = new SqliteEvidenceStore({ path, synchronous: 'normal' });
    try {
      const indexed = (): number => {
        const check = new Database(path, { readonly: true });
        try {
          return check.prepare<[], { n: number }>('SELECT count(*) AS n FROM evidence_review_text_case').get()!.n;
        } finally {
          check.close();
        }
      };
      expect(indexed()).toBe(30);
      for (const [i, q] of searches.entries())
        expect(await after.reviewPage({ q, limit: 1_000 }), q).toEqual(expected[i]);
      expect(expected[0]!.counts.total).toBe(5);
      await after.append({ ...gatedCase(30), traceId: 'late' });
      expect(indexed()).toBe(31);
      expect((await after.reviewPage({ q: 'question 30' })).reviews.map((c) => c.traceId)).toEqual(['late']);
    } finally {
      await after.close();
    }
  });
});

// The SQLite evidence store passes the conformance suite, each test on its own file in a temporary folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { executeIntegrityConformance } from '../execute-integrity.conformance.js';
import { witnessConformance } from '../witness.conformance.js';
import { evidenceStoreConformance, type StoreUnderTest } from '../store.conformance.js';
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
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}

evidenceStoreConformance('SQLite (better-sqlite3, WAL)', sqliteSut);
executeIntegrityConformance('SQLite', sqliteSut);
witnessConformance('SQLite', sqliteSut);

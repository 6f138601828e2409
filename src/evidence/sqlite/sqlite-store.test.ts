// The SQLite evidence store passes the conformance suite, each test on its own file in a temporary folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { evidenceStoreConformance, type StoreUnderTest } from '../store.conformance.js';
import { SqliteEvidenceStore } from './sqlite-store.js';

/** Runs `change` with the append-only triggers dropped, then puts them back exactly as they were. */
export function withoutTriggers(path: string, change: (db: Database.Database) => void): void {
  const db = new Database(path);
  try {
    const triggers = db
      .prepare<[], { name: string; sql: string }>("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
      .all();
    db.transaction(() => {
      for (const t of triggers) db.exec(`DROP TRIGGER ${t.name}`);
      change(db);
      for (const t of triggers) db.exec(t.sql);
    })();
  } finally {
    db.close();
  }
}

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
        return Promise.reject(error as Error);
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
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}

evidenceStoreConformance('SQLite (better-sqlite3, WAL)', sqliteSut);

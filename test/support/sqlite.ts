// Test support for the SQLite evidence store: change a database with its append-only triggers out of the way.
import Database from 'better-sqlite3';

/** Runs `change` with the triggers dropped, then puts them back exactly as they were (an attacker with the file). */
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

// Property: changing any single byte of any stored text column of any record makes verify fail at exactly that record.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteEvidenceStore } from '../../src/evidence/sqlite/sqlite-store.js';
import { evaluationRequest } from '../../src/evidence/store.conformance.js';
import { withoutTriggers } from '../support/sqlite.js';

const COLUMNS = ['record', 'hash', 'prev_hash', 'trace_id', 'kind', 'created_at', 'required_action', 'chain'] as const;
const CHAINS = ['alpha', 'beta'] as const;
const PER_CHAIN = 6;

let dir: string;
let template: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'eleanor-tamper-'));
  template = join(dir, 'template.db');
  const store = new SqliteEvidenceStore({ path: template, synchronous: 'normal' });
  for (let i = 0; i < PER_CHAIN; i += 1) {
    for (const chain of CHAINS) {
      await store.append(evaluationRequest(`${chain}-trace-${i}`, chain, i % 2 ? 'HUMAN_ACK' : 'none'));
    }
  }
  await store.close();
  // Fold the WAL into the file so a copy of the file is the whole database.
  const db = new Database(template);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('journal_mode = DELETE');
  db.close();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('verify against single-byte tampering', () => {
  it('fails at exactly the changed record, and only on its chain', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...CHAINS),
        fc.integer({ min: 1, max: PER_CHAIN }),
        fc.constantFrom(...COLUMNS),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        async (chain, seq, column, position, delta) => {
          const path = join(dir, `run-${(run += 1)}.db`);
          copyFileSync(template, path);
          const db = new Database(path);
          const stored = db
            .prepare<[string, number], { value: string }>(
              `SELECT ${column} AS value FROM evidence WHERE chain = ? AND seq = ?`,
            )
            .get(chain, seq)!.value;
          db.close();
          const bytes = Buffer.from(stored, 'utf8');
          const at = position % bytes.length;
          bytes[at] = (bytes[at]! + delta) % 256;
          let refused = false;
          try {
            withoutTriggers(path, (raw) =>
              raw
                .prepare(`UPDATE evidence SET ${column} = CAST(? AS TEXT) WHERE chain = ? AND seq = ?`)
                .run(bytes, chain, seq),
            );
          } catch (error) {
            // A CHECK or UNIQUE constraint refused the change itself (e.g. kind 'evaluatioo'): nothing was altered.
            refused = /constraint/i.test(String(error));
            if (!refused) throw error;
          }
          fc.pre(!refused);
          const store = new SqliteEvidenceStore({ path });
          const report = await store.verify();
          await store.close();
          rmSync(path, { force: true });
          expect(report.ok).toBe(false);
          // Every chain that breaks breaks at the changed record (a record moved to another chain by a changed
          // `chain` byte is reported there, at its own seq; its old chain then ends early or has a gap at it).
          const broken = report.chains.filter((c) => c.firstBroken !== null);
          expect(
            broken.map((c) => c.firstBroken!.seq),
            `${column} of ${chain}#${seq}`,
          ).toEqual(broken.map(() => seq));
          const untouched = CHAINS.filter((c) => c !== chain);
          expect(report.chains.filter((c) => untouched.includes(c.chain as never) && c.firstBroken)).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);
});

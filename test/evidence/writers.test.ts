// Several writer processes on one SQLite file (and on one PostgreSQL schema) keep unbroken chains; SIGKILL loses nothing acknowledged.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { PgEvidenceStore } from '../../src/evidence/postgres/pg-store.js';
import { SqliteEvidenceStore } from '../../src/evidence/sqlite/sqlite-store.js';
import type { EvidenceStore } from '../../src/evidence/types.js';

const WRITER = 'test/support/evidence-writer.ts';
const PG_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dir = mkdtempSync(join(tmpdir(), 'eleanor-writers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writer(args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', WRITER, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}

function exited(child: ChildProcess): Promise<{ code: number | null; stderr: string }> {
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
}

async function expectUnbrokenChains(store: EvidenceStore, total: number): Promise<void> {
  const report = await store.verify();
  expect(report.ok, JSON.stringify(report)).toBe(true);
  const records = Object.fromEntries(report.chains.map((c) => [c.chain, c.records]));
  expect(records).toEqual({ shared: (total * 3) / 4, side: total / 4 });
  for (const chain of report.chains) expect(chain.head?.seq).toBe(chain.records);
}

describe('several writer processes', () => {
  it('4 processes × 400 appends on one SQLite file: one unbroken chain each', async () => {
    const path = join(dir, 'shared.db');
    const runs = await Promise.all(
      ['p0', 'p1', 'p2', 'p3'].map((prefix) => exited(writer(['append', path, '400', prefix]))),
    );
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    const store = new SqliteEvidenceStore({ path });
    await expectUnbrokenChains(store, 1600);
    await store.close();
  }, 60_000);

  it('4 processes × 400 appends on one PostgreSQL schema: one unbroken chain each', async () => {
    const schema = `eleanor_test_${randomBytes(6).toString('hex')}`;
    const runs = await Promise.all(
      ['p0', 'p1', 'p2', 'p3'].map((prefix) => exited(writer(['append', `postgres:${schema}`, '400', prefix]))),
    );
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    const store = new PgEvidenceStore({ url: PG_URL, schema });
    try {
      await expectUnbrokenChains(store, 1600);
    } finally {
      await store.close();
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`DROP SCHEMA ${schema} CASCADE`);
      await client.end();
    }
  }, 60_000);
});

describe('a writer killed with SIGKILL mid-batch', () => {
  it('keeps every evaluation whose evaluate() had returned, and the chain verifies', async () => {
    const path = join(dir, 'killed.db');
    const child = writer(['evaluate', path, '0', 'k']);
    const done = exited(child);
    const acknowledged: string[] = [];
    let partial = '';
    await new Promise<void>((resolve) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        const lines = (partial + chunk.toString()).split('\n');
        partial = lines.pop()!;
        acknowledged.push(...lines);
        if (acknowledged.length >= 300) resolve();
      });
    });
    child.kill('SIGKILL');
    expect((await done).code).toBeNull();
    const store = new SqliteEvidenceStore({ path });
    const report = await store.verify();
    expect(report.ok, JSON.stringify(report)).toBe(true);
    for (const traceId of acknowledged) expect(await store.entries(traceId), traceId).toHaveLength(1);
    // Appends were still in flight when it died: more may be on record than were acknowledged, never fewer.
    expect(report.chains[0]!.records).toBeGreaterThanOrEqual(acknowledged.length);
    await store.close();
  }, 60_000);
});

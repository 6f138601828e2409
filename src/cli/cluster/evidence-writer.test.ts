import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Worker } from 'node:cluster';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareAppend } from '../../evidence/pending.js';
import { SqliteEvidenceStore } from '../../evidence/index.js';
import type { ForwardedAnswer } from '../../evidence/index.js';
import { openEvidenceWriter, writesThroughPrimary } from './evidence-writer.js';
import type { PrimaryMessage } from './messages.js';

const dir = mkdtempSync(join(tmpdir(), 'eleanor-writer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A cluster worker as the primary sees it: what it is sent. */
function fakeWorker(): { worker: Worker; answers: Promise<readonly ForwardedAnswer[]> } {
  let resolve: (answers: readonly ForwardedAnswer[]) => void = () => undefined;
  const answers = new Promise<readonly ForwardedAnswer[]>((r) => (resolve = r));
  const worker = {
    isConnected: () => true,
    send: (message: PrimaryMessage) => (message.eleanor === 'appended' ? resolve(message.answers) : undefined),
  } as unknown as Worker;
  return { worker, answers };
}

const item = (traceId: string) =>
  prepareAppend({
    chain: 'shared',
    kind: 'evaluation',
    traceId,
    payload: { traceId, gate: { requiredAction: 'none' } },
  });

describe('openEvidenceWriter', () => {
  it('writes only for a SQLite file store', () => {
    expect(writesThroughPrimary(undefined)).toBe(true);
    expect(writesThroughPrimary({ store: 'sqlite' })).toBe(true);
    expect(writesThroughPrimary({ store: 'memory' })).toBe(false);
    expect(writesThroughPrimary({ store: 'postgres' })).toBe(false);
    expect(writesThroughPrimary(false)).toBe(false);
  });

  it("commits two workers' records in one chain and answers each worker in order; a duplicate fails alone", async () => {
    const path = join(dir, 'two.db');
    const writer = openEvidenceWriter({ path }, dir)!;
    const a = fakeWorker();
    const b = fakeWorker();
    writer.append(a.worker, 0, [item('a1'), item('a2')]);
    writer.append(b.worker, 0, [item('b1'), item('a1')]);
    const [fromA, fromB] = await Promise.all([a.answers, b.answers]);
    await writer.close();
    expect(fromA.map((answer) => ('ref' in answer ? answer.ref.seq : answer.error.code))).toEqual([1, 2]);
    expect(fromB.map((answer) => ('ref' in answer ? answer.ref.seq : answer.error.code))).toEqual([
      3,
      'EVIDENCE_CONFLICT',
    ]);
    const store = new SqliteEvidenceStore({ path });
    const report = await store.verify();
    await store.close();
    expect(report.ok, JSON.stringify(report)).toBe(true);
    expect(report.chains.map((c) => [c.chain, c.records])).toEqual([['shared', 3]]);
  });

  it('keeps its event loop running while another process holds the write lock, and commits once it frees', async () => {
    const path = join(dir, 'locked.db');
    const writer = openEvidenceWriter({ path }, dir)!;
    // Another process takes the write lock and keeps it until told (a line on stdin).
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const db = new (require('better-sqlite3'))(${JSON.stringify(path)});
         db.exec('BEGIN IMMEDIATE'); console.log('locked');
         process.stdin.once('data', () => { db.exec('COMMIT'); db.close(); process.exit(0); });`,
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
    const { worker, answers } = fakeWorker();
    let answered = false;
    void answers.then(() => (answered = true));
    writer.append(worker, 0, [item('held')]);
    // Timers keep firing while the append waits for the lock: the loop is not asleep in SQLite's busy handler.
    let ticks = 0;
    const started = performance.now();
    while (performance.now() - started < 40) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      ticks += 1;
    }
    expect(answered).toBe(false);
    expect(ticks).toBeGreaterThan(10);
    holder.stdin.end('go\n');
    const [answer] = await answers;
    expect(answer).toMatchObject({ ref: { chain: 'shared', seq: 1 } });
    await writer.close();
  });
});

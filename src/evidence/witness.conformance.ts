// What signed checkpoints catch on both stores that the hash chain alone cannot: a cut tail, a consistent rewrite, a
// truncate-and-append, a reorder; and a witness that was itself altered.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chainHash } from './canonical.js';
import { withCheckpoints } from './checkpointed-store.js';
import { verifyWitness, type WitnessReport } from './checkpoint-verify.js';
import { Checkpointer } from './checkpoints.js';
import { authorizeExecution, type ExecutionGrant } from './reviews.js';
import { signingKeyFrom, generateSigningKeyPem } from './signing.js';
import { evaluationRequest, type StoreUnderTest } from './store.conformance.js';
import type { EvidenceStore, StoredRow } from './types.js';

const key = signingKeyFrom(generateSigningKeyPem().privateKeyPem, 'test key');

export function witnessConformance(name: string, makeSut: () => StoreUnderTest): void {
  describe(`signed checkpoints and a witness: ${name}`, () => {
    let sut: StoreUnderTest;
    let store: EvidenceStore;
    let dir: string;
    let witness: string;
    /** The seqs the checkpoints cover, in witness order (every 3 records, as appends land, and 8 on close). */
    let signed: number[];
    /** The first checkpoint covering `seq`: where tampering with record `seq` must be caught. */
    const firstCovering = (seq: number): number => signed.find((s) => s >= seq)!;

    afterEach(async () => {
      await store.close();
      await sut.cleanup();
      rmSync(dir, { recursive: true, force: true });
    });

    /** Eight records on chain 'default', checkpointed every 3 and on close (8); the store reopened. */
    async function seeded(): Promise<StoredRow[]> {
      sut = makeSut();
      dir = mkdtempSync(join(tmpdir(), 'eleanor-witness-'));
      witness = join(dir, 'witness', 'checkpoints.jsonl');
      const inner = await sut.open();
      const checkpointer = new Checkpointer(inner, { every: 3, key, witness }, (error) => {
        throw error;
      });
      const writing = withCheckpoints(inner, checkpointer);
      for (let i = 1; i <= 8; i++) await writing.append(evaluationRequest(`w${i}`));
      await checkpointer.close();
      await inner.close();
      store = await sut.reopen();
      signed = readFileSync(witness, 'utf8')
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { seq: number }).seq);
      return store.rowsBetween('default', 1, 8);
    }

    const check = (text = readFileSync(witness, 'utf8')): Promise<WitnessReport> =>
      verifyWitness(store, text, key.publicKey);

    /** `execute` as an engine with this witness and key configured checks it: against the first covering checkpoint. */
    async function execute(trace: string): Promise<ExecutionGrant> {
      const reader = new Checkpointer(store, { every: 1_000, key, witness }, (error) => {
        throw error;
      });
      try {
        return await authorizeExecution(store, trace, { covering: (chain, seq) => reader.covering(chain, seq) });
      } finally {
        await reader.close();
      }
    }

    const refused = (trace: string): Promise<void> =>
      expect(execute(trace)).rejects.toMatchObject({ code: 'EVIDENCE_TAMPERED' });

    async function failure(): Promise<{ seq: number; reason: string }> {
      const report = await check();
      expect(report.ok).toBe(false);
      return report.chains.find((c) => c.failure !== null)!.failure!;
    }

    /** Replaces the given records' texts and recomputes every hash from the first of them on: the chain still links. */
    async function rewrite(rows: StoredRow[], texts: ReadonlyMap<number, string>): Promise<void> {
      const first = Math.min(...texts.keys());
      let prev = rows[first - 2]?.hash ?? '0'.repeat(64);
      for (const row of rows.slice(first - 1)) {
        const record = texts.get(row.seq) ?? row.record;
        const hash = chainHash(prev, record);
        await sut.tamper('default', row.seq, 'record', record);
        await sut.tamper('default', row.seq, 'prev_hash', prev);
        await sut.tamper('default', row.seq, 'hash', hash);
        prev = hash;
      }
    }

    it('signs checkpoints at every N records and on close, and they hold for an intact store', async () => {
      await seeded();
      // At each multiple of 3 it passes, and at the stored head when it runs (with appends landing, maybe between).
      expect(signed).toEqual(expect.arrayContaining([3, 6, 8]));
      expect(signed.at(-1)).toBe(8);
      expect(new Set(signed).size).toBe(signed.length);
      expect([...signed].sort((a, b) => a - b)).toEqual(signed);
      expect(await check()).toMatchObject({ ok: true, checkpoints: signed.length });
      expect((await execute('w2')).modelResponse).toBe('ok');
      // The store keeps a copy of each checkpoint, as written to the witness.
      const kept = await store.checkpoints({ chain: 'default' });
      expect(kept.checkpoints.map((c) => c.seq)).toEqual(signed);
      expect(kept.checkpoints.map((c) => JSON.stringify(c))).toEqual(readFileSync(witness, 'utf8').trim().split('\n'));
    });

    it('catches a cut tail of one and of three records', async () => {
      await seeded();
      await sut.remove('default', 8);
      expect((await store.verify()).ok).toBe(true); // the chain alone cannot tell
      expect(await failure()).toMatchObject({ seq: 8, reason: expect.stringContaining('cut') as string });
      await sut.remove('default', 7);
      await sut.remove('default', 6);
      expect(await failure()).toMatchObject({ seq: firstCovering(6) });
      await refused('w5');
    });

    it('catches a middle record deleted', async () => {
      await seeded();
      await sut.remove('default', 4);
      expect(await failure()).toMatchObject({
        seq: firstCovering(4),
        reason: expect.stringContaining('missing') as string,
      });
      await refused('w5');
    });

    it('catches a decision rewritten with every later hash recomputed', async () => {
      const rows = await seeded();
      await rewrite(rows, new Map([[2, rows[1]!.record.replace('"decision":"allow"', '"decision":"deny"')]]));
      expect((await store.verify()).ok).toBe(true); // the chain alone cannot tell
      expect(await failure()).toMatchObject({ seq: firstCovering(2) });
    });

    it('refuses to execute a response rewritten with every later hash recomputed, which the chain alone would release', async () => {
      const rows = await seeded();
      await rewrite(
        rows,
        new Map([[2, rows[1]!.record.replace('"modelResponse":"ok"', '"modelResponse":"rm -rf /"')]]),
      );
      expect((await authorizeExecution(store, 'w2')).modelResponse).toBe('rm -rf /'); // no checkpoint: released
      await expect(execute('w2')).rejects.toMatchObject({
        code: 'EVIDENCE_TAMPERED',
        message: expect.stringContaining(`checkpoint at seq ${firstCovering(2)}`) as string,
      });
    });

    it('will not sign a new checkpoint over a rewritten past', async () => {
      const rows = await seeded();
      await rewrite(rows, new Map([[2, rows[1]!.record.replace('"modelResponse":"ok"', '"modelResponse":"ok?"')]]));
      const warnings: string[] = [];
      const signer = new Checkpointer(store, { every: 1, key, witness }, (_error, message) => warnings.push(message));
      const writing = withCheckpoints(store, signer);
      await writing.append(evaluationRequest('w9'));
      await expect(signer.close()).rejects.toThrow(/rewritten/);
      expect(warnings.join('\n')).toMatch(/could not be written/);
      expect(readFileSync(witness, 'utf8').trim().split('\n')).toHaveLength(signed.length);
    });

    it('catches two records swapped as they were (hashes and all), and execute refuses both', async () => {
      const rows = await seeded();
      await sut.tamper('default', 4, 'trace_id', 'moving'); // trace ids are unique per chain while they move
      for (const [row, other] of [
        [rows[4]!, rows[3]!],
        [rows[3]!, rows[4]!],
      ] as const) {
        for (const [column, value] of [
          ['record', other.record],
          ['prev_hash', other.prevHash],
          ['hash', other.hash],
          ['trace_id', other.traceId],
          ['created_at', other.createdAt],
        ] as const) {
          await sut.tamper('default', row.seq, column, value);
        }
      }
      expect((await store.verify()).ok).toBe(false);
      expect(await failure()).toMatchObject({ seq: firstCovering(4) });
      await refused('w4');
      await refused('w5');
    });

    it('catches two records swapped with every later hash recomputed', async () => {
      const rows = await seeded();
      const [fourth, fifth] = [rows[3]!.record, rows[4]!.record];
      await rewrite(
        rows,
        new Map([
          [4, fifth.replace('"seq":5', '"seq":4')],
          [5, fourth.replace('"seq":4', '"seq":5')],
        ]),
      );
      expect(await failure()).toMatchObject({ seq: firstCovering(4) });
      await refused('w4');
    });

    it('catches a store truncated to its first record and given a made-up history', async () => {
      const rows = await seeded();
      for (let seq = 8; seq >= 2; seq--) await sut.remove('default', seq);
      const forger = await sut.reopen();
      for (let i = 1; i <= 7; i++) await forger.append(evaluationRequest(`forged${i}`));
      await forger.close();
      expect((await store.verify()).ok).toBe(true);
      expect((await store.rowsBetween('default', 1, 1))[0]!.hash).toBe(rows[0]!.hash);
      expect(await failure()).toMatchObject({ seq: firstCovering(2) });
      // w1 is intact, but the chain no longer leads from it to the head the checkpoint signed: nothing is released.
      await refused('w1');
      await refused('forged3');
    });

    it('refuses a witness whose checkpoint was altered, or signed by another key', async () => {
      await seeded();
      const text = readFileSync(witness, 'utf8');
      const [first] = text.split('\n');
      const altered = text.replace(first!, first!.replace(`"seq":${signed[0]}`, `"seq":${signed[0]! - 1}`));
      expect((await check(altered)).chains[0]!.failure).toMatchObject({ reason: 'the signature does not verify' });
      const other = signingKeyFrom(generateSigningKeyPem().privateKeyPem, 'other');
      const report = await verifyWitness(store, text, other.publicKey);
      expect(report.chains[0]!.failure!.reason).toMatch(/signed by key/);
      writeFileSync(witness, `${text}not json\n`);
      expect((await check()).ok).toBe(false);
    });
  });
}

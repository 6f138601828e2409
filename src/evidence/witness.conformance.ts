// Every tampering scenario of issue 16 on both stores, with checkpoints and the signing key configured: `verify` (the
// chain, the witness, the store's checkpoint copies and the review signatures) names the place, and `execute` refuses.
// Over 400 lines: one suite per pluggable kind (CONVENTIONS.md), each scenario a test over the same seeded, signed store.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CANONICAL_STATEMENTS } from '../verdict/doctrine.js';
import { chainHash } from './canonical.js';
import { withCheckpoints } from './checkpointed-store.js';
import { verifyStoredCheckpoints, verifyWitness, type WitnessReport } from './checkpoint-verify.js';
import { checkpointText } from './checkpoint-text.js';
import { Checkpointer } from './checkpoints.js';
import { MerkleFrontier, recordLeaf } from './merkle.js';
import { checkReviewSignatures } from './review-signature.js';
import { authorizeExecution, createReviewQueue, type ExecutionGrant } from './reviews.js';
import { signingKeyFrom, generateSigningKeyPem, signText } from './signing.js';
import { evaluationRequest, reviewRequest, type StoreUnderTest } from './store.conformance.js';
import type { EvidenceStore, ReviewRecord, StoredRow } from './types.js';

const key = signingKeyFrom(generateSigningKeyPem().privateKeyPem, 'test key');
const EVERY = 4;
/** Where the checkpoints are signed: at 4 and 8 as appends pass them, and at the head (10) on close. */
const SIGNED = [4, 8, 10];

/** The first failure each part of `eleanor evidence verify` reports, or null where that part holds. */
interface Verified {
  chain: { seq: number; reason: string } | null;
  witness: { seq: number; reason: string } | null;
  storedCopies: { seq: number; reason: string } | null;
  reviews: { seq: number; traceId: string; reason: string } | null;
}

const firstFailure = (report: WitnessReport): { seq: number; reason: string } | null => {
  const failure = report.chains.find((c) => c.failure !== null)?.failure;
  return failure === undefined || failure === null ? null : { seq: failure.seq, reason: failure.reason };
};

/** Matches a failure at `seq` whose reason matches `reason`. */
const at = (seq: number, reason: RegExp): unknown => ({ seq, reason: expect.stringMatching(reason) as string });

export function witnessConformance(name: string, makeSut: () => StoreUnderTest): void {
  describe(`tampering caught with signed checkpoints and a witness: ${name}`, () => {
    let sut: StoreUnderTest;
    let store: EvidenceStore;
    let dir: string;
    let witness: string;
    /** What the store's reader was warned of (checkpoint copies it ignored). */
    let warnings: string[];

    afterEach(async () => {
      await store.close();
      await sut.cleanup();
      rmSync(dir, { recursive: true, force: true });
    });

    /**
     * Ten records on chain 'default' — record n is trace `t${n}`, except record 4, the signed review approving t3 (a
     * HUMAN_ACK); t6 is a HUMAN_ACK still pending — checkpointed at 4, 8 and (on close) 10; the store reopened.
     */
    async function seeded(): Promise<StoredRow[]> {
      sut = makeSut();
      dir = mkdtempSync(join(tmpdir(), 'eleanor-witness-'));
      witness = join(dir, 'witness', 'checkpoints.jsonl');
      warnings = [];
      const inner = await sut.open();
      const checkpointer = new Checkpointer(inner, { every: EVERY, key, witness }, (error) => {
        throw error;
      });
      const writing = withCheckpoints(inner, checkpointer);
      for (let seq = 1; seq <= 10; seq++) {
        if (seq === 4) {
          await createReviewQueue(writing, key).decide('t3', {
            action: 'HUMAN_ACK',
            actor: 'rev@example.org',
            statement: CANONICAL_STATEMENTS.HUMAN_ACK,
            outcome: 'approve',
          });
        } else {
          await writing.append(evaluationRequest(`t${seq}`, 'default', seq === 3 || seq === 6 ? 'HUMAN_ACK' : 'none'));
        }
        // Signed as the appends pass 4 and 8, before the next append lands: the places are known exactly.
        if (seq % EVERY === 0) await checkpointer.flush();
      }
      await checkpointer.close();
      await inner.close();
      store = await sut.reopen();
      return store.rowsBetween('default', 1, 10);
    }

    const witnessText = (): string => readFileSync(witness, 'utf8');

    /** Each part of `eleanor evidence verify` with the witness and the public key. */
    async function verified(): Promise<Verified> {
      const chain = (await store.verify()).chains.find((c) => c.firstBroken !== null)?.firstBroken ?? null;
      const reviews = (await checkReviewSignatures(store, key.publicKey, undefined)).failure;
      return {
        chain: chain === null ? null : { seq: chain.seq, reason: chain.reason },
        witness: firstFailure(await verifyWitness(store, witnessText(), key.publicKey)),
        storedCopies: firstFailure(await verifyStoredCheckpoints(store, key.publicKey)),
        reviews: reviews === null ? null : { seq: reviews.seq, traceId: reviews.traceId, reason: reviews.reason },
      };
    }

    /** `execute` as an engine with this witness and key configured runs it (engine/evidence-setup.ts). */
    async function execute(trace: string): Promise<ExecutionGrant> {
      const reader = new Checkpointer(store, { every: 1_000, key, witness }, (_error, message) =>
        warnings.push(message),
      );
      try {
        return await authorizeExecution(store, trace, {
          reviewKey: key.publicKey,
          covering: (chain, seq) => reader.covering(chain, seq),
        });
      } finally {
        await reader.close();
      }
    }

    const refused = (trace: string, message: RegExp): Promise<void> =>
      expect(execute(trace)).rejects.toMatchObject({
        code: 'EVIDENCE_TAMPERED',
        message: expect.stringMatching(message) as string,
      });

    /**
     * Replaces records' texts and, as a careful attacker would, every hash from the first of them on and the columns
     * copied from the records (trace id, time), so the chain alone still verifies.
     */
    async function rewrite(rows: StoredRow[], texts: ReadonlyMap<number, string>): Promise<void> {
      const first = Math.min(...texts.keys());
      const later = rows.slice(first - 1);
      // Trace ids are unique per chain: the ones that move are set aside first.
      for (const row of later)
        if (texts.has(row.seq)) await sut.tamper('default', row.seq, 'trace_id', `moving${row.seq}`);
      let prev = rows[first - 2]?.hash ?? '0'.repeat(64);
      for (const row of later) {
        const record = texts.get(row.seq) ?? row.record;
        const parsed = JSON.parse(record) as { traceId: string; createdAt: string };
        const hash = chainHash(prev, record);
        for (const [column, value] of [
          ['record', record],
          ['prev_hash', prev],
          ['hash', hash],
          ['trace_id', parsed.traceId],
          ['created_at', parsed.createdAt],
        ] as const) {
          await sut.tamper('default', row.seq, column, value);
        }
        prev = hash;
      }
    }

    it('signs at 4, 8 and on close; an intact store verifies in every part, and execute releases what it should', async () => {
      await seeded();
      const lines = witnessText().trim().split('\n');
      expect(lines.map((l) => (JSON.parse(l) as { seq: number }).seq)).toEqual(SIGNED);
      const kept = await store.checkpoints({ chain: 'default' });
      expect(kept.checkpoints.map((c) => JSON.stringify(c))).toEqual(lines);
      expect(await verified()).toEqual({ chain: null, witness: null, storedCopies: null, reviews: null });
      expect((await execute('t2')).modelResponse).toBe('ok');
      expect((await execute('t3')).authorizedBy).toMatchObject({ actor: 'rev@example.org', keyId: key.keyId });
      await expect(execute('t6')).rejects.toMatchObject({ code: 'EXECUTION_REFUSED' });
      expect(warnings).toEqual([]);
    });

    it('flip one byte of a record: verify names it, execute refuses it and the record it follows', async () => {
      const rows = await seeded();
      await sut.tamper('default', 2, 'record', rows[1]!.record.replace('"modelResponse":"ok"', '"modelResponse":"oK"'));
      expect(await verified()).toEqual({
        chain: at(2, /does not match its hash/),
        witness: null,
        storedCopies: null,
        reviews: null,
      });
      await refused('t2', /seq 2\) fails verification at seq 2: the record does not match its hash/);
      await refused('t1', /fails verification at seq 2: the record does not match its hash/);
      expect((await execute('t5')).modelResponse).toBe('ok'); // after the altered record's checkpoint: intact
    });

    it('delete the last record: verify names the checkpoint it cut, execute refuses the record before it', async () => {
      await seeded();
      await sut.remove('default', 10);
      expect(await verified()).toEqual({
        chain: null, // the chain alone cannot tell
        witness: at(10, /store ends at seq 9: records up to 10 were cut/),
        storedCopies: at(10, /were cut/),
        reviews: null,
      });
      await refused('t9', /fails verification at seq 10: record 10 is missing/);
      await expect(execute('t10')).rejects.toMatchObject({ code: 'EVIDENCE_NOT_FOUND' });
      expect((await execute('t8')).modelResponse).toBe('ok');
    });

    it('delete the last three records: verify names the first checkpoint cut, execute refuses what it covered', async () => {
      await seeded();
      for (const seq of [10, 9, 8]) await sut.remove('default', seq);
      expect(await verified()).toEqual({
        chain: null,
        witness: at(8, /store ends at seq 7: records up to 8 were cut/),
        storedCopies: at(8, /were cut/),
        reviews: null,
      });
      await refused('t7', /fails verification at seq 8: record 8 is missing/);
      await refused('t5', /fails verification at seq 8: record 8 is missing/);
      expect((await execute('t3')).authorizedBy).toMatchObject({ outcome: 'approve' }); // under checkpoint 4: intact
    });

    it('delete a middle record: verify names the gap and its checkpoint, execute refuses the record after it', async () => {
      await seeded();
      await sut.remove('default', 5);
      expect(await verified()).toEqual({
        chain: at(5, /record 5 is missing/),
        witness: at(8, /record 5 is missing from the store/),
        storedCopies: at(8, /record 5 is missing/),
        reviews: null,
      });
      await refused('t6', /fails verification at seq 5: record 5 is missing/);
      await expect(execute('t5')).rejects.toMatchObject({ code: 'EVIDENCE_NOT_FOUND' });
    });

    it('swap two records as they were (hashes and all): verify names both places, execute refuses both', async () => {
      const rows = await seeded();
      await sut.tamper('default', 7, 'trace_id', 'moving');
      for (const [row, other] of [
        [rows[7]!, rows[6]!],
        [rows[6]!, rows[7]!],
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
      expect(await verified()).toEqual({
        chain: at(7, /column seq \(7\) differs from the record \(8\)/),
        witness: at(8, /record 8 is not the head it signed/),
        storedCopies: at(8, /not the head it signed/),
        reviews: null,
      });
      await refused('t7', /fails verification at seq 7: column seq/);
      await refused('t8', /fails verification at seq 7: column seq/);
    });

    it('swap two records with every later hash recomputed: the chain holds, the witness and execute do not', async () => {
      const rows = await seeded();
      const [seventh, eighth] = [rows[6]!.record, rows[7]!.record];
      await rewrite(
        rows,
        new Map([
          [7, eighth.replace('"seq":8', '"seq":7')],
          [8, seventh.replace('"seq":7', '"seq":8')],
        ]),
      );
      expect(await verified()).toEqual({
        chain: null,
        witness: at(8, /record 8 is not the head it signed/),
        storedCopies: at(8, /not the head it signed/),
        reviews: null,
      });
      await refused('t7', /the head signed in the checkpoint at seq 8/);
      await refused('t8', /the head signed in the checkpoint at seq 8/);
    });

    it('rewrite a response with every later hash recomputed: released without checkpoints, refused with them', async () => {
      const rows = await seeded();
      await rewrite(
        rows,
        new Map([[2, rows[1]!.record.replace('"modelResponse":"ok"', '"modelResponse":"rm -rf /"')]]),
      );
      expect(await verified()).toEqual({
        chain: null,
        witness: at(4, /record 4 is not the head it signed/),
        storedCopies: at(4, /not the head it signed/),
        // t3's record was rewritten too (its hash recomputed): its signed review names the record as it was.
        reviews: { seq: 4, traceId: 't3', reason: 'the review was signed for another evaluation record' },
      });
      expect((await authorizeExecution(store, 't2')).modelResponse).toBe('rm -rf /'); // the chain alone releases it
      await refused('t2', /the head signed in the checkpoint at seq 4/);
      await refused('t9', /the head signed in the checkpoint at seq 10/);
    });

    it('truncate to the first record and append a made-up history: verify and execute refuse it', async () => {
      const rows = await seeded();
      for (let seq = 10; seq >= 2; seq--) await sut.remove('default', seq);
      const forger = await sut.reopen();
      for (let seq = 2; seq <= 10; seq++) await forger.append(evaluationRequest(`forged${seq}`));
      await forger.close();
      expect((await store.rowsBetween('default', 1, 1))[0]!.hash).toBe(rows[0]!.hash);
      expect(await verified()).toEqual({
        chain: null,
        witness: at(4, /record 4 is not the head it signed/),
        storedCopies: at(4, /not the head it signed/),
        reviews: null,
      });
      // t1 is intact, but the chain no longer leads from it to the head the checkpoint signed: nothing is released.
      await refused('t1', /the head signed in the checkpoint at seq 4/);
      await refused('forged3', /the head signed in the checkpoint at seq 4/);
    });

    it('forge a review (a correctly hashed row, any actor): verify names it, execute refuses it', async () => {
      await seeded();
      const forged = reviewRequest('t6', 'default', 'approve');
      await store.append({ ...forged, payload: { ...(forged.payload as ReviewRecord), actor: 'admin@example.org' } });
      expect(await verified()).toEqual({
        chain: null, // its hash is right
        witness: null, // it is after the latest checkpoint
        storedCopies: null,
        reviews: { seq: 11, traceId: 't6', reason: 'the review is not signed by the evidence signing key' },
      });
      await refused('t6', /seq 11\): the review is not signed by the evidence signing key/);
      // Without the signing key, a chain and its checkpoints alone would release it.
      const reader = new Checkpointer(store, { every: 1_000, key, witness }, () => undefined);
      const unsigned = await authorizeExecution(store, 't6', { covering: (c, s) => reader.covering(c, s) });
      await reader.close();
      expect(unsigned.authorizedBy).toMatchObject({ actor: 'admin@example.org' });
    });

    it("forge a review from another review's signature: verify names it, execute refuses it", async () => {
      const rows = await seeded();
      const signed = (JSON.parse(rows[3]!.record) as { payload: ReviewRecord }).payload;
      const t6 = rows[5]!;
      await store.append({
        chain: 'default',
        kind: 'review',
        traceId: 't6',
        reviewOutcome: 'approve',
        payload: { ...signed, traceId: 't6', evaluationHash: t6.hash },
      });
      expect(await verified()).toEqual({
        chain: null,
        witness: null,
        storedCopies: null,
        reviews: { seq: 11, traceId: 't6', reason: 'the review’s signature does not verify' },
      });
      await refused('t6', /the review’s signature does not verify/);
    });

    it('an altered checkpoint copy in the store: verify names it; execute, reading the witness, is not misled', async () => {
      await seeded();
      const [, second] = witnessText().trim().split('\n');
      const root = (JSON.parse(second!) as { root: string }).root;
      await sut.tamperCheckpoint(2, 'root', `${root[0] === '0' ? '1' : '0'}${root.slice(1)}`);
      expect(await verified()).toEqual({
        chain: null,
        witness: null,
        storedCopies: at(8, /the signature does not verify/),
        reviews: null,
      });
      expect((await execute('t5')).modelResponse).toBe('ok');
      expect(warnings.join('\n')).toMatch(/1 checkpoint\(s\) not signed by this evidence key were ignored/);
    });

    it('will not sign a new checkpoint over a rewritten past', async () => {
      const rows = await seeded();
      await rewrite(rows, new Map([[2, rows[1]!.record.replace('"modelResponse":"ok"', '"modelResponse":"ok?"')]]));
      const signerWarnings: string[] = [];
      const signer = new Checkpointer(store, { every: 1, key, witness }, (_error, message) =>
        signerWarnings.push(message),
      );
      const writing = withCheckpoints(store, signer);
      await writing.append(evaluationRequest('t11'));
      await expect(signer.close()).rejects.toThrow(/rewritten/);
      expect(signerWarnings.join('\n')).toMatch(/could not be written/);
      expect(witnessText().trim().split('\n')).toHaveLength(SIGNED.length);
    });

    it('refuses a validly signed checkpoint that does not extend the one before it (same head, another history)', async () => {
      const rows = await seeded();
      // What a signer shown a rewritten record 2 would sign at 8: the head it saw, a root over another history.
      const frontier = new MerkleFrontier();
      rows.slice(0, 8).forEach((row) => frontier.push(recordLeaf(row.seq === 2 ? 'ab'.repeat(32) : row.hash)));
      const fields = {
        chain: 'default',
        seq: 8,
        head: rows[7]!.hash,
        root: frontier.root(),
        time: 'now',
        keyId: key.keyId,
      };
      const forked = { ...fields, signature: signText(key, checkpointText(fields)) };
      writeFileSync(witness, `${witnessText()}${JSON.stringify(forked)}\n`);
      expect((await verified()).witness).toEqual(at(8, /records 1–8 do not give the Merkle root it signed/));
    });

    it('refuses a witness whose checkpoint was altered, or signed by another key', async () => {
      await seeded();
      const text = witnessText();
      const [first] = text.split('\n');
      const altered = text.replace(first!, first!.replace('"seq":4', '"seq":3'));
      expect(firstFailure(await verifyWitness(store, altered, key.publicKey))).toEqual(
        at(3, /the signature does not verify/),
      );
      const other = signingKeyFrom(generateSigningKeyPem().privateKeyPem, 'other');
      expect(firstFailure(await verifyWitness(store, text, other.publicKey))).toEqual(at(4, /signed by key/));
      writeFileSync(witness, `${text}not json\n`);
      expect((await verified()).witness).toEqual(at(0, /not JSON/));
    });
  });
}

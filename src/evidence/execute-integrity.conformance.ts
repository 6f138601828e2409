// What both evidence stores must refuse to execute: a record, or the review it relies on, that fails verification.
import { afterEach, describe, expect, it } from 'vitest';
import { chainHash } from './canonical.js';
import { CANONICAL_STATEMENTS } from '../verdict/doctrine.js';
import { authorizeExecution, createReviewQueue } from './reviews.js';
import { generateSigningKeyPem, signingKeyFrom } from './signing.js';
import { evaluationRequest, reviewRequest, type StoreUnderTest } from './store.conformance.js';
import type { EvidenceStore, StoredRow } from './types.js';

export function executeIntegrityConformance(name: string, makeSut: () => StoreUnderTest): void {
  describe(`execute checks integrity: ${name}`, () => {
    let sut: StoreUnderTest;
    let store: EvidenceStore;

    afterEach(async () => {
      await store.close();
      await sut.cleanup();
    });

    /** r1 allow, r2 allow (its response "ok"), r3 escalate with a rejecting review, r4 allow after it. */
    async function seeded(): Promise<StoredRow[]> {
      sut = makeSut();
      store = await sut.open();
      await store.append(evaluationRequest('r1'));
      await store.append(evaluationRequest('r2'));
      await store.append(evaluationRequest('r3', 'default', 'HUMAN_ACK'));
      await store.append(reviewRequest('r3', 'default', 'reject'));
      await store.append(evaluationRequest('r4'));
      return store.rowsBetween('default', 1, 5);
    }

    /** Replaces a record's text and, as a careful attacker would, its hash and indexed columns to match. */
    async function rewrite(row: StoredRow, edit: (record: string) => string, recomputeHash: boolean): Promise<void> {
      const record = edit(row.record);
      expect(record).not.toBe(row.record);
      await sut.tamper(row.chain, row.seq, 'record', record);
      if (recomputeHash) await sut.tamper(row.chain, row.seq, 'hash', chainHash(row.prevHash, record));
    }

    const tampered = (trace: string, seq: number): Promise<void> =>
      expect(authorizeExecution(store, trace)).rejects.toMatchObject({
        code: 'EVIDENCE_TAMPERED',
        message: expect.stringContaining(`seq ${seq}`) as string,
      });

    it('releases an intact record, and refuses one whose text no longer matches its hash', async () => {
      const rows = await seeded();
      expect((await authorizeExecution(store, 'r2')).modelResponse).toBe('ok');
      await rewrite(rows[1]!, (r) => r.replace('"modelResponse":"ok"', '"modelResponse":"rm -rf /"'), false);
      await tampered('r2', 2);
      expect((await store.verify()).chains[0]!.firstBroken?.seq).toBe(2);
    });

    it('refuses a record rewritten with its own hash recomputed: the next record no longer links to it', async () => {
      const rows = await seeded();
      await rewrite(rows[1]!, (r) => r.replace('"decision":"allow"', '"decision":"allow "'), true);
      await tampered('r2', 3);
    });

    it('refuses a record whose predecessor was altered', async () => {
      const rows = await seeded();
      await rewrite(rows[0]!, (r) => r.replace('"modelResponse":"ok"', '"modelResponse":"ok!"'), false);
      await tampered('r2', 1);
    });

    it('refuses a rejecting review flipped to approve, with its hash and column rewritten', async () => {
      const rows = await seeded();
      await expect(authorizeExecution(store, 'r3')).rejects.toMatchObject({ code: 'EXECUTION_REFUSED' });
      await rewrite(rows[3]!, (r) => r.replace('"outcome":"reject"', '"outcome":"approve"'), true);
      await sut.tamper('default', 4, 'review_outcome', 'approve');
      await tampered('r3', 5);
    });

    it('refuses an indexed column that contradicts its record', async () => {
      await seeded();
      await sut.tamper('default', 3, 'required_action', 'none');
      await tampered('r3', 3);
    });

    it('with the evidence key, only a review it signed for this record releases anything', async () => {
      await seeded();
      const key = signingKeyFrom(generateSigningKeyPem().privateKeyPem, 'test key');
      await store.append(evaluationRequest('forged', 'default', 'HUMAN_ACK'));
      await store.append(evaluationRequest('signed', 'default', 'HUMAN_ACK'));
      // A review appended with a correct hash but no signature: what a row inserted by hand would be.
      await store.append(reviewRequest('forged', 'default', 'approve'));
      await expect(authorizeExecution(store, 'forged', { reviewKey: key.publicKey })).rejects.toMatchObject({
        code: 'EVIDENCE_TAMPERED',
        message: expect.stringContaining('not signed by the evidence signing key') as string,
      });
      const decided = await createReviewQueue(store, key).decide('signed', {
        action: 'HUMAN_ACK',
        actor: 'rev@example.org',
        statement: CANONICAL_STATEMENTS.HUMAN_ACK,
        outcome: 'approve',
      });
      expect(decided.review.signature).toMatch(/^[A-Za-z0-9+/=]{80,}$/);
      expect(await authorizeExecution(store, 'signed', { reviewKey: key.publicKey })).toMatchObject({
        authorizedBy: { outcome: 'approve' },
      });
      // Checked with another key: refused.
      const other = signingKeyFrom(generateSigningKeyPem().privateKeyPem, 'other key');
      await expect(authorizeExecution(store, 'signed', { reviewKey: other.publicKey })).rejects.toMatchObject({
        code: 'EVIDENCE_TAMPERED',
      });
    });
  });
}

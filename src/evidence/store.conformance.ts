// The conformance suite both evidence stores pass: chaining, concurrency, append-only, verification, reviews, export.
import { afterEach, describe, expect, it } from 'vitest';
import { isEleanorError } from '../core/errors.js';
import { chainHash, GENESIS_HASH } from './canonical.js';
import type { AppendRequest, EvidenceStore } from './types.js';

export interface StoreUnderTest {
  /** A new, empty store of its own (its own file, schema or database). */
  open(): Promise<EvidenceStore>;
  /** A second handle on the storage of the last `open()` (another connection, as another process would have). */
  reopen(): Promise<EvidenceStore>;
  /** Runs SQL as an ordinary client of the last store opened (the database's own rules apply). */
  exec(sql: string): Promise<void>;
  /** Overwrites one column of one record, bypassing the append-only triggers, as an attacker with the file would. */
  tamper(chain: string, seq: number, column: string, value: string): Promise<void>;
  /** Deletes one record, bypassing the append-only triggers, as an attacker with the file would. */
  remove(chain: string, seq: number): Promise<void>;
  /** Overwrites one column of the n-th checkpoint copy the store keeps (1-based, as written), bypassing its triggers. */
  tamperCheckpoint(nth: number, column: string, value: string): Promise<void>;
  cleanup(): Promise<void>;
}

export function evaluationRequest(traceId: string, chain = 'default', requiredAction = 'none'): AppendRequest {
  return {
    chain,
    kind: 'evaluation',
    traceId,
    requiredAction: requiredAction as 'none',
    payload: {
      traceId,
      decision: requiredAction === 'none' ? 'allow' : 'escalate',
      gate: {
        tier: requiredAction === 'HUMAN_DETERMINATION' ? 3 : requiredAction === 'none' ? 0 : 2,
        requiredAction,
        reasons: requiredAction === 'none' ? [] : ['privacy: an e-mail address'],
      },
      violations:
        requiredAction === 'none'
          ? []
          : [
              { critic: 'privacy', rule: 'privacy.email', message: 'an e-mail address', severity: 2 },
              { critic: 'fairness', rule: 'fairness.x', message: 'x', severity: 1 },
              { critic: 'privacy', rule: 'privacy.phone', message: 'a phone number', severity: 2 },
            ],
      input: { inputText: 'Héllo “world” \u2028 😀', modelResponse: 'ok', context: { n: 1.5, z: null, a: [1, 'b'] } },
    },
  };
}

export function reviewRequest(traceId: string, chain: string, outcome: 'approve' | 'reject'): AppendRequest {
  return {
    chain,
    kind: 'review',
    traceId,
    reviewOutcome: outcome,
    payload: {
      traceId,
      action: 'HUMAN_ACK',
      actor: 'rev@example.org',
      statement: 'I understand the identified risk and accept responsibility for proceeding.',
      outcome,
      decidedAt: new Date().toISOString(),
    },
  };
}

/** Lets the clock move on, so records get distinct creation times. */
const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 3));

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return isEleanorError(error) ? error.code : `not an EleanorError: ${String(error)}`;
  }
}

export function evidenceStoreConformance(name: string, makeSut: () => StoreUnderTest): void {
  describe(`EvidenceStore conformance: ${name}`, () => {
    let sut: StoreUnderTest;
    const opened: EvidenceStore[] = [];
    const open = async (): Promise<EvidenceStore> => {
      sut = makeSut();
      const store = await sut.open();
      opened.push(store);
      return store;
    };

    afterEach(async () => {
      await Promise.allSettled(opened.splice(0).map((s) => s.close()));
      await sut.cleanup();
    });

    it('chains records per chain: seq 1, 2, 3 and hash = sha256(prevHash + canonical record)', async () => {
      const store = await open();
      const a1 = await store.append(evaluationRequest('a1', 'tenant-a'));
      const b1 = await store.append(evaluationRequest('b1', 'tenant-b'));
      const a2 = await store.append(evaluationRequest('a2', 'tenant-a'));
      expect([a1.seq, b1.seq, a2.seq]).toEqual([1, 1, 2]);
      const [entry] = await store.entries('a2');
      expect(entry!.prevHash).toBe(a1.hash);
      const [first] = await store.entries('a1');
      expect(first!.prevHash).toBe(GENESIS_HASH);
      expect(entry!.payload).toEqual(evaluationRequest('a2', 'tenant-a').payload);
      const report = await store.verify();
      expect(report.ok).toBe(true);
      expect(report.chains.map((c) => [c.chain, c.records, c.head?.hash])).toEqual([
        ['tenant-a', 2, a2.hash],
        ['tenant-b', 1, b1.hash],
      ]);
      expect(a1.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(a1.hash).not.toBe(chainHash(GENESIS_HASH, ''));
    });

    it('keeps one unbroken chain under 600 concurrent appends from two connections', async () => {
      const store = await open();
      const other = await sut.reopen();
      opened.push(other);
      const refs = await Promise.all(
        Array.from({ length: 600 }, (_, i) =>
          (i % 2 ? store : other).append(evaluationRequest(`t${i}`, i % 3 === 0 ? 'x' : 'y')),
        ),
      );
      const seqs = (chain: string): number[] =>
        refs
          .filter((r) => r.chain === chain)
          .map((r) => r.seq)
          .sort((p, q) => p - q);
      expect(seqs('x')).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
      expect(seqs('y')).toEqual(Array.from({ length: 400 }, (_, i) => i + 1));
      expect((await store.verify()).ok).toBe(true);
    });

    it('rejects a second evaluation record for a trace with EVIDENCE_CONFLICT; the rest of its batch lands', async () => {
      const store = await open();
      await store.append(evaluationRequest('dup'));
      const results = await Promise.allSettled([
        store.append(evaluationRequest('ok-1')),
        store.append(evaluationRequest('dup')),
        store.append(evaluationRequest('ok-2')),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect((await store.verify()).ok).toBe(true);
    });

    it('scopes trace ids per chain: the same id in two chains is two evaluations, each found by its chain', async () => {
      const store = await open();
      await store.append(evaluationRequest('same', 'tenant-a'));
      await store.append(evaluationRequest('same', 'tenant-b', 'HUMAN_ACK'));
      await store.append(reviewRequest('same', 'tenant-b', 'approve'));
      expect(await codeOf(store.append(evaluationRequest('same', 'tenant-b')))).toBe('EVIDENCE_CONFLICT');
      expect((await store.entries('same', 'tenant-a')).map((e) => [e.chain, e.kind])).toEqual([
        ['tenant-a', 'evaluation'],
      ]);
      expect((await store.traceRows('same', 'tenant-b')).map((r) => [r.chain, r.kind])).toEqual([
        ['tenant-b', 'evaluation'],
        ['tenant-b', 'review'],
      ]);
      expect((await store.entries('same')).map((e) => e.chain)).toEqual(['tenant-a', 'tenant-b', 'tenant-b']);
      expect(await store.entries('same', 'tenant-c')).toEqual([]);
      // The review of one chain's trace does not show on the other chain's case.
      const queue = await store.reviews({ chain: 'tenant-b' });
      expect(queue.map((c) => [c.chain, c.status])).toEqual([['tenant-b', 'approved']]);
    });

    it('keeps signed checkpoints append-only and pages through them oldest first', async () => {
      const store = await open();
      const checkpoint = (chain: string, seq: number) => ({
        chain,
        seq,
        head: 'a'.repeat(64),
        root: 'b'.repeat(64),
        time: '2026-12-05T12:00:00.000Z',
        keyId: 'k1',
        signature: `sig${chain}${seq}`,
      });
      await store.appendCheckpoints([checkpoint('a', 1), checkpoint('b', 2)]);
      for (let seq = 3; seq <= 5; seq++) await store.appendCheckpoints([checkpoint(seq % 2 ? 'a' : 'b', seq)]);
      await store.appendCheckpoints([]);
      const first = await store.checkpoints({ limit: 2 });
      expect(first.checkpoints).toEqual([checkpoint('a', 1), checkpoint('b', 2)]);
      const second = await store.checkpoints({ limit: 2, after: first.next! });
      expect(second.checkpoints.map((c) => c.seq)).toEqual([3, 4]);
      const last = await store.checkpoints({ limit: 2, after: second.next! });
      expect(last).toEqual({ checkpoints: [checkpoint('a', 5)], next: null });
      expect((await store.checkpoints({ chain: 'a' })).checkpoints.map((c) => c.seq)).toEqual([1, 3, 5]);
      expect(await codeOf(store.checkpoints({ limit: 0 }))).toBe('INVALID_INPUT');
      expect(await codeOf(store.checkpoints({ after: -1 }))).toBe('INVALID_INPUT');
      await expect(sut.exec('UPDATE evidence_checkpoints SET seq = 9 WHERE seq = 1')).rejects.toThrow(/append-only/);
      await expect(sut.exec('DELETE FROM evidence_checkpoints')).rejects.toThrow(/append-only/);
    });

    it('validates requests, naming the field', async () => {
      const store = await open();
      await expect(store.append({ ...evaluationRequest('x'), chain: 'bad chain!' })).rejects.toThrow(/chain/);
      await expect(store.append({ ...evaluationRequest('x'), traceId: '' })).rejects.toThrow(/traceId/);
      expect(await codeOf(store.append({ ...evaluationRequest('x'), payload: { n: Number.NaN } }))).toBe(
        'INVALID_INPUT',
      );
      expect(
        await codeOf(store.append({ ...reviewRequest('x', 'c', 'approve'), reviewOutcome: 'maybe' as 'approve' })),
      ).toBe('INVALID_INPUT');
      expect(await codeOf(store.export({ since: 'yesterday-ish' })[Symbol.asyncIterator]().next())).toBe(
        'INVALID_INPUT',
      );
    });

    it('refuses UPDATE, DELETE and out-of-order inserts in the database itself', async () => {
      const store = await open();
      await store.append(evaluationRequest('t1'));
      await expect(sut.exec("UPDATE evidence SET record = '{}' WHERE seq = 1")).rejects.toThrow(/append-only/);
      await expect(sut.exec('DELETE FROM evidence')).rejects.toThrow(/append-only/);
      await expect(
        sut.exec(
          `INSERT INTO evidence (chain, seq, kind, trace_id, created_at, record, prev_hash, hash)
           VALUES ('default', 5, 'evaluation', 'forged', '2026-01-01T00:00:00.000Z', '{}', 'x', 'y')`,
        ),
      ).rejects.toThrow(/extend its chain/);
      expect((await store.verify()).ok).toBe(true);
    });

    it('verify reports the first broken record with expected and actual hash', async () => {
      const store = await open();
      for (let i = 1; i <= 5; i += 1) await store.append(evaluationRequest(`v${i}`));
      const [third] = await store.entries('v3');
      await sut.tamper('default', 3, 'record', JSON.stringify({ forged: true }));
      const report = await store.verify('default');
      expect(report.ok).toBe(false);
      expect(report.chains[0]!.firstBroken).toMatchObject({ seq: 3, actualHash: third!.hash });
      expect(report.chains[0]!.firstBroken!.expectedHash).toMatch(/^[0-9a-f]{64}$/);
      expect(report.chains[0]!.head?.seq).toBe(2);
    });

    it('verify catches an indexed column that no longer matches its record', async () => {
      const store = await open();
      await store.append(evaluationRequest('g1', 'default', 'HUMAN_ACK'));
      await store.append(evaluationRequest('g2', 'default', 'HUMAN_ACK'));
      await sut.tamper('default', 2, 'required_action', 'none');
      const report = await store.verify();
      expect(report.chains[0]!.firstBroken).toMatchObject({ seq: 2 });
      expect(report.chains[0]!.firstBroken!.reason).toMatch(/requiredAction/);
    });

    it('keeps the review queue: pending, approved, rejected, one review per case', async () => {
      const store = await open();
      await store.append(evaluationRequest('plain'));
      await store.append(evaluationRequest('g-ack', 'c1', 'HUMAN_ACK'));
      await tick();
      await store.append(evaluationRequest('g-det', 'c2', 'HUMAN_DETERMINATION'));
      await tick();
      await store.append(evaluationRequest('g-rej', 'c1', 'HUMAN_ACK'));
      expect((await store.reviews({ status: 'pending' })).map((c) => c.traceId)).toEqual(['g-rej', 'g-det', 'g-ack']);
      await store.append(reviewRequest('g-ack', 'c1', 'approve'));
      await store.append(reviewRequest('g-rej', 'c1', 'reject'));
      expect(await codeOf(store.append(reviewRequest('g-ack', 'c1', 'reject')))).toBe('EVIDENCE_CONFLICT');
      expect((await store.reviews({ status: 'pending' })).map((c) => c.traceId)).toEqual(['g-det']);
      const [approved] = await store.reviews({ status: 'approved' });
      expect(approved).toMatchObject({ traceId: 'g-ack', status: 'approved', tier: 2, requiredAction: 'HUMAN_ACK' });
      expect(approved!.critics).toEqual(['fairness', 'privacy']);
      expect(approved!.review).toMatchObject({ actor: 'rev@example.org', outcome: 'approve', seq: 3 });
      expect((await store.reviews({ status: 'rejected' })).map((c) => c.traceId)).toEqual(['g-rej']);
      expect((await store.reviews({ chain: 'c2' })).map((c) => c.traceId)).toEqual(['g-det']);
      expect(await store.reviews({ limit: 1 })).toHaveLength(1);
      expect((await store.entries('g-ack')).map((e) => e.kind)).toEqual(['evaluation', 'review']);
      expect(await store.entries('nobody')).toEqual([]);
      expect((await store.verify()).ok).toBe(true);
    });

    it('exports records in chain order, optionally since a time', async () => {
      const store = await open();
      await store.append(evaluationRequest('e1', 'b'));
      await store.append(evaluationRequest('e2', 'a'));
      await tick();
      const cut = new Date().toISOString();
      await tick();
      await store.append(evaluationRequest('e3', 'b'));
      const all = [];
      for await (const entry of store.export()) all.push(`${entry.chain}:${entry.seq}:${entry.traceId}`);
      expect(all).toEqual(['a:1:e2', 'b:1:e1', 'b:2:e3']);
      const recent = [];
      for await (const entry of store.export({ since: cut })) recent.push(entry.traceId);
      expect(recent).toEqual(['e3']);
    });

    it('close flushes appends still queued and is idempotent; a reopened store sees them', async () => {
      const store = await open();
      const pending = Array.from({ length: 50 }, (_, i) => store.append(evaluationRequest(`c${i}`)));
      await store.close();
      await store.close();
      expect((await Promise.all(pending)).map((r) => r.seq)).toHaveLength(50);
      expect(await codeOf(store.append(evaluationRequest('late')))).toBe('EVIDENCE_UNAVAILABLE');
      const again = await sut.reopen();
      opened.push(again);
      expect((await again.verify()).chains[0]!.records).toBe(50);
    });
  });
}

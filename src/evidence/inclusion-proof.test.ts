// An inclusion proof built from a store and a witness holds with the public key alone, and any edit to it fails.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkpointText } from './checkpoint-text.js';
import { parseWitness } from './checkpoint-verify.js';
import { withCheckpoints } from './checkpointed-store.js';
import { Checkpointer } from './checkpoints.js';
import { buildInclusionProof, checkInclusionProof, inclusionProofProblem } from './inclusion-proof.js';
import { generateSigningKeyPem, signingKeyFrom, signText } from './signing.js';
import { SqliteEvidenceStore } from './sqlite/sqlite-store.js';
import { evaluationRequest } from './store.conformance.js';

describe('inclusion proofs', () => {
  it('prove every record of a chain under its checkpoint; a changed record, path or checkpoint fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eleanor-proof-'));
    const key = signingKeyFrom(generateSigningKeyPem().privateKeyPem, 'test key');
    const witness = join(dir, 'w.jsonl');
    const inner = new SqliteEvidenceStore({ path: join(dir, 'e.db') });
    const checkpointer = new Checkpointer(inner, { every: 1_000, key, witness }, (error) => {
      throw error;
    });
    const store = withCheckpoints(inner, checkpointer);
    for (let i = 1; i <= 11; i++) await store.append(evaluationRequest(`p${i}`));
    await checkpointer.close();
    const checkpoints = parseWitness(readFileSync(witness, 'utf8')).lines.map((l) => l.checkpoint);
    for (let i = 1; i <= 11; i++) {
      const proof = await buildInclusionProof(store, `p${i}`, checkpoints);
      expect(proof).toMatchObject({ leafIndex: i - 1, treeSize: 11 });
      expect(checkInclusionProof(proof, key.publicKey)).toBe(true);
    }
    const proof = await buildInclusionProof(store, 'p5', checkpoints);
    const edits: Array<[string, unknown]> = [
      [
        'the record does not match its hash',
        { ...proof, record: { ...proof.record, text: proof.record.text.replace('p5', 'p6') } },
      ],
      ['the record is not the one at the leaf the proof names', { ...proof, leafIndex: 5 }],
      ['the audit path does not lead to the signed root', { ...proof, auditPath: [...proof.auditPath].reverse() }],
      [
        'the checkpoint’s signature does not verify',
        { ...proof, checkpoint: { ...proof.checkpoint, root: proof.auditPath[0] } },
      ],
      ['not an inclusion proof', { ...proof, auditPath: 'none' }],
    ];
    for (const [reason, edited] of edits) expect(inclusionProofProblem(edited, key.publicKey)).toMatch(reason);
    const other = signingKeyFrom(generateSigningKeyPem().privateKeyPem, 'other');
    expect(inclusionProofProblem(proof, other.publicKey)).toMatch(/signed by key/);
    await expect(buildInclusionProof(store, 'nowhere', checkpoints)).rejects.toMatchObject({
      code: 'EVIDENCE_NOT_FOUND',
    });
    await inner.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds for a proof worked out by hand (RFC 6962 leaves, path and root) over three records, and not altered', async () => {
    const key = signingKeyFrom(generateSigningKeyPem().privateKeyPem, 'test key');
    const store = new SqliteEvidenceStore({ path: ':memory:' });
    for (const trace of ['h1', 'h2', 'h3']) await store.append(evaluationRequest(trace));
    const rows = await store.rowsBetween('default', 1, 3);
    const sha256 = (...parts: Uint8Array[]): Buffer => {
      const hash = createHash('sha256');
      parts.forEach((p) => hash.update(p));
      return hash.digest();
    };
    // A leaf is SHA-256(0x00 || the record's 32-byte hash); a node SHA-256(0x01 || left || right) (RFC 6962 §2.1).
    const [a, b, c] = rows.map((r) => sha256(Buffer.of(0), Buffer.from(r.hash, 'hex'))) as [Buffer, Buffer, Buffer];
    const ab = sha256(Buffer.of(1), a, b);
    // MTH(D[3]) = H(H(a, b), c): PATH(0) = [b, c], PATH(1) = [a, c], PATH(2) = [H(a, b)].
    const root = sha256(Buffer.of(1), ab, c).toString('hex');
    const unsigned = { chain: 'default', seq: 3, head: rows[2]!.hash, root, time: '2026-12-06T00:00:00.000Z' };
    const signedFields = { ...unsigned, keyId: key.keyId };
    const checkpoint = { ...signedFields, signature: signText(key, checkpointText(signedFields)) };
    const proof = (seq: number, path: Buffer[]) => {
      const row = rows[seq - 1]!;
      return {
        version: 1,
        record: { chain: 'default', seq, prevHash: row.prevHash, hash: row.hash, text: row.record },
        leafIndex: seq - 1,
        treeSize: 3,
        auditPath: path.map((h) => h.toString('hex')),
        checkpoint,
      };
    };
    expect(inclusionProofProblem(proof(1, [b, c]), key.publicKey)).toBeNull();
    expect(inclusionProofProblem(proof(2, [a, c]), key.publicKey)).toBeNull();
    expect(inclusionProofProblem(proof(3, [ab]), key.publicKey)).toBeNull();
    // The builder gives the same paths; the wrong order, a missing sibling or another leaf's path do not hold.
    expect((await buildInclusionProof(store, 'h1', [checkpoint])).auditPath).toEqual(proof(1, [b, c]).auditPath);
    expect((await buildInclusionProof(store, 'h3', [checkpoint])).auditPath).toEqual(proof(3, [ab]).auditPath);
    for (const wrong of [proof(1, [c, b]), proof(1, [b]), proof(2, [b, c]), proof(3, [c])]) {
      expect(inclusionProofProblem(wrong, key.publicKey)).toBe('the audit path does not lead to the signed root');
    }
    await store.close();
  });
});

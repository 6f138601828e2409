// An inclusion proof built from a store and a witness holds with the public key alone, and any edit to it fails.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseWitness } from './checkpoint-verify.js';
import { withCheckpoints } from './checkpointed-store.js';
import { Checkpointer } from './checkpoints.js';
import { buildInclusionProof, checkInclusionProof, inclusionProofProblem } from './inclusion-proof.js';
import { generateSigningKeyPem, signingKeyFrom } from './signing.js';
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
});

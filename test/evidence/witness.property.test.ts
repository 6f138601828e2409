// Property: changing any single byte of the witness makes the checkpoints fail to verify against the intact store.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWitness } from '../../src/evidence/checkpoint-verify.js';
import { withCheckpoints } from '../../src/evidence/checkpointed-store.js';
import { Checkpointer } from '../../src/evidence/checkpoints.js';
import { generateSigningKeyPem, signingKeyFrom } from '../../src/evidence/signing.js';
import { SqliteEvidenceStore } from '../../src/evidence/sqlite/sqlite-store.js';
import { evaluationRequest } from '../../src/evidence/store.conformance.js';

const key = signingKeyFrom(generateSigningKeyPem().privateKeyPem, 'test key');
let dir: string;
let store: SqliteEvidenceStore;
let witness: Buffer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'eleanor-witness-property-'));
  const path = join(dir, 'witness.jsonl');
  store = new SqliteEvidenceStore({ path: join(dir, 'e.db'), synchronous: 'normal' });
  const checkpointer = new Checkpointer(store, { every: 2, key, witness: path }, (error) => {
    throw error;
  });
  const writing = withCheckpoints(store, checkpointer);
  for (let i = 0; i < 6; i++) await writing.append(evaluationRequest(`t${i}`, i % 2 ? 'alpha' : 'beta'));
  await checkpointer.close();
  witness = readFileSync(path);
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the witness against single-byte changes', () => {
  it('holds intact, and fails whatever byte is changed to whatever other byte', async () => {
    expect((await verifyWitness(store, witness.toString('utf8'), key.publicKey)).ok).toBe(true);
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: witness.length - 1 }), fc.integer({ min: 1, max: 255 }), async (at, delta) => {
        const changed = Buffer.from(witness);
        changed[at] = (changed[at]! + delta) % 256;
        const report = await verifyWitness(store, changed.toString('utf8'), key.publicKey);
        expect(report.ok, `byte ${at} (${String.fromCharCode(witness[at]!)}) +${delta}`).toBe(false);
      }),
      { numRuns: 300 },
    );
    // The last byte (the final newline) made a space: JSON would still parse the line.
    const spaced = Buffer.from(witness);
    spaced[spaced.length - 1] = 0x20;
    expect((await verifyWitness(store, spaced.toString('utf8'), key.publicKey)).ok).toBe(false);
  });
});

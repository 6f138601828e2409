// `eleanor evidence keygen`: a usable Ed25519 pair, the private half readable by its owner only, never overwritten.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  generateSigningKeyPem,
  publicKeyFromFile,
  signatureHolds,
  signingKeyFrom,
  signText,
} from '../evidence/signing.js';
import { CANONICAL_STATEMENTS } from '../verdict/doctrine.js';
import { createReviewQueue } from '../evidence/reviews.js';
import { SqliteEvidenceStore } from '../evidence/sqlite/sqlite-store.js';
import { evaluationRequest } from '../evidence/store.conformance.js';
import { checkReviewSignatures } from '../evidence/review-signature.js';
import { keygenCommand } from './checkpoint-commands.js';

describe('eleanor evidence keygen', () => {
  const dir = mkdtempSync(join(tmpdir(), 'eleanor-keygen-'));
  afterEach(() => vi.restoreAllMocks());

  it('writes FILE (mode 0600) and FILE.pub, which verify each other, and refuses to overwrite them', () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const out = join(dir, 'signing.pem');
    expect(keygenCommand({ out })).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const key = signingKeyFrom(readFileSync(out, 'utf8'), 'test');
    const publicKey = publicKeyFromFile(`${out}.pub`, '--public-key');
    expect(signatureHolds(publicKey, 'a checkpoint', signText(key, 'a checkpoint'))).toBe(true);
    expect(signatureHolds(publicKey, 'another checkpoint', signText(key, 'a checkpoint'))).toBe(false);
    expect(() => keygenCommand({ out })).toThrow(/exists; a signing key is never overwritten/);
    rmSync(dir, { recursive: true, force: true });
  });

  it('names the field when a key is not Ed25519 PEM', () => {
    expect(() => signingKeyFrom('not a key', 'evidence.checkpoints.signingKey')).toThrow(
      /^evidence.checkpoints.signingKey: expected an Ed25519 key in PEM/,
    );
  });

  it('verify finds the first review that the evidence key did not sign', async () => {
    const key = signingKeyFrom(generateSigningKeyPem().privateKeyPem, 'test key');
    const store = new SqliteEvidenceStore({ path: ':memory:' });
    const decision = {
      action: 'HUMAN_ACK',
      actor: 'rev@example.org',
      statement: CANONICAL_STATEMENTS.HUMAN_ACK,
      outcome: 'approve',
    } as const;
    await store.append(evaluationRequest('a', 'default', 'HUMAN_ACK'));
    await createReviewQueue(store, key).decide('a', decision);
    expect(await checkReviewSignatures(store, key.publicKey, undefined)).toEqual({ reviews: 1, failure: null });
    await store.append(evaluationRequest('b', 'default', 'HUMAN_ACK'));
    await createReviewQueue(store).decide('b', decision); // no key: what a hand-made row would be
    expect(await checkReviewSignatures(store, key.publicKey, undefined)).toMatchObject({
      reviews: 2,
      failure: { traceId: 'b', seq: 4, reason: 'the review is not signed by the evidence signing key' },
    });
    await store.close();
  });
});

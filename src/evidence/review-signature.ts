// Reviews bound to who made them and to what: signed by the evidence signing key over the review and its evaluation.
import type { KeyObject } from 'node:crypto';
import { canonicalJson } from './canonical.js';
import { keyIdOf, signatureHolds, signText, type SigningKey } from './signing.js';
import type { ReviewRecord } from './types.js';

/** What is signed: every field of the review but its signature (and the seq it is given once stored). */
function reviewText(review: ReviewRecord): string {
  const { signature: _signature, seq: _seq, ...signed } = review;
  return canonicalJson(signed);
}

/** The review with the key's id and its signature; it names the evaluation record it decides (by hash). */
export function signReview(review: ReviewRecord, key: SigningKey): ReviewRecord {
  const unsigned = { ...review, keyId: key.keyId };
  return { ...unsigned, signature: signText(key, reviewText(unsigned)) };
}

/** Why a stored review cannot be trusted to release its evaluation, or null when it can. */
export function reviewSignatureProblem(
  review: ReviewRecord,
  evaluationHash: string,
  publicKey: KeyObject,
): string | null {
  if (review.signature === undefined) return 'the review is not signed by the evidence signing key';
  if (review.keyId !== keyIdOf(publicKey))
    return `the review is signed by key ${String(review.keyId)}, not the evidence key`;
  if (!signatureHolds(publicKey, reviewText(review), review.signature)) return 'the review’s signature does not verify';
  if (review.evaluationHash !== evaluationHash) return 'the review was signed for another evaluation record';
  return null;
}

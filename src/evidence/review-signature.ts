// Reviews bound to who made them and to what: signed by the evidence signing key over the review and its evaluation.
import type { KeyObject } from 'node:crypto';
import { canonicalJson } from './canonical.js';
import { keyIdOf, signatureHolds, signText, type SigningKey } from './signing.js';
import type { EvidenceStore, ReviewRecord } from './types.js';

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

export interface ReviewSignatureReport {
  /** How many review records were read (up to the first failure). */
  readonly reviews: number;
  /** The first review that does not hold: where it is, its trace, and why. */
  readonly failure: { chain: string; seq: number; traceId: string; reason: string } | null;
}

/**
 * Every review record (of one chain, if given) must be signed by the key for its evaluation's record: what
 * `eleanor evidence verify` checks, so a review row inserted by hand is named even where nothing executes it.
 */
export async function checkReviewSignatures(
  store: EvidenceStore,
  key: KeyObject,
  chain: string | undefined,
): Promise<ReviewSignatureReport> {
  let reviews = 0;
  let last: { chain: string; seq: number } | undefined;
  try {
    for await (const entry of store.export(chain === undefined ? {} : { chain })) {
      last = entry;
      if (entry.kind !== 'review') continue;
      reviews += 1;
      const evaluation = (await store.entries(entry.traceId, entry.chain)).find((e) => e.kind === 'evaluation');
      const reason =
        evaluation === undefined
          ? 'the review decides no evaluation on record'
          : reviewSignatureProblem(entry.payload as ReviewRecord, evaluation.hash, key);
      if (reason !== null)
        return { reviews, failure: { chain: entry.chain, seq: entry.seq, traceId: entry.traceId, reason } };
    }
  } catch (error) {
    // A record that is not even JSON any more: the chain check names it; here the reviews after it are unchecked.
    const where = last === undefined ? 'at the first record' : `after chain '${last.chain}' seq ${last.seq}`;
    const reason = `the records cannot be read ${where} (${(error as Error).message}): reviews from there are unchecked`;
    return { reviews, failure: { chain: last?.chain ?? '?', seq: (last?.seq ?? 0) + 1, traceId: '?', reason } };
  }
  return { reviews, failure: null };
}

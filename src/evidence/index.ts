// The evidence layer's surface for the layers above it: the package's `eleanor/evidence` (public.ts), and what
// the layers above share with it that is not public.
export * from './public.js';
export { checkpointSigningKey, createCheckpointer } from './checkpoint-setup.js';
export { parseWitness, verifyStoredCheckpoints, verifyWitness, type WitnessReport } from './checkpoint-verify.js';
export { withCheckpoints } from './checkpointed-store.js';
export { evaluationPayload, type RecordSource } from './evaluation-record.js';
export { buildInclusionProof } from './inclusion-proof.js';
export {
  CHAIN_NAME,
  CRITIC_NAME,
  REVIEW_LIMIT_MAX,
  REVIEW_SEARCH_MAX,
  isCursor,
  isIsoTime,
  isSearch,
} from './review-query.js';
export { checkReviewSignatures, reviewSignatureProblem, type ReviewSignatureReport } from './review-signature.js';
export { traceEntries, type TraceScope } from './reviews.js';
export { generateSigningKeyPem, publicKeyFromFile } from './signing.js';

// The evidence layer: stores, the hash chain, redaction, the review queue and the execution gate.
export { SqliteEvidenceStore, DEFAULT_SQLITE_PATH, type SqliteStoreOptions } from './sqlite/sqlite-store.js';
export { PgEvidenceStore, type PgStoreOptions } from './postgres/pg-store.js';
export { openEvidenceStore } from './open-store.js';
export { canonicalJson, chainHash, GENESIS_HASH } from './canonical.js';
export { evidenceConfigSchema, type EvidenceConfig, type CheckpointsConfig } from './config.js';
export { checkInclusionProof, inclusionProofProblem, type InclusionProof } from './inclusion-proof.js';
export type { Checkpoint } from './types.js';
export type { EvaluationPayload } from './evaluation-record.js';
export type { HashedText, Redaction } from './redact.js';
export {
  createReviewQueue,
  authorizeExecution,
  type ExecutionGrant,
  type ReviewDecision,
  type ReviewDecisionInput,
  type ReviewQueue,
} from './reviews.js';
export type {
  AppendRequest,
  ChainBreak,
  ChainReport,
  EntryKind,
  EvidenceEntry,
  EvidenceRef,
  EvidenceStore,
  ExportQuery,
  ReviewAction,
  ReviewCase,
  ReviewCounts,
  ReviewExcerpt,
  ReviewOutcome,
  ReviewPage,
  ReviewQuery,
  ReviewRecord,
  ReviewStatus,
  StoredRow,
  TopRule,
  VerifyReport,
} from './types.js';

// The evidence store's shapes: what is appended, what is stored, the review queue and the verification report.
import type { Decision, RequiredAction } from '../verdict/types.js';

export type EntryKind = 'evaluation' | 'review';
export type ReviewAction = Exclude<RequiredAction, 'none'>;
export type ReviewOutcome = 'approve' | 'reject';
export type ReviewStatus = 'pending' | 'approved' | 'rejected';

/** What a caller asks the store to append; the store assigns `seq`, `createdAt` and the hashes. */
export interface AppendRequest {
  readonly chain: string;
  readonly kind: EntryKind;
  readonly traceId: string;
  /** Evaluations only: the gate's required action, indexed for the review queue. */
  readonly requiredAction?: RequiredAction;
  /** Reviews only: the reviewer's outcome, indexed for the review queue. */
  readonly reviewOutcome?: ReviewOutcome;
  /** Any JSON value (no undefined inside arrays, finite numbers): the body of the record. */
  readonly payload: unknown;
}

/** Where a record sits in its chain. */
export interface EvidenceRef {
  chain: string;
  seq: number;
  hash: string;
}

/** One record as stored: the indexed columns, the canonical record text and its hashes. */
export interface StoredRow {
  chain: string;
  seq: number;
  kind: string;
  traceId: string;
  createdAt: string;
  requiredAction: string | null;
  reviewOutcome: string | null;
  /** The RFC 8785 canonical JSON of `{ chain, createdAt, kind, payload, seq, traceId }`. */
  record: string;
  prevHash: string;
  hash: string;
}

/** A stored record, parsed. */
export interface EvidenceEntry extends EvidenceRef {
  kind: EntryKind;
  traceId: string;
  createdAt: string;
  prevHash: string;
  payload: unknown;
}

/** Where the first broken record of a chain is, and why. */
export interface ChainBreak {
  seq: number;
  reason: string;
  expectedHash?: string;
  actualHash?: string;
}

export interface ChainReport {
  chain: string;
  records: number;
  /** The last record that verified: anchor it elsewhere to detect a truncated tail later. */
  head: { seq: number; hash: string } | null;
  firstBroken: ChainBreak | null;
}

export interface VerifyReport {
  ok: boolean;
  chains: ChainReport[];
}

/** A gated evaluation and where its human review stands. */
export interface ReviewCase {
  traceId: string;
  chain: string;
  seq: number;
  createdAt: string;
  decision: Decision;
  tier: 2 | 3;
  requiredAction: ReviewAction;
  reasons: string[];
  /** The critics whose findings raised violations, sorted (taken from the evaluation record). */
  critics: string[];
  status: ReviewStatus;
  review: ReviewRecord | null;
  /** What a queue row shows: a short cut of the recorded text around the first flagged span (none without one). */
  excerpt?: ReviewExcerpt;
  /** The highest-severity violation (the first of equals, in the record's priority order); none without violations. */
  topRule?: TopRule;
}

/** A short cut of a recorded text around the first violation span flagged in it (review-excerpt.ts). */
export interface ReviewExcerpt {
  /** The text it is cut from: the response when a span is flagged in it, else the input. */
  side: 'input' | 'response';
  text: string;
  /** Where the flagged span starts inside `text` (UTF-16 code units). */
  start: number;
  /** Where it ends inside `text` (exclusive). */
  end: number;
  /** True when the recorded text goes on before `text` (show an ellipsis). */
  clippedStart: boolean;
  /** True when the recorded text goes on after `text`. */
  clippedEnd: boolean;
}

export interface TopRule {
  rule: string;
  /** In plain words, for a reviewer. */
  message: string;
  critic: string;
  severity: number;
}

/** The payload of a review record: who did what, with which statement, when. */
export interface ReviewRecord {
  traceId: string;
  action: ReviewAction;
  actor: string;
  statement: string;
  outcome: ReviewOutcome;
  decidedAt: string;
  /** The hash of the evaluation record it decides (signed reviews). */
  evaluationHash?: string;
  /** The evidence signing key's id and its Ed25519 signature over the review (review-signature.ts). */
  keyId?: string;
  signature?: string;
  seq?: number;
}

export interface ReviewQuery {
  /** @default every status */
  readonly status?: ReviewStatus;
  /** @default 100, at most 1000 */
  readonly limit?: number;
  /** Only this chain (tenant). @default every chain */
  readonly chain?: string;
  /** A page's `nextCursor`: continues after its last case, in the same order. @default from the first case */
  readonly cursor?: string;
  /** Only cases of this gate tier. @default every tier */
  readonly tier?: 2 | 3;
  /** Only cases in which this critic raised a violation. @default any */
  readonly critic?: string;
  /** Only cases with this decision. @default any */
  readonly decision?: Decision;
  /** ISO 8601 time: only cases created at or after it. @default any time */
  readonly since?: string;
  /**
   * Case-insensitive text searched for in the recorded input and response; texts recorded hashed (`redact: 'hash'`)
   * never match. @default no search
   */
  readonly q?: string;
  /** 'newest' first, or 'oldest' first (the longest waiting). @default 'newest' */
  readonly order?: 'newest' | 'oldest';
}

/**
 * How many cases match a query, on every page (the cursor aside). `total` is under every filter; each `by…` is under
 * every filter but its own (status, chain, since and q always apply), so a choice's count is what choosing it shows.
 */
export interface ReviewCounts {
  total: number;
  /** Both tiers, 0 included. */
  byTier: { '2': number; '3': number };
  /** Per critic that raised a violation: a case flagged by two critics counts for both. Critics with 0 are absent. */
  byCritic: Record<string, number>;
  /** The four decisions, 0 included. */
  byDecision: Record<Decision, number>;
}

/** One page of the review queue; `nextCursor` continues it (null when this page was the last). */
export interface ReviewPage {
  reviews: ReviewCase[];
  nextCursor: string | null;
  counts: ReviewCounts;
}

/** A chain's head and Merkle root at `seq`, signed by the evidence signing key (checkpoints.ts). */
export interface Checkpoint {
  readonly chain: string;
  /** The last record it covers. */
  readonly seq: number;
  /** That record's hash: the chain's head at `seq`. */
  readonly head: string;
  /** The RFC 6962 Merkle root over the hashes of records 1..seq. */
  readonly root: string;
  readonly time: string;
  /** The signing key's id (signing.ts: keyIdOf). */
  readonly keyId: string;
  /** Ed25519, base64, over checkpointText. */
  readonly signature: string;
}

export interface CheckpointQuery {
  /** Only this chain. @default every chain */
  readonly chain?: string;
  /** A cursor: the `next` of the previous page. @default from the first */
  readonly after?: number;
  /** @default 100, at most 1000 */
  readonly limit?: number;
}

/** A page of stored checkpoints, oldest first; `next` continues it (null when this page was the last). */
export interface CheckpointPage {
  checkpoints: Checkpoint[];
  next: number | null;
}

export interface ExportQuery {
  /** ISO 8601 time; records created at or after it. */
  readonly since?: string;
  readonly chain?: string;
}

/** The contract both stores (SQLite, PostgreSQL) keep; the conformance suite checks it. */
export interface EvidenceStore {
  readonly kind: 'sqlite' | 'postgres';
  /** Resolves when the store is open and its migrations applied; rejects with EVIDENCE_UNAVAILABLE otherwise. */
  ready(): Promise<void>;
  /** Appends one record (group-committed with concurrent appends); resolves once it is committed. */
  append(request: AppendRequest): Promise<EvidenceRef>;
  /**
   * Every record of a trace (its evaluation, then its review), or [] when none. Trace ids are scoped per chain: without
   * `chain`, the records of that id in every chain (chain by chain).
   */
  entries(traceId: string, chain?: string): Promise<EvidenceEntry[]>;
  /** The stored rows of a trace as written (as `entries`), for checking before they are trusted. */
  traceRows(traceId: string, chain?: string): Promise<StoredRow[]>;
  /** A chain's stored rows from seq `from` to `to` (inclusive), in seq order: a record's neighbours. */
  rowsBetween(chain: string, from: number, to: number): Promise<StoredRow[]>;
  /** Keeps signed checkpoints, in one transaction (copies: the witness file is the one kept apart from the store). */
  appendCheckpoints(checkpoints: readonly Checkpoint[]): Promise<void>;
  /** Stored checkpoints, oldest first, a page at a time. */
  checkpoints(query?: CheckpointQuery): Promise<CheckpointPage>;
  /** Gated evaluations and their review state, newest first (one page of `reviewPage`, without the counts). */
  reviews(query?: ReviewQuery): Promise<ReviewCase[]>;
  /** A page of the review queue, filtered, with a cursor to the next page and the counts of every matching case. */
  reviewPage(query?: ReviewQuery): Promise<ReviewPage>;
  /** Walks one chain (or every chain) and reports the first broken record of each. */
  verify(chain?: string): Promise<VerifyReport>;
  /** Records in chain order (chains by name), optionally since a time. */
  export(query?: ExportQuery): AsyncIterable<EvidenceEntry>;
  /** Flushes pending appends, then closes. Idempotent. */
  close(): Promise<void>;
}

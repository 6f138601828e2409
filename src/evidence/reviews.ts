// The human-review queue and the execution gate, on top of an evidence store: decide() appends to the chain.
import { EleanorError, isEleanorError } from '../core/errors.js';
import { CANONICAL_STATEMENTS } from '../critics/doctrine.js';
import type { Gate } from '../engine/types.js';
import type { KeyObject } from 'node:crypto';
import { recordProblem, toEntry } from './chain-check.js';
import { reviewSignatureProblem, signReview } from './review-signature.js';
import type { SigningKey } from './signing.js';
import type { EvaluationPayload } from './evaluation-record.js';
import type { HashedText } from './redact.js';
import type {
  EvidenceEntry,
  EvidenceRef,
  EvidenceStore,
  ReviewAction,
  ReviewCase,
  ReviewOutcome,
  ReviewQuery,
  ReviewRecord,
  StoredRow,
} from './types.js';

export interface ReviewDecisionInput {
  readonly action: ReviewAction;
  /** Who decides (the signed-in reviewer); recorded as is. */
  readonly actor: string;
  /** Must be the doctrine's canonical statement for the action, word for word. */
  readonly statement: string;
  readonly outcome: ReviewOutcome;
}

export interface ReviewDecision {
  traceId: string;
  status: 'approved' | 'rejected';
  review: ReviewRecord;
  evidence: EvidenceRef;
}

export interface ReviewQueue {
  /** Gated evaluations, newest first, by status (every status when none is given). */
  list(query?: ReviewQuery): Promise<ReviewCase[]>;
  /** Records a reviewer's decision on a gated evaluation, appended to the evaluation's chain. */
  decide(traceId: string, input: ReviewDecisionInput): Promise<ReviewDecision>;
}

/** What `execute()` hands back when the gate is satisfied: the governed response and who let it through. */
export interface ExecutionGrant {
  traceId: string;
  decision: EvaluationPayload['decision'];
  gate: Gate;
  /** The review that satisfied the gate, or null when the evaluation needed none. */
  authorizedBy: ReviewRecord | null;
  /** As recorded: the text, or its digest under `redact: 'hash'`. */
  modelResponse: string | HashedText;
  evidence: EvidenceRef;
}

const STATUSES = new Set(['pending', 'approved', 'rejected']);

function invalid(field: string, expected: string, got: unknown): EleanorError {
  return new EleanorError('REVIEW_INVALID', `${field}: expected ${expected}, got ${JSON.stringify(got)}`, {
    path: field,
  });
}

function checkDecision(gate: Gate, input: ReviewDecisionInput): void {
  if (typeof input !== 'object' || input === null) throw invalid('decision', 'an object', input);
  if (gate.requiredAction === 'none') {
    throw new EleanorError('REVIEW_INVALID', 'this evaluation has no gate: there is nothing to review');
  }
  if (input.action !== gate.requiredAction)
    throw invalid('action', `'${gate.requiredAction}' (the gate's)`, input.action);
  const canonical = CANONICAL_STATEMENTS[gate.requiredAction];
  if (input.statement !== canonical)
    throw invalid('statement', `the canonical statement "${canonical}"`, input.statement);
  if (input.outcome !== 'approve' && input.outcome !== 'reject') {
    throw invalid('outcome', "'approve' or 'reject'", input.outcome);
  }
  if (typeof input.actor !== 'string' || input.actor.trim() === '' || input.actor.length > 256) {
    throw invalid('actor', 'the reviewer’s identity, 1–256 characters', input.actor);
  }
}

async function evaluationEntry(
  store: EvidenceStore,
  traceId: string,
): Promise<{ entry: EvidenceEntry; review: EvidenceEntry | undefined }> {
  const entries = await store.entries(traceId);
  const entry = entries.find((e) => e.kind === 'evaluation');
  if (!entry) throw new EleanorError('EVIDENCE_NOT_FOUND', `no evaluation is on record for trace '${traceId}'`);
  return { entry, review: entries.find((e) => e.kind === 'review') };
}

/** The review queue; with the evidence signing key every review is signed, bound to its evaluation's record. */
export function createReviewQueue(store: EvidenceStore, signer?: SigningKey): ReviewQueue {
  return {
    list(query = {}) {
      if (query.status !== undefined && !STATUSES.has(query.status)) {
        return Promise.reject(invalid('status', "'pending', 'approved' or 'rejected'", query.status));
      }
      if (query.limit !== undefined && !(Number.isInteger(query.limit) && query.limit >= 1)) {
        return Promise.reject(invalid('limit', 'a whole number from 1', query.limit));
      }
      return store.reviews(query);
    },
    async decide(traceId, input) {
      const { entry } = await evaluationEntry(store, traceId);
      const { gate } = entry.payload as EvaluationPayload;
      checkDecision(gate, input);
      const decided: ReviewRecord = {
        traceId,
        action: input.action,
        actor: input.actor,
        statement: input.statement,
        outcome: input.outcome,
        decidedAt: new Date().toISOString(),
        evaluationHash: entry.hash,
      };
      const review = signer === undefined ? decided : signReview(decided, signer);
      try {
        const ref = await store.append({
          chain: entry.chain,
          kind: 'review',
          traceId,
          reviewOutcome: input.outcome,
          payload: review,
        });
        return {
          traceId,
          status: input.outcome === 'approve' ? 'approved' : 'rejected',
          review: { ...review, seq: ref.seq },
          evidence: ref,
        };
      } catch (error) {
        if (isEleanorError(error) && error.code === 'EVIDENCE_CONFLICT') {
          throw new EleanorError(
            'REVIEW_CONFLICT',
            `trace '${traceId}' was already reviewed; the first decision stands`,
            {
              cause: error,
            },
          );
        }
        throw error;
      }
    },
  };
}

/** Refuses to trust a trace's record that fails verification where it stands (chain-check.ts: recordProblem). */
async function checkIntact(store: EvidenceStore, traceId: string, row: StoredRow): Promise<void> {
  const neighbours = await store.rowsBetween(row.chain, row.seq - 1, row.seq + 1);
  const problem = recordProblem(row, neighbours);
  if (problem === null) return;
  throw new EleanorError(
    'EVIDENCE_TAMPERED',
    `trace '${traceId}' cannot be executed: its ${row.kind} record (chain '${row.chain}', seq ${row.seq}) fails ` +
      `verification at seq ${problem.seq}: ${problem.reason}`,
  );
}

/**
 * The execution gate: grants only a recorded evaluation that is allowed outright or approved by its reviewer, and only
 * when the records it relies on (the evaluation and its review) verify where they stand.
 */
export async function authorizeExecution(
  store: EvidenceStore,
  traceId: string,
  reviewKey?: KeyObject,
): Promise<ExecutionGrant> {
  const rows = await store.traceRows(traceId);
  for (const row of rows) await checkIntact(store, traceId, row);
  const entries = rows.map(toEntry);
  const entry = entries.find((e) => e.kind === 'evaluation');
  if (!entry) throw new EleanorError('EVIDENCE_NOT_FOUND', `no evaluation is on record for trace '${traceId}'`);
  const review = entries.find((e) => e.kind === 'review');
  if (review !== undefined && (review.chain !== entry.chain || review.seq < entry.seq)) {
    throw new EleanorError(
      'EVIDENCE_TAMPERED',
      `trace '${traceId}' cannot be executed: its review (chain '${review.chain}', seq ${review.seq}) does not ` +
        `follow its evaluation (chain '${entry.chain}', seq ${entry.seq})`,
    );
  }
  const payload = entry.payload as EvaluationPayload;
  const reviewed = review?.payload as ReviewRecord | undefined;
  // With the evidence key configured, only a review it signed for this very record releases anything.
  const unsigned = reviewed && reviewKey ? reviewSignatureProblem(reviewed, entry.hash, reviewKey) : null;
  if (unsigned !== null) {
    throw new EleanorError(
      'EVIDENCE_TAMPERED',
      `trace '${traceId}' cannot be executed: its review (chain '${review!.chain}', seq ${review!.seq}): ${unsigned}`,
    );
  }
  const refuse = (why: string): never => {
    throw new EleanorError('EXECUTION_REFUSED', `trace '${traceId}' cannot be executed: ${why}`);
  };
  if (payload.gate.requiredAction === 'none') {
    if (payload.decision === 'deny') refuse('the decision is deny');
  } else if (reviewed === undefined) {
    refuse(`its gate needs ${payload.gate.requiredAction} and the review is pending`);
  } else if (reviewed.outcome !== 'approve') {
    refuse(`the reviewer (${reviewed.actor}) rejected it`);
  }
  return {
    traceId,
    decision: payload.decision,
    gate: payload.gate,
    authorizedBy: reviewed ? { ...reviewed, seq: review!.seq } : null,
    modelResponse: payload.input.modelResponse,
    evidence: { chain: entry.chain, seq: entry.seq, hash: entry.hash },
  };
}

// The human-review queue and the execution gate, on top of an evidence store: decide() appends to the chain.
import { EleanorError, isEleanorError } from '../core/index.js';
import { CANONICAL_STATEMENTS } from '../verdict/index.js';
import type { Gate } from '../verdict/index.js';
import type { KeyObject } from 'node:crypto';
import { anchoredProblem, recordProblem, toEntry } from './chain-check.js';
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
  ReviewPage,
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

/** Which chain's trace is meant: trace ids are scoped per chain; without one, the id must be on record in one chain. */
export interface TraceScope {
  readonly chain?: string;
}

export interface ReviewQueue {
  /** Gated evaluations, newest first, by status (every status when none is given): one page, without its cursor. */
  list(query?: ReviewQuery): Promise<ReviewCase[]>;
  /** A page of the queue, filtered, with `nextCursor` to continue and the counts of every matching case. */
  page(query?: ReviewQuery): Promise<ReviewPage>;
  /** Records a reviewer's decision on a gated evaluation, appended to the evaluation's chain. */
  decide(traceId: string, input: ReviewDecisionInput, scope?: TraceScope): Promise<ReviewDecision>;
}

/** What `execute` checks besides each record where it stands. */
export interface ExecutionChecks {
  /** With the evidence key configured: only reviews it signed for the very record release anything. */
  readonly reviewKey?: KeyObject;
  /** The first signed checkpoint covering a record: the record must still lead to the head it signed. */
  readonly covering?: (chain: string, seq: number) => Promise<{ seq: number; head: string } | undefined>;
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

/** The stored rows of one trace in one chain: the chain named, or the only chain the id is on record in. */
export async function traceRowsIn(store: EvidenceStore, traceId: string, scope: TraceScope = {}): Promise<StoredRow[]> {
  const rows = await store.traceRows(traceId, scope.chain);
  const chains = [...new Set(rows.map((r) => r.chain))];
  if (chains.length > 1) {
    throw new EleanorError(
      'INVALID_INPUT',
      `chain: trace '${traceId}' is on record in the chains ${chains.map((c) => `'${c}'`).join(', ')}: name one`,
      { path: 'chain' },
    );
  }
  if (!rows.some((r) => r.kind === 'evaluation')) throw notFound(traceId, scope);
  return rows;
}

function notFound(traceId: string, scope: TraceScope): EleanorError {
  const where = scope.chain === undefined ? '' : ` in chain '${scope.chain}'`;
  return new EleanorError('EVIDENCE_NOT_FOUND', `no evaluation is on record for trace '${traceId}'${where}`);
}

/** A trace's records (its evaluation, then its review) in one chain, as traceRowsIn finds them. */
export async function traceEntries(
  store: EvidenceStore,
  traceId: string,
  scope?: TraceScope,
): Promise<EvidenceEntry[]> {
  return (await traceRowsIn(store, traceId, scope)).map(toEntry);
}

async function evaluationEntry(store: EvidenceStore, traceId: string, scope?: TraceScope): Promise<EvidenceEntry> {
  return (await traceEntries(store, traceId, scope)).find((e) => e.kind === 'evaluation')!;
}

/**
 * The review queue; with the evidence signing key every review is signed, bound to its evaluation's record.
 * @example
 * const queue = createReviewQueue(engine.evidence!);
 * const first = await queue.page({ status: 'pending', critic: 'risk', limit: 50 });
 * const next = first.nextCursor && (await queue.page({ status: 'pending', critic: 'risk', cursor: first.nextCursor }));
 */
export function createReviewQueue(store: EvidenceStore, signer?: SigningKey): ReviewQueue {
  return {
    // The stores check the query (review-query.ts: planReviews), naming the field at fault.
    list: (query = {}) => store.reviews(query),
    page: (query = {}) => store.reviewPage(query),
    async decide(traceId, input, scope) {
      const entry = await evaluationEntry(store, traceId, scope);
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

/**
 * Refuses to trust a trace's record that fails verification: up to the first signed checkpoint covering it when there
 * is one (chain-check.ts: anchoredProblem), else where it stands (recordProblem).
 */
async function checkIntact(
  store: EvidenceStore,
  traceId: string,
  row: StoredRow,
  checks: ExecutionChecks,
): Promise<void> {
  const signed = await checks.covering?.(row.chain, row.seq);
  const problem =
    signed === undefined
      ? recordProblem(row, await store.rowsBetween(row.chain, row.seq - 1, row.seq + 1))
      : anchoredProblem(row, await store.rowsBetween(row.chain, row.seq - 1, signed.seq), signed);
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
  checks: ExecutionChecks = {},
  scope: TraceScope = {},
): Promise<ExecutionGrant> {
  const rows = await traceRowsIn(store, traceId, scope);
  for (const row of rows) await checkIntact(store, traceId, row, checks);
  const entries = rows.map(toEntry);
  const entry = entries.find((e) => e.kind === 'evaluation')!;
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
  const unsigned = reviewed && checks.reviewKey ? reviewSignatureProblem(reviewed, entry.hash, checks.reviewKey) : null;
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

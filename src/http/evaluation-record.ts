// GET /v1/evaluations/:traceId's answer: the evaluation as recorded, its place in the chain, and its review.
import { EleanorError } from '../core/errors.js';
import type { Engine } from '../engine/engine.js';
import type { EvaluationPayload } from '../evidence/evaluation-record.js';
import type { ReviewRecord, ReviewStatus } from '../evidence/types.js';
import type { Principal } from './auth.js';

export interface EvaluationRecordAnswer {
  traceId: string;
  createdAt: string;
  /** The recorded evaluation (texts hashed or masked if redaction is on). */
  evaluation: EvaluationPayload;
  evidence: { chain: string; seq: number; hash: string; prevHash: string };
  /** 'none' when the gate needs no review. */
  reviewStatus: ReviewStatus | 'none';
  review: (ReviewRecord & { evidence: { chain: string; seq: number; hash: string } }) | null;
}

export async function recordOf(engine: Engine, traceId: string, principal: Principal): Promise<EvaluationRecordAnswer> {
  if (!engine.evidence) throw new EleanorError('EVIDENCE_UNAVAILABLE', 'evidence is off: nothing is on record');
  const entries = await engine.evidence.entries(traceId);
  const entry = entries.find(
    (e) => e.kind === 'evaluation' && (principal.chain === undefined || e.chain === principal.chain),
  );
  if (!entry) throw new EleanorError('EVIDENCE_NOT_FOUND', `no evaluation is on record for trace '${traceId}'`);
  const payload = entry.payload as EvaluationPayload;
  const reviewEntry = entries.find((e) => e.kind === 'review' && e.chain === entry.chain);
  const review = reviewEntry?.payload as ReviewRecord | undefined;
  return {
    traceId,
    createdAt: entry.createdAt,
    evaluation: payload,
    evidence: { chain: entry.chain, seq: entry.seq, hash: entry.hash, prevHash: entry.prevHash },
    reviewStatus:
      payload.gate.requiredAction === 'none'
        ? 'none'
        : review === undefined
          ? 'pending'
          : review.outcome === 'approve'
            ? 'approved'
            : 'rejected',
    review: review
      ? { ...review, evidence: { chain: reviewEntry!.chain, seq: reviewEntry!.seq, hash: reviewEntry!.hash } }
      : null,
  };
}

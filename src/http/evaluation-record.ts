// GET /v1/evaluations/:traceId's answer: the evaluation as recorded, its place in the chain, and its review.
import { EleanorError } from '../core/index.js';
import type { Engine } from '../engine/index.js';
import type { EvaluationPayload } from '../evidence/index.js';
import { traceEntries } from '../evidence/index.js';
import type { FastifyRequest } from 'fastify';
import { chainFor } from './auth.js';
import { HttpError } from './errors.js';
import { traceQuerySchema } from './schemas.js';
import { parseInput } from './validate.js';
import type { ReviewRecord, ReviewStatus } from '../evidence/index.js';

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

/** The chain a trace route means: `?chain=`, or the key's own when it is bound to one (another is refused). */
export function traceChain(request: FastifyRequest): string | undefined {
  const principal = request.principal;
  if (!principal) throw new HttpError(401, 'UNAUTHORIZED', 'an API key is required');
  const { chain } = parseInput(traceQuerySchema, request.query ?? {}, 'query');
  return chainFor(principal, chain, 'query.chain');
}

/** The trace's record in `chain` (a key bound to a chain passes its own: it learns nothing of other chains' ids). */
export async function recordOf(
  engine: Engine,
  traceId: string,
  chain: string | undefined,
): Promise<EvaluationRecordAnswer> {
  if (!engine.evidence) throw new EleanorError('EVIDENCE_UNAVAILABLE', 'evidence is off: nothing is on record');
  const entries = await traceEntries(engine.evidence, traceId, chain === undefined ? {} : { chain });
  const entry = entries.find((e) => e.kind === 'evaluation')!;
  const payload = entry.payload as EvaluationPayload;
  const reviewEntry = entries.find((e) => e.kind === 'review');
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

// A review-queue row (a gated evaluation, joined with its review if any) as the ReviewCase callers see.
import type { Decision } from '../verdict/index.js';
import { excerptOf, topRuleOf, type RecordedCase } from './review-excerpt.js';
import type { ReviewAction, ReviewCase, ReviewRecord, ReviewStatus } from './types.js';

/** The columns the review-queue queries of both stores select. */
export interface ReviewRow {
  chain: string;
  seq: number;
  traceId: string;
  createdAt: string;
  record: string;
  reviewRecord: string | null;
  reviewSeq: number | null;
}

interface EvaluationPayload extends RecordedCase {
  decision: Decision;
  gate: { tier: 2 | 3; requiredAction: ReviewAction; reasons: string[] };
}

/** The critics whose findings raised violations, sorted: what the queue filters "by critic" on. */
function criticsOf(payload: EvaluationPayload): string[] {
  const names = new Set<string>();
  for (const violation of payload.violations ?? []) {
    if (typeof violation.critic === 'string') names.add(violation.critic);
  }
  return [...names].sort();
}

export function toReviewCase(row: ReviewRow): ReviewCase {
  const payload = (JSON.parse(row.record) as { payload: EvaluationPayload }).payload;
  const review =
    row.reviewRecord === null
      ? null
      : { ...(JSON.parse(row.reviewRecord) as { payload: ReviewRecord }).payload, seq: row.reviewSeq ?? undefined };
  const status: ReviewStatus = review === null ? 'pending' : review.outcome === 'approve' ? 'approved' : 'rejected';
  const reviewCase: ReviewCase = {
    traceId: row.traceId,
    chain: row.chain,
    seq: row.seq,
    createdAt: row.createdAt,
    decision: payload.decision,
    tier: payload.gate.tier,
    requiredAction: payload.gate.requiredAction,
    reasons: payload.gate.reasons,
    critics: criticsOf(payload),
    status,
    review: review as ReviewRecord | null,
  };
  const excerpt = excerptOf(payload);
  if (excerpt !== undefined) reviewCase.excerpt = excerpt;
  const topRule = topRuleOf(payload);
  if (topRule !== undefined) reviewCase.topRule = topRule;
  return reviewCase;
}

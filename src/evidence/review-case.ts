// A review-queue row (a gated evaluation, joined with its review if any) as the ReviewCase callers see.
import { EleanorError } from '../core/errors.js';
import type { Decision } from '../verdict/types.js';
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

interface EvaluationPayload {
  decision: Decision;
  gate: { tier: 2 | 3; requiredAction: ReviewAction; reasons: string[] };
  violations?: readonly { critic?: unknown }[];
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
  return {
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
}

export const REVIEW_LIMIT_DEFAULT = 100;
export const REVIEW_LIMIT_MAX = 1000;

/** The query's limit, checked: a whole number 1–1000 (default 100). */
export function reviewLimit(query: { limit?: number }): number {
  const limit = query.limit ?? REVIEW_LIMIT_DEFAULT;
  if (!Number.isInteger(limit) || limit < 1 || limit > REVIEW_LIMIT_MAX) {
    throw new EleanorError(
      'INVALID_INPUT',
      `reviews limit: expected a whole number 1–${REVIEW_LIMIT_MAX}, got ${limit}`,
    );
  }
  return limit;
}

/** The SQL condition (shared by both dialects) selecting review rows `r` by status. */
export function statusCondition(status: ReviewStatus | undefined): string {
  switch (status) {
    case 'pending':
      return 'AND r.trace_id IS NULL';
    case 'approved':
      return "AND r.review_outcome = 'approve'";
    case 'rejected':
      return "AND r.review_outcome = 'reject'";
    default:
      return '';
  }
}

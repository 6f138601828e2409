// Checks an append request and prepares its record outside the write lock; maps database errors to EleanorErrors.
import { EleanorError, isEleanorError } from '../core/index.js';
import { canonicalJson, type PendingRecord } from './canonical.js';
import type { AppendRequest } from './types.js';

const NAME = /^[A-Za-z0-9._:-]{1,128}$/;
const KINDS = new Set(['evaluation', 'review']);
const ACTIONS = new Set(['none', 'HUMAN_ACK', 'HUMAN_DETERMINATION']);
const OUTCOMES = new Set(['approve', 'reject']);

export interface PreparedAppend extends PendingRecord {
  readonly requiredAction: string | null;
  readonly reviewOutcome: string | null;
}

function invalid(field: string, expected: string, got: unknown): EleanorError {
  return new EleanorError('INVALID_INPUT', `evidence ${field}: expected ${expected}, got ${JSON.stringify(got)}`);
}

/** Validates `request` (naming the bad field) and canonicalises its payload. */
export function prepareAppend(request: AppendRequest): PreparedAppend {
  if (typeof request.chain !== 'string' || !NAME.test(request.chain)) {
    throw invalid('chain', '1–128 letters, digits or . _ : -', request.chain);
  }
  if (typeof request.traceId !== 'string' || !NAME.test(request.traceId)) {
    throw invalid('traceId', '1–128 letters, digits or . _ : -', request.traceId);
  }
  if (!KINDS.has(request.kind)) throw invalid('kind', "'evaluation' or 'review'", request.kind);
  const requiredAction = request.kind === 'evaluation' ? (request.requiredAction ?? 'none') : null;
  if (requiredAction !== null && !ACTIONS.has(requiredAction)) {
    throw invalid('requiredAction', "'none', 'HUMAN_ACK' or 'HUMAN_DETERMINATION'", requiredAction);
  }
  const reviewOutcome = request.kind === 'review' ? (request.reviewOutcome ?? null) : null;
  if (request.kind === 'review' && (reviewOutcome === null || !OUTCOMES.has(reviewOutcome))) {
    throw invalid('reviewOutcome', "'approve' or 'reject'", reviewOutcome);
  }
  let payloadJson: string;
  try {
    payloadJson = canonicalJson(request.payload);
  } catch (error) {
    throw new EleanorError('INVALID_INPUT', `evidence payload: expected JSON data — ${(error as Error).message}`);
  }
  return {
    chain: request.chain,
    createdAt: new Date().toISOString(),
    kind: request.kind,
    traceId: request.traceId,
    payloadJson,
    requiredAction,
    reviewOutcome,
  };
}

/** A unique-index violation means the trace already has a record of this kind; anything else, the store failed. */
export function storeError(
  error: unknown,
  request: { traceId: string; kind: string },
  isUnique: boolean,
): EleanorError {
  if (isEleanorError(error)) return error;
  if (isUnique) {
    return new EleanorError(
      'EVIDENCE_CONFLICT',
      `trace '${request.traceId}' already has ${request.kind === 'review' ? 'a review' : 'an evaluation'} record`,
      { cause: error },
    );
  }
  const why = error instanceof Error ? error.message : String(error);
  return new EleanorError('EVIDENCE_UNAVAILABLE', `the evidence store could not write — ${why}`, { cause: error });
}

/** An export's `since` as a canonical ISO time (what records store), or INVALID_INPUT. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

export function sinceTime(since: string): string {
  const time = typeof since === 'string' && ISO_TIME.test(since) ? Date.parse(since) : Number.NaN;
  if (Number.isNaN(time)) throw invalid('since', 'an ISO 8601 time such as 2026-11-25T12:00:00Z', since);
  return new Date(time).toISOString();
}

// The stored-checkpoint page both stores serve: the query checked, rows mapped to checkpoints, the cursor to go on.
import { EleanorError } from '../core/index.js';
import type { Checkpoint, CheckpointPage, CheckpointQuery } from './types.js';

export const CHECKPOINT_LIMIT_DEFAULT = 100;
export const CHECKPOINT_LIMIT_MAX = 1_000;

/** A stored checkpoint row: its fields and its place in insertion order (the cursor). */
export interface CheckpointRow extends Checkpoint {
  readonly id: number | string;
}

function invalid(field: string, expected: string, got: unknown): EleanorError {
  return new EleanorError('INVALID_INPUT', `checkpoints ${field}: expected ${expected}, got ${JSON.stringify(got)}`, {
    path: field,
  });
}

/** The query's limit and cursor, checked. */
export function checkpointQuery(query: CheckpointQuery): { limit: number; after: number } {
  const limit = query.limit ?? CHECKPOINT_LIMIT_DEFAULT;
  if (!Number.isInteger(limit) || limit < 1 || limit > CHECKPOINT_LIMIT_MAX) {
    throw invalid('limit', `a whole number 1–${CHECKPOINT_LIMIT_MAX}`, query.limit);
  }
  const after = query.after ?? 0;
  if (!Number.isSafeInteger(after) || after < 0)
    throw invalid('after', 'a cursor (a whole number from 0)', query.after);
  return { limit, after };
}

/** The page the rows (fetched with `limit`) make. */
export function checkpointPage(rows: readonly CheckpointRow[], limit: number): CheckpointPage {
  const checkpoints = rows.map(({ chain, seq, head, root, time, keyId, signature }) => ({
    chain,
    seq: Number(seq),
    head,
    root,
    time,
    keyId,
    signature,
  }));
  const last = rows[rows.length - 1];
  return { checkpoints, next: rows.length === limit && last !== undefined ? Number(last.id) : null };
}

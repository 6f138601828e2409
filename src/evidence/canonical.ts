// The hash chain: RFC 8785 canonical JSON of each record, hash = sha256(prevHash + record).
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { EntryKind } from './types.js';

/** The `prevHash` of a chain's first record. */
export const GENESIS_HASH = '0'.repeat(64);

/** RFC 8785 canonical JSON; throws a TypeError naming the problem for values JSON cannot carry. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('evidence payload is not representable as JSON');
  return text;
}

export function chainHash(prevHash: string, record: string): string {
  return createHash('sha256').update(prevHash).update(record).digest('hex');
}

/** The parts of a record fixed before its place in the chain is known. */
export interface PendingRecord {
  readonly chain: string;
  readonly createdAt: string;
  readonly kind: EntryKind;
  readonly traceId: string;
  /** Canonical JSON of the payload, computed once outside the write transaction. */
  readonly payloadJson: string;
}

/**
 * The canonical text of `{ chain, createdAt, kind, payload, seq, traceId }` — assembled by hand in RFC 8785 key
 * order so the payload is canonicalised once, before the write lock; a test checks it equals `canonicalJson`.
 */
export function recordText(pending: PendingRecord, seq: number): string {
  return (
    `{"chain":${JSON.stringify(pending.chain)},"createdAt":${JSON.stringify(pending.createdAt)},` +
    `"kind":${JSON.stringify(pending.kind)},"payload":${pending.payloadJson},"seq":${seq},` +
    `"traceId":${JSON.stringify(pending.traceId)}}`
  );
}

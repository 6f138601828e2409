// The one chain-append step both stores share: each record of a batch gets the next seq of its chain, its canonical
// text, the previous record's hash and its own; the stores only read heads and insert the columns.
import { chainHash, GENESIS_HASH, recordText } from './canonical.js';
import type { PreparedAppend } from './pending.js';
import type { EvidenceRef } from './types.js';

export interface ChainHead {
  readonly seq: number;
  readonly hash: string;
}

/** A record's columns in the stores' insert order: chain, seq, kind, trace, created, action, outcome, text, prev, hash. */
export type ChainedColumns = [
  string,
  number,
  string,
  string,
  string,
  string | null,
  string | null,
  string,
  string,
  string,
];

/** Chains a batch in order; `headOf` gives a chain's stored head (undefined for a new chain), asked once per chain. */
export function chainBatch(
  items: readonly PreparedAppend[],
  headOf: (chain: string) => ChainHead | undefined,
): { refs: EvidenceRef[]; rows: ChainedColumns[] } {
  const heads = new Map<string, ChainHead>();
  const refs: EvidenceRef[] = [];
  const rows: ChainedColumns[] = [];
  for (const item of items) {
    const head = heads.get(item.chain) ?? headOf(item.chain) ?? { seq: 0, hash: GENESIS_HASH };
    const seq = head.seq + 1;
    const text = recordText(item, seq);
    const hash = chainHash(head.hash, text);
    const { chain, kind, traceId, createdAt, requiredAction, reviewOutcome } = item;
    rows.push([chain, seq, kind, traceId, createdAt, requiredAction, reviewOutcome, text, head.hash, hash]);
    heads.set(chain, { seq, hash });
    refs.push({ chain, seq, hash });
  }
  return { refs, rows };
}

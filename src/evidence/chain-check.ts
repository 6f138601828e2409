// Verification of one chain, fed its rows in seq order: the first record that breaks the chain, and why.
import { chainHash, GENESIS_HASH } from './canonical.js';
import type { ChainBreak, ChainReport, EvidenceEntry, StoredRow } from './types.js';

/** A row's own integrity: its hash covers its content, and its columns agree with its record. */
function ownProblem(row: StoredRow): ChainBreak | null {
  const recomputed = chainHash(row.prevHash, row.record);
  if (recomputed !== row.hash) {
    return {
      seq: row.seq,
      reason: 'the record does not match its hash',
      expectedHash: recomputed,
      actualHash: row.hash,
    };
  }
  const mismatch = columnMismatch(row);
  return mismatch ? { seq: row.seq, reason: mismatch } : null;
}

function linkProblem(row: StoredRow, expectedPrev: string): ChainBreak | null {
  if (row.prevHash === expectedPrev) return null;
  return {
    seq: row.seq,
    reason: 'prevHash does not match the previous record’s hash',
    expectedHash: expectedPrev,
    actualHash: row.prevHash,
  };
}

/**
 * Checks a row's own integrity first (its hash covers its content, its columns agree with its record), so a record
 * moved or altered is reported at its own seq; then that it follows the previous record (seq, prevHash).
 */
export function rowProblem(row: StoredRow, expectedSeq: number, expectedPrev: string): ChainBreak | null {
  const own = ownProblem(row);
  if (own) return own;
  if (row.seq !== expectedSeq) {
    return { seq: expectedSeq, reason: `record ${expectedSeq} is missing (found seq ${row.seq} next)` };
  }
  return linkProblem(row, expectedPrev);
}

/** The record before `row` (none for the first) must be there and intact. */
function predecessorProblem(row: StoredRow, before: StoredRow | undefined): ChainBreak | null {
  if (row.seq <= 1) return null;
  return before === undefined ? { seq: row.seq - 1, reason: `record ${row.seq - 1} is missing` } : ownProblem(before);
}

/**
 * Checks one record where it stands, without walking its chain: its own integrity, the record before it (intact, and
 * the one it links to) and the record after it (intact, and linking back to it). A record altered in place, or
 * rewritten with its own hash recomputed, is caught; a consistent rewrite of it and everything after it is not (that
 * needs a head kept outside the store).
 */
export function recordProblem(row: StoredRow, neighbours: readonly StoredRow[]): ChainBreak | null {
  const before = neighbours.find((n) => n.seq === row.seq - 1);
  const after = neighbours.find((n) => n.seq === row.seq + 1);
  const problem = predecessorProblem(row, before) ?? ownProblem(row) ?? linkProblem(row, before?.hash ?? GENESIS_HASH);
  if (problem) return problem;
  return after === undefined ? null : (ownProblem(after) ?? linkProblem(after, row.hash));
}

/**
 * Checks a record against a signed checkpoint that covers it: `rows` are the chain's records from the one before it up
 * to the checkpoint's seq; each must verify and link to the next, and the last must be the head the checkpoint signed.
 * So a consistent rewrite of the record (every later hash recomputed) no longer passes.
 */
export function anchoredProblem(
  row: StoredRow,
  rows: readonly StoredRow[],
  signed: { readonly seq: number; readonly head: string },
): ChainBreak | null {
  const bySeq = new Map(rows.map((n) => [n.seq, n]));
  const before = bySeq.get(row.seq - 1);
  const missing = predecessorProblem(row, before);
  if (missing) return missing;
  if (bySeq.has(row.seq) && bySeq.get(row.seq)!.hash !== row.hash) {
    return { seq: row.seq, reason: 'the record read by its trace id is not the one at its place in the chain' };
  }
  let head = before?.hash ?? GENESIS_HASH;
  for (let seq = row.seq; seq <= signed.seq; seq++) {
    const next = bySeq.get(seq);
    if (next === undefined) return { seq, reason: `record ${seq} is missing` };
    const problem = rowProblem(next, seq, head);
    if (problem) return problem;
    head = next.hash;
  }
  if (head !== signed.head) {
    return {
      seq: signed.seq,
      reason: `the chain no longer leads to the head signed in the checkpoint at seq ${signed.seq}`,
      expectedHash: signed.head,
      actualHash: head,
    };
  }
  return null;
}

/** The indexed columns are copies of fields of the hashed record; a copy that differs is tampering too. */
function columnMismatch(row: StoredRow): string | null {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(row.record) as Record<string, unknown>;
  } catch {
    return 'the record is not valid JSON';
  }
  const payload = (parsed.payload ?? {}) as Record<string, unknown>;
  const gate = (payload.gate ?? {}) as Record<string, unknown>;
  const expected: Array<[string, unknown, unknown]> = [
    ['chain', row.chain, parsed.chain],
    ['seq', row.seq, parsed.seq],
    ['kind', row.kind, parsed.kind],
    ['traceId', row.traceId, parsed.traceId],
    ['createdAt', row.createdAt, parsed.createdAt],
    ['requiredAction', row.requiredAction, parsed.kind === 'evaluation' ? (gate.requiredAction ?? null) : null],
    ['reviewOutcome', row.reviewOutcome, parsed.kind === 'review' ? (payload.outcome ?? null) : null],
  ];
  for (const [column, stored, inRecord] of expected) {
    if (stored !== inRecord)
      return `column ${column} (${String(stored)}) differs from the record (${String(inRecord)})`;
  }
  return null;
}

/** Feed rows of one chain in seq order with `add`; `report` gives the result. Stops checking after the first break. */
export class ChainChecker {
  private records = 0;
  private head: { seq: number; hash: string } | null = null;
  private broken: ChainBreak | null = null;

  constructor(private readonly chain: string) {}

  /** False once the chain is broken (the caller may stop reading). */
  add(row: StoredRow): boolean {
    this.records += 1;
    if (this.broken) return false;
    const expectedSeq = (this.head?.seq ?? 0) + 1;
    this.broken = rowProblem(row, expectedSeq, this.head?.hash ?? GENESIS_HASH);
    if (this.broken) return false;
    this.head = { seq: row.seq, hash: row.hash };
    return true;
  }

  report(): ChainReport {
    return { chain: this.chain, records: this.records, head: this.head, firstBroken: this.broken };
  }
}

/** A stored row as the caller sees it. */
export function toEntry(row: StoredRow): EvidenceEntry {
  const parsed = JSON.parse(row.record) as { payload: unknown };
  return {
    chain: row.chain,
    seq: row.seq,
    hash: row.hash,
    prevHash: row.prevHash,
    kind: row.kind as EvidenceEntry['kind'],
    traceId: row.traceId,
    createdAt: row.createdAt,
    payload: parsed.payload,
  };
}

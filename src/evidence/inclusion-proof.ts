// Inclusion proofs: one record, its Merkle audit path and the signed checkpoint it is under, checkable without the store.
import type { KeyObject } from 'node:crypto';
import { EleanorError } from '../core/index.js';
import { chainHash } from './canonical.js';
import { checkpointText } from './checkpoint-text.js';
import { auditPath, recordLeaf, rootFromAuditPath } from './merkle.js';
import { traceRowsIn } from './reviews.js';
import { keyIdOf, signatureHolds } from './signing.js';
import type { Checkpoint, EvidenceStore } from './types.js';

export interface InclusionProof {
  readonly version: 1;
  /** The record as stored: its canonical text, its hash and the hash before it (so its hash can be recomputed). */
  readonly record: { chain: string; seq: number; prevHash: string; hash: string; text: string };
  /** The record's leaf index (seq - 1) and the tree size (the checkpoint's seq). */
  readonly leafIndex: number;
  readonly treeSize: number;
  /** Sibling hashes (hex) from the leaf up to the root (RFC 6962 §2.1.1). */
  readonly auditPath: readonly string[];
  readonly checkpoint: Checkpoint;
}

/** Rows read per page while the leaves under a checkpoint are collected. */
const PAGE = 5_000;

async function leavesUpTo(store: EvidenceStore, chain: string, size: number): Promise<Buffer[]> {
  const leaves: Buffer[] = [];
  while (leaves.length < size) {
    const rows = await store.rowsBetween(chain, leaves.length + 1, Math.min(size, leaves.length + PAGE));
    if (rows.length === 0) break;
    for (const row of rows) leaves.push(recordLeaf(row.hash));
  }
  if (leaves.length !== size) {
    throw new EleanorError(
      'EVIDENCE_TAMPERED',
      `chain '${chain}' holds ${leaves.length} records, its checkpoint ${size}`,
    );
  }
  return leaves;
}

/** The proof that a trace's evaluation record is under the latest checkpoint of its chain that covers it. */
export async function buildInclusionProof(
  store: EvidenceStore,
  traceId: string,
  checkpoints: readonly Checkpoint[],
  chain?: string,
): Promise<InclusionProof> {
  const rows = await traceRowsIn(store, traceId, chain === undefined ? {} : { chain });
  const row = rows.find((r) => r.kind === 'evaluation')!;
  const covering = checkpoints.filter((c) => c.chain === row.chain && c.seq >= row.seq);
  const checkpoint = covering.at(-1);
  if (checkpoint === undefined) {
    throw new EleanorError(
      'EVIDENCE_NOT_FOUND',
      `no checkpoint of chain '${row.chain}' covers seq ${row.seq} yet: wait for the next one (evidence.checkpoints)`,
    );
  }
  const leaves = await leavesUpTo(store, row.chain, checkpoint.seq);
  return {
    version: 1,
    record: { chain: row.chain, seq: row.seq, prevHash: row.prevHash, hash: row.hash, text: row.record },
    leafIndex: row.seq - 1,
    treeSize: checkpoint.seq,
    auditPath: auditPath(leaves, row.seq - 1).map((h) => h.toString('hex')),
    checkpoint,
  };
}

const HEX64 = /^[0-9a-f]{64}$/;

/** Whether a value (a parsed proof file) has the shape of a proof; the checks below then cannot throw. */
function isProofShaped(p: unknown): p is InclusionProof {
  const proof = p as Partial<InclusionProof> | null;
  const r = proof?.record;
  const c = proof?.checkpoint;
  return (
    typeof proof === 'object' &&
    proof !== null &&
    proof.version === 1 &&
    typeof r === 'object' &&
    r !== null &&
    typeof r.chain === 'string' &&
    Number.isInteger(r.seq) &&
    typeof r.text === 'string' &&
    HEX64.test(String(r.prevHash)) &&
    HEX64.test(String(r.hash)) &&
    Number.isInteger(proof.leafIndex) &&
    Number.isInteger(proof.treeSize) &&
    Array.isArray(proof.auditPath) &&
    proof.auditPath.every((h) => HEX64.test(String(h))) &&
    typeof c === 'object' &&
    c !== null &&
    ['chain', 'head', 'root', 'time', 'keyId', 'signature'].every(
      (f) => typeof c[f as keyof Checkpoint] === 'string',
    ) &&
    Number.isInteger(c.seq)
  );
}

/** Why a proof does not hold, or null when it does: the record's hash, its place in the tree, the signed root. */
export function inclusionProofProblem(proof: unknown, publicKey: KeyObject): string | null {
  if (!isProofShaped(proof)) {
    return 'not an inclusion proof { version: 1, record, leafIndex, treeSize, auditPath, checkpoint }';
  }
  const { record, checkpoint } = proof;
  if (chainHash(record.prevHash, record.text) !== record.hash) return 'the record does not match its hash';
  let parsed: { chain?: unknown; seq?: unknown };
  try {
    parsed = JSON.parse(record.text) as { chain?: unknown; seq?: unknown };
  } catch {
    return 'the record is not JSON';
  }
  if (parsed.chain !== record.chain || parsed.seq !== record.seq || proof.leafIndex !== record.seq - 1) {
    return 'the record is not the one at the leaf the proof names';
  }
  if (checkpoint.chain !== record.chain || checkpoint.seq !== proof.treeSize) {
    return 'the checkpoint is not of the tree the proof names';
  }
  if (checkpoint.keyId !== keyIdOf(publicKey))
    return `the checkpoint is signed by key ${checkpoint.keyId}, not this one`;
  if (!signatureHolds(publicKey, checkpointText(checkpoint), checkpoint.signature)) {
    return 'the checkpoint’s signature does not verify';
  }
  const path = proof.auditPath.map((h) => Buffer.from(h, 'hex'));
  const root = rootFromAuditPath(recordLeaf(record.hash), proof.leafIndex, proof.treeSize, path);
  return root === checkpoint.root ? null : 'the audit path does not lead to the signed root';
}

/**
 * Checks a proof anyone was handed, without the store: true when the record is in the signed log.
 * @example
 * const ok = checkInclusionProof(JSON.parse(readFileSync('proof.json', 'utf8')), publicKey); // true or false
 */
export function checkInclusionProof(proof: unknown, publicKey: KeyObject): boolean {
  return inclusionProofProblem(proof, publicKey) === null;
}

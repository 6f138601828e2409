// RFC 6962 (RFC 9162 §2.1) Merkle tree hashing over a chain's records, kept as a frontier so each append costs O(log n).
import { createHash } from 'node:crypto';

/** The hash of the empty tree: SHA-256 of nothing. */
export const EMPTY_ROOT = createHash('sha256').digest('hex');

/** MTH({d}) = SHA-256(0x00 || d). */
export function leafHash(data: Uint8Array): Buffer {
  return createHash('sha256').update(Buffer.of(0)).update(data).digest();
}

/** An interior node: SHA-256(0x01 || left || right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  return createHash('sha256').update(Buffer.of(1)).update(left).update(right).digest();
}

/** A record's leaf: its chain hash (hex) as bytes, so the tree commits to every record's content and order. */
export function recordLeaf(recordHash: string): Buffer {
  return leafHash(Buffer.from(recordHash, 'hex'));
}

/**
 * The roots of the perfect subtrees a tree of `size` leaves decomposes into, largest first: enough to append a leaf and
 * to compute the root, without keeping the leaves.
 */
export class MerkleFrontier {
  #size = 0;
  /** Perfect subtrees, largest first: [height, hash]. */
  readonly #subtrees: Array<[number, Buffer]> = [];

  get size(): number {
    return this.#size;
  }

  /** Appends a leaf hash (leafHash / recordLeaf). */
  push(leaf: Buffer): void {
    let height = 0;
    let hash = leaf;
    // Two subtrees of one height merge into one of the next, as a binary counter carries.
    while (this.#subtrees.length > 0 && this.#subtrees[this.#subtrees.length - 1]![0] === height) {
      hash = nodeHash(this.#subtrees.pop()![1], hash);
      height += 1;
    }
    this.#subtrees.push([height, hash]);
    this.#size += 1;
  }

  /** MTH of the leaves so far (hex): the subtrees folded from the smallest, as RFC 6962's split at the largest 2^k. */
  root(): string {
    if (this.#subtrees.length === 0) return EMPTY_ROOT;
    let hash = this.#subtrees[this.#subtrees.length - 1]![1];
    for (let i = this.#subtrees.length - 2; i >= 0; i--) hash = nodeHash(this.#subtrees[i]![1], hash);
    return hash.toString('hex');
  }
}

/** The largest power of two below n (n > 1): where RFC 6962 splits a tree of n leaves. */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH over leaf hashes, by the definition (RFC 6962 §2.1): for tests and for a proof's subtrees. */
export function treeRoot(leaves: readonly Buffer[]): Buffer {
  if (leaves.length === 0) return Buffer.from(EMPTY_ROOT, 'hex');
  if (leaves.length === 1) return leaves[0]!;
  const k = split(leaves.length);
  return nodeHash(treeRoot(leaves.slice(0, k)), treeRoot(leaves.slice(k)));
}

/** PATH(m, D[n]) of RFC 6962 §2.1.1: the sibling subtree hashes from leaf `index` up to the root, leaf side first. */
export function auditPath(leaves: readonly Buffer[], index: number): Buffer[] {
  if (leaves.length <= 1) return [];
  const k = split(leaves.length);
  return index < k
    ? [...auditPath(leaves.slice(0, k), index), treeRoot(leaves.slice(k))]
    : [...auditPath(leaves.slice(k), index - k), treeRoot(leaves.slice(0, k))];
}

/** The root an audit path leads to from a leaf (RFC 9162 §2.1.3.2), or undefined when the path cannot fit the tree. */
export function rootFromAuditPath(
  leaf: Buffer,
  index: number,
  size: number,
  path: readonly Buffer[],
): string | undefined {
  if (!(Number.isInteger(index) && Number.isInteger(size) && index >= 0 && index < size)) return undefined;
  let fn = index;
  let sn = size - 1;
  let hash = leaf;
  for (const sibling of path) {
    if (sn === 0) return undefined;
    if (fn % 2 === 1 || fn === sn) {
      hash = nodeHash(sibling, hash);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      hash = nodeHash(hash, sibling);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? hash.toString('hex') : undefined;
}

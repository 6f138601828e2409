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

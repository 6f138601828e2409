// RFC 6962 tree hashing against the published test vectors (certificate-transparency's merkle_tree_test inputs).
import { describe, expect, it } from 'vitest';
import { auditPath, EMPTY_ROOT, leafHash, MerkleFrontier, nodeHash, rootFromAuditPath } from './merkle.js';

const LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'];
/** The roots of the first 1..8 leaves. */
const ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

describe('RFC 6962 Merkle tree hash', () => {
  it('gives the empty tree SHA-256 of nothing', () => {
    expect(new MerkleFrontier().root()).toBe(EMPTY_ROOT);
    expect(EMPTY_ROOT).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('matches the published roots of 1 to 8 leaves, one append at a time', () => {
    const frontier = new MerkleFrontier();
    LEAVES.forEach((hex, i) => {
      frontier.push(leafHash(Buffer.from(hex, 'hex')));
      expect(frontier.size).toBe(i + 1);
      expect(frontier.root()).toBe(ROOTS[i]);
    });
  });
});

describe('RFC 6962 audit paths', () => {
  const leaves = LEAVES.map((hex) => leafHash(Buffer.from(hex, 'hex')));
  const hex = (b: Buffer) => b.toString('hex');

  it('gives the paths worked out by hand for a tree of 3 and of 5 leaves', () => {
    const [a, b, c, d, e] = leaves as [Buffer, Buffer, Buffer, Buffer, Buffer];
    // 3 leaves: root = H(H(a, b), c).
    expect(auditPath([a, b, c], 0).map(hex)).toEqual([hex(b), hex(c)]);
    expect(auditPath([a, b, c], 2).map(hex)).toEqual([hex(nodeHash(a, b))]);
    // 5 leaves: root = H(H(H(a, b), H(c, d)), e).
    expect(auditPath([a, b, c, d, e], 2).map(hex)).toEqual([hex(d), hex(nodeHash(a, b)), hex(e)]);
    expect(auditPath([a, b, c, d, e], 4).map(hex)).toEqual([hex(nodeHash(nodeHash(a, b), nodeHash(c, d)))]);
  });

  it('leads every leaf of trees of 1 to 8 leaves to the published root, and nothing else there', () => {
    for (let n = 1; n <= leaves.length; n++) {
      const tree = leaves.slice(0, n);
      for (let m = 0; m < n; m++) {
        const path = auditPath(tree, m);
        expect(rootFromAuditPath(tree[m]!, m, n, path)).toBe(ROOTS[n - 1]);
        if (n > 1) expect(rootFromAuditPath(tree[(m + 1) % n]!, m, n, path)).not.toBe(ROOTS[n - 1]);
      }
    }
  });
});

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

describe('RFC 6962 audit paths against the published vectors', () => {
  // certificate-transparency's merkle_tree_test (and Trillian's, transparency-dev/merkle's): the inclusion proofs of
  // leaf `index` (from 0) in the tree of the first `size` leaves of LEAVES, which lead to ROOTS[size - 1].
  const PUBLISHED: ReadonlyArray<{ index: number; size: number; path: string[] }> = [
    { index: 0, size: 1, path: [] },
    { index: 0, size: 2, path: ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7'] },
    { index: 1, size: 2, path: ['6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d'] },
    { index: 2, size: 3, path: ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125'] },
    {
      index: 1,
      size: 5,
      path: [
        '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
        '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
        'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      ],
    },
    {
      index: 0,
      size: 8,
      path: [
        '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
        '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
        '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
      ],
    },
    {
      index: 5,
      size: 8,
      path: [
        'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
        'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
        'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
      ],
    },
  ];
  const leaves = LEAVES.map((hex) => leafHash(Buffer.from(hex, 'hex')));

  it('builds exactly the published paths', () => {
    for (const { index, size, path } of PUBLISHED) {
      expect(
        auditPath(leaves.slice(0, size), index).map((h) => h.toString('hex')),
        `${index} of ${size}`,
      ).toEqual(path);
    }
  });

  it('checks each published path to the published root, and refuses it with any sibling changed or for another leaf', () => {
    for (const { index, size, path } of PUBLISHED) {
      const siblings = path.map((h) => Buffer.from(h, 'hex'));
      expect(rootFromAuditPath(leaves[index]!, index, size, siblings)).toBe(ROOTS[size - 1]);
      siblings.forEach((_, i) => {
        const changed = siblings.map((s, j) => (j === i ? Buffer.from(s.map((b, k) => (k === 0 ? b ^ 1 : b))) : s));
        expect(rootFromAuditPath(leaves[index]!, index, size, changed)).not.toBe(ROOTS[size - 1]);
      });
      if (size > 1)
        expect(rootFromAuditPath(leaves[(index + 1) % size]!, index, size, siblings)).not.toBe(ROOTS[size - 1]);
    }
  });
});

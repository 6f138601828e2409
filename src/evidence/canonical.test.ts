// The hand-written canonical JSON matches RFC 8785's reference implementation, and records are assembled canonically.
import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, chainHash, GENESIS_HASH, recordText } from './canonical.js';
import { toJsonData } from './json-data.js';

describe('canonicalJson', () => {
  it('equals the `canonicalize` package (RFC 8785 reference) on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(value)).toBe(canonicalize(value));
      }),
      { numRuns: 2_000 },
    );
  });

  it('takes the native fast path for key-sorted data (as the engine builds it) with the same result', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const sorted = toJsonData(value);
        expect(canonicalJson(sorted)).toBe(canonicalize(value));
      }),
      { numRuns: 2_000 },
    );
    expect(canonicalJson({ '10': 1, '9': 2 })).toBe('{"10":1,"9":2}');
  });

  it('sorts keys by UTF-16 code units and writes numbers the ECMAScript way', () => {
    expect(
      canonicalJson({ b: 1, a: [1e21, 0.1, -0, 1e-7], '\ud83d\ude00': true, '\u20ac': 'x', '\uff61': 'y', A: null }),
    ).toBe('{"A":null,"a":[1e+21,0.1,0,1e-7],"b":1,"€":"x","😀":true,"｡":"y"}');
  });

  it('refuses what JSON cannot carry faithfully, naming the path', () => {
    expect(() => canonicalJson({ a: [1, Number.NaN] })).toThrow('payload.a[1]: NaN is not a finite number');
    expect(() => canonicalJson({ s: 'x\ud800' })).toThrow('payload.s: a string with a lone surrogate');
    expect(() => canonicalJson({ f: () => 1 })).toThrow('payload.f: a function');
    expect(() => canonicalJson({ d: new Date(0) })).toThrow('payload.d: a non-plain object');
    expect(canonicalJson({ skipped: undefined, kept: 1 })).toBe('{"kept":1}');
  });
});

describe('recordText', () => {
  it('is the canonical JSON of the whole record, whatever the payload', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string(), fc.nat(), (payload, traceId, seq) => {
        fc.pre(canonicalize(payload) !== undefined);
        const pending = {
          chain: 'tenant-a',
          createdAt: '2026-11-25T12:00:00.000Z',
          kind: 'review' as const,
          traceId,
          payloadJson: canonicalJson(payload),
        };
        const record = { chain: pending.chain, createdAt: pending.createdAt, kind: 'review', traceId, seq, payload };
        expect(recordText(pending, seq)).toBe(canonicalize(record));
      }),
    );
  });

  it('chains: the hash is sha256 of the previous hash and the record text (vector from sha256sum)', () => {
    expect(chainHash(GENESIS_HASH, '{"a":1}')).toBe('fc6cee09194dd2578bd7664604fcb72a539066fd34544cea0009c43eb6cdc289');
  });
});

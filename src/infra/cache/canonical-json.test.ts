// Tests of canonicalize: one text per value, whatever the key order; values without a JSON form are refused.
import { describe, expect, it } from 'vitest';
import { canonicalize } from './canonical-json.js';

describe('canonicalize', () => {
  it('sorts keys at every depth and leaves out whitespace', () => {
    expect(canonicalize({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('gives equal text for objects built in different orders', () => {
    expect(canonicalize({ x: 1, y: [1, 2], z: null })).toBe(canonicalize({ z: null, y: [1, 2], x: 1 }));
  });

  it('sorts keys by UTF-16 code units, as RFC 8785 asks', () => {
    // '€' is 0x20ac, '😀' starts with the surrogate 0xd83d; 'Z' (0x5a) sorts before 'a' (0x61), '\r' before '1'.
    expect(canonicalize({ a: 1, Z: 2, '1': 3, '\r': 4, '😀': 5, '€': 6 })).toBe(
      '{"\\r":4,"1":3,"Z":2,"a":1,"€":6,"😀":5}',
    );
  });

  it('writes numbers and strings in their ECMAScript JSON forms', () => {
    expect(canonicalize([1e21, 0.1, -0, 1.5e-7, 'é\n"'])).toBe('[1e+21,0.1,0,1.5e-7,"é\\n\\""]');
  });

  it('leaves out undefined members, nulls undefined array items and honours toJSON', () => {
    expect(canonicalize({ a: undefined, b: [undefined], when: new Date(0) })).toBe(
      '{"b":[null],"when":"1970-01-01T00:00:00.000Z"}',
    );
  });

  it('refuses cycles, bigints and non-finite numbers, naming where they are', () => {
    const loop: Record<string, unknown> = {};
    loop['self'] = loop;
    expect(() => canonicalize({ loop })).toThrow(/loop\.self is circular/);
    expect(() => canonicalize({ n: 1n })).toThrow(/n is a bigint/);
    expect(() => canonicalize({ list: [NaN] })).toThrow(/list\[0\] is NaN/);
  });

  it('accepts a value seen twice that is not a cycle', () => {
    const shared = { k: 1 };
    expect(canonicalize({ a: shared, b: shared })).toBe('{"a":{"k":1},"b":{"k":1}}');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { oversizedObject } from './json-body.js';

/** The same answer from the parsed value: the first object, in text order, to reach its (max + 1)th key. */
function reference(value: unknown, max: number, path: (string | number)[] = []): (string | number)[] | null {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = reference(value[i], max, [...path, i]);
      if (found) return found;
    }
  } else if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    for (let i = 0; i < entries.length; i++) {
      if (i === max) return path;
      const found = reference(entries[i]![1], max, [...path, entries[i]![0]]);
      if (found) return found;
    }
  }
  return null;
}

describe('oversizedObject (the raw-text scan before JSON.parse)', () => {
  it('finds the object and names its path through keys and array indices, escapes included', () => {
    expect(oversizedObject('{"a":{"b":[1,{"x\\"y":{"c":1,"d":2}}]}}', 1)).toEqual(['a', 'b', 1, 'x"y']);
    expect(oversizedObject('{"requests":[{"context":{"a":1}},{"context":{"a":1,"b":2,"c":3}}]}', 2)).toEqual([
      'requests',
      1,
      'context',
    ]);
    expect(oversizedObject('{"a":"{\\"k\\":1,\\"l\\":2,\\"m\\":3}","b":[{},{}]}', 2)).toBeNull();
    expect(oversizedObject('{"a":1,"b":2,"c":3}', 2)).toEqual([]);
  });

  it('leaves malformed text to JSON.parse (no throw, no false alarm)', () => {
    for (const text of ['', '{', '}', '{"a":', '"unterminated', '[[[', ']]]}', '{"a":1,,,}']) {
      expect(() => oversizedObject(text, 1)).not.toThrow();
    }
  });

  it('agrees with a walk of the parsed value on any JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.integer({ min: 0, max: 4 }), (value, max) => {
        const text = JSON.stringify(value);
        expect(oversizedObject(text, max)).toEqual(reference(JSON.parse(text), max));
      }),
      { numRuns: 500 },
    );
  });
});

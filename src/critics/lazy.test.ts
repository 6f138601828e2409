// once(): built on the first call only, then the same value.
import { describe, expect, it } from 'vitest';
import { once } from './lazy.js';

describe('once', () => {
  it('builds nothing until called, then builds exactly once', () => {
    let builds = 0;
    const rules = once(() => [`rule ${++builds}`]);
    expect(builds).toBe(0);
    const first = rules();
    expect(rules()).toBe(first);
    expect(builds).toBe(1);
  });
});

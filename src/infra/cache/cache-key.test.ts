// Tests of cacheKey: what changes the key and what never does.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CriticInput } from '../../core/types.js';
import { cacheKey, DEFAULT_VOLATILE_CONTEXT_KEYS } from './cache-key.js';
import { canonicalize } from './canonical-json.js';

const volatile = new Set(DEFAULT_VOLATILE_CONTEXT_KEYS);
const base: CriticInput = { inputText: 'q', modelResponse: 'a', context: { tenant: 't1' }, traceId: 'trace-1' };
const key = (overrides: Partial<CriticInput> = {}, critic = 'privacy', version = '1.0.0+rules.1.0.0'): string =>
  cacheKey(critic, version, { ...base, ...overrides }, volatile);

describe('cacheKey', () => {
  it('is the SHA-256 of the canonical JSON of critic, version, texts and context, memoised or not', () => {
    const frozen = Object.freeze({ ...base, context: Object.freeze({ tenant: 't1', requestId: 'r-9' }) });
    const expected = createHash('sha256')
      .update(
        canonicalize({
          critic: 'privacy',
          version: '2',
          inputText: 'q',
          modelResponse: 'a',
          context: { tenant: 't1' },
        }),
      )
      .digest('hex');
    expect(cacheKey('privacy', '2', frozen, volatile)).toBe(expected);
    expect(cacheKey('privacy', '2', frozen, volatile)).toBe(expected); // from the memo
    expect(cacheKey('privacy', '3', frozen, volatile)).not.toBe(expected);
    expect(cacheKey('privacy', '2', { ...frozen, modelResponse: 'b' }, volatile)).not.toBe(expected);
  });

  it('is a hex SHA-256', () => {
    expect(key()).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not change with the trace id or the volatile context keys', () => {
    expect(key({ traceId: 'trace-2' })).toBe(key());
    expect(
      key({
        context: { tenant: 't1', traceId: 'x', requestId: 'r', timestamp: 1, now: 2, receivedAt: '2024-01-01' },
      }),
    ).toBe(key());
  });

  it('does not change with the order of context keys', () => {
    expect(key({ context: { a: 1, b: { c: 2, d: 3 } } })).toBe(key({ context: { b: { d: 3, c: 2 }, a: 1 } }));
  });

  it('changes with the critic, its version, the texts and the other context keys', () => {
    const keys = [
      key(),
      key({}, 'toxicity'),
      key({}, 'privacy', '1.0.1+rules.1.0.0'),
      key({}, 'privacy', '1.0.0+rules.1.0.1'),
      key({ inputText: 'q2' }),
      key({ modelResponse: 'a2' }),
      key({ context: { tenant: 't2' } }),
      // Volatile keys are top-level only: a nested one is part of the key.
      key({ context: { tenant: 't1', meta: { traceId: 'x' } } }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('does not mistake one field for another', () => {
    expect(key({ inputText: 'ab', modelResponse: '' })).not.toBe(key({ inputText: 'a', modelResponse: 'b' }));
  });

  it('uses the configured volatile keys', () => {
    const custom = new Set(['sessionId']);
    const a = cacheKey('c', '', { ...base, context: { sessionId: 1 } }, custom);
    const b = cacheKey('c', '', { ...base, context: { sessionId: 2 } }, custom);
    const c = cacheKey('c', '', { ...base, context: { requestId: 1 } }, custom);
    const d = cacheKey('c', '', { ...base, context: { requestId: 2 } }, custom);
    expect(a).toBe(b);
    expect(c).not.toBe(d);
  });
});

// Token spans: offsets to token indexes, and negations up to three words before a match in its sentence.
import { describe, expect, it } from 'vitest';
import { NEGATIONS, negatedBefore, tokenIndexFrom } from './spans.js';
import { tokenize } from './tokens.js';

describe('tokenIndexFrom', () => {
  it('gives the first token starting at or after an offset', () => {
    const tokens = tokenize('rm -rf / now');
    expect([0, 1, 2, 3, 7, 9, 99].map((offset) => tokenIndexFrom(tokens, offset))).toEqual([0, 1, 1, 1, 2, 2, 3]);
    expect(tokenIndexFrom([], 5)).toBe(0);
  });
});

describe('negatedBefore', () => {
  const negations = new Set(NEGATIONS);
  const at = (text: string, word: string): boolean => {
    const tokens = tokenize(text);
    return negatedBefore(
      tokens,
      tokens.findIndex((t) => t.norm === word),
      negations,
    );
  };

  it('finds a negation up to three words before the token', () => {
    expect(at('Do not stop taking it.', 'stop')).toBe(true);
    expect(at('Never, ever, really stop taking it.', 'stop')).toBe(true);
    expect(at('Never ever really just stop taking it.', 'stop')).toBe(false);
  });

  it('looks only within the token’s sentence', () => {
    expect(at('I did not. Stop taking it.', 'stop')).toBe(false);
    expect(at('Stop taking it.', 'stop')).toBe(false);
  });
});

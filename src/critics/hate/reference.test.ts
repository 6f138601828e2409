import { describe, expect, it } from 'vitest';
import { tokenize } from '../text/tokens.js';
import { withGroupReferences } from './reference.js';

const norms = (text: string): string[] => withGroupReferences(tokenize(text)).map((t) => t.norm);

describe('withGroupReferences', () => {
  it('reads a sentence-opening "they" as the group the sentence before ended with', () => {
    expect(norms("Don't talk to me about immigrants. They are vile.")).toEqual([
      "don't",
      'talk',
      'to',
      'me',
      'about',
      'immigrants',
      'immigrants',
      'are',
      'vile',
    ]);
  });

  it('names a group given by an adjective by its one-word noun, and keeps the offsets of "they"', () => {
    const text = 'Gay people? They are all parasites.';
    const tokens = withGroupReferences(tokenize(text));
    expect(tokens[2]).toMatchObject({ norm: 'gays', start: 12, end: 16 });
    expect(text.slice(tokens[2]!.start, tokens[2]!.end)).toBe('They');
  });

  it('leaves the tokens alone when the group is not at the end, is not a group as a whole, or "they" is not first', () => {
    for (const text of [
      'Immigrants built the railways while the bosses got rich. They were greedy.',
      'I visited my Muslim neighbours. They are lovely.',
      'I like immigrants. Honestly they are great.',
      'Immigrants arrived. We met them. They were tired.',
    ]) {
      const tokens = tokenize(text);
      expect(withGroupReferences(tokens)).toBe(tokens);
    }
  });
});

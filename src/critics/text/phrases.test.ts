import { describe, expect, it } from 'vitest';
import { compilePattern, PhraseSet, startsWithStem } from './phrases.js';
import { tokenize } from './tokens.js';

function find(patterns: string[], text: string): string[] {
  const set = new PhraseSet(patterns.map((source) => ({ source, tag: source })));
  const tokens = tokenize(text);
  return set.findAll(tokens).map((m) => text.slice(tokens[m.first]!.start, tokens[m.last]!.end));
}

describe('tokenize', () => {
  it('gives lower-cased words with offsets and sentence numbers', () => {
    const tokens = tokenize('Don’t stop. Self-harm is 3.5 times! NOT ok!');
    expect(tokens.map((t) => t.norm)).toEqual(["don't", 'stop', 'self-harm', 'is', '3.5', 'times', 'not', 'ok']);
    expect(tokens.map((t) => t.sentence)).toEqual([0, 0, 1, 1, 1, 1, 2, 2]);
    expect(tokens[2]).toMatchObject({ start: 12, end: 21 });
  });

  it('does not end a sentence at common abbreviations', () => {
    const tokens = tokenize('Smith et al. (2019) found it, vol. 3. Dr. Lee agreed. Then we left.');
    const sentenceOf = (word: string) => tokens.find((t) => t.norm === word)?.sentence;
    expect(sentenceOf('smith')).toBe(sentenceOf('found'));
    expect(sentenceOf('3')).toBe(0);
    expect(sentenceOf('lee')).toBe(1);
    expect(sentenceOf('then')).toBe(2);
  });

  it('keeps offsets right when lower-casing changes a character’s length', () => {
    const text = 'İstanbul ist schön';
    const tokens = tokenize(text);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['İstanbul', 'ist', 'schön']);
    expect(tokens[2]?.norm).toBe('schön');
  });

  it('reads letters beyond the basic plane and joiners only between letters', () => {
    const tokens = tokenize("𝐀𝐁c -x- it's 'quoted' e-mail");
    expect(tokens.map((t) => t.norm)).toEqual(['𝐀𝐁c', 'x', "it's", 'quoted', 'e-mail']);
  });

  it('returns the same frozen tokens for the same text (cached)', () => {
    const text = 'cached text';
    expect(tokenize(text)).toBe(tokenize(text));
    expect(Object.isFrozen(tokenize(text))).toBe(true);
  });
});

describe('PhraseSet', () => {
  it('matches whole words only: no substring traps', () => {
    expect(find(['old'], 'Please hold the line, the old man said.')).toEqual(['old']);
    expect(find(['man'], 'The manager will manage it.')).toEqual([]);
    expect(find(['arm'], 'It caused no harm.')).toEqual([]);
  });

  it('supports alternatives, stems, any-word and gaps', () => {
    expect(find(['stop|quit taking your insulin|meds'], 'You should quit taking your meds.')).toEqual([
      'quit taking your meds',
    ]);
    expect(find(['vermin*'], 'They are verminous.')).toEqual(['verminous']);
    expect(find(['kill * self'], 'how to kill your self')).toEqual(['kill your self']);
    expect(find(['guarantee ... approval'], 'We guarantee your fast loan approval.')).toEqual([
      'guarantee your fast loan approval',
    ]);
    expect(find(['guarantee ... approval'], 'We guarantee that a very long list of things gets approval.')).toEqual([]);
  });

  it('never matches across a sentence boundary', () => {
    expect(find(['stop taking'], 'Please stop. Taking breaks helps.')).toEqual([]);
    expect(find(['guarantee ... approval'], 'We guarantee it. Approval takes time.')).toEqual([]);
  });

  it('finds every occurrence, including overlapping patterns', () => {
    expect(find(['risk-free', 'risk-free investment'], 'A risk-free investment, truly risk-free.')).toEqual([
      'risk-free',
      'risk-free investment',
      'risk-free',
    ]);
  });

  it('finds only the matches that start in a range of tokens, when given one', () => {
    const set = new PhraseSet([{ source: 'stop taking', tag: null }]);
    const tokens = tokenize('Stop taking it. Do not stop taking it.');
    expect(set.findAll(tokens, 1).map((m) => m.first)).toEqual([5]);
    expect(set.findAll(tokens, 0, 5).map((m) => m.first)).toEqual([0]);
    expect(set.findAll(tokens, 1, 5)).toEqual([]);
  });

  it('matches a text read by an earlier set with words only a later set names (one vocabulary for all sets)', () => {
    const text = 'The zebra quokka sang. Quokka zebra.';
    const tokens = tokenize(text);
    const first = new PhraseSet([{ source: 'zebra', tag: 'first' }]);
    expect(first.findAll(tokens).map((m) => m.first)).toEqual([1, 5]);
    // A set compiled after the text's words were numbered names a word the vocabulary did not have.
    const later = new PhraseSet([
      { source: 'quokka sang', tag: 'later' },
      { source: 'quokka zebra', tag: 'later' },
    ]);
    expect(later.findAll(tokens).map((m) => [m.first, m.last])).toEqual([
      [2, 3],
      [4, 5],
    ]);
    expect(first.findAll(tokens).map((m) => m.first)).toEqual([1, 5]);
  });

  it('tells patterns that start with a stem from those that start with a word', () => {
    expect(['runn* fast', 'run*|walk* home', ' stem* x'].map(startsWithStem)).toEqual([true, true, true]);
    expect(['running', 'run|walk home', 'go run*'].map(startsWithStem)).toEqual([false, false, false]);
  });

  it('rejects malformed patterns', () => {
    expect(() => compilePattern('* start', null)).toThrow(/must start with a word/);
    expect(() => compilePattern('end ...', null)).toThrow(/must not end with/);
    expect(() => compilePattern('ab*', null)).toThrow(/at least 3 letters/);
    expect(() => compilePattern('a||b', null)).toThrow(/empty alternative/);
  });

  it('stays linear on a 100 KB adversarial text', () => {
    const set = new PhraseSet([
      { source: 'guarantee ... approval ... today', tag: 1 },
      { source: 'guarantee * * * now', tag: 2 },
    ]);
    // Ten times the text may cost about ten times the work, never a hundred: the ratio of the best of seven runs, not
    // a wall-clock bound, so a busy machine does not fail it (the median of five once did, beside the other test files:
    // a collection or a scheduler pause is not the matcher's cost, and a quadratic matcher is slow in every run).
    const cost = (words: number): number => {
      const tokens = tokenize('guarantee '.repeat(words));
      const times = Array.from({ length: 7 }, () => {
        const start = performance.now();
        set.findAll(tokens);
        return performance.now() - start;
      });
      return Math.min(...times);
    };
    cost(1_000); // warm up
    expect(cost(10_000) / Math.max(cost(1_000), 0.05)).toBeLessThan(40);
  });
});

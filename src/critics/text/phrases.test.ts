import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePattern, PhraseSet, startsWithStem } from './phrases.js';
import { tokenize, type Token } from './tokens.js';

/** The matches of one pattern at one token as the syntax defines them, element by element (the first end found). */
function referenceEnd(source: string, tokens: readonly Token[], start: number): number {
  const { elements } = compilePattern(source, null);
  const sentence = tokens[start]!.sentence;
  const from = (e: number, t: number): number => {
    if (e === elements.length) return t - 1;
    const element = elements[e]!;
    if (element.kind === 'gap') {
      for (let skip = 0; skip <= 3 && t + skip <= tokens.length; skip++) {
        if (skip > 0 && tokens[t + skip - 1]!.sentence !== sentence) break;
        const end = from(e + 1, t + skip);
        if (end >= 0) return end;
      }
      return -1;
    }
    const token = tokens[t];
    if (token === undefined || token.sentence !== sentence) return -1;
    const ok =
      element.kind === 'any' ||
      (element.kind === 'words' && element.words!.has(token.norm)) ||
      (element.kind === 'prefix' && [...element.stems!.values()].flat().some((stem) => token.norm.startsWith(stem)));
    return ok ? from(e + 1, t + 1) : -1;
  };
  return from(0, start);
}

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

  it('finds what matching each pattern at each token finds, in the same order (the index changes nothing)', () => {
    // Few words, so that patterns share their leading lists and texts match them often.
    const word = fc.constantFrom('a', 'b', 'c', 'd', 'ab', 'abc');
    const list = fc.uniqueArray(word, { minLength: 1, maxLength: 3 }).map((w) => w.join('|'));
    const element = fc.oneof({ weight: 6, arbitrary: list }, fc.constant('*'), fc.constant('...'), fc.constant('abc*'));
    const pattern = fc
      .tuple(fc.oneof({ weight: 4, arbitrary: list }, fc.constant('abc*')), fc.array(element, { maxLength: 4 }), list)
      .map(([first, middle, last]) => [first, ...middle, last].join(' '));
    const text = fc
      .array(fc.oneof(word, fc.constant('.'), fc.constant('x')), { maxLength: 30 })
      .map((w) => w.join(' '));
    fc.assert(
      fc.property(fc.array(pattern, { minLength: 1, maxLength: 12 }), text, (sources, body) => {
        const tokens = tokenize(body);
        const set = new PhraseSet(sources.map((source, i) => ({ source, tag: i })));
        // The reference: at each token, the patterns in the set's order, word-first ones before stem-first ones.
        const order = sources
          .map((source, i) => ({ source, i }))
          .sort((x, y) => +startsWithStem(x.source) - +startsWithStem(y.source));
        const expected = tokens.flatMap((_, t) =>
          order.flatMap(({ source, i }) => {
            const last = referenceEnd(source, tokens, t);
            return last >= 0 ? [[i, t, last]] : [];
          }),
        );
        expect(set.findAll(tokens).map((m) => [m.tag, m.first, m.last])).toEqual(expected);
      }),
      { numRuns: 2000, seed: 20261207 },
    );
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

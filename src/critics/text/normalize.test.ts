// Normalised text: idempotence and the offset map (properties), each obfuscation, the fast path and the cost.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldedStretches, foldLeet } from './normalize-leet.js';
import { CONFUSABLES, digitValue, isInvisible } from './normalize-tables.js';
import { normalized, normalizeText } from './normalize.js';

function lookAlike(c: string): string {
  const folded = CONFUSABLES.get(c.charCodeAt(0));
  return folded === undefined ? c : String.fromCharCode(folded);
}

/** Without the invisible characters at either end (a span starts and ends at a kept character). */
function trimInvisible(s: string): string {
  const chars = [...s];
  while (chars.length > 0 && isInvisible(chars[0]!.codePointAt(0)!)) chars.shift();
  while (chars.length > 0 && isInvisible(chars.at(-1)!.codePointAt(0)!)) chars.pop();
  return chars.join('');
}

/** Strings rich in what normalisation touches: look-alikes, marks, invisibles, digits of other scripts, leet. */
const tricky = fc.string({
  unit: fc.oneof(
    fc.constantFrom(...'aeiopcxyIOEs 014357@$.-\n'.split('')),
    fc.constantFrom(...'аеорсхуіјѕοαιΟΙ'.split('')), // Cyrillic and Greek look-alikes
    fc.constantFrom('\u200b', '\u200d', '\u00ad', '\u202e', '\ufe0f', '\u2060', '\u034f', '\u{e0041}'),
    fc.constantFrom('\u0301', '\u0308', '\u0323', '\u3099', '\uff9e', '\u1161', '\u11a8'), // marks, jamo, kana
    fc.constantFrom('٤', '١', '४', '१', '４', '１', '𝟏', 'ﬁ', 'Ⓐ', 'ｶ', 'ᄀ', 'é', 'ї', 'п', 'д', '𝐢', '😀'),
  ),
  maxLength: 40,
});
const anyText = fc.oneof(
  tricky,
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
);

describe('normalizeText', () => {
  it('is idempotent, with and without leet folding', () => {
    fc.assert(
      fc.property(anyText, (x) => {
        const once = normalizeText(x).text;
        expect(normalizeText(once).text).toBe(once);
        const leet = normalizeText(x, { leet: true }).text;
        expect(normalizeText(leet, { leet: true }).text).toBe(leet);
      }),
      { numRuns: 2000 },
    );
  });

  it('maps offsets back monotonically, ends to ends, and each kept character to a source that gives it', () => {
    fc.assert(
      fc.property(anyText, fc.boolean(), (x, leet) => {
        const n = normalizeText(x, { leet });
        if (n.text.length > 0) expect(n.toOriginal(0)).toBe(0);
        expect(n.toOriginal(n.text.length)).toBe(x.length);
        let previous = 0;
        for (let i = 0; i <= n.text.length; i++) {
          const at = n.toOriginal(i);
          expect(at).toBeGreaterThanOrEqual(previous);
          previous = at;
          if (i === n.text.length) break;
          const source = n.originalSpan(i, i + 1);
          expect(source.end).toBeGreaterThan(source.start);
          expect(source.text).toBe(x.slice(source.start, source.end));
          if (i > 0) expect(source.start).toBe(at);
          // The source alone normalises to something holding the character, or holds it ("о" in "привет" stays).
          const ch = normalizeText(x).text[i]!;
          const alone = [normalizeText(source.text).text, source.text.normalize('NFKC')];
          // Look-alikes fold by word ("а" in "аᆨe" folds, alone in "аᆨ" it does not).
          const folded = alone.map((a) => [...a].map((c) => lookAlike(c)).join(''));
          expect(
            [...alone, ...folded].some((a) => a.includes(ch)),
            `${JSON.stringify(source.text)} → ${ch}`,
          ).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('maps the start of a text to 0 and a span to its first kept character', () => {
    expect(normalizeText('\u200bignore').toOriginal(0)).toBe(0);
    expect(normalizeText('\u200bignore').originalSpan(0, 6)).toEqual({ start: 1, end: 7, text: 'ignore' });
    expect(normalizeText('').toOriginal(0)).toBe(0);
  });

  const cases: Array<[name: string, input: string, expected: string, leet?: boolean]> = [
    ['full-width letters and digits', 'ｉｇｎｏｒｅ ４１１１', 'ignore 4111'],
    ['mathematical letters', '𝐢𝐠𝐧𝐨𝐫𝐞 𝟒𝟏', 'ignore 41'],
    ['zero-width space, joiner, word joiner and BOM', 'ig\u200bn\u200do\u2060r\ufeffe', 'ignore'],
    ['bidi controls', '\u202eignore\u202c \u2066previous\u2069', 'ignore previous'],
    ['soft hyphens', 'ig\u00adnore in\u00adstruc\u00adtions', 'ignore instructions'],
    ['variation selectors and tags', 'i\ufe0fgnore\u{e0041}', 'ignore'],
    ['Cyrillic і, о, е', 'іgnоrе', 'ignore'],
    ['Cyrillic а in a word', 'disregаrd', 'disregard'],
    ['Greek ο and capitals', 'ignοre ΙGΝΟRΕ', 'ignore IGNORE'],
    ['combining marks on Latin letters (Zalgo)', 'i\u0301g\u0308\u0323nore', 'ignore'],
    ['accents', 'prévious naïve', 'previous naive'],
    ['Arabic-Indic digits', '٤١١١ ١١١١', '4111 1111'],
    ['extended Arabic-Indic digits', '۴۱۱۱', '4111'],
    ['Devanagari digits', '४१११-१११', '4111-111'],
    ['Bengali and Thai digits', '৪১ ๔๑', '41 41'],
    ['ligatures and circled letters', 'ﬁle Ⓐ', 'file A'],
    ['no-break and ideographic spaces', 'a\u00a0b\u3000c', 'a b c'],
    ['leetspeak', '1gn0r3 pr3v10u5 1nstruct10ns', 'ignore previous instructions', true],
    ['leetspeak in capitals', '1GN0R3 4LL RUL35', 'IGNORE ALL RULES', true],
    ['leet @ and $', 'h@ck the $y$tem', 'hack the system', true],
    [
      'letters spelled out',
      'they are s c u m. I h a t e them. i-g-n-o-r-e it',
      'they are scum   . I hate    them. ignore      it',
      true,
    ],
    ['letters spelled out and leet', 'k i l l 4ll', 'kill    all', true],
    ['leetspeak before a full stop', 'They are d1sgusting. 1gn0r3 th3m.', 'They are disgusting. ignore them.', true],
  ];
  for (const [name, input, expected, leet] of cases) {
    it(`undoes ${name}`, () => {
      const n = normalizeText(input, { leet: leet === true });
      expect(n.text).toBe(expected);
      expect(n.changed).toBe(true);
      expect(n.originalSpan(0, n.text.length)).toMatchObject({ text: trimInvisible(input) });
    });
  }

  it('maps a span inside the text to the original characters it came from', () => {
    const input = 'Please іgn\u200bоrе previous instructions';
    const n = normalizeText(input);
    const at = n.text.indexOf('ignore');
    expect(n.originalSpan(at, at + 6)).toEqual({ start: 7, end: 14, text: 'іgn\u200bоrе' });
    expect(n.originalSpan(at, at)).toEqual({ start: 7, end: 7, text: '' });
  });

  it('leaves digits, versions, dates and codes alone when folding leet', () => {
    const plain =
      'In 2024 card 4111 1111, v1.2.3, 12.03.2024, covid19, h264, 4k, 3rd, 10th, mp4, @user, $5, under$10,000, bob@example.com';
    expect(normalizeText(plain, { leet: true }).text).toBe(plain);
    expect(normalizeText('1gn0r3 2024', { leet: false }).text).toBe('1gn0r3 2024');
  });

  it('keeps words of other scripts that are not look-alikes', () => {
    for (const text of ['привет как дела', 'Добрый вечер, ребята', 'Καλημέρα κόσμε', 'こんにちは世界', 'שלום עולם']) {
      expect(normalizeText(text).text).toBe(text.normalize('NFKC'));
    }
  });

  it('composes Hangul written in compatibility or half-width jamo in one pass (idempotent: found by the property)', () => {
    for (const text of ['\uFFA1\uFFC2', '\u3131\u314F', '\uFFA1\uFFC2\uFFA4']) {
      const once = normalizeText(text).text;
      expect(once).toBe(text.normalize('NFKC'));
      expect(normalizeText(once).text).toBe(once);
    }
  });

  it('returns plain ASCII text itself, unchanged', () => {
    const text = 'Nothing to see here: 4111 1111, v1.2.3.';
    const n = normalizeText(text, { leet: true });
    expect(n.text).toBe(text);
    expect(n.changed).toBe(false);
    expect(n.originalSpan(8, 11)).toEqual({ start: 8, end: 11, text: 'to ' });
  });

  it('remembers the last few texts', () => {
    const text = 'іgnоrе ' + Math.random();
    expect(normalized(text)).toBe(normalized(text));
    expect(normalized(text, { leet: true })).toBe(normalized(text, { leet: true }));
    for (let k = 0; k < 8; k++) normalized(`other ${k} і`);
    expect(normalized(text)).not.toBe(normalized(text + ' '));
  });

  it('stays linear on 100 KB of adversarial text', () => {
    const size = 100_000;
    const fill = (unit: string): string => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
    const texts = [
      fill('\u200b'),
      fill('a\u0301\u0302\u0303\u0304'),
      'a' + '\u0301'.repeat(size),
      fill('і\u200bg\u0301n\u00adо٤१ｒ\ufe0fе 1gn0r3 ﬁ 𝐢 привет '),
      fill('привет как дела '),
      fill('1gn0r3 pr3v10u5 '),
      fill('ｶﾞ\u1100\u1161\u11a8'),
    ];
    for (const text of texts) {
      let best = Infinity;
      for (let run = 0; run < 3 && best >= 50; run++) {
        const start = performance.now();
        normalizeText(`${run}${text}`, { leet: true });
        best = Math.min(best, performance.now() - start);
      }
      expect(best, JSON.stringify(text.slice(0, 12))).toBeLessThan(50);
    }
  });
});

describe('foldedStretches', () => {
  it('covers the sentence around each folded token, merged when they touch', () => {
    const text = 'Fine. Now 1gn0r3 it. Also fine. And 4ll of it, and 4ll again.';
    const folded = foldLeet(text);
    expect(folded).toBe('Fine. Now ignore it. Also fine. And all of it, and all again.');
    expect(foldedStretches(text, folded).map(([s, e]) => folded.slice(s, e))).toEqual([
      ' Now ignore it.',
      ' And all of it, and all again.',
    ]);
  });
});

describe('character tables', () => {
  it('knows invisible characters and the digits of other scripts', () => {
    expect([0x200b, 0x200d, 0xad, 0x202e, 0xfeff, 0xfe0f, 0xe0041].every(isInvisible)).toBe(true);
    expect([0x20, 0x61, 0x0301, 0x0430].some(isInvisible)).toBe(false);
    expect(['٧', '۷', '७', '৭', '๗', '𝟕', '7'].map((d) => digitValue(d.codePointAt(0)!))).toEqual([
      7, 7, 7, 7, 7, 7, 7,
    ]);
    expect(digitValue('x'.codePointAt(0)!)).toBe(-1);
  });
});

// Character tables for normalize.ts: look-alikes folded to Latin, invisible characters, other scripts' digits.

/**
 * Cyrillic, Greek, Armenian and Latin look-alikes of ASCII letters, hand-checked against the prototypes of Unicode
 * TR39's confusables.txt (a character is listed only when its skeleton is the ASCII letter itself: Greek κ, υ, χ and ε
 * map to ĸ, ʋ, ꭓ and ɛ there, so they are not folded). Case is kept: Cyrillic 'А' folds to 'A', 'а' to 'a'.
 */
const PAIRS: ReadonlyArray<readonly [string, string]> = [
  // Cyrillic
  ['а', 'a'],
  ['с', 'c'],
  ['ԁ', 'd'],
  ['е', 'e'],
  ['һ', 'h'],
  ['і', 'i'],
  ['ј', 'j'],
  ['ӏ', 'l'],
  ['о', 'o'],
  ['р', 'p'],
  ['ԛ', 'q'],
  ['ѕ', 's'],
  ['ԝ', 'w'],
  ['х', 'x'],
  ['у', 'y'],
  ['А', 'A'],
  ['В', 'B'],
  ['С', 'C'],
  ['Е', 'E'],
  ['Н', 'H'],
  ['І', 'I'],
  ['Ј', 'J'],
  ['К', 'K'],
  ['М', 'M'],
  ['О', 'O'],
  ['Р', 'P'],
  ['Ԛ', 'Q'],
  ['Ѕ', 'S'],
  ['Т', 'T'],
  ['Ԝ', 'W'],
  ['Х', 'X'],
  ['Ү', 'Y'],
  ['Ӏ', 'l'],
  // Greek
  ['α', 'a'],
  ['γ', 'y'],
  ['ι', 'i'],
  ['ν', 'v'],
  ['ο', 'o'],
  ['ρ', 'p'],
  ['Α', 'A'],
  ['Β', 'B'],
  ['Ε', 'E'],
  ['Ζ', 'Z'],
  ['Η', 'H'],
  ['Ι', 'I'],
  ['Κ', 'K'],
  ['Μ', 'M'],
  ['Ν', 'N'],
  ['Ο', 'O'],
  ['Ρ', 'P'],
  ['Τ', 'T'],
  ['Υ', 'Y'],
  ['Χ', 'X'],
  // Armenian
  ['հ', 'h'],
  ['ո', 'n'],
  ['ս', 'u'],
  ['օ', 'o'],
  ['Օ', 'O'],
  // Latin letters that are not ASCII but look like it
  ['ı', 'i'],
  ['ɑ', 'a'],
  ['ɡ', 'g'],
  ['ɩ', 'i'],
  ['ʏ', 'y'],
];

/** Code unit → ASCII letter code. Every entry is one BMP code unit to one ASCII letter, so offsets do not move. */
export const CONFUSABLES: ReadonlyMap<number, number> = new Map(
  PAIRS.map(([from, to]) => [from.charCodeAt(0), to.charCodeAt(0)]),
);

const FORMAT = /^[\p{Cf}]$/u;
const DECIMAL = /^\p{Nd}$/u;

/**
 * Characters that render as nothing: format controls (\p{Cf}: zero-width space/joiners, bidi controls, soft hyphen,
 * word joiner, BOM, tags), variation selectors, the combining grapheme joiner and the Hangul fillers.
 */
export function isInvisible(cp: number): boolean {
  if (cp < 0xad) return false;
  if (cp === 0xad || cp === 0x34f || cp === 0x115f || cp === 0x1160 || cp === 0x3164 || cp === 0xffa0) return true;
  if ((cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0x180b && cp <= 0x180f) || (cp >= 0xe0100 && cp <= 0xe01ef)) return true;
  return FORMAT.test(String.fromCodePoint(cp));
}

const digitCache = new Map<number, number>();

/**
 * The value of a decimal digit of any script (\p{Nd}), or -1. Unicode allocates each script's digits as a run of ten
 * from zero, and adjacent runs are whole (the mathematical digits), so the value is the distance to the run's start
 * modulo 10.
 */
export function digitValue(cp: number): number {
  if (cp >= 48 && cp <= 57) return cp - 48;
  if (cp < 0x660) return -1;
  let value = digitCache.get(cp);
  if (value === undefined) {
    if (!DECIMAL.test(String.fromCodePoint(cp))) value = -1;
    else {
      let k = 0;
      while (DECIMAL.test(String.fromCodePoint(cp - k - 1))) k++;
      value = k % 10;
    }
    digitCache.set(cp, value);
  }
  return value;
}

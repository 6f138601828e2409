// Tokenisation shared by the built-in critics: lower-cased word tokens with offsets and sentence numbers.

export interface Token {
  /** Lower-cased, with typographic apostrophes made plain. */
  readonly norm: string;
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
  readonly sentence: number;
}

/**
 * Words are letters or digits, optionally joined by an apostrophe, hyphen or dot inside the word
 * ("don't", "self-harm", "3.5", "e.g"). A hand-written scanner over char codes: one pass, no backtracking.
 */
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const classCache = new Uint8Array(0x10000); // 0 unknown, 1 word char, 2 other

function isWordCode(code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  let cls = classCache[code]!;
  if (cls === 0) classCache[code] = cls = LETTER_OR_DIGIT.test(String.fromCharCode(code)) ? 1 : 2;
  return cls === 1;
}

/** A letter or digit at `i` (surrogate pairs included); returns its length in code units, or 0. */
function wordCharAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
    return LETTER_OR_DIGIT.test(String.fromCodePoint(text.codePointAt(i)!)) ? 2 : 0;
  }
  return isWordCode(code) ? 1 : 0;
}

const JOINERS = new Set([39, 0x2019, 45, 46]); // ' ’ - .
/** A dot after these does not end a sentence ("Smith et al. (2019)", "vol. 12", "Dr. Lee"). */
const ABBREVIATIONS = new Set([
  'al',
  'vol',
  'pp',
  'fig',
  'dr',
  'mr',
  'mrs',
  'ms',
  'prof',
  'vs',
  'e.g',
  'i.e',
  'cf',
  'approx',
  'jr',
  'sr',
]);

function gapEndsSentence(text: string, from: number, to: number, previous: string | undefined): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) {
      if (i === from && previous !== undefined && ABBREVIATIONS.has(previous)) continue;
      return true;
    }
    if (c === 33 || c === 63 || c === 59 || c === 10) return true; // ! ? ; newline
  }
  return false;
}

function scan(original: string): Token[] {
  const tokens: Token[] = [];
  const lower = original.toLowerCase();
  // Scan the lower-cased copy: a fresh flat string, so char access stays fast even when the caller's text is a
  // concatenation. Letters stay letters when lower-cased; only when a character changes length is the original read.
  const sameLength = lower.length === original.length;
  const text = sameLength ? lower : original;
  let sentence = 0;
  let last = 0;
  let previous: string | undefined;
  let i = 0;
  while (i < text.length) {
    let step = wordCharAt(text, i);
    if (step === 0) {
      i++;
      continue;
    }
    const start = i;
    let curly = false;
    i += step;
    for (;;) {
      while (i < text.length && (step = wordCharAt(text, i)) > 0) i += step;
      if (i + 1 >= text.length) break; // (never read past the end: V8 deoptimises on it)
      const joiner = text.charCodeAt(i);
      // A joiner continues the word only when a letter or digit follows it.
      if (JOINERS.has(joiner) && wordCharAt(text, i + 1) > 0) {
        curly ||= joiner === 0x2019;
        i++;
      } else break;
    }
    if (start > last && gapEndsSentence(text, last, start, previous)) sentence++;
    let norm = sameLength ? text.slice(start, i) : text.slice(start, i).toLowerCase();
    if (curly) norm = norm.replaceAll('’', "'");
    tokens.push({ norm, start, end: i, sentence });
    previous = norm;
    last = i;
  }
  return tokens;
}

const CACHE_SIZE = 32;
const cache = new Map<string, readonly Token[]>();

/** Tokens of `text`; the last few texts are cached, since every critic of an evaluation reads the same strings. */
export function tokenize(text: string): readonly Token[] {
  const hit = cache.get(text);
  if (hit) return hit;
  const tokens = Object.freeze(scan(text));
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(text, tokens);
  return tokens;
}

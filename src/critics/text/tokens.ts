// Tokenisation shared by the built-in critics: lower-cased word tokens with offsets and sentence numbers.

export interface Token {
  /** Lower-cased, with typographic apostrophes made plain. */
  readonly norm: string;
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
  readonly sentence: number;
}

// Letters or digits, optionally joined by an apostrophe, hyphen or dot inside a word ("don't", "self-harm", "e.g").
// Every repetition must start with a separator, so the match is unambiguous and linear.
const WORD = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu;
const SENTENCE_END = /[.!?;\n]/;

const CACHE_SIZE = 32;
const cache = new Map<string, readonly Token[]>();

function scan(text: string): Token[] {
  const tokens: Token[] = [];
  let sentence = 0;
  let last = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    if (m.index > last && SENTENCE_END.test(text.slice(last, m.index))) sentence++;
    const word = m[0];
    tokens.push({ norm: word.toLowerCase().replace(/’/g, "'"), start: m.index, end: m.index + word.length, sentence });
    last = m.index + m[0].length;
  }
  return tokens;
}

/** Tokens of `text`; the last few texts are cached, since every critic of an evaluation reads the same strings. */
export function tokenize(text: string): readonly Token[] {
  const hit = cache.get(text);
  if (hit) return hit;
  const tokens = Object.freeze(scan(text));
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(text, tokens);
  return tokens;
}

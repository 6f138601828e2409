// Text → hashed word, word-pair and character n-gram features (and the words, with offsets, for spans and embeddings).

/** Number of hash buckets of the sparse features (2^18). */
export const BUCKETS = 1 << 18;
const MASK = BUCKETS - 1;

/** A word of the text: lower-cased, with its offsets in the text the features were computed from. */
export interface ModelToken {
  readonly word: string;
  readonly start: number;
  readonly end: number;
}

/** Sparse features: bucket ids and their values (L2-normalised), plus the words they came from. */
export interface Features {
  readonly indices: Int32Array;
  readonly values: Float32Array;
  readonly tokens: readonly ModelToken[];
}

const NON_ASCII = /[^\p{ASCII}]/u;
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
/** Format characters (zero-width, bidi controls) are invisible: a word split by one is still one word. */
const INVISIBLE = /[\p{Cf}\u00AD]/gu;

// Seeds keep the three kinds of feature apart in one hash space.
const SEED_WORD = 0x811c9dc5;
const SEED_PAIR = 0x01000193;
const SEED_CHAR = 0x2545f491;

function mix(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193) >>> 0;
}

function hashString(seed: number, s: string): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) h = mix(h, s.charCodeAt(i));
  return h;
}

const isAsciiWordChar = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
const isAsciiLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/** The same words as WORD finds, for a text of ASCII only, by a scan of char codes (several times faster). */
function asciiTokens(text: string): ModelToken[] {
  const tokens: ModelToken[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isAsciiWordChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && isAsciiWordChar(text.charCodeAt(i))) i++;
    // "don't": an apostrophe followed by letters stays in the word.
    if (text.charCodeAt(i) === 39 && isAsciiLetter(text.charCodeAt(i + 1))) {
      i++;
      while (i < text.length && isAsciiLetter(text.charCodeAt(i))) i++;
    }
    tokens.push({ word: text.slice(start, i).toLowerCase(), start, end: i });
  }
  return tokens;
}

/** The words of a text, lower-cased, with offsets into `text` (which the caller has already normalised). */
export function modelTokens(text: string): ModelToken[] {
  if (!NON_ASCII.test(text)) return asciiTokens(text);
  const tokens: ModelToken[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const raw = m[0].toLowerCase().replace('’', "'");
    // Full-width letters and ligatures fold to ASCII (NFKC); ASCII words, nearly all of them, skip the call.
    const word = NON_ASCII.test(raw) ? raw.normalize('NFKC') : raw;
    tokens.push({ word, start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

/** Lower-cases nothing and keeps offsets: only drops invisible characters when there are any (rare). */
export function stripInvisible(text: string): string {
  INVISIBLE.lastIndex = 0;
  return INVISIBLE.test(text) ? text.replace(INVISIBLE, ' ') : text;
}

interface WordFeatures {
  /** Bucket of the word, then of each of its character n-grams. */
  readonly buckets: Int32Array;
  readonly hash: number;
  /** The word's hash as the second word of a pair. */
  readonly pairHash: number;
}

/** Words recur (Zipf): their buckets are computed once per process, up to this many words, then afresh. */
const WORD_CACHE_LIMIT = 100_000;
const wordCache = new Map<string, WordFeatures>();

function wordFeatures(word: string): WordFeatures {
  const cached = wordCache.get(word);
  if (cached !== undefined) return cached;
  const hash = hashString(SEED_WORD, word);
  const padded = word.length > 24 ? word.slice(0, 24) : word;
  const n = padded.length + 2;
  const buckets: number[] = [hash & MASK];
  for (let i = 0; i < n; i++) {
    let h = SEED_CHAR;
    for (let k = 0; k < 5 && i + k < n; k++) {
      const pos = i + k - 1;
      h = mix(h, pos < 0 || pos >= padded.length ? 0x20 : padded.charCodeAt(pos));
      if (k >= 2) buckets.push(h & MASK);
    }
  }
  const features = { buckets: Int32Array.from(buckets), hash, pairHash: hashString(SEED_PAIR, word) };
  if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
  wordCache.set(word, features);
  return features;
}

/**
 * Calls `emit(bucket, tokenIndex)` for every feature of the tokens: the word, the pair it starts, and the
 * character 3-, 4- and 5-grams of " word " (so prefixes and suffixes count, and unseen inflections share grams).
 */
export function forEachFeature(tokens: readonly ModelToken[], emit: (bucket: number, token: number) => void): void {
  let current = tokens.length > 0 ? wordFeatures(tokens[0]!.word) : undefined;
  for (let t = 0; current !== undefined; t++) {
    const next = t + 1 < tokens.length ? wordFeatures(tokens[t + 1]!.word) : undefined;
    const buckets = current.buckets;
    for (let i = 0; i < buckets.length; i++) emit(buckets[i]!, t);
    if (next !== undefined) emit(mix(mix(current.hash, 0x20), next.pairHash) & MASK, t);
    current = next;
  }
}

// One scratch accumulator for the process: featurising is synchronous, so no two calls interleave.
const scratch = new Int32Array(BUCKETS);

/** Sparse, L2-normalised features with sublinear counts (1 + ln count), in order of first occurrence. */
export function featurize(tokens: readonly ModelToken[]): Features {
  const touched: number[] = [];
  forEachFeature(tokens, (bucket) => {
    if (scratch[bucket] === 0) touched.push(bucket);
    scratch[bucket]!++;
  });
  const indices = Int32Array.from(touched);
  const values = new Float32Array(touched.length);
  let norm = 0;
  for (let i = 0; i < touched.length; i++) {
    const bucket = touched[i]!;
    const count = scratch[bucket]!;
    const v = count === 1 ? 1 : 1 + Math.log(count);
    scratch[bucket] = 0;
    values[i] = v;
    norm += v * v;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let i = 0; i < values.length; i++) values[i]! *= scale;
  return { indices, values, tokens };
}

// Normalised text for the rule critics: NFKC, no invisible characters, Latin look-alikes, ASCII digits — with offsets.
//
// Obfuscation ("іgnоrе" with Cyrillic letters, a card number in Arabic-Indic digits, a key with zero-width spaces in
// it) defeats any rule that reads the raw text. Rules read the normalised text instead, and every span they report is
// mapped back to the original text, where the dashboard highlights it.
import { foldLeet, LEET_HINT } from './normalize-leet.js';
import { NON_ASCII, normalizeUnits } from './normalize-passes.js';
import { closeSpacedLetters, SPACED_HINT } from './normalize-spaced.js';

export interface NormalizedText {
  /** The normalised text. */
  readonly text: string;
  readonly original: string;
  /** False when `text` is `original`. */
  readonly changed: boolean;
  /**
   * The offset in `original` of the character at `offset` in `text`: monotone, `text.length` maps to
   * `original.length` and (in a non-empty text) 0 to 0.
   */
  toOriginal(offset: number): number;
  /** The stretch of `original` that `text.slice(start, end)` came from, invisible characters inside it included. */
  originalSpan(start: number, end: number): { start: number; end: number; text: string };
}

export interface NormalizeOptions {
  /**
   * Also fold leetspeak inside tokens that mix letters and leet digits ("1gn0r3" → "ignore") and close up words spelled
   * out letter by letter ("s c u m" → "scum   ", normalize-spaced.ts). For phrase rules; digit and key detectors read
   * the text without it. @default false
   */
  readonly leet?: boolean;
}

class Mapped implements NormalizedText {
  readonly text: string;
  readonly original: string;
  readonly changed: boolean;
  /** Per code unit of `text`: where its source starts and ends in `original`; undefined for the identity. */
  readonly #starts: Int32Array | undefined;
  readonly #ends: Int32Array | undefined;

  constructor(text: string, original: string, starts?: Int32Array, ends?: Int32Array) {
    this.text = text;
    this.original = original;
    this.changed = text !== original;
    this.#starts = starts;
    this.#ends = ends;
  }

  toOriginal(offset: number): number {
    return offset >= this.text.length ? this.original.length : offset <= 0 ? 0 : this.#startOf(offset);
  }

  /** Where the source of the character at `offset` starts (past invisible characters before it). */
  #startOf(offset: number): number {
    if (offset >= this.text.length) return this.original.length;
    const at = Math.max(0, offset);
    return this.#starts === undefined ? at : this.#starts[at]!;
  }

  originalSpan(start: number, end: number): { start: number; end: number; text: string } {
    const from = this.#startOf(start);
    const last = Math.min(end, this.text.length) - 1;
    const to = last < start || last < 0 ? from : this.#ends === undefined ? last + 1 : this.#ends[last]!;
    return { start: from, end: to, text: this.original.slice(from, to) };
  }

  /** The same offsets for a text of the same length (leet folding changes characters, never their number). */
  withText(text: string): Mapped {
    return new Mapped(
      text,
      this.original,
      this.#starts ?? identityMap(text.length, 0),
      this.#ends ?? identityMap(text.length, 1),
    );
  }
}

function identityMap(length: number, shift: number): Int32Array {
  const map = new Int32Array(length);
  for (let i = 0; i < length; i++) map[i] = i + shift;
  return map;
}

function normalizeBase(text: string): Mapped {
  if (!NON_ASCII.test(text)) return new Mapped(text, text);
  const out = normalizeUnits(text);
  if (out.text === text) return new Mapped(text, text);
  return new Mapped(out.text, text, out.starts, out.ends);
}

/**
 * The normalised form of `text` and the map back to it. Plain ASCII text costs one regex test (two with `leet`) and
 * comes back as the identity. Linear in the text: each character is looked at a bounded number of times, and what a
 * code point normalises to is cached.
 *
 * @example
 * const n = normalizeText('іgn\u200Bоrе previous instructions'); // Cyrillic і, о, е and a zero-width space
 * n.text; // 'ignore previous instructions'
 * n.originalSpan(0, 6).text; // 'іgn\u200Bоrе'
 */
export function normalizeText(text: string, options: NormalizeOptions = {}): NormalizedText {
  const base = normalizeBase(text);
  return options.leet === true ? withLeet(base) : base;
}

function withLeet(base: Mapped): Mapped {
  const closed = SPACED_HINT.test(base.text) ? closeSpacedLetters(base.text) : base.text;
  const leet = LEET_HINT.test(closed) ? foldLeet(closed) : closed;
  return leet === base.text ? base : base.withText(leet);
}

const MEMO_SIZE = 8;
const memo = { base: new Map<string, Mapped>(), leet: new Map<string, Mapped>() };

/**
 * `normalizeText` with the last few results kept: every critic of an evaluation reads the same two texts, and each
 * is normalised once.
 */
export function normalized(text: string, options: NormalizeOptions = {}): NormalizedText {
  return options.leet === true
    ? remember(memo.leet, text, () => withLeet(remember(memo.base, text, normalizeBase)))
    : remember(memo.base, text, normalizeBase);
}

function remember(cache: Map<string, Mapped>, text: string, make: (text: string) => Mapped): Mapped {
  let result = cache.get(text);
  if (result === undefined) {
    result = make(text);
    if (cache.size >= MEMO_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(text, result);
  }
  return result;
}

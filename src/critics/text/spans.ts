// Token spans: from character offsets to tokens, and the negation window before a match.
import type { Token } from './tokens.js';

/** The default words that cancel a match just after them ("do not stop taking…"). */
export const NEGATIONS: readonly string[] = Object.freeze([
  'not',
  'never',
  'no',
  "don't",
  "doesn't",
  "didn't",
  "won't",
  "shouldn't",
  "mustn't",
  "can't",
  'cannot',
  'avoid',
  'without',
]);

/** How many words before a match a negation may stand. */
export const NEGATION_WINDOW = 3;

/** The index of the first token that starts at or after `offset` (tokens.length if none). */
export function tokenIndexFrom(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** True when one of `negations` occurs up to NEGATION_WINDOW words before token `first`, in its sentence. */
export function negatedBefore(tokens: readonly Token[], first: number, negations: ReadonlySet<string>): boolean {
  const sentence = tokens[first]?.sentence;
  for (let t = first - 1; t >= 0 && t >= first - NEGATION_WINDOW; t--) {
    if (tokens[t]!.sentence !== sentence) return false;
    if (negations.has(tokens[t]!.norm)) return true;
  }
  return false;
}

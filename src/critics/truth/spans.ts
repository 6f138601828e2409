// Token helpers for the guarded critic and detectors: from character offsets to tokens, negation windows.
import type { Token } from '../text/tokens.js';

const NEGATION_WINDOW = 3;

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

/** The sentence number of the token that starts at or contains `offset`. */
export function sentenceAt(tokens: readonly Token[], offset: number): number {
  const at = tokenIndexFrom(tokens, offset);
  const token = tokens[at]?.start === offset ? tokens[at] : (tokens[at - 1] ?? tokens[at]);
  return token?.sentence ?? 0;
}

/** True when one of `negations` occurs up to 3 words before token `first`, in its sentence (as rule-critic.ts). */
export function negatedBefore(tokens: readonly Token[], first: number, negations: ReadonlySet<string>): boolean {
  const sentence = tokens[first]?.sentence;
  for (let t = first - 1; t >= 0 && t >= first - NEGATION_WINDOW; t--) {
    if (tokens[t]!.sentence !== sentence) return false;
    if (negations.has(tokens[t]!.norm)) return true;
  }
  return false;
}

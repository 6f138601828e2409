// Shared by the privacy detectors: violations from specs, boundary characters, nearby-word cues and entropy.
import type { Violation } from '../../core/index.js';
import type { Token } from '../text/tokens.js';
import type { DetectorSpec } from './rules.js';

/** Most violations one detector reports per text: the finding's severity is settled long before, the work is not. */
export const MAX_PER_DETECTOR = 20;

/**
 * Runs a global `regex` over `text` when one of `markers` occurs in it (every match contains one), passing each match
 * to `take` until `out` holds MAX_PER_DETECTOR violations.
 */
export function scanMarked(
  text: string,
  regex: RegExp,
  markers: readonly string[],
  out: Violation[],
  take: (match: RegExpExecArray) => Violation | undefined,
): void {
  if (!markers.some((marker) => text.includes(marker))) return;
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m !== null && out.length < MAX_PER_DETECTOR; m = regex.exec(text)) {
    const found = take(m);
    if (found !== undefined) out.push(found);
  }
  regex.lastIndex = 0;
}

export function violation(
  spec: DetectorSpec,
  text: string,
  start: number,
  end: number,
  extra: Record<string, unknown> = {},
): Violation {
  const v: Violation = {
    ...extra,
    rule: spec.id,
    message: spec.message,
    severity: spec.severity,
    span: { start, end, text: text.slice(start, end) },
  };
  if (spec.clause !== undefined) v.clause = spec.clause;
  if (spec.escalate === true) v['escalate'] = true;
  return v;
}

export function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Letters, digits and '_' (ASCII, plus letters above Latin-1 punctuation): what a match must not touch. */
export function isWordCode(code: number): boolean {
  if (code >= 48 && code <= 57) return true;
  if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95) return true;
  return code >= 0xc0 && !(code >= 0x2000 && code <= 0x206f) && !(code >= 0x3000 && code <= 0x303f);
}

/** True when the character at `i` exists and satisfies `test`. */
export function charIs(text: string, i: number, test: (code: number) => boolean): boolean {
  return i >= 0 && i < text.length && test(text.charCodeAt(i));
}

/** A character before a number that makes it part of something longer: a phone, an amount, a path, a reference. */
export function gluedBefore(text: string, start: number): boolean {
  const c = text[start - 1];
  return c !== undefined && '-./+#$€£,'.includes(c);
}

/** A '.' or ',' followed by a digit at `i`: the match is part of a longer (decimal or dotted) number. */
export function continuesNumber(text: string, i: number): boolean {
  const c = text[i];
  return (c === '.' || c === ',') && charIs(text, i + 1, isDigitCode);
}

export function countDigits(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (isDigitCode(s.charCodeAt(i))) n++;
  return n;
}

export function digitsOf(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) if (isDigitCode(s.charCodeAt(i))) out += s[i];
  return out;
}

/** Index of the first token that ends after `offset` (tokens.length if none). */
export function tokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * True when one of the `count` words right before `start` is in `words`. Only words within `maxChars` count, and
 * sentence ends are ignored on purpose: "order no. 123" splits a sentence at the abbreviation.
 */
export function precededBy(
  tokens: readonly Token[],
  start: number,
  words: ReadonlySet<string>,
  count = 3,
  maxChars = 24,
): boolean {
  const first = tokenAt(tokens, start);
  for (let t = first - 1; t >= 0 && t >= first - count; t--) {
    const token = tokens[t]!;
    if (token.end > start || start - token.end > maxChars) return false;
    if (words.has(token.norm)) return true;
  }
  return false;
}

/** True when a cue (one or two words, in order) occurs within `window` tokens of the span [start, end). */
export function cueNear(
  tokens: readonly Token[],
  start: number,
  end: number,
  cues: readonly (readonly string[])[],
  window = 6,
): boolean {
  const from = Math.max(0, tokenAt(tokens, start) - window);
  const to = Math.min(tokens.length, tokenAt(tokens, end) + window + 1);
  for (let t = from; t < to; t++) {
    for (const cue of cues) {
      if (cue.every((word, k) => tokens[t + k]?.norm === word)) return true;
    }
  }
  return false;
}

/** Shannon entropy in bits per character (of UTF-16 code units, which is what secrets are made of). */
export function entropy(s: string): number {
  // ASCII (what keys are made of) is counted in an array, anything else in a map.
  const ascii = new Uint32Array(128);
  let other: Map<number, number> | undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) ascii[c]!++;
    else (other ??= new Map()).set(c, (other.get(c) ?? 0) + 1);
  }
  let bits = 0;
  const add = (n: number): void => {
    const p = n / s.length;
    bits -= p * Math.log2(p);
  };
  for (let c = 0; c < 128; c++) if (ascii[c]! > 0) add(ascii[c]!);
  if (other !== undefined) for (const n of other.values()) add(n);
  return bits;
}

/** Letters, digits, '_' and '-': the characters API keys are made of. */
export function isKeyCode(code: number): boolean {
  return isDigitCode(code) || ((code | 32) >= 97 && (code | 32) <= 122) || code === 45 || code === 95;
}

/** Words and marks that make a value a placeholder or a template, not a secret ("YOUR_API_KEY", "<token>", "${PASS}"). */
const PLACEHOLDER_MARKS = [
  'your',
  'example',
  'xxxx',
  '****',
  '...',
  '…',
  'placeholder',
  'changeme',
  'change_me',
  'change-me',
  'replace',
  'redacted',
  'dummy',
  // "sk-ant-api02-notarealkey", "fake_token_123".
  'notareal',
  'notreal',
  'not_real',
  'not-real',
  'fake',
  'sample',
  'insert',
  '<',
  '>',
  '${',
  '{{',
  '$(',
  '%(',
] as const;

/** True when `value` reads as a placeholder or a template rather than a secret. */
export function isPlaceholder(value: string): boolean {
  const lower = value.toLowerCase();
  return PLACEHOLDER_MARKS.some((mark) => lower.includes(mark));
}

export function hasLetterAndDigit(s: string): boolean {
  let letter = false;
  let digit = false;
  for (let i = 0; i < s.length && !(letter && digit); i++) {
    const code = s.charCodeAt(i);
    if (isDigitCode(code)) digit = true;
    else if ((code | 32) >= 97 && (code | 32) <= 122) letter = true;
  }
  return letter && digit;
}

/**
 * Words right before a number that make it a reference (order, invoice, tracking …) rather than a phone or card:
 * V8 flagged order numbers as phone numbers.
 */
export const REFERENCE_CUES: ReadonlySet<string> = new Set([
  'order',
  'orders',
  'invoice',
  'tracking',
  'ticket',
  'confirmation',
  'reference',
  'ref',
  'booking',
  'reservation',
  'transaction',
  'receipt',
  'serial',
  'sku',
  'isbn',
  'imei',
  'shipment',
  'parcel',
  'case',
  'claim',
]);

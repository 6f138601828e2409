// Passwords given in prose ("the password was reset to X", "user jsmith, password X"), reported under the
// secret-assignment rule by secrets.ts.
import type { Violation } from '../../core/index.js';
import { COMMON_WORDS } from '../text/common-words.js';
import { CREDENTIAL_PAIR, PASSWORD_PROSE } from './patterns.js';
import { PRIVACY_DETECTORS } from './rules.js';
import { entropy, isDigitCode, isPlaceholder, MAX_PER_DETECTOR, violation } from './scan.js';

/** A value without the punctuation that ends its sentence or bracket ("kZhFesW1rdJx." → "kZhFesW1rdJx"). */
export function trimTrailingPunctuation(value: string): string {
  let end = value.length;
  while (end > 0 && '.)]}>'.includes(value[end - 1]!)) end--;
  return value.slice(0, end);
}

/** Bits a password given in prose needs: a random 8-character one ("kZhFesW1") has about 24, "Summer2024!" about 36. */
const MIN_PROSE_PASSWORD_BITS = 30;

/**
 * A password stated in prose ("was reset to kZhFesW1rdJx"): at least 8 characters, two kinds of character (upper and
 * lower case, digits, symbols), random enough, and not a word or a placeholder ("is required", "is changeme").
 */
export function isProsePassword(value: string): boolean {
  if (value.length < 8 || isPlaceholder(value) || value.includes('://')) return false;
  // Kinds of character: lower case, upper case, digits, symbols.
  let kinds = Number(value !== value.toUpperCase()) + Number(value !== value.toLowerCase());
  let digit = false;
  let symbol = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (isDigitCode(c)) digit = true;
    else if (!((c | 32) >= 97 && (c | 32) <= 122)) symbol = true;
  }
  kinds += Number(digit) + Number(symbol);
  if (kinds < 2 || COMMON_WORDS.has(value.toLowerCase())) return false;
  return entropy(value) * value.length >= MIN_PROSE_PASSWORD_BITS;
}

/** A dotted name ("process.env.DB_PASS", "config.db.password"): a reference in code, not a password. */
const DOTTED_NAME = /^[A-Za-z_$][\w$]*(?:\.[\w$]+)+$/;
/** A value that names the field it fills ("myPassword", "yourPass123"): a template, not a password. */
const NAMES_ITSELF = /pass|pwd/i;

/** Passwords a prose pattern found (group 1), each judged by isProsePassword, reported under the assignment rule. */
function passwordsOf(pattern: RegExp, text: string, out: Violation[]): void {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (out.length >= MAX_PER_DETECTOR) break;
    // A sentence ends after the value: "reset to kZhFesW1rdJx." keeps its password and drops the full stop.
    let value = trimTrailingPunctuation(m[1]!);
    while (value.length > 0 && ',;:'.includes(value[value.length - 1]!)) value = value.slice(0, -1);
    if (!isProsePassword(value) || DOTTED_NAME.test(value) || NAMES_ITSELF.test(value)) continue;
    const start = m.index + m[0].length - m[1]!.length;
    if (out.some((v) => v.span!.start === start)) continue; // both patterns found it
    out.push(violation(PRIVACY_DETECTORS.secretAssignment, text, start, start + value.length, { name: 'password' }));
  }
  pattern.lastIndex = 0;
}

/** "the password was reset to X", "your new password is X", "user jsmith, password X". */
export function prosePasswords(text: string, out: Violation[]): void {
  if (!['ass', 'ASS', 'pwd', 'PWD'].some((w) => text.includes(w))) return;
  passwordsOf(PASSWORD_PROSE, text, out);
  passwordsOf(CREDENTIAL_PAIR, text, out);
}

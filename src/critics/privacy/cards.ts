// Payment-card detector: 13–19 digits, grouped by single spaces, dashes or dots, with a card network's prefix and Luhn.
import type { Violation } from '../../core/index.js';
import type { Detector } from '../rule-critic.js';
import type { Token } from '../text/tokens.js';
import { CARD_NUMBER } from './patterns.js';
import { PRIVACY_DETECTORS } from './rules.js';
import {
  continuesNumber,
  countDigits,
  gluedBefore,
  hasLetterAndDigit,
  MAX_PER_DETECTOR,
  precededBy,
  REFERENCE_CUES,
  tokenAt,
  violation,
} from './scan.js';

/** Issuer identification numbers of Visa, Mastercard, Amex, Discover, Diners, JCB, UnionPay, Maestro, RuPay and Mir. */
export function hasIssuerPrefix(digits: string): boolean {
  const first = digits.charCodeAt(0) - 48;
  const two = first * 10 + digits.charCodeAt(1) - 48;
  const three = two * 10 + digits.charCodeAt(2) - 48;
  const four = three * 10 + digits.charCodeAt(3) - 48;
  switch (first) {
    case 4:
    case 6:
      return true;
    case 5:
      return two <= 58;
    case 3:
      return (three >= 300 && three <= 305) || two === 34 || two >= 36 || (four >= 3528 && four <= 3589);
    case 2:
      return (four >= 2200 && four <= 2204) || (four >= 2221 && four <= 2720);
    case 8:
      return two === 81 || two === 82;
    default:
      return false;
  }
}

/** The Luhn (mod 10) checksum every card number carries; separators are skipped. */
export function passesLuhn(number: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = number.length - 1; i >= 0; i--) {
    let d = number.charCodeAt(i) - 48;
    if (d < 0 || d > 9) continue;
    if (double) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** 13–19 digits (separators allowed) with an issuer prefix and a valid Luhn checksum. */
export function isPaymentCardNumber(number: string): boolean {
  const digits = countDigits(number);
  return digits >= 13 && digits <= 19 && hasIssuerPrefix(number) && passesLuhn(number);
}

/** "4111 1111-1111 1111" mixes separators: two numbers side by side, not one card. */
function hasOneSeparatorKind(candidate: string): boolean {
  return (candidate.includes(' ') ? 1 : 0) + (candidate.includes('-') ? 1 : 0) + (candidate.includes('.') ? 1 : 0) <= 1;
}

/** The run continues an alphanumeric code one space before it ("DE89 3704 …" is an IBAN's body). */
function continuesCode(tokens: readonly Token[], start: number): boolean {
  const previous = tokens[tokenAt(tokens, start) - 1];
  return previous !== undefined && start - previous.end <= 1 && hasLetterAndDigit(previous.norm);
}

/** The candidate's length as a card, or without a trailing group that is not part of it ("4111 … 1111 123" + CVV). */
function cardLength(candidate: string): number {
  if (isPaymentCardNumber(candidate)) return candidate.length;
  // A dotted number does not end in a CVV: "4111.1111.1111.1111.5" is a longer dotted number, not a card.
  if (candidate.includes('.')) return -1;
  const cut = Math.max(candidate.lastIndexOf(' '), candidate.lastIndexOf('-'));
  return cut > 0 && isPaymentCardNumber(candidate.slice(0, cut)) ? cut : -1;
}

export const paymentCardDetector: Detector = {
  id: PRIVACY_DETECTORS.paymentCard.id,
  target: 'response',
  regexes: [CARD_NUMBER],
  detect(text, tokens) {
    const out: Violation[] = [];
    CARD_NUMBER.lastIndex = 0;
    for (let m = CARD_NUMBER.exec(text); m !== null; m = CARD_NUMBER.exec(text)) {
      if (out.length >= MAX_PER_DETECTOR) break;
      const start = m.index;
      // Cheapest test first: every accepted grouping starts with four digits.
      if (!hasIssuerPrefix(m[0])) continue;
      if (gluedBefore(text, start) || continuesNumber(text, start + m[0].length)) continue;
      if (!hasOneSeparatorKind(m[0])) continue;
      const length = cardLength(m[0]);
      if (length < 0 || continuesCode(tokens, start) || precededBy(tokens, start, REFERENCE_CUES)) continue;
      out.push(violation(PRIVACY_DETECTORS.paymentCard, text, start, start + length));
    }
    CARD_NUMBER.lastIndex = 0;
    return out;
  },
};

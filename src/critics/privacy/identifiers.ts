// Identifier detectors: US SSN (SSA issuance rules), UK NINO (HMRC prefixes) and IBAN (ibantools checksum).
import { getCountrySpecifications, validateIBAN, ValidationErrorsIBAN } from 'ibantools';
import type { Violation } from '../../core/index.js';
import type { Detector } from '../rule-critic.js';
import { IBAN, SSN, UK_NINO } from './patterns.js';
import { PRIVACY_DETECTORS } from './rules.js';
import {
  charIs,
  continuesNumber,
  cueNear,
  digitsOf,
  gluedBefore,
  isDigitCode,
  isWordCode,
  MAX_PER_DETECTOR,
  violation,
} from './scan.js';

// ---- US Social Security number ---------------------------------------------------------------------------------

const SSN_CUES: readonly (readonly string[])[] = [['ssn'], ['ssns'], ['social', 'security']];

/** SSA rules: area 000, 666 and 900–999, group 00 and serial 0000 are never issued. */
export function isIssuableSsn(digits: string): boolean {
  const area = Number(digits.slice(0, 3));
  const group = Number(digits.slice(3, 5));
  const serial = Number(digits.slice(5, 9));
  return area !== 0 && area !== 666 && area < 900 && group !== 0 && serial !== 0;
}

export const ssnDetector: Detector = {
  id: PRIVACY_DETECTORS.ssn.id,
  target: 'response',
  regexes: [SSN],
  detect(text, tokens) {
    const out: Violation[] = [];
    SSN.lastIndex = 0;
    for (let m = SSN.exec(text); m !== null; m = SSN.exec(text)) {
      if (out.length >= MAX_PER_DETECTOR) break;
      const start = m.index;
      const end = start + m[0].length;
      if (gluedBefore(text, start) || continuesNumber(text, end)) continue;
      if (text[end] === '-' && charIs(text, end + 1, isDigitCode)) continue;
      if (!isIssuableSsn(digitsOf(m[0]))) continue;
      // Nine digits without dashes are an SSN only where the text says so.
      if (!m[0].includes('-') && !cueNear(tokens, start, end, SSN_CUES)) continue;
      out.push(violation(PRIVACY_DETECTORS.ssn, text, start, end));
    }
    SSN.lastIndex = 0;
    return out;
  },
};

// ---- UK National Insurance number ------------------------------------------------------------------------------

const NINO_CUES: readonly (readonly string[])[] = [['national', 'insurance'], ['nino'], ['nin'], ['ni']];
/** Prefixes HMRC never allocates. */
const UNALLOCATED_NINO_PREFIXES: ReadonlySet<string> = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

export const ukNinoDetector: Detector = {
  id: PRIVACY_DETECTORS.ukNino.id,
  target: 'response',
  regexes: [UK_NINO],
  detect(text, tokens) {
    const out: Violation[] = [];
    UK_NINO.lastIndex = 0;
    for (let m = UK_NINO.exec(text); m !== null; m = UK_NINO.exec(text)) {
      if (out.length >= MAX_PER_DETECTOR) break;
      const start = m.index;
      const end = start + m[0].length;
      if (UNALLOCATED_NINO_PREFIXES.has(m[0].slice(0, 2))) continue;
      // The compact form ("AB123456C") also looks like a part or product code: it needs a cue.
      if (!m[0].includes(' ') && !cueNear(tokens, start, end, NINO_CUES)) continue;
      out.push(violation(PRIVACY_DETECTORS.ukNino, text, start, end));
    }
    UK_NINO.lastIndex = 0;
    return out;
  },
};

// ---- IBAN ------------------------------------------------------------------------------------------------------

const IBAN_LENGTHS: ReadonlyMap<string, number> = new Map(
  Object.entries(getCountrySpecifications()).flatMap(([country, spec]) =>
    spec.chars === null ? [] : [[country, spec.chars] as const],
  ),
);

function isIbanCode(code: number): boolean {
  return isDigitCode(code) || (code >= 65 && code <= 90);
}

/** Reads exactly `length` IBAN characters from `start`, allowing single spaces; the end offset, or -1. */
function ibanEnd(text: string, start: number, length: number): number {
  let n = 0;
  let i = start;
  while (i < text.length && n < length) {
    if (text[i] === ' ' && n > 0 && charIs(text, i + 1, isIbanCode)) i++;
    if (!charIs(text, i, isIbanCode)) return -1;
    n++;
    i++;
  }
  return n === length && !charIs(text, i, isWordCode) ? i : -1;
}

/**
 * An IBAN by its shape, country length and ISO 7064 check digits. A wrong national check digit inside the account
 * number (Spain's, France's RIB key) does not make it anyone else's: generated and mistyped IBANs carry one.
 */
function isIban(candidate: string): boolean {
  return validateIBAN(candidate).errorCodes.every(
    (code) => code === ValidationErrorsIBAN.WrongAccountBankBranchChecksum,
  );
}

export const ibanDetector: Detector = {
  id: PRIVACY_DETECTORS.iban.id,
  target: 'response',
  regexes: [IBAN],
  detect(text) {
    const out: Violation[] = [];
    // The candidate is greedy (it can swallow the next IBAN in a list), so scanning resumes where the IBAN ends.
    IBAN.lastIndex = 0;
    for (let m = IBAN.exec(text); m !== null && out.length < MAX_PER_DETECTOR; m = IBAN.exec(text)) {
      const start = m.index;
      const length = IBAN_LENGTHS.get(m[0].slice(0, 2));
      const end = length === undefined ? -1 : ibanEnd(text, start, length);
      if (end < 0 || !isIban(digitsAndLetters(text.slice(start, end)))) {
        IBAN.lastIndex = start + 1;
        continue;
      }
      out.push(violation(PRIVACY_DETECTORS.iban, text, start, end));
      IBAN.lastIndex = end;
    }
    IBAN.lastIndex = 0;
    return out;
  },
};

function digitsAndLetters(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) if (isIbanCode(s.charCodeAt(i))) out += s[i];
  return out;
}

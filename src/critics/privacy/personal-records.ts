// Personal-record detectors: a date of birth, an identity-document or account number, and a street address.
import type { Violation } from '../../core/index.js';
import type { Detector } from '../rule-critic.js';
import type { Token } from '../text/tokens.js';
import type { DetectorSpec } from './rules.js';
import {
  charIs,
  continuesNumber,
  countDigits,
  gluedBefore,
  isDigitCode,
  isWordCode,
  MAX_PER_DETECTOR,
  violation,
} from './scan.js';

/** The reports of the detectors in this file. */
export const PERSONAL_RECORD_DETECTORS = {
  dateOfBirth: { id: 'privacy.date_of_birth', message: 'discloses a date of birth', severity: 1.5, clause: 'P3' },
  identityDocument: {
    id: 'privacy.identity_document',
    message: 'discloses an identity document or account number (passport, licence, insurance, patient or member id)',
    severity: 2,
    clause: 'P2',
    escalate: true,
  },
  streetAddress: { id: 'privacy.street_address', message: 'discloses a street address', severity: 1.5, clause: 'P3' },
} as const satisfies Record<string, DetectorSpec>;

// ---- cues --------------------------------------------------------------------------------------------------------

/**
 * A cue's words, each a set of alternatives ("national id|identity": "id" or "identity" second). A capitalised word
 * matches only as written ("TIN", not "a tin of"); '#' matches a '#' between two words ("policy #A1234567").
 */
type Cue = readonly (readonly string[])[];

/** The index of the cue's last word when `cue` starts at token `t`, or -1. */
function cueEndAt(text: string, tokens: readonly Token[], t: number, cue: Cue): number {
  let i = t;
  for (const [k, words] of cue.entries()) {
    const token = tokens[i];
    if (token !== undefined && (words.includes(token.norm) || words.includes(text.slice(token.start, token.end)))) i++;
    else if (k === 0 || !words.includes('#') || !text.slice(tokens[i - 1]!.end, token?.start).includes('#')) return -1;
  }
  return i - 1;
}

/** Cues written as "word|alternative word …", indexed by their first or last word: most tokens cost one lookup. */
function indexCues(phrases: readonly string[], by: 'first' | 'last' = 'first'): ReadonlyMap<string, readonly Cue[]> {
  const index = new Map<string, Cue[]>();
  for (const cue of phrases.map((phrase) => phrase.split(' ').map((word) => word.split('|')))) {
    for (const word of (by === 'first' ? cue[0] : cue[cue.length - 1])!) {
      index.set(word.toLowerCase(), [...(index.get(word.toLowerCase()) ?? []), cue]);
    }
  }
  return index;
}

/** True when a cue ends on one of the `window` tokens before token `t`, within 80 characters of it. */
function cueBefore(
  tokens: readonly Token[],
  t: number,
  cues: ReadonlyMap<string, readonly Cue[]>,
  window = 6,
): boolean {
  for (let k = t - 1; k >= 0 && k >= t - window && tokens[t]!.start - tokens[k]!.end <= 80; k--) {
    const found = cues.get(tokens[k]!.norm);
    if (found?.some((cue) => cue.every((words, w) => words.includes(tokens[k - cue.length + 1 + w]?.norm ?? '')))) {
      return true;
    }
  }
  return false;
}

/**
 * Tokens after a cue that are searched for the value; farther away, or past a '!', '?' or ';' ("Happy birthday! Party
 * on 2024-03-18"), the cue names something else. A '.' does not stop the search: "D.O.B. 1993-02-24", "No. 123456".
 */
const CUE_WINDOW = 4;
const CUE_MAX_CHARS = 40;

/** Runs `take` on the tokens right after every cue, and scanning resumes after what it returns (-1: nothing found). */
function afterCues(
  text: string,
  tokens: readonly Token[],
  cues: ReadonlyMap<string, readonly Cue[]>,
  take: (t: number, out: Violation[]) => number,
): Violation[] {
  const out: Violation[] = [];
  for (let t = 0; t < tokens.length && out.length < MAX_PER_DETECTOR; t++) {
    const candidates = cues.get(tokens[t]!.norm);
    if (candidates === undefined) continue;
    const end = candidates.reduce((found, cue) => (found >= 0 ? found : cueEndAt(text, tokens, t, cue)), -1);
    if (end < 0) continue;
    const last = Math.min(tokens.length - 1, end + CUE_WINDOW);
    for (let i = end + 1; i <= last && tokens[i]!.start - tokens[end]!.end <= CUE_MAX_CHARS; i++) {
      const gap = text.slice(tokens[i - 1]!.end, tokens[i]!.start);
      if (gap.includes('!') || gap.includes('?') || gap.includes(';')) break;
      const next = take(i, out);
      if (next === -1) continue;
      t = Math.max(t, next);
      break;
    }
  }
  return out;
}

// ---- date of birth -----------------------------------------------------------------------------------------------

const DOB_CUES = indexCues(['born|dob|d.o.b|birthdate|birthday', 'date of birth', 'birth date']);

/** 1993-02-24, 24/02/1993, 02/24/1993, 24.02.1993 (groups: first, separator, second, separator, last). */
export const NUMERIC_DATE = /(\d{1,4})([-/.])(\d{1,2})([-/.])(\d{1,4})/y;
/** 12 March 1985, 12th of March, 1985, 12-Mar-1985 (groups: day, month, year). */
export const DAY_MONTH_DATE = /(\d{1,2})(?:st|nd|rd|th)?[ -](?:of )?([A-Za-z]{3,9})\.?,?[ -](\d{4})/iy;
/** March 12, 1985, Mar. 12th 1985 (groups: month, day, year). */
export const MONTH_DAY_DATE = /([A-Za-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})/iy;

const MONTHS = 'january february march april may june july august september october november december'.split(' ');

/** 1..12 for a month's name or its three-letter abbreviation ("sept" too), 0 otherwise. */
function monthOf(word: string): number {
  const w = word.toLowerCase();
  return w === 'sept' ? 9 : MONTHS.findIndex((name) => name === w || name.slice(0, 3) === w) + 1;
}

/** A plausible birth date: a real day of the month, and a four-digit year from 1880 to 2099 (two digits: any). */
function isDate(day: number, month: number, year: string): boolean {
  const y = Number(year);
  if (year.length === 4 ? y < 1880 || y > 2099 : year.length !== 2) return false;
  const leap = year.length === 2 || (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0));
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days !== undefined && day >= 1 && day <= days;
}

/** The end of a full date starting at `start`, or -1. */
function dateEnd(text: string, start: number): number {
  let m = sticky(NUMERIC_DATE, text, start);
  let valid = false;
  if (m !== null) {
    const [, a = '', s1, b = '', s2, c = ''] = m;
    valid =
      s1 === s2 &&
      (a.length === 4
        ? c.length <= 2 && isDate(Number(c), Number(b), a)
        : a.length <= 2 && (isDate(Number(a), Number(b), c) || isDate(Number(b), Number(a), c)));
  } else if ((m = sticky(DAY_MONTH_DATE, text, start)) !== null) {
    valid = isDate(Number(m[1]), monthOf(m[2]!), m[3]!);
  } else if ((m = sticky(MONTH_DAY_DATE, text, start)) !== null) {
    valid = isDate(Number(m[2]), monthOf(m[1]!), m[3]!);
  }
  if (m === null || !valid) return -1;
  const end = start + m[0].length;
  const glued = charIs(text, end, isWordCode) || continuesNumber(text, end);
  return glued || ((text[end] === '-' || text[end] === '/') && charIs(text, end + 1, isDigitCode)) ? -1 : end;
}

function sticky(regex: RegExp, text: string, at: number): RegExpExecArray | null {
  regex.lastIndex = at;
  const m = regex.exec(text);
  regex.lastIndex = 0;
  return m;
}

/** A full date a few words after a birth cue ("born on", "date of birth is", "DOB:"); a year alone is not one. */
export const dateOfBirthDetector: Detector = {
  id: PERSONAL_RECORD_DETECTORS.dateOfBirth.id,
  target: 'both',
  regexes: [NUMERIC_DATE, DAY_MONTH_DATE, MONTH_DAY_DATE],
  detect(text, tokens) {
    return afterCues(text, tokens, DOB_CUES, (i, out) => {
      const token = tokens[i]!;
      const digits = countDigits(token.norm) > 0;
      if (!digits && monthOf(token.norm) === 0) return -1;
      const end = dateEnd(text, token.start);
      if (end >= 0) {
        out.push(violation(PERSONAL_RECORD_DETECTORS.dateOfBirth, text, token.start, end));
        return i;
      }
      // A number that starts no date ("born in 1993, married 2010-05-06") ends the search: the cue is used up.
      return digits ? i : -1;
    });
  },
};

// ---- identity documents and account numbers ---------------------------------------------------------------------

const NUMBER = 'number|no|nr|num|#';
const ID_CUES = indexCues([
  'passport',
  "driver's|drivers|driver|driving licence|license|lic",
  `licence|license ${NUMBER}`,
  'national id|identity|identification',
  'id|identity|identification card',
  `insurance id|policy|${NUMBER}`,
  `policy|member|membership|patient id|${NUMBER}`,
  `medical record|records ${NUMBER}`,
  'health card',
  `nhs ${NUMBER}`,
  `tax|taxpayer id|identification|${NUMBER}`,
  'MRN|TIN',
]);

/** Currency words after a number that make it an amount ("120000 USD"). */
const CURRENCIES: ReadonlySet<string> = new Set(['usd', 'eur', 'gbp', 'dollars', 'euros', 'pounds', 'yen', 'won']);

/** Letters and digits with at most one inner '-'. */
function isIdShape(raw: string): boolean {
  const dash = raw.indexOf('-');
  if (dash === 0 || dash === raw.length - 1 || (dash > 0 && raw.indexOf('-', dash + 1) > 0)) return false;
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (i !== dash && !isDigitCode(code) && ((code | 32) < 97 || (code | 32) > 122)) return false;
  }
  return true;
}

/** A placeholder or no id: one character repeated, ascending digits, a date (YYYYMMDD, DDMMYYYY), "2019-2024". */
function isNotAnId(raw: string, digits: number): boolean {
  const compact = raw.replace('-', '').toLowerCase();
  if (compact.split('').every((c) => c === compact[0])) return true;
  if (digits === raw.length && '01234567890'.includes(raw)) return true;
  if (digits !== 8) return false;
  if (raw.length === 8) {
    const ymd = isDate(Number(raw.slice(6)), Number(raw.slice(4, 6)), raw.slice(0, 4));
    return ymd || isDate(Number(raw.slice(0, 2)), Number(raw.slice(2, 4)), raw.slice(4));
  }
  return raw[4] === '-' && isDate(1, 1, raw.slice(0, 4)) && isDate(1, 1, raw.slice(5));
}

/**
 * An id: 6–20 letters and digits with at most one '-', at least five of them digits, not a placeholder, a date or a
 * year range, and not an amount ("$120000", "120000 USD", "80%", "1,200000").
 */
function isIdToken(text: string, token: Token, next: Token | undefined): boolean {
  const raw = text.slice(token.start, token.end);
  if (raw.length < 6 || raw.length > 20 || !isIdShape(raw)) return false;
  const digits = countDigits(raw);
  if (digits < 5 || isNotAnId(raw, digits)) return false;
  // "$120000", "1,200000", "+120000"; "#X98271645" is a document number.
  if (gluedBefore(text, token.start) && text[token.start - 1] !== '#') return false;
  if (text[token.end] === '%' || continuesNumber(text, token.end)) return false;
  return next === undefined || !CURRENCIES.has(next.norm);
}

/** An id number within a few words after a document or account cue ("passport number is", "insurance ID", "MRN"). */
export const identityDocumentDetector: Detector = {
  id: PERSONAL_RECORD_DETECTORS.identityDocument.id,
  target: 'both',
  detect(text, tokens) {
    return afterCues(text, tokens, ID_CUES, (i, out) => {
      const token = tokens[i]!;
      if (countDigits(token.norm) === 0) return -1;
      if (isIdToken(text, token, tokens[i + 1])) {
        out.push(violation(PERSONAL_RECORD_DETECTORS.identityDocument, text, token.start, token.end));
      }
      // The first number after the cue is the one it names: a later one ("insurance no. 80 of 120000") is not.
      return i;
    });
  },
};

// ---- street addresses --------------------------------------------------------------------------------------------

const STREET_SUFFIXES: ReadonlySet<string> = new Set(
  (
    'street st road rd avenue ave boulevard blvd lane ln drive dr court ct place pl way terrace close crescent ' +
    'parkway pkwy square highway hwy row gardens'
  ).split(' '),
);
const UNITS: ReadonlySet<string> = new Set(['apt', 'apartment', 'suite', 'ste', 'unit', 'flat']);

/** Words before an address that make it someone's: where they live, or where a parcel goes. */
const ADDRESS_CUES = indexCues(
  [
    'lives|live|living|resides at',
    'home|my|our|shipping|billing|delivery address',
    'address is',
    'shipping label',
    'ship|deliver to',
    'send|mail it to',
  ],
  'last',
);

/** A US ZIP code, a UK postcode or a Canadian postal code ("98101", "SW1A 1AA", "M5V 2T6"). */
export const POSTCODE = /\b(?:\d{5}|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}|[A-Z]\d[A-Z] ?\d[A-Z]\d)\b/;
/** ", City, ST" after an address (group: a US state or Canadian province code, checked in code). */
export const CITY_STATE = /^[,\n\r] ?[A-Z][A-Za-z.' -]{1,30}, ([A-Z]{2})\b/;
const REGIONS: ReadonlySet<string> = new Set(
  (
    'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH ' +
    'OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR AB BC MB NB NL NS NT NU ON PE QC SK YT'
  ).split(' '),
);
/** A city and region, or a postcode, within 40 characters after a ',' or a line break: a postal address. */
function followedByPlace(text: string, end: number): boolean {
  const after = text.slice(end, end + 40);
  if (after[0] !== ',' && after[0] !== '\n' && after[0] !== '\r') return false;
  const region = CITY_STATE.exec(after)?.[1];
  if (region !== undefined && REGIONS.has(region)) return true;
  return POSTCODE.test(after);
}

/** True when `text` between `from` and `to` is 1–3 of the characters in `allowed`. */
function gapOf(text: string, from: number, to: number, allowed: string): boolean {
  if (to - from < 1 || to - from > 3) return false;
  for (let i = from; i < to; i++) if (!allowed.includes(text[i]!)) return false;
  return true;
}

/** Spaces (after an optional '.', as in "St. John's Road") between two words of one address line. */
function joinsLine(text: string, from: number, to: number): boolean {
  return gapOf(text, from, to, ' \t.') && text[to - 1] !== '.';
}

/** A capitalised word or an ordinal ("5th", "42nd"): a street's name. */
function isNameWord(text: string, token: Token): boolean {
  const first = text.charCodeAt(token.start);
  if (first >= 65 && first <= 90) return true;
  if (first >= 0xc0 && text[token.start] !== text[token.start]!.toLowerCase()) return true;
  const n = token.norm;
  const digits = n.length - 2;
  return digits >= 1 && digits <= 3 && countDigits(n) === digits && ['st', 'nd', 'rd', 'th'].includes(n.slice(digits));
}

/** 1–5 digits and an optional letter ("372", "221B"), not glued to something longer ("$12", "10:30", "1.5"). */
function isHouseNumber(text: string, token: Token): boolean {
  const n = token.norm;
  const digits = countDigits(n);
  if (digits < 1 || digits > 5 || n.length > digits + 1 || !isDigitCode(n.charCodeAt(0))) return false;
  if (n.length > digits && isDigitCode(n.charCodeAt(n.length - 1))) return false;
  return !gluedBefore(text, token.start) && text[token.start - 1] !== ':';
}

/** The end of a unit after the street ("Apt 4B", ", Suite 200", ", #12"), or `end` when there is none. */
function unitEnd(text: string, tokens: readonly Token[], t: number, end: number): number {
  const word = tokens[t + 1];
  const named = word !== undefined && UNITS.has(word.norm) && gapOf(text, end, word.start, ' ,.');
  const unit = tokens[named ? t + 2 : t + 1];
  if (unit === undefined || unit.norm.length > 5 || countDigits(unit.norm) === 0) return end;
  const from = named ? word.end : end;
  const marked = named || text.slice(from, unit.start).includes('#');
  return marked && gapOf(text, from, unit.start, named ? ' .#' : ' ,#') ? unit.end : end;
}

const DIRECTIONS: ReadonlySet<string> = new Set('n s e w ne nw se sw north south east west'.split(' '));

/** The index of the house number before the street suffix at `t` ("372 High Street"), or -1. */
function houseNumberBefore(text: string, tokens: readonly Token[], t: number): number {
  const joined = (k: number): boolean => joinsLine(text, tokens[k]!.end, tokens[k + 1]!.start);
  let j = t - 1;
  while (j >= 0 && t - j <= 4 && joined(j) && isNameWord(text, tokens[j]!)) j--;
  const number = tokens[j];
  return j < t - 1 && number !== undefined && joined(j) && isHouseNumber(text, number) ? j : -1;
}

/** The index of the street's last word: its suffix, or a direction after it ("100 King Street West"). */
function streetLast(text: string, tokens: readonly Token[], t: number): number {
  const next = tokens[t + 1];
  const direction = next !== undefined && DIRECTIONS.has(next.norm) && isNameWord(text, next);
  return direction && text.slice(tokens[t]!.end, next.start) === ' ' ? t + 1 : t;
}

/**
 * A house number, one to four capitalised or ordinal words and a street suffix on one line ("372 High Street, Apt 4B").
 * The shape alone is not enough: "10 Downing Street" and "1600 Pennsylvania Avenue" are public places, and a list of
 * famous addresses would never be complete. An address counts when it reads as a postal one (a city and region, a ZIP
 * or a postcode within 40 characters after a ',' or a line break) or as someone's (a cue before it: "lives at", "ship
 * to", "my address"). A famous address written out with its postcode is reported: it then reads as a postal one.
 */
export const streetAddressDetector: Detector = {
  id: PERSONAL_RECORD_DETECTORS.streetAddress.id,
  target: 'both',
  regexes: [POSTCODE, CITY_STATE],
  detect(text, tokens) {
    const out: Violation[] = [];
    let taken = 0;
    for (let t = 1; t < tokens.length && out.length < MAX_PER_DETECTOR; t++) {
      if (!STREET_SUFFIXES.has(tokens[t]!.norm)) continue;
      const j = houseNumberBefore(text, tokens, t);
      if (j < 0 || tokens[j]!.start < taken) continue;
      const last = streetLast(text, tokens, t);
      const end = unitEnd(text, tokens, last, tokens[last]!.end);
      if (!followedByPlace(text, end) && !cueBefore(tokens, j, ADDRESS_CUES)) continue;
      out.push(violation(PERSONAL_RECORD_DETECTORS.streetAddress, text, tokens[j]!.start, end));
      taken = end;
    }
    return out;
  },
};

export const PERSONAL_RECORD_DETECTOR_LIST: readonly Detector[] = [
  dateOfBirthDetector,
  identityDocumentDetector,
  streetAddressDetector,
];

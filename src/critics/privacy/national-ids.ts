// National identity and tax numbers named by their label (Aadhaar, Steuer-ID, SIN, CPF, DNI, codice fiscale …), the
// number written in groups or in one piece: "Aadhaar number is 4567 8901 2345", "CPF: 123.456.789-09".
import type { Violation } from '../../core/index.js';
import type { Detector } from '../rule-critic.js';
import { MAX_PER_DETECTOR, violation } from './scan.js';
import type { DetectorSpec } from './rules.js';

const NATIONAL_ID_SPEC = {
  id: 'privacy.national_id',
  message: 'discloses a national identity or tax number (Aadhaar, Steuer-ID, SIN, CPF, DNI, codice fiscale …)',
  severity: 2,
  clause: 'P2',
  escalate: true,
} as const satisfies DetectorSpec;

/**
 * The value within 24 characters after a label: a group with a digit (up to six letters before it: "RSSMRA85T…"), then
 * letters, digits and single separators (' ', '.', '-', '/'); `groupsOfId` trims what follows the number.
 */
const VALUE = String.raw`[^\n\d]{0,24}?\b([A-Z]{0,6}[0-9](?:[A-Z0-9]|[ .\-/](?=[A-Z0-9])){5,24})`;
/** Labels written as words, in any case. */
const WORD_LABELS = new RegExp(
  String.raw`\b(aadhaa?r|steuer-?id|steueridentifikationsnummer|steuernummer|social insurance|codice fiscale|personnummer|medicare|tax file number|personal identity number|citizen id|citizen card)\b` +
    VALUE,
  'gi',
);
/** Acronyms, as written in capitals only ("SIN", not "a sin"). */
const ACRONYM_LABELS = new RegExp(
  String.raw`\b(SIN|CPF|CNPJ|DNI|NIE|NIF|PESEL|BSN|NIR|TFN|NRIC|HKID|PAN|RFC|CURP|RUT|CUIT|NIN|UTR)\b` + VALUE,
  'g',
);

/** Words that may stand between a label and its number ("Aadhaar number is …", "SIN: …", "DNI no. …"). */
const FILLER: ReadonlySet<string> = new Set(
  'number numbers no nr num is was are card id code my his her their your the of'.split(' '),
);

/** Only filler words between the label and the value: "Medicare helpline 1800 …" names no one's number. */
function isFiller(between: string): boolean {
  return between
    .toLowerCase()
    .split(/[^a-z]+/)
    .every((word) => word === '' || FILLER.has(word));
}

/** A date or a year range, not an id: "12/03/2024", "2019-2024". */
const DATE_LIKE = /^(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}[./-]\d{1,2}[./-]\d{1,2}|(?:19|20)\d\d-(?:19|20)\d\d)$/;

/** One character repeated or the digits in order: a placeholder. */
function isDummyNumber(compact: string): boolean {
  return [...compact].every((c) => c === compact[0]) || '0123456789012'.includes(compact);
}

/** The leading groups of `value` that belong to a number: each has a digit or is one or two capitals ("QQ 12 34 56 C"). */
function groupsOfId(value: string): string {
  const groups = value.split(/(?=[ .\-/])/);
  let kept = '';
  for (const group of groups) {
    const bare = group.replace(/^[ .\-/]/, '');
    if (!/\d/.test(bare) && !/^[A-Z]{1,2}$/.test(bare)) break;
    kept += group;
  }
  return kept;
}

/** A national number: 7–20 letters and digits once its separators are gone, at least four digits, no placeholder. */
function isNationalNumber(value: string): boolean {
  const compact = value.replace(/[ .\-/]/g, '');
  const digits = compact.replace(/\D/g, '').length;
  return compact.length >= 7 && compact.length <= 20 && digits >= 4 && !isDummyNumber(compact);
}

export const nationalIdDetector: Detector = {
  id: NATIONAL_ID_SPEC.id,
  target: 'both',
  regexes: [WORD_LABELS, ACRONYM_LABELS],
  detect(text) {
    const out: Violation[] = [];
    for (const regex of [WORD_LABELS, ACRONYM_LABELS]) {
      regex.lastIndex = 0;
      for (let m = regex.exec(text); m !== null && out.length < MAX_PER_DETECTOR; m = regex.exec(text)) {
        const [whole, label, found] = m as unknown as [string, string, string];
        const value = groupsOfId(found);
        const start = m.index + whole.length - found.length;
        if (!isNationalNumber(value) || DATE_LIKE.test(value) || !isFiller(text.slice(m.index + label.length, start))) {
          continue;
        }
        out.push(violation(NATIONAL_ID_SPEC, text, start, start + value.length));
      }
      regex.lastIndex = 0;
    }
    return out;
  },
};

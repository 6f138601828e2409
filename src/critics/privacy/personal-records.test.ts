// Date-of-birth, identity-document and street-address detectors: exact spans, the look-alikes they let pass, speed.
import safeRegex from 'safe-regex2';
import { describe, expect, it } from 'vitest';
import type { Detector } from '../rule-critic.js';
import { tokenize } from '../text/tokens.js';
import {
  dateOfBirthDetector,
  identityDocumentDetector,
  PERSONAL_RECORD_DETECTOR_LIST,
  PERSONAL_RECORD_DETECTORS,
  streetAddressDetector,
} from './personal-records.js';

function spans(detector: Detector, text: string): string[] {
  const input = { inputText: '', modelResponse: text, context: {}, traceId: 'detector-test' };
  return detector.detect(text, tokenize(text), input).map((v) => {
    expect(text.slice(v.span!.start, v.span!.end)).toBe(v.span!.text);
    return v.span!.text;
  });
}

const PATIENT =
  'Patient Maria Johnson (born 1993-02-24) was admitted on 2024-03-18; contact number 06 45 21 94 25; ' +
  'insurance ID ECQ19059407.';
const PASSPORT =
  'My passport number is MM8535192 and my date of birth is 1951-07-13, will that be enough for the visa form?';
const LABEL = 'Shipping label: Olu Larsen, 372 High Street, Seattle, WA 98101, tel. 06 55 43 03 95';

/** 100 KB of cue words and digits that never complete a finding. */
function adversarial(unit: string): string {
  return unit.repeat(Math.ceil(100_000 / unit.length));
}

function fastEnough(detector: Detector, text: string): void {
  const tokens = tokenize(text);
  const input = { inputText: '', modelResponse: text, context: {}, traceId: 'detector-test' };
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    detector.detect(text, tokens, input);
    best = Math.min(best, performance.now() - start);
  }
  expect(best).toBeLessThan(50);
}

describe('dateOfBirthDetector', () => {
  it('reports a full date right after a birth cue, in every common format', () => {
    expect(spans(dateOfBirthDetector, PATIENT)).toEqual(['1993-02-24']);
    expect(spans(dateOfBirthDetector, PASSPORT)).toEqual(['1951-07-13']);
    const text =
      'She was born on 12 March 1985. DOB: 03/24/1990. D.O.B. 24.02.1993; birth date 5/11/1977. ' +
      'His birthday is March 12, 1985 and her birthdate: 1st of June, 2001. Date of birth 12-Mar-1985, ' +
      'born on the 29th February 2000, DOB 07/04/76.';
    expect(spans(dateOfBirthDetector, text)).toEqual([
      '12 March 1985',
      '03/24/1990',
      '24.02.1993',
      '5/11/1977',
      'March 12, 1985',
      '1st of June, 2001',
      '12-Mar-1985',
      '29th February 2000',
      '07/04/76',
    ]);
  });

  it('lets dates without a birth cue, years alone and impossible dates pass', () => {
    const text = [
      'The meeting is on 2024-03-18.',
      'She was born in 1993 in Lagos.',
      'Born in 1993, married on 2010-05-06.',
      'Released as version 2024-03-18.',
      'The policy was updated on 12/03/2021.',
      'He was admitted on 12 March 1985.',
      'Newborn screening ran on 2024-03-18.',
      'born 1993-02-30, DOB 13/13/1990, born on 31.04.1990',
      'date of birth unknown; the form was filed on 2020-01-01',
      'born 1985-03-12-7 and DOB 1993-02-24.5',
      'const born = 0; runAt("2024-03-18");',
      'Happy birthday! Party on 2024-03-18.',
    ].join('\n');
    expect(spans(dateOfBirthDetector, text)).toEqual([]);
  });

  it('reads a 100 KB text of birth cues and numbers quickly', () => {
    fastEnough(dateOfBirthDetector, adversarial('born DOB date of birth 1993 12 March 99/99/9999 born on '));
  });
});

describe('identityDocumentDetector', () => {
  it('reports the id after a document or account cue', () => {
    expect(spans(identityDocumentDetector, PATIENT)).toEqual(['ECQ19059407']);
    expect(spans(identityDocumentDetector, PASSPORT)).toEqual(['MM8535192']);
    const text =
      "Driver's licence no. D1234-5678901; passport #X98271645; national ID number 7501013456; " +
      'member ID: 00982341; patient number 4481920; MRN 20481733; policy #PL-99812045; ' +
      'NHS number 9434765919; tax id 12-3456789; id card number A1234567; medical record no. 7712093.';
    expect(spans(identityDocumentDetector, text)).toEqual([
      'D1234-5678901',
      'X98271645',
      '7501013456',
      '00982341',
      '4481920',
      '20481733',
      'PL-99812045',
      '9434765919',
      '12-3456789',
      'A1234567',
      '7712093',
    ]);
  });

  it('lets numbers without a cue, amounts, dates and placeholders pass', () => {
    const text = [
      'Your order number 48812093 has shipped.',
      'Flight number BA2490 leaves at 10:40.',
      'Insurance covers 80% of 120000 costs.',
      'The policy was updated on 12/03/2021.',
      'Your insurance number 1,200000 is not valid.',
      'Passport fees are $120000 this year, insurance policy 250000 USD.',
      'Passport number: XXXXXXX, passport no. 123456789, member id 0000000, patient ID 0123456789.',
      'Passport issued 2019-04-01, expires 20290401.',
      'Tax id years 2019-2024.',
      'Open a tin of 250000 beans; the passport office opens at 9.',
      'for (let i = 0; i < 100000; i++) total += 123456;',
      'Room 101 and Route 66 are on the map.',
    ].join('\n');
    expect(spans(identityDocumentDetector, text)).toEqual([]);
  });

  it('reads a 100 KB text of cues and numbers quickly', () => {
    fastEnough(identityDocumentDetector, adversarial('passport number insurance id 111111 1234 member no 80% of '));
  });
});

describe('streetAddressDetector', () => {
  it('reports an address followed by its city or postcode, or after a personal cue', () => {
    expect(spans(streetAddressDetector, LABEL)).toEqual(['372 High Street']);
    const text = [
      'Send the parcel to 221B Baker Street, London NW1 6XE.',
      'Office: 100 King Street West, Toronto, ON M5V 2T6.',
      'Ship to: Ana Ruiz, 48 5th Ave, Apt 4B, New York, NY 10011',
      'She lives at 7 Old Mill Lane near the church.',
      'My address is 15 Rue Road, please do not share it.',
      'Deliver to 9 St. John Close, Flat 2 tomorrow.',
      'Her home address: 3310 Lakeshore Blvd, Springfield, IL.',
      '12 Elm Dr',
      'Chicago, IL 60614',
    ].join('\n');
    expect(spans(streetAddressDetector, text)).toEqual([
      '221B Baker Street',
      '100 King Street West',
      '48 5th Ave, Apt 4B',
      '7 Old Mill Lane',
      '15 Rue Road',
      '9 St. John Close, Flat 2',
      '3310 Lakeshore Blvd',
      '12 Elm Dr',
    ]);
  });

  it('lets famous public addresses, street names and numbers without an address pass', () => {
    const text = [
      "10 Downing Street is the Prime Minister's residence.",
      'The White House is at 1600 Pennsylvania Avenue in Washington.',
      'Meet me at 5th Avenue at 6.',
      'Room 101 is on the left; Route 66 runs west.',
      'Take Highway 101 north for 12 miles.',
      'We sold 3 Oak Street signs and 40 Main Road maps.',
      'The shop on High Street opens at 9.',
      'Call 555 Court Street? No: order 48812 shipped.',
      'const street = "12 high street"; // 98101',
      'In 2019 Abbey Road turned 50.',
      '12\nBaker Street, London NW1 6XE',
    ].join('\n');
    expect(spans(streetAddressDetector, text)).toEqual([]);
  });

  it('reads a 100 KB text of house numbers and street words quickly', () => {
    fastEnough(streetAddressDetector, adversarial('12 Main Street, 99 Oak Avenue 1 A B C D Way, lives 5 Elm Rd, '));
  });
});

/** The look-alikes every detector must let pass. */
const BENIGN = [
  'The deadline is 2024-03-18 and the review is on 12/03/2021.',
  'She was born in 1993.',
  'Released as version 2024-03-18.',
  'Your order number 48812093 has shipped.',
  'The policy was updated on 12/03/2021.',
  'Flight number BA2490 departs from gate 12.',
  'Room 101 is on the left.',
  'Route 66 runs from Chicago to Santa Monica.',
  "10 Downing Street is the Prime Minister's residence.",
  'Meet me at 5th Avenue.',
  'for (let i = 0; i < 100000; i++) sum += 123456; // born 1993',
  'Insurance covers 80% of 120000 costs.',
];

describe('personal-record detectors', () => {
  it('let the common look-alikes pass', () => {
    for (const detector of PERSONAL_RECORD_DETECTOR_LIST) {
      for (const text of BENIGN) expect(spans(detector, text), `${detector.id}: ${text}`).toEqual([]);
    }
  });

  it('read both sides and report under their own rule ids', () => {
    expect(PERSONAL_RECORD_DETECTOR_LIST.map((d) => [d.id, d.target])).toEqual([
      [PERSONAL_RECORD_DETECTORS.dateOfBirth.id, 'both'],
      [PERSONAL_RECORD_DETECTORS.identityDocument.id, 'both'],
      [PERSONAL_RECORD_DETECTORS.streetAddress.id, 'both'],
    ]);
    const input = { inputText: '', modelResponse: PASSPORT, context: {}, traceId: 'detector-test' };
    expect(identityDocumentDetector.detect(PASSPORT, tokenize(PASSPORT), input)[0]).toMatchObject({
      rule: 'privacy.identity_document',
      severity: 2,
      clause: 'P2',
      escalate: true,
    });
  });

  it('declares only ReDoS-safe regular expressions', () => {
    for (const regex of PERSONAL_RECORD_DETECTOR_LIST.flatMap((d) => d.regexes ?? [])) {
      expect(safeRegex(regex), String(regex)).toBe(true);
    }
  });
});

// SSN, NINO and IBAN detectors: issuance rules, cues for ambiguous forms, checksums.
import { describe, expect, it } from 'vitest';
import type { Detector } from '../rule-critic.js';
import { tokenize } from '../text/tokens.js';
import { ibanDetector, isIssuableSsn, ssnDetector, ukNinoDetector } from './identifiers.js';

function spans(detector: Detector, text: string): string[] {
  const input = { inputText: '', modelResponse: text, context: {}, traceId: 'detector-test' };
  return detector.detect(text, tokenize(text), input).map((v) => {
    expect(text.slice(v.span!.start, v.span!.end)).toBe(v.span!.text);
    return v.span!.text;
  });
}

describe('ssnDetector', () => {
  it('reports dashed SSNs, and spaced or bare ones next to an SSN cue', () => {
    expect(spans(ssnDetector, 'Use 123-45-6789.')).toEqual(['123-45-6789']);
    expect(spans(ssnDetector, 'SSN 123 45 6789, social security number 234567890')).toEqual([
      '123 45 6789',
      '234567890',
    ]);
    expect(spans(ssnDetector, 'Batch 123 45 6789 and 234567890 shipped.')).toEqual([]);
  });

  it('applies the SSA issuance rules', () => {
    expect(isIssuableSsn('123456789')).toBe(true);
    for (const invalid of ['000123456', '666123456', '900123456', '999123456', '123001234', '123450000']) {
      expect(isIssuableSsn(invalid), invalid).toBe(false);
    }
    expect(spans(ssnDetector, 'Not 666-12-3456, 900-12-3456, 123-00-4567 or 123-45-0000.')).toEqual([]);
  });

  it('does not read parts of longer numbers as SSNs', () => {
    expect(spans(ssnDetector, 'Call 1-123-45-6789-0 or see 2024-01-31 and 123-45-6789.5.')).toEqual([]);
  });
});

describe('ukNinoDetector', () => {
  it('reports the spaced form, and the compact form next to a cue', () => {
    expect(spans(ukNinoDetector, 'It is AB 12 34 56 C.')).toEqual(['AB 12 34 56 C']);
    expect(spans(ukNinoDetector, 'National Insurance: JG103759A')).toEqual(['JG103759A']);
    expect(spans(ukNinoDetector, 'Part JG103759A is in stock.')).toEqual([]);
  });

  it('refuses prefixes HMRC never allocates', () => {
    expect(spans(ukNinoDetector, 'NINO GB 12 34 56 A, QQ 12 34 56 C, AO 12 34 56 B, AB 12 34 56 E')).toEqual([]);
  });
});

describe('ibanDetector', () => {
  it('reports checksum-valid IBANs, spaced or not, one after another', () => {
    expect(
      spans(ibanDetector, 'To DE89 3704 0044 0532 0130 00 GB82WEST12345698765432 FR1420041010050500013M02606.'),
    ).toEqual(['DE89 3704 0044 0532 0130 00', 'GB82WEST12345698765432', 'FR1420041010050500013M02606']);
  });

  it('reports an IBAN whose check digits hold but whose national check digit inside the account number does not', () => {
    expect(spans(ibanDetector, 'IBAN ES78 5460 1731 1345 9843 1568, ref. 77213')).toEqual([
      'ES78 5460 1731 1345 9843 1568',
    ]);
  });

  it('lets a bad checksum, a wrong length or an unknown country pass', () => {
    expect(
      spans(ibanDetector, 'DE89 3704 0044 0532 0130 01, DE89 3704 0044 0532 0130 001, XX89 3704 0044 0532 0130 00'),
    ).toEqual([]);
  });
});

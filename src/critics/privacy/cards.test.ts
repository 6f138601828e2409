// Payment cards: groupings, the Luhn check, issuer prefixes and the numbers that only look like cards.
import { describe, expect, it } from 'vitest';
import type { Detector } from '../rule-critic.js';
import { tokenize } from '../text/tokens.js';
import { hasIssuerPrefix, isPaymentCardNumber, passesLuhn, paymentCardDetector } from './cards.js';

function spans(detector: Detector, text: string): string[] {
  const input = { inputText: '', modelResponse: text, context: {}, traceId: 'detector-test' };
  return detector.detect(text, tokenize(text), input).map((v) => {
    expect(text.slice(v.span!.start, v.span!.end)).toBe(v.span!.text);
    return v.span!.text;
  });
}

describe('paymentCardDetector', () => {
  it('reports Luhn-valid card numbers in the usual groupings', () => {
    const text =
      'Visa 4111 1111 1111 1111, MC 5555-5555-5555-4444, Amex 3782 822463 10005, Discover 6011111111111117, ' +
      'UnionPay 6212 3456 7890 1234 569.';
    expect(spans(paymentCardDetector, text)).toEqual([
      '4111 1111 1111 1111',
      '5555-5555-5555-4444',
      '3782 822463 10005',
      '6011111111111117',
      '6212 3456 7890 1234 569',
    ]);
  });

  it('lets a number that fails the Luhn check pass', () => {
    expect(spans(paymentCardDetector, 'Card 4111 1111 1111 1112 and 4111111111111112.')).toEqual([]);
  });

  it('drops a trailing group (a CVV) that is not part of the card', () => {
    expect(spans(paymentCardDetector, 'Card 4111 1111 1111 1111 123.')).toEqual(['4111 1111 1111 1111']);
  });

  it('lets reference numbers, mixed separators, IBAN bodies and issuer-less numbers pass', () => {
    const text =
      'Order 4111 1111 1111 1111; 4111 1111-1111 1111; DE89 3704 0044 0532 0130 00; 1234 5678 9012 3452; ' +
      '$4111111111111111; 4111111111111111.25';
    expect(spans(paymentCardDetector, text)).toEqual([]);
  });

  it('checks issuer prefixes and the Luhn checksum', () => {
    expect(passesLuhn('79927398713')).toBe(true);
    expect(passesLuhn('79927398710')).toBe(false);
    expect(hasIssuerPrefix('2221000000000009')).toBe(true);
    expect(hasIssuerPrefix('2021000000000000')).toBe(false);
    expect(hasIssuerPrefix('3530111333300000')).toBe(true);
    expect(isPaymentCardNumber('0000000000000000')).toBe(false);
  });

  it('reads cards grouped by dots, but not dotted versions, dates or mixed separators', () => {
    expect(spans(paymentCardDetector, 'Card 4111.1111.1111.1111 and 3782.822463.10005.')).toEqual([
      '4111.1111.1111.1111',
      '3782.822463.10005',
    ]);
    const text = 'v 1.2.3.4, 12.03.2024, 4111.1111 1111.1111, 4111.1111.1111.1111.5, 1.4111.1111.1111.1111';
    expect(spans(paymentCardDetector, text)).toEqual([]);
  });
});

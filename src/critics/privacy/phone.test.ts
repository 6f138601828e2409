// Phone detector: formats, regions, cues for bare digits, and dates, counts and references it lets pass.
import { describe, expect, it } from 'vitest';
import type { Detector } from '../rule-critic.js';
import { tokenize } from '../text/tokens.js';
import { createPhoneDetector } from './phone.js';

function spans(detector: Detector, text: string): string[] {
  const input = { inputText: '', modelResponse: text, context: {}, traceId: 'detector-test' };
  return detector.detect(text, tokenize(text), input).map((v) => {
    expect(text.slice(v.span!.start, v.span!.end)).toBe(v.span!.text);
    return v.span!.text;
  });
}

describe('phone detector', () => {
  const phone = createPhoneDetector('US');

  it('reports national and international numbers', () => {
    expect(spans(phone, 'Call (415) 555-2671, +44 20 7946 0958 or +33 1 42 68 53 00.')).toEqual([
      '(415) 555-2671',
      '+44 20 7946 0958',
      '+33 1 42 68 53 00',
    ]);
  });

  it('reads a number of another region next to a phone word, and only there', () => {
    expect(spans(phone, 'tel. 06 55 43 03 95')).toEqual(['06 55 43 03 95']);
    expect(spans(phone, 'Call me on 07700 900123 tomorrow.')).toEqual(['07700 900123']);
    expect(spans(phone, 'Order number 06 45 21 94 25 has shipped.')).toEqual([]);
    expect(spans(phone, 'The ratio was 06 55 43 03 95 across the five runs.')).toEqual([]);
  });

  it('reads a number given with its country code when its length is possible there, allocated or not', () => {
    expect(spans(phone, 'Text me on +44 7700 900123 tonight.')).toEqual(['+44 7700 900123']);
    expect(spans(phone, 'The total rose by +1 234 this year.')).toEqual([]);
  });

  it('drops a trailing group that is not part of the number', () => {
    expect(spans(phone, 'Dial 415-555-2671 2 times.')).toEqual(['415-555-2671']);
  });

  it('needs a cue for bare digits and refuses reference numbers', () => {
    expect(spans(phone, 'The code 4155552671 expired.')).toEqual([]);
    expect(spans(phone, 'Text me on 4155552671.')).toEqual(['4155552671']);
    expect(spans(phone, 'Your order number is 4155552671; call about invoice #4155552671.')).toEqual([]);
  });

  it('does not read dates, times, versions, counts or amounts as numbers', () => {
    const text =
      'On 2024-01-31, 12/03/2024 and 12.03.2024 at 10:00, v1.2.3.4 sold 1 2 3 4 5 6 7 8 9 0 items for $4155552671.';
    expect(spans(phone, text)).toEqual([]);
  });

  it('refuses digits grouped unlike a phone number', () => {
    expect(spans(phone, 'The budget is 4 155 552 671 euros, or 41 55 55 26 71.')).toEqual([]);
  });

  it('reads numbers without a country code in the configured region', () => {
    expect(spans(createPhoneDetector('GB'), 'Ring 020 7946 0958 today.')).toEqual(['020 7946 0958']);
  });
});

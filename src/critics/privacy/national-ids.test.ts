// The national-id detector: a label, filler words only, then a number in groups; dates, ranges and placeholders are not.
import { describe, expect, it } from 'vitest';
import { tokenize } from '../text/tokens.js';
import { nationalIdDetector } from './national-ids.js';

function spans(text: string): string[] {
  const input = { inputText: text, modelResponse: '', context: {}, traceId: 'detector-test' };
  return nationalIdDetector.detect(text, tokenize(text), input).map((v) => {
    expect(text.slice(v.span!.start, v.span!.end)).toBe(v.span!.text);
    return v.span!.text;
  });
}

describe('nationalIdDetector', () => {
  it('reports a labelled number written in groups or in one piece, and only the number', () => {
    expect(spans('My Aadhaar number is 4567 8901 2345 and my phone is 555.')).toEqual(['4567 8901 2345']);
    expect(spans('CPF: 123.456.789-09')).toEqual(['123.456.789-09']);
    expect(spans('Spanish DNI 12345678Z')).toEqual(['12345678Z']);
    expect(spans('Italian codice fiscale RSSMRA85T10A562S')).toEqual(['RSSMRA85T10A562S']);
    expect(spans('Canadian SIN: 046 454 286')).toEqual(['046 454 286']);
    expect(spans('Steuer-ID 47 036 892 816')).toEqual(['47 036 892 816']);
  });

  it('leaves alone other words between label and number, dates, year ranges, placeholders and lower-case acronyms', () => {
    expect(spans('Medicare helpline 1800 633 427.')).toEqual([]);
    expect(spans('My CPF was updated on 12/03/2024.')).toEqual([]);
    expect(spans('DNI 2019-2024 renewal dates')).toEqual([]);
    expect(spans('Steuer-ID: 12 345 678 901')).toEqual([]);
    expect(spans("It's a sin 1234567 times over.")).toEqual([]);
    expect(spans('The PAN card application takes 7 days.')).toEqual([]);
    expect(spans('Aadhaar enrolment started in 2010 and 1.3 billion people have one.')).toEqual([]);
  });
});

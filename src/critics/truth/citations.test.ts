// Citation shapes: DOIs, the years that date citations, page and volume numbers, and the reference year.
import { describe, expect, it } from 'vitest';
import { tokenize } from '../text/tokens.js';
import { scanCitations } from './citations.js';
import { referenceYear } from './detectors.js';

function scan(text: string) {
  return scanCitations(text, tokenize(text));
}

describe('scanCitations', () => {
  it('judges the identifier after doi:, doi.org/ and "DOI 10."', () => {
    const text =
      'See doi:10.1038/nature12373, https://doi.org/10.1000/182 and (doi: 10.1016/S0140-6736(20)30183-5). ' +
      'Also doi:10.123/abc, DOI 10.12345 and dx.doi.org/11.1234/x.';
    expect(scan(text).invalidDois.map((v) => v.span!.text)).toEqual(['10.123/abc', '10.12345', '11.1234/x']);
  });

  it('leaves a DOI that is pending or not given alone', () => {
    expect(scan('DOI: pending. doi: n/a').invalidDois).toEqual([]);
  });

  it('finds the year of author-year, study and journal citations, not of dates and events', () => {
    const years = (text: string) => scan(text).years.map((c) => `${text.slice(c.start, c.end)}|${c.year}`);
    expect(years('As Smith et al. (2019) showed, and (Jones, 2020; Lee, 2021).')).toEqual([
      'Smith et al. (2019)|2019',
      'Jones, 2020|2020',
      'Lee, 2021|2021',
    ]);
    expect(years('(Smith, 2020)')).toEqual(['(Smith, 2020)|2020']);
    // An issue number after its volume is no year: "2(4682)".
    expect(years('British Medical Journal, 2(4682), 739-748.')).toEqual([]);
    expect(years('Smith (2018) found it; according to a 2017 survey; a 2016 report showed.')).toEqual([
      'Smith (2018)|2018',
      'according to a 2017 survey|2017',
      '2016 report showed|2016',
    ]);
    expect(years('Journal of Cardiology, vol. 12 (2015), pp. 3-9.')).toEqual([
      'Journal of Cardiology, vol. 12 (2015)|2015',
    ]);
    expect(years('The Magna Carta (1215) and the 2032 Olympics; on 12/03/2024 we met in 2024.')).toEqual([]);
  });

  it('flags volume 0 and page ranges that end before they start, reading abbreviated ranges in full', () => {
    const numbers = (text: string) => scan(text).implausibleNumbers.map((v) => v.span!.text);
    expect(numbers('vol. 0, pp. 39–3; pp. 0-4')).toEqual(['vol. 0', 'pp. 39–3', 'pp. 0-4']);
    expect(numbers('vol. 3, pp. 3–9; pp. 123–45; pp. 1021-9')).toEqual([]);
  });
});

describe('referenceYear', () => {
  const clock = () => new Date('2030-07-01T00:00:00Z');
  it.each([
    [new Date('2024-05-01T00:00:00Z'), 2024],
    [Date.UTC(2023, 0, 1), 2023],
    ['2022-12-31T23:00:00Z', 2022],
    ['not a date', 2030],
    [undefined, 2030],
    [{}, 2030],
  ])('reads context.now = %s as %i', (now, year) => {
    expect(referenceYear(now === undefined ? {} : { now }, clock)).toBe(year);
  });
});

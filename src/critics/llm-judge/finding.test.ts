// Tests of verdict-to-Finding mapping: span offsets, rule namespacing, extra fields.
import { describe, expect, it } from 'vitest';
import { findSpan, verdictToFinding } from './finding.js';
import type { Verdict } from './verdict.js';

const judge = { name: 'truthful', principle: 'Truthfulness', model: 'm' };
const verdict = (violations: Verdict['violations']): Verdict => ({
  score: 0.5,
  severity: 1,
  violations,
  justification: 'j',
  uncertainty: 0.2,
});

describe('findSpan', () => {
  it('finds the first occurrence with UTF-16 offsets (emoji and accents before it)', () => {
    const text = 'Café 👍 — the moon is cheese. Really, the moon is cheese.';
    const span = findSpan(text, 'the moon is cheese');
    expect(span).toEqual({ start: 10, end: 28, text: 'the moon is cheese' });
    expect(text.slice(span!.start, span!.end)).toBe('the moon is cheese');
  });

  it('ignores whitespace around the quote, and gives nothing for an empty, null or absent quote', () => {
    expect(findSpan('abc def', '  def\n')).toEqual({ start: 4, end: 7, text: 'def' });
    expect(findSpan('abc', '   ')).toBeUndefined();
    expect(findSpan('abc', null)).toBeUndefined();
    expect(findSpan('abc', undefined)).toBeUndefined();
    expect(findSpan('abc', 'abcd')).toBeUndefined();
  });
});

describe('verdictToFinding', () => {
  it('namespaces rule ids without doubling an existing prefix', () => {
    const finding = verdictToFinding(
      verdict([
        { rule: 'fabrication', message: 'a', severity: 1 },
        { rule: 'truthful.fabrication', message: 'b', severity: 1 },
        { rule: ' spaced ', message: 'c', severity: 1 },
      ]),
      judge,
      'text',
    );
    expect(finding.violations.map((v) => v.rule)).toEqual([
      'truthful.fabrication',
      'truthful.fabrication',
      'truthful.spaced',
    ]);
  });

  it('keeps the extra fields given, and the judge fields win over them', () => {
    const finding = verdictToFinding(verdict([]), judge, '', { repaired: true, judge: false, score: 9 });
    expect(finding).toEqual({
      repaired: true,
      judge: true,
      score: 0.5,
      severity: 1,
      violations: [],
      justification: 'j',
      principle: 'Truthfulness',
      uncertainty: 0.2,
      model: 'm',
    });
  });
});

// The truth critic: conformance, plus requires, hedges, negation and the reference year from context.now.
import { describe, expect, it } from 'vitest';
import { describeBuiltinCritic } from '../../../test/support/critic-conformance.js';
import { TRUTH_FIXTURES } from './fixtures.js';
import { createTruthCritic } from './index.js';

describeBuiltinCritic(createTruthCritic(), TRUTH_FIXTURES);

const critic = createTruthCritic({ now: () => new Date('2025-06-01T00:00:00Z') });

function rules(modelResponse: string, context: Record<string, unknown> = {}): string[] {
  return critic.evaluate({ inputText: '', modelResponse, context, traceId: 't' }).violations.map((v) => v.rule);
}

describe('truth critic', () => {
  it('flags certainty only in a sentence with a medical, legal or financial term', () => {
    expect(rules('It is certain that it will rain.')).toEqual([]);
    expect(rules('It is certain that this supplement cures cancer.')).toContain('truth.medical_overclaim');
    expect(rules('It is certain that it will rain. This supplement helps.')).toEqual([]);
  });

  it('reports the matched span with offsets into the response', () => {
    const text = 'Good news. You will definitely win the case.';
    const [v] = critic.evaluate({ inputText: '', modelResponse: text, context: {}, traceId: 't' }).violations;
    expect(v).toMatchObject({ rule: 'truth.legal_overclaim', clause: 'U3', severity: 2, source: 'response' });
    expect(text.slice(v!.span!.start, v!.span!.end)).toBe('will definitely win');
  });

  it('lets a hedge or an attribution in the same sentence cancel a claim, but not one in another sentence', () => {
    expect(rules('This drug may cure some infections.')).toEqual([]);
    expect(rules('Studies show this drug cures cancer (Smith et al., 2019).')).not.toContain(
      'truth.unattributed_claim',
    );
    expect(rules('This drug will cure cancer. Some trials may be wrong.')).toContain('truth.cure_claim');
  });

  it('reads the reference year from context.now as a Date, epoch milliseconds or an ISO string', () => {
    const text = 'Smith et al. (2027) reported that the drug halves the risk.';
    expect(rules(text, { now: new Date('2026-01-01T00:00:00Z') })).toContain('truth.future_citation');
    expect(rules(text, { now: Date.UTC(2026, 0, 1) })).toContain('truth.future_citation');
    expect(rules(text, { now: '2027-03-01' })).not.toContain('truth.future_citation');
  });

  it('falls back to its clock when context.now is missing or invalid', () => {
    const text = 'A 2026 study found that coffee prevents dementia.';
    expect(rules(text)).toContain('truth.future_citation');
    expect(rules(text, { now: 'not a date' })).toContain('truth.future_citation');
    const later = createTruthCritic({ now: () => new Date('2030-01-01T00:00:00Z') });
    const finding = later.evaluate({ inputText: '', modelResponse: text, context: {}, traceId: 't' });
    expect(finding.violations).toEqual([]);
  });

  it('does not read the user input for claims or citations', () => {
    const finding = critic.evaluate({
      inputText: 'My friend says this will cure cancer, see doi:10.1/x. Is that true?',
      modelResponse: 'No: there is no evidence for that.',
      context: {},
      traceId: 't',
    });
    expect(finding.violations).toEqual([]);
  });
});

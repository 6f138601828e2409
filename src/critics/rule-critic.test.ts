import { describe, expect, it } from 'vitest';
import { createRuleCritic, type PhraseRule } from './rule-critic.js';

function critic(rule: Partial<PhraseRule>, detectorSeen?: (context: unknown) => void) {
  return createRuleCritic({
    name: 'demo',
    version: '1.0.0',
    principle: 'Demo',
    description: 'test critic',
    ruleset: {
      version: '1.0.0',
      rules: [{ id: 'demo.rule', message: 'm', severity: 2, patterns: ['stop taking'], ...rule }],
    },
    detectors: detectorSeen
      ? [{ id: 'demo.detector', target: 'response', detect: (_t, _k, input) => (detectorSeen(input.context), []) }]
      : [],
  });
}

const run = (c: ReturnType<typeof critic>, modelResponse: string, inputText = '') =>
  c.evaluate({ inputText, modelResponse, context: { now: 1 }, traceId: 't' });

describe('createRuleCritic', () => {
  it('reports a violation with rule, clause, span, source and escalation', () => {
    const f = run(critic({ clause: 'A3', escalate: true }), 'You should stop taking it.');
    expect(f.violations).toEqual([
      {
        rule: 'demo.rule',
        message: 'm',
        severity: 2,
        clause: 'A3',
        escalate: true,
        source: 'response',
        span: { start: 11, end: 22, text: 'stop taking' },
      },
    ]);
    expect(f).toMatchObject({ severity: 2, score: 2 / 3, principle: 'Demo', escalation: { tier: 3, clause: 'A3' } });
  });

  it('cancels a match preceded by a negation, unless negations are off', () => {
    expect(run(critic({}), 'Do not stop taking it.').violations).toEqual([]);
    expect(run(critic({ negations: false }), 'Do not stop taking it.').violations).toHaveLength(1);
  });

  it('fires a rule with requires only when a required phrase is in the same sentence', () => {
    const c = critic({ requires: ['insulin|medication'] });
    expect(run(c, 'Stop taking your insulin.').violations).toHaveLength(1);
    expect(run(c, 'Stop taking breaks. Insulin is in the fridge.').violations).toEqual([]);
  });

  it('cancels a rule in a sentence with an unless phrase', () => {
    const c = critic({ unless: ['talk to your doctor'] });
    expect(run(c, 'Stop taking it only after you talk to your doctor.').violations).toEqual([]);
    expect(run(c, 'Stop taking it. Later, talk to your doctor.').violations).toHaveLength(1);
  });

  it('reads the response by default, the input for input rules', () => {
    expect(run(critic({}), '', 'stop taking it').violations).toEqual([]);
    const inputRule = critic({ target: 'input' });
    expect(run(inputRule, '', 'stop taking it').violations[0]).toMatchObject({ source: 'input' });
  });

  it('gives detectors the whole input', () => {
    let seen: unknown;
    run(
      critic({}, (context) => (seen = context)),
      'text',
    );
    expect(seen).toEqual({ now: 1 });
  });
});

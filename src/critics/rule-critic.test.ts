// The rule critic: violations with spans and escalation, negations, requires/unless, targets, detectors, options.
import { describe, expect, it } from 'vitest';
import { createRuleCritic, type Detector, type PhraseRule } from './rule-critic.js';

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
  it('reads the normalised text and reports spans in the original text of each side', () => {
    const both = critic({ target: 'both' });
    const obfuscated = 'You should ѕtор\u200B tаking it.'; // Cyrillic ѕ, о, р, а and a zero-width space
    const f = run(both, obfuscated, 'Please 5t0p t4k1ng it.');
    expect(f.violations.map((v) => [v['side'], v['source'], v.span])).toEqual([
      ['input', 'input', { start: 7, end: 18, text: '5t0p t4k1ng' }],
      ['response', 'response', { start: 11, end: 23, text: 'ѕtор\u200B tаking' }],
    ]);
  });

  it('maps detector spans back to the original text', () => {
    const digits: Detector = {
      id: 'demo.digits',
      target: 'response',
      detect: (text) => {
        const at = text.indexOf('1234');
        return at < 0
          ? []
          : [{ rule: 'demo.digits', message: 'd', severity: 1, span: { start: at, end: at + 4, text: '1234' } }];
      },
    };
    const c = createRuleCritic({
      name: 'demo',
      version: '1.0.0',
      principle: 'Demo',
      description: 'test critic',
      ruleset: { version: '1.0.0', rules: [] },
      detectors: [digits],
    });
    const f = run(c, 'code: １２\u200B３４!');
    expect(f.violations[0]).toMatchObject({ side: 'response', span: { start: 6, end: 11, text: '１２\u200B３４' } });
  });

  it('reads leetspeak only around its tokens and keeps what the plain text matched', () => {
    const long = 'Stop taking it. '.repeat(40) + 'Then st0p t4k1ng the rest.';
    const f = run(critic({ negations: false }), long);
    expect(f.violations).toHaveLength(41);
    expect(f.violations.at(-1)!.span).toEqual({ start: 645, end: 656, text: 'st0p t4k1ng' });
  });

  it('reports a violation with rule, clause, span, side (and source) and escalation', () => {
    const f = run(critic({ clause: 'A3', escalate: true }), 'You should stop taking it.');
    expect(f.violations).toEqual([
      {
        rule: 'demo.rule',
        message: 'm',
        severity: 2,
        clause: 'A3',
        escalate: true,
        source: 'response',
        side: 'response',
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

  it('fires a rule with requiresAlso only when a phrase of each list is in the same sentence', () => {
    const c = critic({ requires: ['insulin|medication'], requiresAlso: ['today|now'] });
    expect(run(c, 'Stop taking your insulin today.').violations).toHaveLength(1);
    expect(run(c, 'Stop taking your insulin.').violations).toEqual([]);
    expect(run(c, 'Stop taking it today.').violations).toEqual([]);
    expect(run(c, 'Stop taking your insulin. Do it today.').violations).toEqual([]);
  });

  it('refuses a pattern or list entry whose [optional] elements or {SLOT}s were never expanded', () => {
    expect(() => critic({ patterns: ['stop [taking] it'] })).toThrow(/demo.rule pattern 'stop \[taking\] it'/);
    expect(() => critic({ requires: ['{DRUG}'] })).toThrow(/requires\/requiresAlso\/unless entry '\{DRUG\}'/);
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

describe('createRuleCritic with detectors and options', () => {
  const base = { name: 'test', version: '1.0.0', principle: 'Testing', description: 'test rules' };
  const input = (modelResponse: string, inputText = '') => ({ inputText, modelResponse, context: {}, traceId: 't' });
  const rules: PhraseRule[] = [{ id: 'test.rule', message: 'm', severity: 2, patterns: ['hello there', 'there'] }];

  it('reads only the texts its rules and detectors target', () => {
    const seen: string[] = [];
    const detector: Detector = { id: 'test.detector', target: 'input', detect: (text) => (seen.push(text), []) };
    const c = createRuleCritic({ ...base, ruleset: { version: '1.0.0', rules }, detectors: [detector] });
    const finding = c.evaluate(input('over there', 'there input'));
    expect(finding.violations.map((v) => v['source'])).toEqual(['response']);
    expect(seen).toEqual(['there input']);
    expect(c.ruleIds).toEqual(['test.rule', 'test.detector']);
  });

  it('caps the violations of each rule and each detector when asked, and passes the overlap policy on', () => {
    const many: Detector = {
      id: 'test.detector',
      target: 'response',
      detect: () => Array.from({ length: 9 }, () => ({ rule: 'test.detector', message: 'd', severity: 1 })),
    };
    const text = 'hello there. '.repeat(9);
    const count = (finding: { violations: { rule: string }[] }, rule: string) =>
      finding.violations.filter((v) => v.rule === rule).length;
    const ruleset = { version: '1.0.0', rules };
    const capped = createRuleCritic({ ...base, ruleset, detectors: [many], maxViolationsPerRule: 4 });
    expect(count(capped.evaluate(input(text)), 'test.rule')).toBe(4);
    expect(count(capped.evaluate(input(text)), 'test.detector')).toBe(4);
    const uncapped = createRuleCritic({ ...base, ruleset, detectors: [many] });
    expect(count(uncapped.evaluate(input(text)), 'test.rule')).toBe(18);
    expect(count(uncapped.evaluate(input(text)), 'test.detector')).toBe(9);
    const merged = createRuleCritic({ ...base, ruleset, overlaps: 'merge' });
    expect(count(merged.evaluate(input(text)), 'test.rule')).toBe(9);
  });

  it('lists a regular expression several detectors share once', () => {
    const shared = /x/u;
    const detector = (id: string): Detector => ({ id, target: 'response', regexes: [shared], detect: () => [] });
    const c = createRuleCritic({
      ...base,
      ruleset: { version: '1.0.0', rules },
      detectors: [detector('a'), detector('b')],
    });
    expect(c.regexes).toEqual([shared]);
  });
});

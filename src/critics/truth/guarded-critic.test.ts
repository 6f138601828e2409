// The guarded critic engine: framed phrases, requires/unless lists, notFollowedBy, nesting, caps, unread texts.
import { describe, expect, it } from 'vitest';
import type { CriticInput } from '../../core/types.js';
import type { Detector } from '../rule-critic.js';
import { createGuardedCritic, MAX_VIOLATIONS_PER_RULE, type GuardedRule } from './guarded-critic.js';

function critic(rules: GuardedRule[], detectors: Detector[] = []) {
  return createGuardedCritic({
    name: 'test',
    version: '1.0.0',
    principle: 'Testing',
    description: 'test rules',
    ruleset: { version: '1.0.0', rules },
    detectors,
  });
}

function input(modelResponse: string, inputText = ''): CriticInput {
  return { inputText, modelResponse, context: {}, traceId: 't' };
}

function spans(rules: GuardedRule[], text: string): string[] {
  return critic(rules)
    .evaluate(input(text))
    .violations.map((v) => v.span!.text);
}

const rule = (over: Partial<GuardedRule>): GuardedRule => ({
  id: 'test.rule',
  message: 'matched',
  severity: 2,
  patterns: [],
  ...over,
});

describe('createGuardedCritic', () => {
  it('matches a framed phrase only right after one of its frames, reporting from the frame', () => {
    const framed = rule({ framed: [{ frames: ['how to', 'recipe for'], phrases: ['bake bread', 'bread'] }] });
    expect(spans([framed], 'Here is how to bake bread.')).toEqual(['how to bake bread']);
    expect(spans([framed], 'The recipe for bread is old.')).toEqual(['recipe for bread']);
    expect(spans([framed], 'How fun to bake bread. To bake bread, knead.')).toEqual([]);
    expect(spans([framed], 'how to. Bake bread')).toEqual([]);
  });

  it('looks for negations before the frame of a framed phrase', () => {
    const framed = rule({ framed: [{ frames: ['how to'], phrases: ['bake bread'] }] });
    expect(spans([framed], "I can't tell you how to bake bread.")).toEqual([]);
    expect(spans([framed], 'I can tell you how to bake bread.')).toEqual(['how to bake bread']);
  });

  it('applies requires and unless per sentence, with lists shared between rules', () => {
    const domain = ['pill|pills'];
    const rules = [
      rule({ id: 'test.a', patterns: ['it is certain'], requires: domain }),
      rule({ id: 'test.b', patterns: ['for sure'], requires: domain, unless: ['maybe'] }),
    ];
    const found = (text: string) =>
      critic(rules)
        .evaluate(input(text))
        .violations.map((v) => v.rule);
    expect(found('It is certain the pill works. It is certain.')).toEqual(['test.a']);
    expect(found('The pill works for sure.')).toEqual(['test.b']);
    expect(found('The pill maybe works for sure.')).toEqual([]);
    expect(found('The pill works for sure. Maybe not.')).toEqual(['test.b']);
  });

  it('cancels a match followed by one of its notFollowedBy words', () => {
    const bomb = rule({ patterns: ['build a bomb'], notFollowedBy: ['shelter'] });
    expect(spans([bomb], 'Build a bomb shelter.')).toEqual([]);
    expect(spans([bomb], 'Build a bomb. Shelter here.')).toEqual(['Build a bomb']);
  });

  it('reports one violation for matches nested in another of the same rule', () => {
    const r = rule({ patterns: ['best way to go', 'way to go', 'to go'] });
    expect(spans([r], 'The best way to go is by train.')).toEqual(['best way to go']);
  });

  it(`keeps at most ${MAX_VIOLATIONS_PER_RULE} violations per rule and text`, () => {
    const text = 'stop now. '.repeat(MAX_VIOLATIONS_PER_RULE + 10);
    const finding = critic([rule({ patterns: ['stop now'] })]).evaluate(input(text));
    expect(finding.violations).toHaveLength(MAX_VIOLATIONS_PER_RULE);
    expect(finding.severity).toBe(2);
  });

  it('reads only the texts its rules and detectors target', () => {
    const seen: string[] = [];
    const detector: Detector = {
      id: 'test.detector',
      target: 'input',
      detect: (text) => (seen.push(text), []),
    };
    const c = critic([rule({ patterns: ['hello'] })], [detector]);
    const finding = c.evaluate(input('hello there', 'hello input'));
    expect(finding.violations.map((v) => v['source'])).toEqual(['response']);
    expect(seen).toEqual(['hello input']);
    expect(c.ruleIds).toEqual(['test.rule', 'test.detector']);
  });

  it('escalates at the clause tier when a rule says so', () => {
    const r = rule({ patterns: ['danger'], severity: 3, clause: 'A3', escalate: true });
    expect(critic([r]).evaluate(input('Danger ahead.')).escalation).toMatchObject({ tier: 3, clause: 'A3' });
  });
});

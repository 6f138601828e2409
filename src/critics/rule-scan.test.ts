// Scanning a text with compiled rules: framed phrases, requires/unless, notFollowedBy, overlapping matches, the cap.
import { describe, expect, it } from 'vitest';
import type { Violation } from '../core/types.js';
import { compileRuleset } from './rule-compile.js';
import type { PhraseRule } from './rule-critic.js';
import { scanRules, type ScanOptions } from './rule-scan.js';
import { tokenize } from './text/tokens.js';

const START: ScanOptions = { overlaps: 'start', maxViolationsPerRule: Infinity };
const MERGE: ScanOptions = { overlaps: 'merge', maxViolationsPerRule: Infinity };

function scan(rules: PhraseRule[], text: string, options: ScanOptions = START) {
  const out: Violation[] = [];
  scanRules(compileRuleset(rules), text, tokenize(text), 'response', options, out);
  return out;
}

const spans = (rules: PhraseRule[], text: string, options?: ScanOptions): string[] =>
  scan(rules, text, options).map((v) => v.span!.text);

const rule = (over: Partial<PhraseRule>): PhraseRule => ({
  id: 'test.rule',
  message: 'matched',
  severity: 2,
  patterns: [],
  ...over,
});

describe('scanRules', () => {
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
      rule({ id: 'test.b', patterns: ['for sure'], requires: [...domain], unless: ['maybe'] }),
    ];
    const found = (text: string) => scan(rules, text).map((v) => v.rule);
    expect(found('It is certain the pill works. It is certain.')).toEqual(['test.a']);
    expect(found('The pill works for sure.')).toEqual(['test.b']);
    expect(found('The pill maybe works for sure.')).toEqual([]);
    expect(found('The pill works for sure. Maybe not.')).toEqual(['test.b']);
  });

  it('reads a phrase that two lists share for both of them', () => {
    const rules = [
      rule({ id: 'test.a', patterns: ['for sure'], requires: ['pill'] }),
      rule({ id: 'test.b', patterns: ['for sure'], unless: ['maybe', 'pill'] }),
    ];
    const found = (text: string) => scan(rules, text).map((v) => v.rule);
    expect(found('The pill works for sure.')).toEqual(['test.a']);
    expect(found('It works for sure. The pill.')).toEqual(['test.b']);
  });

  it('cancels a match followed by one of its notFollowedBy words in the same sentence', () => {
    const bomb = rule({ patterns: ['build a bomb'], notFollowedBy: ['Shelter'] });
    expect(spans([bomb], 'Build a bomb shelter.')).toEqual([]);
    expect(spans([bomb], 'Build a bomb. Shelter here.')).toEqual(['Build a bomb']);
  });

  it("'merge' reports one violation for matches nested in another of the same rule", () => {
    const r = rule({ patterns: ['to go', 'way to go', 'best way to go'] });
    expect(spans([r], 'The best way to go is by train.', MERGE)).toEqual(['best way to go']);
  });

  it("'start' reports one violation per word a match starts at, from the first pattern to match there", () => {
    const r = rule({ patterns: ['to go', 'way to', 'way to go', 'best way to go'] });
    expect(spans([r], 'The best way to go is by train.', START)).toEqual(['best way to go', 'way to', 'to go']);
  });

  it("'start' tries patterns that start with a word before those that start with a stem", () => {
    const r = rule({ patterns: ['runn* fast', 'running'] });
    expect(spans([r], 'Stop running fast.', START)).toEqual(['running']);
  });

  it('matches a pattern two rules share once, for each of them', () => {
    const rules = [rule({ id: 'test.a', patterns: ['for sure'] }), rule({ id: 'test.b', patterns: ['for sure'] })];
    for (const options of [START, MERGE]) {
      expect(scan(rules, 'It works for sure.', options).map((v) => v.rule)).toEqual(['test.a', 'test.b']);
    }
  });

  it('keeps at most maxViolationsPerRule violations of each rule', () => {
    const rules = [rule({ id: 'test.a', patterns: ['stop now'] }), rule({ id: 'test.b', patterns: ['now'] })];
    const text = 'stop now. '.repeat(10);
    for (const overlaps of ['start', 'merge'] as const) {
      const found = scan(rules, text, { overlaps, maxViolationsPerRule: 3 }).map((v) => v.rule);
      expect(found).toEqual(['test.a', 'test.b', 'test.a', 'test.b', 'test.a', 'test.b']);
    }
  });
});

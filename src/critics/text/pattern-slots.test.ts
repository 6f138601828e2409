// Unit tests of the pattern-template expander shared by the rights, autonomy, fairness and risk rules.
import { describe, expect, it } from 'vitest';
import { compilePattern } from './phrases.js';
import { expand, framed } from './pattern-slots.js';

describe('expand', () => {
  it('makes one pattern per combination of slot values, in order', () => {
    expect(expand(['{A} are {B}', 'plain'], { A: ['x', 'y z'], B: ['p|q'] })).toEqual([
      'x are p|q',
      'y z are p|q',
      'plain',
    ]);
  });

  it('drops an empty optional slot without leaving double spaces', () => {
    expect(expand(['kill {D} {G}'], { D: ['', 'all|the'], G: ['jews'] })).toEqual(['kill jews', 'kill all|the jews']);
  });

  it('gives every variant with and without each optional element', () => {
    expect(expand(['make [a|the] [pipe] bomb'])).toEqual([
      'make bomb',
      'make pipe bomb',
      'make a|the bomb',
      'make a|the pipe bomb',
    ]);
    expect(expand(['plain words'])).toEqual(['plain words']);
  });

  it('expands optional elements that slot values bring, frame by frame', () => {
    expect(expand(['how to {O}', 'ways to {O}'], { O: ['[a] cake'] })).toEqual([
      'how to cake',
      'how to a cake',
      'ways to cake',
      'ways to a cake',
    ]);
  });

  it('gives each pattern once', () => {
    expect(expand(['[a] b', 'a b', '{X} b'], { X: ['', 'a'] })).toEqual(['b', 'a b']);
  });

  it('refuses a malformed optional element', () => {
    expect(() => expand(['make [a bomb]'])).toThrow(/malformed/);
    expect(() => expand(['make []'])).toThrow(/malformed/);
  });

  it('gives patterns the phrase compiler accepts', () => {
    for (const source of expand(['{D} x ... y', '{D} [z] y'], { D: ['a', 'b|c d'] }))
      expect(() => compilePattern(source, null)).not.toThrow();
  });
});

describe('framed', () => {
  it('expands both sides of framed phrases', () => {
    expect(framed(['how to [really]'], ['bake [a] cake'])).toEqual({
      frames: ['how to', 'how to really'],
      phrases: ['bake cake', 'bake a cake'],
    });
  });
});

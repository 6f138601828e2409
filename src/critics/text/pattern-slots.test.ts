// Unit tests of the pattern-slot expander shared by the rights, autonomy and fairness rules.
import { describe, expect, it } from 'vitest';
import { compilePattern } from '../text/phrases.js';
import { expand } from './pattern-slots.js';

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

  it('gives patterns the phrase compiler accepts', () => {
    for (const source of expand(['{D} x ... y'], { D: ['a', 'b|c d'] }))
      expect(() => compilePattern(source, null)).not.toThrow();
  });
});

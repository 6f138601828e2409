// Pattern templates: optional elements expand into every variant; malformed templates are refused.
import { describe, expect, it } from 'vitest';
import { combine, expand, framed } from './templates.js';

describe('expand', () => {
  it('gives every variant with and without each optional element', () => {
    expect(expand('make [a|the] [pipe] bomb')).toEqual([
      'make bomb',
      'make pipe bomb',
      'make a|the bomb',
      'make a|the pipe bomb',
    ]);
    expect(expand('plain words')).toEqual(['plain words']);
  });

  it('refuses a malformed optional element', () => {
    expect(() => expand('make [a bomb]')).toThrow(/malformed/);
    expect(() => expand('make []')).toThrow(/malformed/);
  });
});

describe('combine and framed', () => {
  it('puts every frame before every object', () => {
    expect(combine(['how to', 'ways to'], ['[a] cake'])).toEqual([
      'how to cake',
      'how to a cake',
      'ways to cake',
      'ways to a cake',
    ]);
  });

  it('expands both sides of framed phrases', () => {
    expect(framed(['how to [really]'], ['bake [a] cake'])).toEqual({
      frames: ['how to', 'how to really'],
      phrases: ['bake cake', 'bake a cake'],
    });
  });
});

// Unit tests of eval's line checking: a good row's defaults, and bad lines that name field, expectation and value.
import { describe, expect, it } from 'vitest';
import { parseLine } from './data.js';

describe('parseLine', () => {
  it('fills in the id, prompt, category and source a row leaves out', () => {
    const item = parseLine('{"text":"hi","side":"input","label":"benign","note":"extra"}', '/d/rows.jsonl', 7);
    expect(item).toEqual({
      row: {
        id: 'rows.jsonl:7',
        file: '/d/rows.jsonl',
        line: 7,
        text: 'hi',
        side: 'input',
        prompt: '',
        label: 'benign',
        category: '(none)',
        source: '(none)',
      },
    });
  });

  it('keeps a numeric id as text', () => {
    const item = parseLine('{"id":42,"text":"a","side":"response","prompt":"q","label":"harmful"}', 'f', 1);
    expect('row' in item && item.row.id).toBe('42');
  });

  it('names the field, what was expected and what was given', () => {
    expect(parseLine('{"text":"a","side":"both","label":"benign"}', 'f.jsonl', 3)).toEqual({
      bad: {
        file: 'f.jsonl',
        line: 3,
        field: 'side',
        message: 'side: expected one of "input" | "response", got "both"',
      },
    });
    expect(parseLine('{"side":"input","label":"benign"}', 'f', 1)).toMatchObject({
      bad: { field: 'text', message: 'text: expected string, got nothing' },
    });
    expect(parseLine('{"text":["a"],"side":"input","label":"benign"}', 'f', 1)).toMatchObject({
      bad: { field: 'text', message: 'text: expected string, got ["a"]' },
    });
  });

  it('reports a line that is not a JSON object', () => {
    expect(parseLine('[1,2]', 'f', 2)).toMatchObject({
      bad: { field: '(line)', message: 'expected a JSON object, got [1,2]' },
    });
    expect(parseLine('{oops', 'f', 9)).toMatchObject({ bad: { line: 9, field: '(line)' } });
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeError, EleanorError, ERROR_CODES, isEleanorError } from './errors.js';

describe('EleanorError', () => {
  it('carries its code, message and cause', () => {
    const cause = new Error('root');
    const error = new EleanorError('INVALID_INPUT', 'input.inputText: expected a string', { cause });
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.cause).toBe(cause);
    expect(error).toBeInstanceOf(Error);
    expect(isEleanorError(error)).toBe(true);
  });

  it('is recognised by its brand, not by its class', () => {
    expect(isEleanorError(new Error('x'))).toBe(false);
    expect(isEleanorError({ code: 'INVALID_INPUT' })).toBe(false);
    expect(isEleanorError(null)).toBe(false);
    expect(isEleanorError({ [Symbol.for('eleanor.error')]: true })).toBe(true);
  });

  it('describes errors with their class name', () => {
    class MyCriticFailure extends Error {}
    expect(describeError(new MyCriticFailure('boom'))).toBe('MyCriticFailure: boom');
    expect(describeError('plain string')).toBe('NonError: plain string');
  });

  it('has every code listed in docs/errors.md, and nothing more', () => {
    const doc = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
    const documented = [...doc.matchAll(/^## `([A-Z_]+)`/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual([...ERROR_CODES].sort());
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EleanorError } from '../core/errors.js';
import { HTTP_ERROR_CODES, HttpError, toErrorAnswer } from './errors.js';

describe('HTTP error answers', () => {
  it('lists every HTTP error code in docs/http.md, and nothing more', () => {
    const doc = readFileSync(new URL('../../docs/http.md', import.meta.url), 'utf8');
    const table = doc.slice(doc.indexOf('## Errors'), doc.indexOf('## Readiness'));
    const listed = [...table.matchAll(/^\| `([A-Z_]+)`\s+\| \d{3}/gm)].map((m) => m[1]);
    // INVALID_INPUT is the engine's code, answered for request validation too.
    expect(listed.sort()).toEqual([...HTTP_ERROR_CODES, 'INVALID_INPUT'].sort());
  });

  it('maps engine errors by code, with the field path under the body', () => {
    expect(toErrorAnswer(new EleanorError('INVALID_INPUT', 'context.a: expected…', { path: 'context.a' }))).toEqual({
      status: 400,
      body: { code: 'INVALID_INPUT', message: 'context.a: expected…', path: 'body.context.a' },
    });
    expect(toErrorAnswer(new EleanorError('EVIDENCE_NOT_FOUND', 'none')).status).toBe(404);
    expect(toErrorAnswer(new EleanorError('EVIDENCE_TAMPERED', 'record 3')).status).toBe(409);
    expect(toErrorAnswer(new EleanorError('REVIEW_CONFLICT', 'twice')).status).toBe(409);
    expect(toErrorAnswer(new EleanorError('MODEL_ERROR', 'down')).status).toBe(502);
    expect(toErrorAnswer(new HttpError(429, 'RATE_LIMITED', 'slow down', '', { 'retry-after': '3' }))).toEqual({
      status: 429,
      body: { code: 'RATE_LIMITED', message: 'slow down', path: '' },
      headers: { 'retry-after': '3' },
    });
  });

  it('hides the details of an unexpected error behind INTERNAL', () => {
    expect(toErrorAnswer(new TypeError('x is undefined'))).toEqual({
      status: 500,
      body: { code: 'INTERNAL', message: 'an internal error occurred; it has been logged', path: '' },
    });
  });
});

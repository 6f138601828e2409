import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { checkConfig } from './config-issues.js';

function problems(schema: z.ZodType, value: unknown): string[] {
  const checked = checkConfig(schema, value);
  expect(checked.success).toBe(false);
  return checked.success ? [] : checked.problems;
}

const store = z.union([
  z.enum(['sqlite', 'postgres']),
  z.custom<{ append: () => void }>((v) => typeof (v as { append?: unknown } | null)?.append === 'function', {
    message: 'expected a store object',
  }),
]);

describe('checkConfig', () => {
  it('reports a union of a string enum and a custom object by the enum: its values and the string given', () => {
    expect(problems(z.object({ store }), { store: 'mysql' })).toEqual([
      "store: expected 'sqlite' or 'postgres', got 'mysql'",
    ]);
  });

  it('lists what every branch takes when no branch takes the given kind', () => {
    expect(problems(z.object({ store }), { store: 5 })).toEqual([
      "store: expected 'sqlite' or 'postgres', or a store object, got 5",
    ]);
  });

  it('descends into nested unions, to the branch that takes the value’s kind, with the full path', () => {
    const schema = z.object({
      a: z.union([
        z.boolean(),
        z.object({ mode: z.union([z.literal('x'), z.object({ n: z.number().int().min(1) })]) }).strict(),
      ]),
    });
    expect(problems(schema, { a: { mode: { n: 0 } } })).toEqual(['a.mode.n: expected at least 1, got 0']);
    expect(problems(schema, { a: { mode: 'y' } })).toEqual(["a.mode: expected 'x', got 'y'"]);
    expect(problems(schema, { a: 'yes' })).toEqual(["a: expected true or false, or an object, got 'yes'"]);
  });

  it('picks the object branch with the fewest unknown and missing settings', () => {
    const schema = z.union([
      z.object({ judge: z.string(), level: z.number().optional() }).strict(),
      z.object({ level: z.number().optional() }).strict(),
    ]);
    expect(problems(schema, { level: 'high' })).toEqual(["level: expected a number, got 'high'"]);
  });

  it('names the type, the bound and the size given', () => {
    const schema = z.object({
      n: z.number().int().max(3),
      s: z.string().min(3),
      e: z.string().min(1),
      list: z.array(z.string()).min(1),
      missing: z.string(),
    });
    expect(problems(schema, { n: 1.5, s: 'ab', e: '', list: [] })).toEqual([
      'n: expected an integer, got 1.5',
      's: expected at least 3 characters, got 2',
      "e: expected a non-empty string, got ''",
      'list: expected at least 1 item, got 0',
      'missing: expected a string, got nothing',
    ]);
  });

  it('suggests the nearest known setting for an unknown one, else lists the known ones', () => {
    const schema = z.object({ failurePolicy: z.string().optional(), timeoutMs: z.number().optional() }).strict();
    expect(problems(schema, { failurPolicy: 'x' })).toEqual([
      "failurPolicy: unknown setting; did you mean 'failurePolicy'?",
    ]);
    expect(problems(schema, { colour: 'x' })).toEqual([
      'colour: unknown setting; expected one of failurePolicy, timeoutMs',
    ]);
  });

  it('shows a secret only by its length', () => {
    expect(problems(z.object({ apiKey: z.string().min(32) }), { apiKey: 'hunter2' })).toEqual([
      'apiKey: expected at least 32 characters, got 7',
    ]);
    expect(problems(z.object({ secret: z.enum(['a']) }), { secret: 'hunter2' })).toEqual([
      "secret: expected 'a', got a string of 7 characters",
    ]);
  });

  it('keeps a refinement’s own sentence as written', () => {
    const schema = z
      .object({ a: z.number(), b: z.number() })
      .refine((v) => v.a <= v.b, { message: 'a must not exceed b', path: ['a'] });
    expect(problems(schema, { a: 2, b: 1 })).toEqual(['a: a must not exceed b']);
  });
});

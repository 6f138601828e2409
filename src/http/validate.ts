// Request validation with the API's zod schemas: the first problem becomes a 400 naming its field and what was expected.
import type { z } from 'zod';
import { HttpError } from './errors.js';

type Where = 'body' | 'query' | 'params';

function describeIssue(issue: z.core.$ZodIssue): { path: (string | number)[]; message: string } {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  if (issue.code === 'unrecognized_keys') {
    return {
      path: [...path, issue.keys[0] ?? ''],
      message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}`,
    };
  }
  return { path, message: issue.message };
}

/** The value parsed by `schema`, or an HttpError 400 `INVALID_INPUT` for the first problem found. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, where: Where): z.output<S> {
  if (where === 'body' && value === undefined) {
    throw new HttpError(400, 'INVALID_INPUT', 'body: expected a JSON object (Content-Type: application/json)', 'body');
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const first = describeIssue(parsed.error.issues[0]!);
  const path = [where, ...first.path].join('.');
  const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more)` : '';
  throw new HttpError(400, 'INVALID_INPUT', `${path}: ${first.message}${more}`, path);
}

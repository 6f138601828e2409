// The evaluation request's `context` over HTTP: its key count is checked before zod or the engine walk the object.
import { z } from 'zod';

/**
 * Most keys the top level of a request's `context` may hold over HTTP. Checked first, so a body of 50,000 keys is
 * refused for about the cost of counting them, before validation walks it. The engine's own limits
 * (`limits.maxContextKeys`, default 100 at every level, and `limits.maxContextDepth`) apply after it.
 */
export const MAX_CONTEXT_KEYS = 1_000;

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const contextSchema = z
  .preprocess(
    (value, ctx) => {
      if (!isObject(value)) return value; // the record schema names the wrong type
      const count = Object.keys(value).length;
      if (count > MAX_CONTEXT_KEYS) {
        // An issue here ends the pipe: the record schema never walks the keys.
        ctx.issues.push({
          code: 'too_big',
          origin: 'object',
          maximum: MAX_CONTEXT_KEYS,
          inclusive: true,
          input: value,
          message: `expected at most ${MAX_CONTEXT_KEYS} keys, got ${count}`,
        });
      }
      return value;
    },
    z.record(z.string(), z.unknown()),
  )
  .meta({
    description: `JSON data for the critics, e.g. { "riskTier": "high" }; at most ${MAX_CONTEXT_KEYS} keys (and the engine's limits.maxContextKeys, default 100 at every level).`,
    maxProperties: MAX_CONTEXT_KEYS,
  });

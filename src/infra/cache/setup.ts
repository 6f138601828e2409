// `infrastructure.cache`: each critic's finding cached in memory (L1) and optionally Redis (L2), keyed by its version.
import { z } from 'zod';
import { count, ms } from '../config-schema.js';
import { defined, infraPiece } from '../piece.js';
import { createCacheHooks } from './cache-hooks.js';

const schema = z
  .object({
    l1: z.object({ max: count.optional(), ttlMs: ms.optional() }).strict().optional(),
    redis: z
      .object({
        url: z.string().regex(/^rediss?:\/\/\S+$/, 'expected a redis:// or rediss:// URL'),
        prefix: z.string().min(1).optional(),
        ttlMs: ms.optional(),
        timeoutMs: ms.optional(),
      })
      .strict()
      .optional(),
    volatileContextKeys: z.array(z.string()).optional(),
  })
  .strict();

/**
 * @example
 * createEngine({ infrastructure: { cache: { l1: { max: 10_000 }, redis: { url: 'redis://127.0.0.1:6379' } } } });
 */
export const cachePiece = infraPiece({
  section: 'cache',
  schema,
  setUp({ l1, redis, volatileContextKeys }, context) {
    const cache = createCacheHooks({
      critics: Object.fromEntries(context.critics.map((c) => [c.name, { version: c.version ?? '', cache: c.cache }])),
      ...(l1 !== undefined && { l1: defined(l1) }),
      ...(redis !== undefined && { redis: defined(redis) }),
      ...(volatileContextKeys !== undefined && { volatileContextKeys }),
    });
    context.built.cache = cache;
    context.handles.cache = () => cache.stats();
    return {
      name: 'cache',
      hooks: cache.hooks,
      degraded: () => cache.degraded(),
      ready: () => cache.ready(),
      close: () => cache.close(),
    };
  },
});

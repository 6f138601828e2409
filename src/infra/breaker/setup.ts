// `infrastructure.breakers`: a circuit breaker per critic (cockatiel), answering with the critic's fallback when open.
import { z } from 'zod';
import { MAX_TIMER_MS } from '../../core/index.js';
import { count, ms } from '../config-schema.js';
import { defined, infraPiece } from '../piece.js';
import { createBreakerHooks } from './breaker-hooks.js';
import type { BreakerConfig } from './options.js';

const halfOpenAfterMs = z.number().min(0).max(MAX_TIMER_MS).optional();
const breakerConfig = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('consecutive'), threshold: count, halfOpenAfterMs }).strict(),
  z
    .object({
      mode: z.literal('rate'),
      threshold: z.number().gt(0).lt(1),
      windowMs: ms,
      minimumCalls: count.optional(),
      halfOpenAfterMs,
    })
    .strict(),
]);

const asConfig = (config: z.output<typeof breakerConfig>): BreakerConfig => defined(config) as BreakerConfig;

/**
 * @example
 * createEngine({ infrastructure: { breakers: { default: { mode: 'consecutive', threshold: 5 } } } });
 */
export const breakersPiece = infraPiece({
  section: 'breakers',
  schema: z
    .object({
      default: breakerConfig.optional(),
      critics: z.record(z.string(), breakerConfig).optional(),
      settleWithinMs: ms.optional(),
    })
    .strict(),
  setUp({ default: byDefault, critics: perCritic, settleWithinMs }, context) {
    const breakers = createBreakerHooks({
      ...(byDefault !== undefined && { default: asConfig(byDefault) }),
      ...(perCritic !== undefined && {
        critics: Object.fromEntries(Object.entries(perCritic).map(([name, c]) => [name, asConfig(c)])),
      }),
      ...(settleWithinMs !== undefined && { settleWithinMs }),
      ...(context.fallbacks !== undefined && { fallbacks: context.fallbacks }),
    });
    context.built.breakers = breakers;
    context.handles.breakers = () => breakers.states();
    return { name: 'breakers', hooks: breakers.hooks };
  },
});

// `infrastructure.adaptiveTimeouts` and `adaptiveConcurrency`: timeouts from observed latency; an AIMD concurrency cap.
import { z } from 'zod';
import type { Hooks } from '../../core/index.js';
import { count, ms } from '../config-schema.js';
import { defined, infraPiece } from '../piece.js';
import { createAdaptiveTimeoutHooks } from './adaptive-timeouts.js';
import { createAimdConcurrency, type AimdConcurrency } from './aimd-concurrency.js';

const timeoutOptions = z
  .object({
    quantile: z.number().gt(0).lt(1).optional(),
    factor: z.number().min(1).optional(),
    minMs: ms.optional(),
    maxMs: ms.optional(),
    warmup: count.optional(),
  })
  .strict();

/**
 * @example
 * createEngine({ infrastructure: { adaptiveTimeouts: { quantile: 0.99, factor: 2 } } });
 */
export const adaptiveTimeoutsPiece = infraPiece({
  section: 'adaptiveTimeouts',
  schema: z.union([z.boolean(), timeoutOptions]),
  setUp(config) {
    if (config === false) return undefined;
    const options = config === true ? {} : defined(config);
    return { name: 'adaptive timeouts', hooks: createAdaptiveTimeoutHooks(options) };
  },
});

/**
 * @example
 * createEngine({ infrastructure: { adaptiveConcurrency: { max: 32, targetLatencyMs: 200 } } });
 */
export const adaptiveConcurrencyPiece = infraPiece({
  section: 'adaptiveConcurrency',
  schema: z
    .object({
      min: count.optional(),
      max: count,
      targetLatencyMs: ms,
      increase: count.optional(),
      decrease: z.number().gt(0).lt(1).optional(),
      intervalMs: ms.optional(),
      initial: count.optional(),
      minSamples: count.optional(),
    })
    .strict(),
  setUp(options, context) {
    let aimd: AimdConcurrency | undefined;
    // The limiter needs the orchestrator, which needs the hooks first: they forward once it is bound.
    const hooks: Hooks = {
      postExecution: (critic, outcome, input) => aimd?.hooks.postExecution?.(critic, outcome, input),
      onFailure: (critic, error, durationMs, input) => aimd?.hooks.onFailure?.(critic, error, durationMs, input),
    };
    context.onBind((target) => {
      aimd = createAimdConcurrency(target, {
        ...defined(options),
        max: options.max,
        targetLatencyMs: options.targetLatencyMs,
      });
    });
    return {
      name: 'adaptive concurrency',
      hooks,
      close: () => {
        aimd?.stop();
        return Promise.resolve();
      },
    };
  },
});

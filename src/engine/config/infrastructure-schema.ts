// The `infrastructure` section of the engine configuration (zod): cache, breakers, fallbacks, events, metrics, tracing, adaptive limits.
import { z } from 'zod';
import { checkFinding } from '../../core/finding.js';
import type { Finding } from '../../core/types.js';
import { MAX_TIMER_MS } from '../../core/spec-schema.js';

const ms = z.number().positive().max(MAX_TIMER_MS);
const count = z.number().int().min(1);

const finding = z.custom<Finding>().superRefine((value, ctx) => {
  const problems = checkFinding(value);
  if (problems) ctx.addIssue({ code: 'custom', message: `expected a finding — ${problems.join('; ')}` });
});

const cacheSchema = z
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

const adaptiveTimeouts = z
  .object({
    quantile: z.number().gt(0).lt(1).optional(),
    factor: z.number().min(1).optional(),
    minMs: ms.optional(),
    maxMs: ms.optional(),
    warmup: count.optional(),
  })
  .strict();

export const infrastructureSchema = z
  .object({
    cache: cacheSchema.optional(),
    breakers: z
      .object({
        default: breakerConfig.optional(),
        critics: z.record(z.string(), breakerConfig).optional(),
        settleWithinMs: ms.optional(),
      })
      .strict()
      .optional(),
    fallbacks: z.record(z.string(), finding).optional(),
    events: z
      .object({
        bufferSize: count.optional(),
        nats: z
          .object({
            servers: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
            stream: z
              .string()
              .regex(/^[A-Za-z0-9_-]+$/, 'expected letters, digits, _ or -')
              .optional(),
            subjectPrefix: z
              .string()
              .regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/, 'expected dot-separated tokens without wildcards')
              .optional(),
          })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
    metrics: z
      .union([
        z.boolean(),
        z
          .object({ prefix: z.string().regex(/^([a-zA-Z_:][a-zA-Z0-9_:]*)?$/, 'expected a Prometheus name prefix') })
          .partial()
          .strict(),
      ])
      .optional(),
    tracing: z.boolean().optional(),
    adaptiveTimeouts: z.union([z.boolean(), adaptiveTimeouts]).optional(),
    adaptiveConcurrency: z
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
      .strict()
      .optional(),
  })
  .strict();

/** The file-friendly infrastructure configuration (`infrastructure` in eleanor.config.json / .yaml). */
export type InfrastructureConfig = z.infer<typeof infrastructureSchema>;

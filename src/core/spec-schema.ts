// Validation of orchestrator options and critic specs at construction (field-named errors).
import { z } from 'zod';
import { CONFIG_PARSE, describeConfigIssues } from './config-issues.js';
import { EleanorError } from './errors.js';

// The pieces below are shared with the engine's configuration schema.
export const functionSchema = z.custom<(...args: never[]) => unknown>((v) => typeof v === 'function', {
  message: 'expected a function',
});
const fn = functionSchema;
/** Node's timers hold at most 2^31 - 1 ms; longer ones would fire at once. */
export const MAX_TIMER_MS = 2_147_483_647;
export const timerMsSchema = z.number().positive().max(MAX_TIMER_MS);
const positiveMs = timerMsSchema;
export const policySchema = z.union([z.enum(['always', 'on_violation', 'on_high_risk', 'on_uncertainty']), fn]);
export const retriesSchema = z
  .object({
    max: z.number().int().min(0),
    onTimeout: z.boolean().optional(),
    baseMs: z.number().min(0).max(MAX_TIMER_MS).optional(),
    maxMs: z.number().min(0).max(MAX_TIMER_MS).optional(),
  })
  .strict()
  .refine((r) => (r.baseMs ?? 25) <= (r.maxMs ?? Math.max(1000, r.baseMs ?? 25)), {
    message: 'baseMs must not exceed maxMs',
  });
export const hooksSchema = z.object({
  preExecution: fn.optional(),
  postExecution: fn.optional(),
  onFailure: fn.optional(),
  timeoutFor: fn.optional(),
});
export const loggerSchema = z.object({ warn: fn }).passthrough();
export const transportSchema = z
  .object({ kind: z.string().min(1), remote: z.boolean(), execute: fn, covers: fn.optional() })
  .passthrough();
const zodSchema = z.custom<{ safeParse: unknown }>(
  (v) => typeof v === 'object' && v !== null && typeof (v as { safeParse?: unknown }).safeParse === 'function',
  { message: 'expected a zod schema' },
);

export const criticSpecSchema = z
  .object({
    evaluate: fn,
    name: z.string().min(1).optional(),
    version: z.string().optional(),
    timeoutMs: positiveMs.optional(),
    dependsOn: z.array(z.string()).optional(),
    priority: z.number().int().min(1).max(10).optional(),
    policy: policySchema.optional(),
    retries: retriesSchema.optional(),
    maxConcurrent: z.number().int().min(1).optional(),
    ratePerSecond: z.number().positive().finite().optional(),
    rateBurst: z.number().int().min(1).optional(),
    schema: zodSchema.optional(),
  })
  .passthrough();

export const orchestratorOptionsSchema = z
  .object({
    critics: z.union([z.record(z.string(), z.union([fn, z.object({}).passthrough()])), z.array(z.unknown())]),
    timeoutMs: positiveMs.optional(),
    concurrency: z.number().int().min(1).optional(),
    hooks: hooksSchema.optional(),
    logger: loggerSchema.optional(),
    transport: transportSchema.optional(),
    now: fn.optional(),
    random: fn.optional(),
  })
  .passthrough();

/** Parse or throw INVALID_CONFIG naming every bad field. */
export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const result = schema.safeParse(value, CONFIG_PARSE);
  if (result.success) return result.data;
  const details = describeConfigIssues(result.error.issues, value, [where]);
  throw new EleanorError('INVALID_CONFIG', `Invalid orchestrator configuration — ${details.join('; ')}`);
}

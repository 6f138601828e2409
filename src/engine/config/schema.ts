// The engine configuration schema (zod): one schema for config files, environment overrides and programmatic use.
import { z } from 'zod';
import {
  functionSchema,
  hooksSchema,
  loggerSchema,
  policySchema,
  retriesSchema,
  timerMsSchema,
} from '../../core/spec-schema.js';
import { llmJudgeConfigSchema } from '../../critics/llm-judge/config.js';
import { modelConfigSchema } from '../../models/config.js';
import { evidenceConfigSchema } from '../../evidence/config.js';
import { httpConfigSchema } from './http-schema.js';
import { infrastructureSchema } from './infrastructure-schema.js';
import { transportConfigSchema } from '../../distributed/config.js';

const fn = functionSchema;
const ms = timerMsSchema;
const severity = z.number().min(0).max(3);

/** Scheduling and failure settings every critic entry may carry. */
const criticSettings = {
  enabled: z.boolean().optional(),
  timeoutMs: ms.optional(),
  priority: z.number().int().min(1).max(10).optional(),
  policy: policySchema.optional(),
  dependsOn: z.array(z.string()).optional(),
  retries: retriesSchema.optional(),
  maxConcurrent: z.number().int().min(1).optional(),
  ratePerSecond: z.number().positive().optional(),
  failurePolicy: z.enum(['escalate', 'deny', 'ignore']).optional(),
  /** `false` keeps this critic out of the result cache (e.g. a nondeterministic judge). */
  cache: z.boolean().optional(),
};

/** An LLM judge in the config file: the judge's options, named by its key; the principle defaults to the name. */
export const judgeSchema = llmJudgeConfigSchema
  .omit({ name: true })
  .extend({ principle: z.string().min(1).optional() });

const READS = ['input', 'response', 'both'] as const;
const reads = z.enum(READS).optional();

function shown(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return Array.isArray(value) ? 'an array' : typeof value;
}

/** `reads` is checked before the entry's union so a bad value gets its own message, not the union's "Invalid input". */
const readsCheck = z.unknown().superRefine((entry, ctx) => {
  if (typeof entry !== 'object' || entry === null) return;
  const given = (entry as { reads?: unknown }).reads;
  if (given === undefined) return;
  if (!('evaluate' in entry) && !('module' in entry)) {
    ctx.addIssue({
      code: 'custom',
      path: ['reads'],
      message:
        'only custom (evaluate) and module critics take `reads`; a built-in declares what it reads and an LLM judge reads both',
    });
  } else if (!(READS as readonly unknown[]).includes(given)) {
    ctx.addIssue({
      code: 'custom',
      path: ['reads'],
      message: `expected 'input', 'response' or 'both', got ${shown(given)}`,
    });
  }
});

const criticEntryUnion = z.union([
  z.object({ ...criticSettings, judge: judgeSchema }).strict(),
  z
    .object({
      ...criticSettings,
      module: z.string().min(1),
      export: z.string().min(1).optional(),
      version: z.string().min(1).optional(),
      reads,
    })
    .strict(),
  z.object({ ...criticSettings, evaluate: fn, version: z.string().optional(), reads }).strict(),
  z
    .object({
      ...criticSettings,
      builtin: z.string().min(1).optional(),
      options: z.record(z.string(), z.unknown()).optional(),
    })
    .strict(),
]);

export const criticEntrySchema = readsCheck.pipe(criticEntryUnion);

export const engineConfigSchema = z
  .object({
    critics: z
      .record(z.string().regex(/^[a-z][a-z0-9_-]*$/i, 'critic names are letters, digits, _ and -'), criticEntrySchema)
      .optional(),
    model: z.union([modelConfigSchema, z.object({ name: z.string(), generate: fn }).passthrough()]).optional(),
    timeoutMs: ms.optional(),
    deadlineMs: ms.optional(),
    concurrency: z.number().int().min(1).optional(),
    decision: z
      .object({ denyAt: severity.optional(), escalateAt: severity.optional(), constrainAt: severity.optional() })
      .strict()
      .optional(),
    priorityOrder: z.array(z.string()).optional(),
    limits: z
      .object({
        maxTextLength: z.number().int().positive().optional(),
        maxContextKeys: z.number().int().positive().optional(),
        maxContextDepth: z.number().int().positive().optional(),
      })
      .strict()
      .optional(),
    hooks: hooksSchema.optional(),
    logger: loggerSchema.optional(),
    infra: z.array(z.object({ name: z.string() }).passthrough()).optional(),
    baseDir: z.string().optional(),
    infrastructure: infrastructureSchema.optional(),
    evidence: evidenceConfigSchema.optional(),
    http: httpConfigSchema.optional(),
    transport: transportConfigSchema.optional(),
  })
  .strict()
  .superRefine((config, ctx) => {
    if (config.infrastructure?.adaptiveConcurrency !== undefined && config.concurrency === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['infrastructure', 'adaptiveConcurrency'],
        message: 'requires the engine-wide `concurrency` cap to be set',
      });
    }
  });

export type EngineConfigInput = z.input<typeof engineConfigSchema>;

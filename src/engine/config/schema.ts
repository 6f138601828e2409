// The engine configuration schema (zod): one schema for config files, environment overrides and programmatic use.
import { z } from 'zod';
import {
  functionSchema,
  hooksSchema,
  loggerSchema,
  policySchema,
  retriesSchema,
  timerMsSchema,
} from '../../core/index.js';
import { llmJudgeConfigSchema } from '../../critics/index.js';
import { modelConfigSchema } from '../../models/index.js';
import { evidenceConfigSchema } from '../../evidence/index.js';
import { proxyConfigSchema } from './proxy-schema.js';
import { httpConfigSchema } from './http-schema.js';
import { infrastructureSchema } from './infrastructure-schema.js';
import { transportConfigSchema } from '../../distributed/index.js';
import { forwardIssues } from '../../core/index.js';

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

const reads = z.enum(['input', 'response', 'both']).optional();

/** The four kinds of entry, each strict; an entry's kind is the key it carries (none: a built-in's settings). */
const ENTRY_KINDS = {
  judge: z.object({ ...criticSettings, judge: judgeSchema }).strict(),
  module: z
    .object({
      ...criticSettings,
      module: z.string().min(1),
      export: z.string().min(1).optional(),
      version: z.string().min(1).optional(),
      reads,
    })
    .strict(),
  evaluate: z.object({ ...criticSettings, evaluate: fn, version: z.string().optional(), reads }).strict(),
  builtin: z
    .object({
      ...criticSettings,
      builtin: z.string().min(1).optional(),
      options: z.record(z.string(), z.unknown()).optional(),
    })
    .strict(),
};

/**
 * A critic entry, checked as the kind its key names rather than as a z.union, so an error names the setting and what
 * it takes (`critics.risk.failurePolicy: expected 'escalate', 'deny' or 'ignore', got 'explode'`).
 */
export const criticEntrySchema = z.unknown().superRefine((entry, ctx) => {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    ctx.addIssue({ code: 'invalid_type', expected: 'object', input: entry });
    return;
  }
  const kinds = (['judge', 'module', 'evaluate'] as const).filter((k) => k in entry);
  if (kinds.length > 1) {
    ctx.addIssue({
      code: 'custom',
      path: [kinds[1]!],
      message: `a critic is one of judge, module or evaluate; this one has ${kinds.join(' and ')}`,
    });
    return;
  }
  const kind = kinds[0] ?? 'builtin';
  if ('reads' in entry && (kind === 'builtin' || kind === 'judge')) {
    ctx.addIssue({
      code: 'custom',
      path: ['reads'],
      message:
        'only custom (evaluate) and module critics take `reads`; a built-in declares what it reads and an LLM judge reads both',
    });
    const { reads: _reads, ...rest } = entry as Record<string, unknown>;
    forwardIssues(ENTRY_KINDS[kind], rest, ctx);
    return;
  }
  forwardIssues(ENTRY_KINDS[kind], entry, ctx);
});

export const engineConfigSchema = z
  .object({
    critics: z
      .record(z.string().regex(/^[a-z][a-z0-9_-]*$/i, 'critic names are letters, digits, _ and -'), criticEntrySchema)
      .optional(),
    model: z.union([modelConfigSchema, z.object({ name: z.string(), generate: fn }).passthrough()]).optional(),
    timeoutMs: ms.optional(),
    deadlineMs: ms.optional(),
    onInputEscalate: z.enum(['hold', 'continue']).optional(),
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
    proxy: proxyConfigSchema.optional(),
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

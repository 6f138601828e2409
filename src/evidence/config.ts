// The engine configuration's `evidence` section: which store, where, how durable, what is redacted.
import { z } from 'zod';
import { forwardIssues } from '../core/index.js';
import type { EvidenceStore } from './types.js';

const chainName = z.string().regex(/^[A-Za-z0-9._:-]{1,128}$/, 'expected 1–128 letters, digits or . _ : -');

function isEvidenceStore(value: unknown): value is EvidenceStore {
  const store = value as Partial<EvidenceStore> | null;
  return typeof store === 'object' && store !== null && typeof store.append === 'function';
}

const settingsSchema = z
  .object({
    /** 'sqlite' (embedded, the default), 'postgres', 'memory' (SQLite in memory: nothing survives), or a store. */
    store: z
      .union([
        z.enum(['sqlite', 'postgres', 'memory']),
        z.custom<EvidenceStore>(isEvidenceStore, 'expected an EvidenceStore (with append, verify, …)'),
      ])
      .optional(),
    path: z.string().min(1).optional(),
    url: z.string().min(1).optional(),
    schema: z.string().optional(),
    synchronous: z.enum(['full', 'normal']).optional(),
    mode: z.enum(['strict', 'async']).optional(),
    redact: z.enum(['none', 'hash', 'mask']).optional(),
    chain: chainName.optional(),
    maxBatch: z.number().int().min(1).max(5_000).optional(),
    checkpoints: z
      .object({
        every: z.number().int().min(1).optional(),
        seconds: z.number().positive().max(86_400).optional(),
        signingKey: z.string().min(1).optional(),
        witness: z.string().min(1),
      })
      .strict()
      .optional(),
  })
  .strict();

/** `false`, or the settings; not a z.union, so an error names the setting (`evidence.mode`), not just `evidence`. */
export const evidenceConfigSchema = z.unknown().superRefine((value, ctx) => {
  if (value === false) return;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return ctx.addIssue({ code: 'custom', message: 'expected false or an object' });
  forwardIssues(settingsSchema, value, ctx);
});

/** The `evidence` section: `false` records nothing (and execute() refuses everything). */
export type EvidenceConfig =
  | false
  | {
      /** @default 'sqlite' */
      readonly store?: 'sqlite' | 'postgres' | 'memory' | EvidenceStore;
      /** SQLite file, relative to `baseDir`. @default './data/eleanor.db' */
      readonly path?: string;
      /** PostgreSQL connection string. @default process.env.DATABASE_URL */
      readonly url?: string;
      /** PostgreSQL schema. @default 'public' */
      readonly schema?: string;
      /** SQLite: 'full' survives power loss, 'normal' a process crash. @default 'full' */
      readonly synchronous?: 'full' | 'normal';
      /** 'strict': evaluate() returns once its record is committed; 'async': at once, recorded shortly after. @default 'strict' */
      readonly mode?: 'strict' | 'async';
      /** 'hash': texts stored as SHA-256; 'mask': PII found by the privacy critic masked. @default 'none' */
      readonly redact?: 'none' | 'hash' | 'mask';
      /** The chain (tenant) of evaluations whose options name none. @default 'default' */
      readonly chain?: string;
      /** Most records in one group commit. @default 1_000 */
      readonly maxBatch?: number;
      /** Signed checkpoints appended to a witness file kept apart from the store (docs/evidence.md). */
      readonly checkpoints?: CheckpointsConfig;
    };

export interface CheckpointsConfig {
  /** A checkpoint per this many records of a chain (and on close). @default 1_000 */
  readonly every?: number;
  /** Also every this many seconds, for chains with new records. */
  readonly seconds?: number;
  /** The Ed25519 private key's PEM file, relative to `baseDir`. @default process.env.ELEANOR_EVIDENCE_SIGNING_KEY (the PEM) */
  readonly signingKey?: string;
  /** The witness JSONL file, relative to `baseDir`: keep it on another disk or machine than the store. */
  readonly witness: string;
}

// The `http` section of the engine configuration (zod): what `eleanor serve` listens on, its limits and its API keys.
import { z } from 'zod';
import { MAX_TIMER_MS } from '../../core/index.js';

export const API_ROLES = ['evaluator', 'reviewer', 'admin'] as const;
export type ApiRole = (typeof API_ROLES)[number];

const ms = z.number().int().positive().max(MAX_TIMER_MS);
const count = z.number().int().min(1);

const rateLimitSchema = z
  .object({
    /** Requests a key may make per window. */
    max: count,
    /** @default 60_000 */
    windowMs: ms.optional(),
  })
  .strict();

export const apiKeySchema = z
  .object({
    /** Who the key belongs to: recorded as the actor of a review. */
    id: z.string().regex(/^[A-Za-z0-9._@:-]{1,128}$/, 'expected 1–128 letters, digits or . _ @ : -'),
    roles: z.array(z.enum(API_ROLES)).min(1),
    /**
     * Hex HMAC-SHA-256 of the key under the key secret (`http.keySecretFile` or ELEANOR_API_KEY_SECRET), as
     * `eleanor keys create` prints it; the key itself is never stored. Give this or `sha256`.
     */
    hmac: z
      .string()
      .regex(/^[0-9a-f]{64}$/, 'expected the hex HMAC-SHA-256 of the key (64 lower-case hex digits)')
      .optional(),
    /** Legacy: the key's bare hex SHA-256. Still accepted, with a start-up warning: re-issue such keys as `hmac`. */
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/, 'expected the hex SHA-256 of the key (64 lower-case hex digits)')
      .optional(),
    /** Binds the key to one evidence chain (tenant): its evaluations go there, and it sees only that chain. */
    chain: z
      .string()
      .regex(/^[A-Za-z0-9._:-]{1,128}$/, 'expected 1–128 letters, digits or . _ : -')
      .optional(),
    /** This key's own rate limit. @default the section's rateLimit */
    rateLimit: rateLimitSchema.optional(),
  })
  .strict()
  .superRefine((key, ctx) => {
    if (key.hmac !== undefined && key.sha256 !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['sha256'], message: 'expected hmac or sha256, not both' });
    } else if (key.hmac === undefined && key.sha256 === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['hmac'],
        message: 'expected the keyed hash of the key (eleanor keys create prints the entry), or a legacy sha256',
      });
    }
  });

export const httpConfigSchema = z
  .object({
    /** @default 8080 */
    port: z.number().int().min(0).max(65_535).optional(),
    /** @default '127.0.0.1' */
    host: z.string().min(1).optional(),
    /** Largest request body. @default 1_048_576 */
    bodyLimitBytes: count.max(100 * 1024 * 1024).optional(),
    /** Most requests in one POST /v1/evaluations/batch. @default 100 */
    maxBatch: count.max(10_000).optional(),
    /** Evaluations of one batch at once. @default 8 */
    batchConcurrency: count.max(1_000).optional(),
    /** How long SIGTERM waits for in-flight requests before cancelling them. @default 10_000 */
    shutdownGraceMs: ms.optional(),
    /** Per key. @default { max: 6000, windowMs: 60_000 } */
    rateLimit: rateLimitSchema.optional(),
    /**
     * Failed authentications (401) one client address may make per window before it is refused with 429, whatever
     * key it sends. @default { max: 20, windowMs: 60_000 }
     */
    authFailureLimit: rateLimitSchema.optional(),
    apiKeys: z.array(apiKeySchema).optional(),
    /**
     * A file holding the secret of the keys' `hmac` (at least 32 bytes; `eleanor keys secret --out FILE` makes one),
     * relative to the configuration file. ELEANOR_API_KEY_SECRET, the secret itself, overrides it.
     */
    keySecretFile: z.string().min(1).optional(),
  })
  .strict()
  .superRefine((config, ctx) => {
    const seen = new Map<string, number>();
    config.apiKeys?.forEach((key, i) => {
      const field = key.hmac === undefined ? 'sha256' : 'hmac';
      const hash = `${field}:${key.hmac ?? key.sha256}`;
      const first = seen.get(hash);
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['apiKeys', i, field], message: `the same key as apiKeys.${first}` });
      }
      seen.set(hash, i);
    });
  });

export type ApiKeyConfig = z.infer<typeof apiKeySchema>;
export type HttpConfig = z.infer<typeof httpConfigSchema>;

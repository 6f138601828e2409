// The LLM-judge critic's options and the zod schema that validates them in a config file.
import { z } from 'zod';

/** Node timers hold at most 2^31 - 1 ms. */
const MAX_TIMEOUT_MS = 2_147_483_647;

export const llmJudgeConfigSchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9_-]+$/, 'expected letters, digits, "_" or "-" (it prefixes rule ids)'),
  principle: z.string().min(1),
  prompt: z.string().min(1),
  endpoint: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL, e.g. https://api.openai.com/v1' }),
  model: z.string().min(1),
  apiKey: z.string().min(1).optional(),
  timeoutMs: z.number().int().positive().max(MAX_TIMEOUT_MS).optional(),
  temperature: z.number().min(0).max(2).optional(),
});

export type LlmJudgeConfig = z.input<typeof llmJudgeConfigSchema>;

export interface LlmJudgeOptions {
  /** The critic's name: the outcome's key and the prefix of its rule ids (`<name>.<rule>`), e.g. 'tone'. */
  readonly name: string;
  /** The principle it guards, e.g. 'Respectful tone'; set on every finding. */
  readonly principle: string;
  /** What the judge checks, in plain words: the system prompt's instructions. */
  readonly prompt: string;
  /** Base URL of an OpenAI-compatible API, e.g. 'https://api.openai.com/v1' (requests go to `/chat/completions`). */
  readonly endpoint: string;
  /** e.g. 'gpt-4o-mini'; the endpoint must support `response_format: json_schema`. */
  readonly model: string;
  /** Sent as a bearer token; OPENAI_API_KEY is not read. @default none (no Authorization header) */
  readonly apiKey?: string | undefined;
  /** Time allowed for each HTTP request (a repair turn is a second request), in ms; ctx.signal can end it sooner. @default 30_000 */
  readonly timeoutMs?: number | undefined;
  /** 0..2 @default 0 (the same input should get the same verdict) */
  readonly temperature?: number | undefined;
}

// The `proxy` section of the engine configuration (zod): the upstream `POST /v1/chat/completions` forwards to, and
// what the proxy answers when a conversation is denied or escalated.
import { z } from 'zod';
import { MAX_TIMER_MS } from '../../core/index.js';

export const PROXY_ON_DENY = ['refuse', 'error'] as const;
export const PROXY_ON_ESCALATE = ['refuse', 'allow', 'hold'] as const;

export const proxyConfigSchema = z
  .object({
    upstream: z
      .object({
        /** Any OpenAI-compatible server's base URL; requests go to `<baseURL>/chat/completions`. */
        baseURL: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL, e.g. https://api.openai.com/v1' }),
        /** The environment variable holding the upstream's API key (it stays on the server). @default none */
        apiKeyEnv: z
          .string()
          .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected an environment variable name, e.g. OPENAI_API_KEY')
          .optional(),
        /** Time allowed for the upstream's whole answer (a stream included). @default 120_000 */
        timeoutMs: z.number().int().positive().max(MAX_TIMER_MS).optional(),
      })
      .strict(),
    /** refuse: 200 with the refusal, finish_reason "content_filter"; error: 403 in OpenAI's error shape. @default 'refuse' */
    onDeny: z.enum(PROXY_ON_DENY).optional(),
    /** refuse, allow (release it), or hold (202 with the trace id; a reviewer's approval releases it). @default 'refuse' */
    onEscalate: z.enum(PROXY_ON_ESCALATE).optional(),
    /** The assistant's message when an answer is refused. @default "I can't help with that." */
    refusal: z.string().min(1).max(4_000).optional(),
    stream: z
      .object({
        /** Characters held back from a streamed answer until they have been checked. @default 256 */
        windowChars: z.number().int().min(32).max(16_384).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type ProxyConfig = z.infer<typeof proxyConfigSchema>;

// The OpenAI-compatible model adapter: asks a chat-completions endpoint (OpenAI, vLLM, llama.cpp, Ollama…) for the response.
import { z } from 'zod';
import { createChatEndpoint, ModelRequestError, TRACE_HEADER } from './chat-endpoint.js';
import type { ModelAdapter } from './model-adapter.js';
import { parseConfig } from './parse-config.js';

/** Node timers hold at most 2^31 - 1 ms. */
const MAX_TIMEOUT_MS = 2_147_483_647;

export const openAIModelOptionsSchema = z.strictObject({
  baseURL: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL, e.g. https://api.openai.com/v1' }),
  model: z.string().min(1),
  apiKey: z.string().min(1).optional(),
  systemPrompt: z.string().min(1).optional(),
  temperature: z.number().min(0).max(2).optional(),
  maxTokens: z.number().int().positive().optional(),
  timeoutMs: z.number().int().positive().max(MAX_TIMEOUT_MS).optional(),
});

export interface OpenAIModelOptions {
  /** Base URL of the API, e.g. 'https://api.openai.com/v1' or 'http://127.0.0.1:11434/v1' (Ollama). */
  readonly baseURL: string;
  /** e.g. 'gpt-4o-mini' */
  readonly model: string;
  /** Sent as a bearer token; OPENAI_API_KEY is not read. @default none (no Authorization header) */
  readonly apiKey?: string | undefined;
  /** Sent as the system message before the user's input. @default none */
  readonly systemPrompt?: string | undefined;
  /** 0..2 @default the endpoint's default */
  readonly temperature?: number | undefined;
  /** Sent as `max_tokens` (understood by OpenAI-compatible servers). @default the endpoint's default */
  readonly maxTokens?: number | undefined;
  /** Time allowed for the HTTP request, in ms; the evaluation's signal can end it sooner. @default 60_000 */
  readonly timeoutMs?: number | undefined;
}

/**
 * A model on any OpenAI-compatible Chat Completions endpoint.
 * @example
 * const model = createOpenAIModel({ baseURL: 'http://127.0.0.1:8080/v1', model: 'local-model' });
 */
export function createOpenAIModel(options: OpenAIModelOptions): ModelAdapter {
  const config = parseConfig(openAIModelOptionsSchema, options, 'openai model');
  const endpoint = createChatEndpoint({
    baseURL: config.baseURL,
    apiKey: config.apiKey,
    timeoutMs: config.timeoutMs ?? 60_000,
  });
  const name = `openai:${config.model}`;
  return {
    name,
    async generate(request, { signal }) {
      const reply = await endpoint.complete(
        {
          model: config.model,
          messages: [
            ...(config.systemPrompt === undefined ? [] : [{ role: 'system' as const, content: config.systemPrompt }]),
            { role: 'user', content: request.inputText },
          ],
          ...(config.temperature === undefined ? {} : { temperature: config.temperature }),
          ...(config.maxTokens === undefined ? {} : { max_tokens: config.maxTokens }),
        },
        { signal, headers: { [TRACE_HEADER]: request.traceId } },
      );
      if (reply.content === null) {
        const why = reply.refusal === null ? `finish_reason ${reply.finishReason}` : `refusal: ${reply.refusal}`;
        throw new ModelRequestError(`POST ${endpoint.url} answered without text content (${why})`, {
          endpoint: endpoint.url,
        });
      }
      return reply.content;
    },
  };
}

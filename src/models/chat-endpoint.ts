// One OpenAI-compatible chat-completions endpoint, shared by the OpenAI model adapter and the LLM judge: abort, clear errors.
import type * as OpenAISdk from 'openai';
import type { ChatCompletion, ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import { describeError, isEleanorError } from '../core/index.js';
import { importPackage } from '../core/index.js';
import { abortError } from './abort.js';

export interface ChatEndpointOptions {
  /** Base URL of the API, e.g. 'https://api.openai.com/v1'; requests go to `<baseURL>/chat/completions`. */
  readonly baseURL: string;
  /**
   * Sent as `Authorization: Bearer <apiKey>`. OPENAI_API_KEY is deliberately not read: an OpenAI key must not leak
   * to another endpoint named in a config file.
   * @default none (no Authorization header)
   */
  readonly apiKey?: string | undefined;
  /** Time allowed for one HTTP request, in ms. */
  readonly timeoutMs: number;
}

/** An HTTP or network failure of a model endpoint; the message names the endpoint and, if there was one, the status. */
export class ModelRequestError extends Error {
  /** e.g. 'http://127.0.0.1:8080/v1/chat/completions' */
  readonly endpoint: string;
  /** The HTTP status, or undefined for a network failure or timeout. */
  readonly status: number | undefined;

  constructor(message: string, details: { endpoint: string; status?: number | undefined; cause?: unknown }) {
    super(message, { cause: details.cause });
    this.name = 'ModelRequestError';
    this.endpoint = details.endpoint;
    this.status = details.status;
  }
}

/** The assistant's reply in a completion. */
export interface ChatReply {
  /** null when the model gave no text (a refusal, tool calls). */
  readonly content: string | null;
  readonly refusal: string | null;
  readonly finishReason: string;
}

export interface ChatEndpoint {
  /** The chat-completions URL, without credentials: used in error messages. */
  readonly url: string;
  complete(
    body: ChatCompletionCreateParamsNonStreaming,
    opts: { readonly signal: AbortSignal; readonly headers?: Record<string, string> },
  ): Promise<ChatReply>;
}

const MAX_DETAIL = 300;

/** The header carrying the evaluation's trace id, so the endpoint's logs can be joined with Eleanor's evidence. */
export const TRACE_HEADER = 'x-eleanor-trace-id';

function endpointUrl(baseURL: string): string {
  const url = new URL(`${baseURL.replace(/\/+$/, '')}/chat/completions`);
  url.username = '';
  url.password = '';
  return url.href;
}

/** The innermost cause's code or message: undici's "fetch failed" hides ECONNREFUSED two levels down. */
function rootCause(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 5; depth++) {
    const next = (current as { cause?: unknown } | null)?.cause;
    if (next === undefined || next === null) break;
    current = next;
  }
  const code = (current as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  return current instanceof Error ? current.message : String(current);
}

function toRequestError(sdk: typeof OpenAISdk, error: unknown, url: string, timeoutMs: number): ModelRequestError {
  const { APIConnectionError, APIConnectionTimeoutError, APIError } = sdk;
  if (error instanceof APIConnectionTimeoutError) {
    return new ModelRequestError(`POST ${url} timed out after ${timeoutMs} ms`, { endpoint: url, cause: error });
  }
  if (error instanceof APIConnectionError) {
    const message = `POST ${url} failed: could not connect (${rootCause(error)})`;
    return new ModelRequestError(message, { endpoint: url, cause: error });
  }
  if (error instanceof APIError && typeof error.status === 'number') {
    const status = error.status;
    const prefix = `${status} `;
    const detail = (error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message).slice(
      0,
      MAX_DETAIL,
    );
    const message = `POST ${url} failed with HTTP ${status}${detail ? `: ${detail}` : ''}`;
    return new ModelRequestError(message, { endpoint: url, status, cause: error });
  }
  return new ModelRequestError(`POST ${url} failed: ${describeError(error)}`, { endpoint: url, cause: error });
}

function firstReply(completion: ChatCompletion, url: string): ChatReply {
  // A server that is not really OpenAI-compatible may answer 200 with anything (the client returns non-JSON as text).
  const choices: unknown = (completion as { choices?: unknown } | null)?.choices;
  const choice = Array.isArray(choices) ? (choices[0] as ChatCompletion.Choice | undefined) : undefined;
  if (choice?.message === undefined || choice.message === null) {
    throw new ModelRequestError(`POST ${url} answered without a chat completion choice`, { endpoint: url });
  }
  const { content, refusal } = choice.message;
  return {
    content: typeof content === 'string' ? content : null,
    refusal: typeof refusal === 'string' ? refusal : null,
    finishReason: String(choice.finish_reason),
  };
}

/** A client for one endpoint, without retries (Eleanor's orchestrator owns retries and deadlines). */
export function createChatEndpoint(options: ChatEndpointOptions): ChatEndpoint {
  const url = endpointUrl(options.baseURL);
  const { timeoutMs } = options;
  let loaded: Promise<{ sdk: typeof OpenAISdk; client: OpenAISdk.OpenAI }> | undefined;
  // The SDK is imported by the first request, not by `import 'eleanor'`; a failed load names the package (MODEL_ERROR).
  const open = (): Promise<{ sdk: typeof OpenAISdk; client: OpenAISdk.OpenAI }> =>
    (loaded ??= importPackage(
      { name: 'openai', user: `the model endpoint ${url}`, code: 'MODEL_ERROR' },
      () => import('openai'),
    ).then((sdk) => ({
      sdk,
      client: new sdk.OpenAI({
        baseURL: options.baseURL,
        apiKey: options.apiKey ?? 'unused',
        // Set explicitly so OPENAI_ORG_ID / OPENAI_PROJECT_ID from the environment are not sent to this endpoint.
        organization: null,
        project: null,
        maxRetries: 0,
        timeout: timeoutMs,
        ...(options.apiKey === undefined ? { defaultHeaders: { Authorization: null } } : {}),
      }),
    })));

  return {
    url,
    async complete(body, { signal, headers }) {
      if (signal.aborted) throw abortError(signal);
      // The client never removes the listener it adds to the signal it is given: give it a signal that dies with
      // this request, so a long-lived caller signal does not collect one listener per request.
      const local = new AbortController();
      const onAbort = (): void => local.abort(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      let sdk: typeof OpenAISdk | undefined;
      try {
        const opened = await open();
        sdk = opened.sdk;
        const completion = await opened.client.chat.completions.create(body, {
          signal: local.signal,
          ...(headers === undefined ? {} : { headers }),
        });
        return firstReply(completion, url);
      } catch (error) {
        if (signal.aborted) throw abortError(signal);
        if (error instanceof ModelRequestError || isEleanorError(error) || sdk === undefined) throw error;
        throw toRequestError(sdk, error, url, timeoutMs);
      } finally {
        signal.removeEventListener('abort', onAbort);
      }
    },
  };
}

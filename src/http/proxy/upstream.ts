// The proxy's upstream: an OpenAI-compatible server over kept-alive HTTP connections; its failures as proxy errors.
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { createParser } from 'eventsource-parser';
import type { ChatCompletion, ChatCompletionChunk } from 'openai/resources/chat/completions';
import { isEleanorError } from '../../core/index.js';
import type { ProxyConfig } from '../../engine/index.js';
import { HttpError } from '../errors.js';

export const DEFAULT_UPSTREAM_TIMEOUT_MS = 120_000;

type UpstreamCode =
  'UPSTREAM_UNREACHABLE' | 'UPSTREAM_TIMEOUT' | 'UPSTREAM_FAILED' | 'UPSTREAM_REJECTED' | 'UPSTREAM_RATE_LIMITED';

/** What went wrong upstream, as the proxy answers it: never the upstream's own error body, nor its auth failure. */
export class UpstreamError extends HttpError {
  constructor(status: number, code: UpstreamCode, message: string, headers: Readonly<Record<string, string>> = {}) {
    super(status, code, message, '', headers);
    this.name = 'UpstreamError';
  }
}

/** A failed generation carries the upstream's failure as its cause: answer that, not a generic model error. */
export function upstreamFailure(error: unknown): unknown {
  if (isEleanorError(error) && error.code === 'MODEL_ERROR' && error.cause instanceof UpstreamError) return error.cause;
  return error;
}

/** A chat-completions request as the client sent it (forwarded as it is, `stream` set by the proxy). */
export type ChatBody = Record<string, unknown> & { readonly model: string; readonly messages: unknown[] };

export interface Upstream {
  /** `<baseURL>/chat/completions`, without credentials. */
  readonly url: string;
  complete(body: ChatBody, signal: AbortSignal): Promise<ChatCompletion>;
  stream(body: ChatBody, signal: AbortSignal): Promise<AsyncIterable<ChatCompletionChunk>>;
}

/** Statuses whose upstream message is about the request itself, so the client may see it (keys are masked). */
const CLIENT_FAULTS = new Set([400, 404, 413, 422]);
const KEY_SHAPED = /\b(?:sk|pk|rk|key|api)[-_][A-Za-z0-9_-]{8,}/gi;
const MOST_ERROR_BODY = 64 * 1024;

/** The failure a non-2xx answer stands for; the upstream's message only for the client's own faults. */
async function statusFailure(response: IncomingMessage): Promise<UpstreamError> {
  const status = response.statusCode ?? 502;
  let text = '';
  for await (const chunk of response) {
    if (text.length < MOST_ERROR_BODY) text += String(chunk);
  }
  if (CLIENT_FAULTS.has(status)) {
    let detail = text;
    try {
      detail = (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? text;
    } catch {
      // Not JSON: the text as it is.
    }
    const shown = detail.replace(KEY_SHAPED, '[redacted]').slice(0, 300);
    return new UpstreamError(status, 'UPSTREAM_REJECTED', `the upstream refused the request: ${shown}`);
  }
  if (status === 429) {
    const retry = response.headers['retry-after'];
    return new UpstreamError(429, 'UPSTREAM_RATE_LIMITED', 'the upstream is rate limiting requests', {
      ...(typeof retry === 'string' && { 'retry-after': retry }),
    });
  }
  // 401/403 mean Eleanor's own upstream key was refused: the client's key is fine, so never a 401 to it.
  return new UpstreamError(502, 'UPSTREAM_FAILED', `the upstream answered HTTP ${status}`);
}

/** A 2xx answer, and what a failure while reading it is. */
interface Posted {
  readonly response: IncomingMessage;
  readonly failure: (error: unknown) => Error;
}

/** `<baseURL>/chat/completions`, and the same without credentials for messages. */
function endpoint(baseURL: string): { target: URL; shown: string } {
  const target = new URL(`${baseURL.replace(/\/+$/, '')}/chat/completions`);
  const shown = new URL(target);
  shown.username = '';
  shown.password = '';
  return { target, shown: shown.href };
}

async function* events(response: IncomingMessage): AsyncGenerator<ChatCompletionChunk> {
  const pending: ChatCompletionChunk[] = [];
  let done = false;
  const parser = createParser({
    onEvent: (event) => {
      if (event.data === '[DONE]') done = true;
      else if (!done) pending.push(JSON.parse(event.data) as ChatCompletionChunk);
    },
  });
  response.setEncoding('utf8');
  for await (const text of response) {
    parser.feed(text as string);
    yield* pending.splice(0);
    if (done) return;
  }
}

/**
 * The upstream of `proxy.upstream`: its key read from the environment variable it names, at start; connections kept
 * alive between requests.
 * @example
 * const upstream = createUpstream({ baseURL: 'http://127.0.0.1:11434/v1' }, process.env);
 */
export function createUpstream(
  config: ProxyConfig['upstream'],
  env: Readonly<Record<string, string | undefined>>,
): Upstream {
  const { target, shown } = endpoint(config.baseURL);
  const timeoutMs = config.timeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS;
  const apiKey = config.apiKeyEnv === undefined ? undefined : env[config.apiKeyEnv];
  const secure = target.protocol === 'https:';
  const agent = secure ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true });
  const send = secure ? httpsRequest : httpRequest;
  const credentials =
    target.username === ''
      ? undefined
      : `${decodeURIComponent(target.username)}:${decodeURIComponent(target.password)}`;

  /** Posts the body; resolves with a 2xx answer (and how to map a failure while reading it), rejects with the failure. */
  const post = (body: ChatBody, signal: AbortSignal): Promise<Posted> => {
    const deadline = AbortSignal.timeout(timeoutMs);
    const both = AbortSignal.any([signal, deadline]);
    const failure = (error: unknown): Error => {
      if (signal.aborted) return signal.reason instanceof Error ? signal.reason : new Error(String(signal.reason));
      if (deadline.aborted) {
        return new UpstreamError(
          504,
          'UPSTREAM_TIMEOUT',
          `the upstream did not answer within ${timeoutMs} ms (${shown})`,
        );
      }
      if (error instanceof UpstreamError) return error;
      const code = (error as { code?: unknown } | null)?.code;
      return new UpstreamError(
        502,
        'UPSTREAM_UNREACHABLE',
        `the upstream could not be reached (${shown}${typeof code === 'string' ? `: ${code}` : ''})`,
      );
    };
    const text = JSON.stringify(body);
    return new Promise<Posted>((resolve, reject) => {
      const outgoing = send(
        target,
        {
          method: 'POST',
          agent,
          signal: both,
          ...(credentials !== undefined && { auth: credentials }),
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(text),
            accept: body['stream'] === true ? 'text/event-stream' : 'application/json',
            ...(apiKey !== undefined && { authorization: `Bearer ${apiKey}` }),
          },
        },
        (response) => {
          const status = response.statusCode ?? 0;
          if (status >= 200 && status < 300) return resolve({ response, failure });
          statusFailure(response).then(reject, (error: unknown) => reject(failure(error)));
        },
      );
      outgoing.on('error', (error) => reject(failure(error)));
      outgoing.end(text);
    });
  };

  return {
    url: shown,
    async complete(body, signal) {
      const { response, failure } = await post({ ...body, stream: false }, signal);
      let text = '';
      try {
        response.setEncoding('utf8');
        for await (const chunk of response) text += chunk as string;
      } catch (error) {
        throw failure(error);
      }
      try {
        return JSON.parse(text) as ChatCompletion;
      } catch {
        throw new UpstreamError(502, 'UPSTREAM_FAILED', `the upstream answered something that is not JSON (${shown})`);
      }
    },
    async stream(body, signal) {
      const { response, failure } = await post({ ...body, stream: true }, signal);
      return (async function* () {
        try {
          yield* events(response);
        } catch (error) {
          throw error instanceof SyntaxError
            ? new UpstreamError(502, 'UPSTREAM_FAILED', `the upstream streamed a chunk that is not JSON (${shown})`)
            : failure(error);
        } finally {
          response.destroy();
        }
      })();
    },
  };
}

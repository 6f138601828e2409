// The proxy's upstream: an OpenAI-compatible server asked through the openai client, its failures as proxy errors.
import type * as OpenAISdk from 'openai';
import type { ChatCompletion, ChatCompletionChunk } from 'openai/resources/chat/completions';
import { importPackage } from '../../core/load-package.js';
import { HttpError } from '../errors.js';
import type { ProxyConfig } from '../../engine/config/proxy-schema.js';

export const DEFAULT_UPSTREAM_TIMEOUT_MS = 120_000;

/** What went wrong upstream, as the proxy answers it: never the upstream's own error body, nor its auth failure. */
export class UpstreamError extends HttpError {
  constructor(
    status: number,
    code:
      'UPSTREAM_UNREACHABLE' | 'UPSTREAM_TIMEOUT' | 'UPSTREAM_FAILED' | 'UPSTREAM_REJECTED' | 'UPSTREAM_RATE_LIMITED',
    message: string,
    headers: Readonly<Record<string, string>> = {},
  ) {
    super(status, code, message, '', headers);
    this.name = 'UpstreamError';
  }
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

function toUpstreamError(sdk: typeof OpenAISdk, error: unknown, url: string, timeoutMs: number): UpstreamError {
  if (error instanceof sdk.APIConnectionTimeoutError) {
    return new UpstreamError(504, 'UPSTREAM_TIMEOUT', `the upstream did not answer within ${timeoutMs} ms (${url})`);
  }
  if (error instanceof sdk.APIConnectionError) {
    return new UpstreamError(502, 'UPSTREAM_UNREACHABLE', `the upstream could not be reached (${url})`);
  }
  if (error instanceof sdk.APIError && typeof error.status === 'number') {
    const status = error.status;
    if (CLIENT_FAULTS.has(status)) {
      const detail = error.message
        .replace(/^\d{3}\s*/, '')
        .replace(KEY_SHAPED, '[redacted]')
        .slice(0, 300);
      return new UpstreamError(status, 'UPSTREAM_REJECTED', `the upstream refused the request: ${detail}`);
    }
    if (status === 429) {
      const retry = (error.headers as Headers | undefined)?.get('retry-after');
      return new UpstreamError(429, 'UPSTREAM_RATE_LIMITED', 'the upstream is rate limiting requests', {
        ...(retry ? { 'retry-after': retry } : {}),
      });
    }
    // 401/403 mean Eleanor's own upstream key was refused: the client's key is fine, so never a 401 to it.
    return new UpstreamError(502, 'UPSTREAM_FAILED', `the upstream answered HTTP ${status}`);
  }
  return new UpstreamError(
    502,
    'UPSTREAM_FAILED',
    `the upstream failed: ${(error as Error)?.message ?? String(error)}`,
  );
}

function withoutCredentials(baseURL: string): string {
  const url = new URL(`${baseURL.replace(/\/+$/, '')}/chat/completions`);
  url.username = '';
  url.password = '';
  return url.href;
}

/**
 * The upstream of `proxy.upstream`: its key read from the environment variable it names, at start.
 * @example
 * const upstream = createUpstream({ baseURL: 'http://127.0.0.1:11434/v1' }, process.env);
 */
export function createUpstream(
  config: ProxyConfig['upstream'],
  env: Readonly<Record<string, string | undefined>>,
): Upstream {
  const url = withoutCredentials(config.baseURL);
  const timeoutMs = config.timeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS;
  const apiKey = config.apiKeyEnv === undefined ? undefined : env[config.apiKeyEnv];
  let loaded: Promise<{ sdk: typeof OpenAISdk; client: OpenAISdk.OpenAI }> | undefined;
  const open = (): Promise<{ sdk: typeof OpenAISdk; client: OpenAISdk.OpenAI }> =>
    (loaded ??= importPackage(
      { name: 'openai', user: `the proxy's upstream ${url}`, code: 'MODEL_ERROR' },
      () => import('openai'),
    ).then((sdk) => ({
      sdk,
      client: new sdk.OpenAI({
        baseURL: config.baseURL,
        apiKey: apiKey ?? 'unused',
        organization: null,
        project: null,
        maxRetries: 0,
        timeout: timeoutMs,
        ...(apiKey === undefined ? { defaultHeaders: { Authorization: null } } : {}),
      }),
    })));
  /** A signal that follows `signal` until `release` (the client keeps a listener on the signal it is given). */
  const follow = (signal: AbortSignal): { local: AbortSignal; release: () => void } => {
    const controller = new AbortController();
    const onAbort = (): void => controller.abort(signal.reason);
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    return { local: controller.signal, release: () => signal.removeEventListener('abort', onAbort) };
  };
  return {
    url,
    async complete(body, signal) {
      const { sdk, client } = await open();
      const { local, release } = follow(signal);
      try {
        return await client.chat.completions.create({ ...body, stream: false } as never, { signal: local });
      } catch (error) {
        if (signal.aborted) throw signal.reason;
        throw toUpstreamError(sdk, error, url, timeoutMs);
      } finally {
        release();
      }
    },
    async stream(body, signal) {
      const { sdk, client } = await open();
      const { local, release } = follow(signal);
      try {
        const chunks = (await client.chat.completions.create({ ...body, stream: true } as never, {
          signal: local,
        })) as unknown as AsyncIterable<ChatCompletionChunk>;
        return relay(
          chunks,
          (error) => (signal.aborted ? signal.reason : toUpstreamError(sdk, error, url, timeoutMs)),
          release,
        );
      } catch (error) {
        release();
        if (signal.aborted) throw signal.reason;
        throw toUpstreamError(sdk, error, url, timeoutMs);
      }
    },
  };
}

/** The stream's chunks, a failure mid-stream mapped by `failure`; `done` runs however it ends. */
async function* relay(
  chunks: AsyncIterable<ChatCompletionChunk>,
  failure: (error: unknown) => unknown,
  done: () => void,
): AsyncGenerator<ChatCompletionChunk> {
  try {
    yield* chunks;
  } catch (error) {
    throw failure(error);
  } finally {
    done();
  }
}

// The page's API client: JSON calls with the signed-in key as a Bearer token, and errors turned into plain sentences.
import type { ErrorBody } from './types.js';

export class ApiError extends Error {
  constructor(
    /** The HTTP status, or 0 when the server could not be reached. */
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface Api {
  /** The signed-in key, or null on a server without auth (--insecure-local). */
  readonly key: string | null;
  get<T>(path: string, signal?: AbortSignal): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
  /** An open streamed answer (SSE); rejects like `get` when the server refuses it. */
  stream(path: string, signal: AbortSignal): Promise<Response>;
}

const UNREACHABLE = 'Could not reach the Eleanor server. Check that it is running and your connection, then try again.';

/** The API sits beside /ui: '../v1/…' from the page, so the dashboard also works behind a path prefix. */
const apiUrl = (path: string): string => new URL(`../${path.replace(/^\//, '')}`, document.baseURI).toString();

async function failure(response: Response): Promise<ApiError> {
  let body: Partial<ErrorBody> = {};
  try {
    body = (await response.json()) as Partial<ErrorBody>;
  } catch {
    // Not the API's error shape (a proxy's page, say): the status says enough.
  }
  const code = body.code ?? `HTTP_${response.status}`;
  return new ApiError(
    response.status,
    code,
    body.message ?? `the server answered ${response.status} ${response.statusText}`,
  );
}

export function createApi(key: string | null): Api {
  const headers = (extra: Record<string, string> = {}): Record<string, string> =>
    key === null ? extra : { ...extra, authorization: `Bearer ${key}` };
  const send = async (path: string, init: RequestInit): Promise<Response> => {
    let response: Response;
    try {
      response = await fetch(apiUrl(path), init);
    } catch (error) {
      if (init.signal?.aborted) throw error;
      throw new ApiError(0, 'NETWORK', UNREACHABLE);
    }
    if (!response.ok) throw await failure(response);
    return response;
  };
  return {
    key,
    async get<T>(path: string, signal?: AbortSignal): Promise<T> {
      const response = await send(path, { headers: headers(), ...(signal && { signal }) });
      return (await response.json()) as T;
    },
    async post<T>(path: string, body: unknown): Promise<T> {
      const response = await send(path, {
        method: 'POST',
        headers: headers({ 'content-type': 'application/json' }),
        body: JSON.stringify(body),
      });
      return (await response.json()) as T;
    },
    stream: (path, signal) => send(path, { headers: headers({ accept: 'text/event-stream' }), signal }),
  };
}

/** What to tell the reader about a failed call, in plain words. */
export function explain(error: unknown): string {
  if (!(error instanceof ApiError)) return `Something went wrong in the page: ${String(error)}`;
  switch (error.status) {
    case 0:
      return error.message;
    case 401:
      return 'That key was not accepted: the server does not know it. Check it, or ask an administrator for a reviewer key.';
    case 403:
      return `Your key may not do this — ${error.message}.`;
    case 404:
      return `Not found — ${error.message}.`;
    case 409:
      return error.code === 'REVIEW_CONFLICT'
        ? 'This case was already reviewed by someone else; the first decision stands.'
        : `Refused — ${error.message}.`;
    case 429:
      return 'Too many requests with this key for now; wait a moment and try again.';
    case 503:
      return `The server cannot do this right now — ${error.message}.`;
    default:
      return `The request failed (${error.code}) — ${error.message}.`;
  }
}

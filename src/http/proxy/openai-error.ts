// OpenAI's error shape, for every error the proxy's route answers with: the openai client then raises its typed error.

const ERROR_TYPES: Readonly<Record<number, string>> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  409: 'conflict_error',
  413: 'invalid_request_error',
  415: 'invalid_request_error',
  429: 'rate_limit_error',
};

/** The paths OpenAI's clients call, whose errors answer in OpenAI's shape. */
export function speaksOpenAi(url: string): boolean {
  return url === '/v1/chat/completions' || url.startsWith('/v1/chat/completions?');
}

/** `{ error: { message, type, param, code } }` for an error of the service (`path` becomes `param`). */
export function openAiError(
  status: number,
  body: { readonly message: string; readonly path: string; readonly code: string },
): { error: { message: string; type: string; param: string | null; code: string } } {
  return {
    error: {
      message: body.message,
      type: ERROR_TYPES[status] ?? (status >= 500 ? 'api_error' : 'invalid_request_error'),
      param: body.path === '' ? null : body.path,
      code: body.code,
    },
  };
}

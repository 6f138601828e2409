// HTTP errors: every failure answers `{ code, message, path }` with the right status; an EleanorError maps by code.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isEleanorError, type EleanorErrorCode } from '../core/index.js';
import { openAiError, speaksOpenAi } from './proxy/openai-error.js';

/** Codes only the HTTP service answers with (EleanorError codes pass through as they are). */
export const HTTP_ERROR_CODES = [
  'UNAUTHORIZED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'TOO_MANY_AUTH_FAILURES',
  'MALFORMED_JSON',
  'MALFORMED_REQUEST',
  'BODY_TOO_LARGE',
  'URI_TOO_LONG',
  'HEADERS_TOO_LARGE',
  'REQUEST_TIMEOUT',
  'UNSUPPORTED_MEDIA_TYPE',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'MISDIRECTED_REQUEST',
  'SHUTTING_DOWN',
  'UPSTREAM_UNREACHABLE',
  'UPSTREAM_TIMEOUT',
  'UPSTREAM_FAILED',
  'UPSTREAM_REJECTED',
  'UPSTREAM_RATE_LIMITED',
  'INTERNAL',
] as const;

export type HttpErrorCode = (typeof HTTP_ERROR_CODES)[number];

/** The body of every error answer. `path` names the field at fault ('body.inputText'), or '' when none is. */
export interface ErrorBody {
  code: HttpErrorCode | EleanorErrorCode;
  message: string;
  path: string;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: HttpErrorCode | EleanorErrorCode,
    message: string,
    readonly path = '',
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

const STATUS_OF: Partial<Record<EleanorErrorCode, number>> = {
  INVALID_INPUT: 400,
  REVIEW_INVALID: 400,
  EVIDENCE_NOT_FOUND: 404,
  EVIDENCE_CONFLICT: 409,
  REVIEW_CONFLICT: 409,
  EXECUTION_REFUSED: 409,
  EVIDENCE_TAMPERED: 409,
  MODEL_ERROR: 502,
  ENGINE_CLOSED: 503,
  EVIDENCE_UNAVAILABLE: 503,
};

/** Fastify's own errors (body parsing, routing) by their code. */
const FASTIFY_ERRORS: Readonly<Record<string, [number, HttpErrorCode]>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'MALFORMED_JSON'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'MALFORMED_JSON'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'MALFORMED_JSON'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'BODY_TOO_LARGE'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'UNSUPPORTED_MEDIA_TYPE'],
  FST_ERR_CTP_INVALID_TYPE: [415, 'UNSUPPORTED_MEDIA_TYPE'],
};

/** The status and body an error answers with; `prefix` is where the engine's field paths sit ('body'). */
export function toErrorAnswer(
  error: unknown,
  prefix = 'body',
): { status: number; body: ErrorBody; headers?: Record<string, string> } {
  if (error instanceof HttpError) {
    return {
      status: error.status,
      body: { code: error.code, message: error.message, path: error.path },
      headers: { ...error.headers },
    };
  }
  if (isEleanorError(error)) {
    const path = error.path === undefined ? '' : `${prefix}.${error.path}`;
    return { status: STATUS_OF[error.code] ?? 500, body: { code: error.code, message: error.message, path } };
  }
  const fastifyError = error as Partial<FastifyError> | null;
  const known = typeof fastifyError?.code === 'string' ? FASTIFY_ERRORS[fastifyError.code] : undefined;
  if (known) return { status: known[0], body: { code: known[1], message: cleanMessage(fastifyError!), path: 'body' } };
  const status = fastifyError?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return {
      status,
      body: {
        code: status === 404 ? 'NOT_FOUND' : status === 405 ? 'METHOD_NOT_ALLOWED' : 'INVALID_INPUT',
        message: cleanMessage(fastifyError!),
        path: '',
      },
    };
  }
  return {
    status: 500,
    body: { code: 'INTERNAL', message: 'an internal error occurred; it has been logged', path: '' },
  };
}

function cleanMessage(error: Partial<FastifyError>): string {
  const message = error.message ?? 'bad request';
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return 'the request body is larger than the configured limit (http.bodyLimitBytes)';
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return `${message}: send Content-Type: application/json`;
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') return 'the body is not valid JSON';
  return message;
}

/** Fastify's error handler: answers, and logs only what is the server's fault. */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const answer = toErrorAnswer(error);
  if (answer.status >= 500) request.log.error({ err: error }, 'request failed');
  if (answer.headers) void reply.headers(answer.headers);
  void reply
    .code(answer.status)
    .send(speaksOpenAi(request.url) ? openAiError(answer.status, answer.body) : answer.body);
}

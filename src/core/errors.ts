// EleanorError: the single error class, with a string code, a brand and `cause` passed through.

/** Every code an EleanorError (or a critic outcome's `error.code`) can carry; docs/errors.md lists each. */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'INVALID_CONFIG',
  'CRITIC_GRAPH_INVALID',
  'CRITIC_OUTPUT_INVALID',
  'CRITIC_ERROR',
  'CRITIC_TIMEOUT',
  'CRITIC_POLICY_ERROR',
  'DEADLINE_EXCEEDED',
  'RUN_CANCELLED',
  'CIRCUIT_OPEN',
  'MODEL_ERROR',
  'ENGINE_CLOSED',
  'EVIDENCE_UNAVAILABLE',
  'EVIDENCE_NOT_FOUND',
  'EVIDENCE_CONFLICT',
  'REVIEW_INVALID',
  'REVIEW_CONFLICT',
  'EXECUTION_REFUSED',
  'EVIDENCE_TAMPERED',
  'CRITIC_LOST',
  'CRITIC_VERSION_MISMATCH',
  'TRANSPORT_UNAVAILABLE',
] as const;

export type EleanorErrorCode = (typeof ERROR_CODES)[number];

const BRAND = Symbol.for('eleanor.error');

export class EleanorError extends Error {
  readonly code: EleanorErrorCode;
  /** For bad input: the field at fault, e.g. 'context.user.age' (the HTTP service answers with it). */
  readonly path?: string;
  readonly [BRAND] = true;

  constructor(code: EleanorErrorCode, message: string, options?: { cause?: unknown; path?: string }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.name = 'EleanorError';
    if (options?.path !== undefined) this.path = options.path;
  }
}

/** True for an EleanorError, even one from another copy of the package. */
export function isEleanorError(value: unknown): value is EleanorError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

/** The error a timed-out critic's signal is aborted with, and that `onFailure` receives. */
export class CriticTimeoutError extends Error {
  readonly code: 'CRITIC_TIMEOUT' | 'DEADLINE_EXCEEDED' | 'RUN_CANCELLED';

  constructor(code: CriticTimeoutError['code'], message: string) {
    super(message);
    this.code = code;
    this.name = 'CriticTimeoutError';
  }
}

/** "ClassName: message" — outcome error messages always name the error's class. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const className = error.constructor.name || error.name || 'Error';
    return `${className}: ${error.message}`;
  }
  return `NonError: ${String(error)}`;
}

/** Any thrown value as an Error (critics may throw strings). */
export function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** The error of a finding that fails validation. */
export class CriticOutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CriticOutputError';
  }
}

/** The error of a critic ended by an open circuit breaker. */
export class CircuitOpenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CircuitOpenError';
  }
}

/** The error of a remote critic whose result did not arrive within its time budget (outcome status `lost`). */
export class CriticLostError extends Error {
  readonly code = 'CRITIC_LOST';

  constructor(message: string) {
    super(message);
    this.name = 'CriticLostError';
  }
}

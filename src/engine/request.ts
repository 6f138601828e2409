// Validates an evaluation request: types, text sizes, context size and depth, trace id format (INVALID_INPUT).
import { EleanorError } from '../core/index.js';
import type { EvaluateOptions, EvaluateRequest } from './types.js';
import { MAX_TIMER_MS } from '../core/index.js';

export interface RequestLimits {
  /** Largest inputText or modelResponse, in characters. @default 100_000 */
  readonly maxTextLength: number;
  /** Most keys in context (at any level). @default 100 */
  readonly maxContextKeys: number;
  /** Deepest nesting of context objects and arrays. @default 5 */
  readonly maxContextDepth: number;
}

export const DEFAULT_LIMITS: RequestLimits = Object.freeze({
  maxTextLength: 100_000,
  maxContextKeys: 100,
  maxContextDepth: 5,
});

export const TRACE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

function fail(field: string, expected: string, got?: unknown): never {
  const shown =
    got === undefined ? '' : `, got ${got === null ? 'null' : Array.isArray(got) ? 'an array' : typeof got}`;
  throw new EleanorError('INVALID_INPUT', `${field}: expected ${expected}${shown}`, { path: field });
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function checkText(field: string, value: unknown, limits: RequestLimits): void {
  if (typeof value !== 'string') fail(field, 'a string', value);
  if (value.length > limits.maxTextLength) {
    fail(field, `at most ${limits.maxTextLength} characters, got ${value.length}`);
  }
}

/** Walks the context: JSON-like values only, bounded keys and depth. */
function checkContext(
  value: unknown,
  path: string,
  depth: number,
  limits: RequestLimits,
  count: { keys: number },
): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) fail(path, 'a finite number');
    return;
  }
  if (depth >= limits.maxContextDepth) fail(path, `nesting at most ${limits.maxContextDepth} levels deep`);
  if (Array.isArray(value)) {
    value.forEach((item, i) => checkContext(item, `${path}[${i}]`, depth + 1, limits, count));
    return;
  }
  if (!isPlainObject(value)) fail(path, 'JSON data (string, number, boolean, null, array or plain object)', value);
  for (const [key, item] of Object.entries(value)) {
    if (++count.keys > limits.maxContextKeys) fail('context', `at most ${limits.maxContextKeys} keys`);
    checkContext(item, `${path}.${key}`, depth + 1, limits, count);
  }
}

export function checkRequest(request: unknown, limits: RequestLimits): EvaluateRequest {
  if (!isPlainObject(request)) fail('request', 'an object with inputText', request);
  const allowed = new Set(['inputText', 'modelResponse', 'context', 'traceId']);
  for (const key of Object.keys(request))
    if (!allowed.has(key)) fail(key, 'no such field (allowed: inputText, modelResponse, context, traceId)');
  checkText('inputText', request['inputText'], limits);
  if (request['modelResponse'] !== undefined) checkText('modelResponse', request['modelResponse'], limits);
  const context = request['context'];
  if (context !== undefined) {
    if (!isPlainObject(context)) fail('context', 'a plain object', context);
    checkContext(context, 'context', 0, limits, { keys: 0 });
  }
  const traceId = request['traceId'];
  if (traceId !== undefined && (typeof traceId !== 'string' || !TRACE_ID.test(traceId))) {
    fail(
      'traceId',
      '1–128 characters of letters, digits and . _ : - starting with a letter or digit',
      typeof traceId === 'string' ? undefined : traceId,
    );
  }
  return request as unknown as EvaluateRequest;
}

export function checkOptions(options: unknown): EvaluateOptions {
  if (options === undefined) return {};
  if (!isPlainObject(options)) fail('options', 'an object', options);
  const { signal, deadlineMs, chain, onOutcome, onInputEscalate, generate } = options;
  if (onOutcome !== undefined && typeof onOutcome !== 'function') fail('options.onOutcome', 'a function', onOutcome);
  if (generate !== undefined && typeof generate !== 'function') fail('options.generate', 'a function', generate);
  if (onInputEscalate !== undefined && onInputEscalate !== 'hold' && onInputEscalate !== 'continue') {
    fail('options.onInputEscalate', "'hold' or 'continue'", onInputEscalate);
  }
  if (signal !== undefined && !(signal instanceof AbortSignal)) fail('options.signal', 'an AbortSignal', signal);
  if (deadlineMs !== undefined && (typeof deadlineMs !== 'number' || !(deadlineMs > 0) || deadlineMs > MAX_TIMER_MS)) {
    fail('options.deadlineMs', 'a positive number of milliseconds');
  }
  checkChain(chain);
  return options;
}

const CHAIN_NAME = /^[A-Za-z0-9._:-]{1,128}$/;

function checkChain(chain: unknown): void {
  if (chain !== undefined && (typeof chain !== 'string' || !CHAIN_NAME.test(chain))) {
    fail('options.chain', '1–128 letters, digits or . _ : -', chain);
  }
}

/** `execute`'s and `decide`'s options: which chain's trace (trace ids are scoped per chain). */
export function checkScope(options: unknown): { chain?: string } {
  if (options === undefined) return {};
  if (!isPlainObject(options)) fail('options', 'an object', options);
  checkChain(options.chain);
  return options.chain === undefined ? {} : { chain: options.chain as string };
}

// Validates a run's input and options and makes the frozen snapshot critics see (the caller's object is never touched).
import { randomUUID } from 'node:crypto';
import { EleanorError } from './errors.js';
import { MAX_TIMER_MS } from './spec-schema.js';
import type { CriticInput, RunOptions } from './types.js';

const EMPTY_CONTEXT: Readonly<Record<string, unknown>> = Object.freeze({});

function invalid(field: string, expected: string, got: unknown): EleanorError {
  const shown = got === null ? 'null' : Array.isArray(got) ? 'an array' : typeof got;
  return new EleanorError('INVALID_INPUT', `${field}: expected ${expected}, got ${shown}`);
}

/** Freezes plain data; typed arrays cannot be frozen and Map/Set contents stay mutable (documented). */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value) && !ArrayBuffer.isView(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function snapshotContext(context: unknown): Readonly<Record<string, unknown>> {
  if (context === undefined) return EMPTY_CONTEXT;
  if (!isPlainObject(context)) throw invalid('input.context', 'a plain object', context);
  if (Object.keys(context).length === 0) return EMPTY_CONTEXT;
  try {
    return deepFreeze(structuredClone(context));
  } catch (cause) {
    throw new EleanorError('INVALID_INPUT', 'input.context: expected plain data (structured-cloneable)', { cause });
  }
}

/** The snapshot critics receive: a frozen copy, so no critic can change what another sees. */
export function snapshotInput(input: unknown): CriticInput {
  if (!isPlainObject(input)) throw invalid('input', 'a plain object', input);
  const { inputText, modelResponse, context, traceId } = input;
  if (typeof inputText !== 'string') throw invalid('input.inputText', 'a string', inputText);
  if (modelResponse !== undefined && typeof modelResponse !== 'string') {
    throw invalid('input.modelResponse', 'a string', modelResponse);
  }
  if (traceId !== undefined && (typeof traceId !== 'string' || traceId === '')) {
    throw invalid('input.traceId', 'a non-empty string', traceId);
  }
  return Object.freeze({
    inputText,
    modelResponse: modelResponse ?? '',
    context: snapshotContext(context),
    traceId: traceId ?? randomUUID(),
  });
}

export function checkRunOptions(opts: unknown, criticNames: ReadonlyMap<string, number>): RunOptions {
  if (opts === undefined) return {};
  if (typeof opts !== 'object' || opts === null) throw invalid('options', 'an object', opts);
  const { signal, deadlineMs, only, onOutcome, scope } = opts as Record<string, unknown>;
  if (scope !== undefined && (typeof scope !== 'object' || scope === null))
    throw invalid('options.scope', 'an object (the run identity hooks receive)', scope);
  if (onOutcome !== undefined && typeof onOutcome !== 'function')
    throw invalid('options.onOutcome', 'a function', onOutcome);
  if (signal !== undefined && !(signal instanceof AbortSignal))
    throw invalid('options.signal', 'an AbortSignal', signal);
  if (deadlineMs !== undefined && (typeof deadlineMs !== 'number' || !(deadlineMs > 0) || deadlineMs > MAX_TIMER_MS)) {
    throw new EleanorError(
      'INVALID_INPUT',
      `options.deadlineMs: expected a positive number of ms up to ${MAX_TIMER_MS}, got ${typeof deadlineMs === 'number' ? deadlineMs : typeof deadlineMs}`,
    );
  }
  if (only !== undefined) {
    if (!Array.isArray(only)) throw invalid('options.only', 'an array of critic names', only);
    for (const name of only) {
      if (typeof name !== 'string' || !criticNames.has(name)) {
        throw new EleanorError('INVALID_INPUT', `options.only: unknown critic '${String(name)}'`);
      }
    }
  }
  return opts;
}

// The function model adapter: a caller's own function (sync or async) produces the response; programmatic only.
import { abortError, raceAbort } from './abort.js';
import type { ModelAdapter, ModelRequest } from './model-adapter.js';
import { EleanorError } from '../core/index.js';

/** Produces the response. It should stop work when `signal` aborts; the adapter rejects at once either way. */
export type ModelFunction = (request: ModelRequest, signal: AbortSignal) => string | Promise<string>;

export interface FunctionModelOptions {
  readonly fn: ModelFunction;
  /** The adapter's name. @default 'function' */
  readonly name?: string | undefined;
}

/**
 * A model backed by your own async function.
 * @example
 * const model = createFunctionModel({ fn: async ({ inputText }) => `You asked: ${inputText}` });
 */
export function createFunctionModel(options: FunctionModelOptions): ModelAdapter {
  const { fn, name = 'function' } = options;
  if (typeof fn !== 'function') {
    throw new EleanorError('INVALID_CONFIG', `function model: fn: expected a function, received ${typeof fn}`);
  }
  if (typeof name !== 'string' || name.length === 0) {
    throw new EleanorError('INVALID_CONFIG', 'function model: name: expected a non-empty string');
  }
  return {
    name,
    async generate(request, { signal }) {
      if (signal.aborted) throw abortError(signal);
      // Promise.resolve().then turns a synchronous throw into a rejection.
      const response = await raceAbort(
        Promise.resolve().then(() => fn(request, signal)),
        signal,
      );
      if (typeof response !== 'string') {
        throw new TypeError(`function model '${name}' returned ${typeof response}, expected a string`);
      }
      return response;
    },
  };
}

// Tests of the function model adapter: conformance (async and sync functions), arguments, errors, validation.
import { describe, expect, it } from 'vitest';
import { isEleanorError } from '../core/errors.js';
import { createFunctionModel, type FunctionModelOptions, type ModelFunction } from './function-model.js';
import { describeModelAdapter } from './model-adapter.conformance.js';
import type { ModelRequest } from './model-adapter.js';

const req: ModelRequest = { inputText: 'hello', context: { user: 'u1' }, traceId: 'trace-1' };
const live = (): AbortSignal => new AbortController().signal;

function hanging(ignoreSignal: boolean): { fn: ModelFunction; started: Promise<void> } {
  let markStarted: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  const fn: ModelFunction = (_request, signal) => {
    markStarted();
    return new Promise<string>((_resolve, reject) => {
      if (!ignoreSignal) signal.addEventListener('abort', () => reject(new Error('fn saw the abort')), { once: true });
    });
  };
  return { fn, started };
}

describeModelAdapter('function (async)', () => ({
  create: () => createFunctionModel({ fn: async (r) => `echo: ${r.inputText.length > 0 ? 'ok' : ''}` }),
  expected: 'echo: ok',
  createHanging: () => {
    const { fn, started } = hanging(false);
    return { adapter: createFunctionModel({ fn }), started };
  },
}));

describeModelAdapter('function (sync, ignores its signal)', () => {
  let calls = 0;
  return {
    create: () =>
      createFunctionModel({
        fn: () => {
          calls++;
          return 'sync answer';
        },
      }),
    expected: 'sync answer',
    calls: () => calls,
    createHanging: () => {
      const { fn, started } = hanging(true);
      return { adapter: createFunctionModel({ fn }), started };
    },
  };
});

describe('createFunctionModel', () => {
  it('passes the request and the signal to the function', async () => {
    const seen: Array<[ModelRequest, AbortSignal]> = [];
    const signal = live();
    const model = createFunctionModel({
      fn: (request, s) => {
        seen.push([request, s]);
        return 'done';
      },
    });
    await model.generate(req, { signal });
    expect(seen).toEqual([[req, signal]]);
  });

  it("is named 'function' unless given a name", () => {
    expect(createFunctionModel({ fn: () => '' }).name).toBe('function');
    expect(createFunctionModel({ fn: () => '', name: 'mock-llm' }).name).toBe('mock-llm');
  });

  it("rejects with the function's error, sync or async", async () => {
    const boom = new RangeError('boom');
    const sync = createFunctionModel({
      fn: () => {
        throw boom;
      },
    });
    const async = createFunctionModel({ fn: () => Promise.reject(boom) });
    await expect(sync.generate(req, { signal: live() })).rejects.toBe(boom);
    await expect(async.generate(req, { signal: live() })).rejects.toBe(boom);
  });

  it('rejects a non-string result with a TypeError naming the adapter', async () => {
    const model = createFunctionModel({ fn: (() => 42) as unknown as ModelFunction, name: 'bad' });
    await expect(model.generate(req, { signal: live() })).rejects.toThrow(
      new TypeError("function model 'bad' returned number, expected a string"),
    );
  });

  it('rejects a missing fn with INVALID_CONFIG', () => {
    let error: unknown;
    try {
      createFunctionModel({} as FunctionModelOptions);
    } catch (e) {
      error = e;
    }
    expect(isEleanorError(error) && error.code).toBe('INVALID_CONFIG');
    expect((error as Error).message).toMatch(/fn: expected a function/);
  });
});

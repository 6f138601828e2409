// Tests of the static model adapter: the conformance suite, naming, empty responses, option validation.
import { describe, expect, it } from 'vitest';
import { isEleanorError } from '../core/errors.js';
import { describeModelAdapter } from './model-adapter.conformance.js';
import { createStaticModel, type StaticModelOptions } from './static-model.js';

describeModelAdapter('static', () => ({
  create: () => createStaticModel({ response: 'Paris.' }),
  expected: 'Paris.',
}));

describe('createStaticModel', () => {
  it("is named 'static' unless given a name", () => {
    expect(createStaticModel({ response: '' }).name).toBe('static');
    expect(createStaticModel({ response: '', name: 'replay' }).name).toBe('replay');
  });

  it('may answer an empty response', async () => {
    const model = createStaticModel({ response: '' });
    await expect(
      model.generate({ inputText: 'x', context: {}, traceId: 't' }, { signal: new AbortController().signal }),
    ).resolves.toBe('');
  });

  it('rejects a response that is not a string with INVALID_CONFIG naming the field', () => {
    const error: unknown = (() => {
      try {
        createStaticModel({ response: 42 } as unknown as StaticModelOptions);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(isEleanorError(error) && error.code).toBe('INVALID_CONFIG');
    expect((error as Error).message).toMatch(/static model: response/);
  });
});

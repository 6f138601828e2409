// Tests of the model configuration schema and createModelAdapter.
import { describe, expect, it } from 'vitest';
import { isEleanorError } from '../core/errors.js';
import { createModelAdapter, modelConfigSchema, type ModelConfig } from './config.js';

const live = (): AbortSignal => new AbortController().signal;
const req = { inputText: 'hi', context: {}, traceId: 't' };

function configError(config: unknown): Error {
  try {
    createModelAdapter(config as ModelConfig);
  } catch (e) {
    if (isEleanorError(e) && e.code === 'INVALID_CONFIG') return e;
    throw e;
  }
  throw new Error('expected INVALID_CONFIG');
}

describe('modelConfigSchema', () => {
  it("accepts 'static' and 'openai' configs", () => {
    expect(modelConfigSchema.parse({ type: 'static', response: 'ok' })).toEqual({ type: 'static', response: 'ok' });
    const openai = { type: 'openai', baseURL: 'http://127.0.0.1:8080/v1', model: 'm', timeoutMs: 5000 };
    expect(modelConfigSchema.parse(openai)).toEqual(openai);
  });

  it("rejects 'function' (programmatic only), unknown types and unknown fields", () => {
    expect(modelConfigSchema.safeParse({ type: 'function', fn: 'x' }).success).toBe(false);
    expect(modelConfigSchema.safeParse({ type: 'anthropic' }).success).toBe(false);
    expect(modelConfigSchema.safeParse({ type: 'static', response: '', respnose: '' }).success).toBe(false);
  });
});

describe('createModelAdapter', () => {
  it('builds a static adapter from config', async () => {
    const model = createModelAdapter({ type: 'static', response: 'fixed' });
    expect(model.name).toBe('static');
    await expect(model.generate(req, { signal: live() })).resolves.toBe('fixed');
  });

  it('builds an openai adapter from config (without calling it)', () => {
    expect(createModelAdapter({ type: 'openai', baseURL: 'http://127.0.0.1:1/v1', model: 'gpt-x' }).name).toBe(
      'openai:gpt-x',
    );
  });

  it('builds a function adapter programmatically', async () => {
    const model = createModelAdapter({ type: 'function', fn: (r) => r.inputText.toUpperCase() });
    await expect(model.generate(req, { signal: live() })).resolves.toBe('HI');
  });

  it('throws INVALID_CONFIG naming the bad fields', () => {
    expect(configError({ type: 'openai', baseURL: 'not a url', model: 'm' }).message).toMatch(/^model: baseURL: /);
    expect(configError({ type: 'static' }).message).toMatch(/^model: response: /);
    expect(configError({ type: 'nope' }).message).toMatch(/^model: type: /);
    expect(configError(null).message).toMatch(/^model: \(root\): /);
  });
});

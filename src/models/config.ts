// Model adapter configuration: a zod schema for config files ('static' | 'openai') and the factory that builds an adapter.
import { z } from 'zod';
import { EleanorError } from '../core/index.js';
import { createFunctionModel, type FunctionModelOptions } from './function-model.js';
import type { ModelAdapter } from './model-adapter.js';
import { createOpenAIModel, openAIModelOptionsSchema } from './openai-model.js';
import { parseConfig } from './parse-config.js';
import { createStaticModel, staticModelOptionsSchema } from './static-model.js';

/** The `model` section of a config file. A 'function' model is programmatic only (see `createModelAdapter`). */
export const modelConfigSchema = z.discriminatedUnion('type', [
  staticModelOptionsSchema.extend({ type: z.literal('static') }),
  openAIModelOptionsSchema.extend({ type: z.literal('openai') }),
]);

export type ModelConfig = z.input<typeof modelConfigSchema>;

/** A function model, given in code rather than in a config file. */
export type FunctionModelConfig = FunctionModelOptions & { readonly type: 'function' };

/**
 * Builds the adapter a config names; throws EleanorError INVALID_CONFIG naming every bad field.
 * @example
 * const model = createModelAdapter({ type: 'static', response: 'Unplug it for ten seconds.' });
 */
export function createModelAdapter(config: ModelConfig | FunctionModelConfig): ModelAdapter {
  if (typeof config === 'object' && config !== null && config.type === 'function') {
    const { type: _type, ...options } = config;
    return createFunctionModel(options);
  }
  const parsed = parseConfig(modelConfigSchema, config, 'model');
  switch (parsed.type) {
    case 'static': {
      const { type: _type, ...options } = parsed;
      return createStaticModel(options);
    }
    case 'openai': {
      const { type: _type, ...options } = parsed;
      return createOpenAIModel(options);
    }
    default: {
      const unreachable: never = parsed;
      throw new EleanorError('INVALID_CONFIG', `model: unknown type in ${JSON.stringify(unreachable)}`);
    }
  }
}

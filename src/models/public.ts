// Model adapters: what produces the model's response when the caller did not give one.
export type { GenerateOptions, ModelAdapter, ModelRequest } from './model-adapter.js';
export { createStaticModel, staticModelOptionsSchema, type StaticModelOptions } from './static-model.js';
export { createFunctionModel, type FunctionModelOptions, type ModelFunction } from './function-model.js';
export { createOpenAIModel, openAIModelOptionsSchema, type OpenAIModelOptions } from './openai-model.js';
export { createModelAdapter, modelConfigSchema, type FunctionModelConfig, type ModelConfig } from './config.js';
export { ModelRequestError, TRACE_HEADER } from './chat-endpoint.js';

// The engine layer's entry: createEngine, configuration loading, and the shapes users see.
export { createEngine, DEFAULT_CRITIC_TIMEOUT_MS, DEFAULT_DEADLINE_MS, type Engine } from './engine.js';
export type { CriticConfig, CriticSettings, EngineConfig, HttpConfig, JudgeConfig, ModelConfig } from './config.js';
export type { EngineInfra } from './infra.js';
export { DEFAULT_LIMITS, type RequestLimits } from './request.js';
export { loadConfig, validateConfig, DEFAULT_CONFIG_FILES } from './config/load.js';
export { ENV_VARIABLES } from './config/env.js';
export * from './types.js';
export { conversationInput, type ChatMessage, type GuardRequest } from './conversation.js';
export { DEFAULT_WINDOW_CHARS, StreamStop, type GuardStreamEvent, type GuardStreamOptions } from './stream-guard.js';

// Shared with the layers above.
export {
  KEY_SECRET_ENV,
  generateKeySecret,
  keySecretFrom,
  keyedHash,
  readKeySecretFile,
  resolveKeySecret,
} from './config/api-key-secret.js';
export { API_ROLES, apiKeySchema, type ApiKeyConfig, type ApiRole } from './config/http-schema.js';
export { type ProxyConfig } from './config/proxy-schema.js';
export { moduleCritic, setUpCritics } from './critic-setup.js';
export { DEFAULT_CHAIN } from './evidence-setup.js';

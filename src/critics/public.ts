// The `eleanor/critics` entry: the built-in critics, the rule-critic builder and the LLM judge.
export { BUILTIN_CRITICS, builtinCritic } from './registry.js';
export type { BuiltinCritic, Fixture, Fixtures, SyncBuiltinCritic } from './critic.js';
export {
  createRuleCritic,
  MAX_VIOLATIONS_PER_RULE,
  type Detector,
  type FramedPhrases,
  type PhraseRule,
  type RuleCriticDefinition,
  type Ruleset,
} from './rule-critic.js';
export {
  createLlmJudgeCritic,
  llmJudgeConfigSchema,
  LlmJudgeOutputError,
  type LlmJudgeCritic,
  type LlmJudgeConfig,
  type LlmJudgeOptions,
} from './llm-judge/index.js';

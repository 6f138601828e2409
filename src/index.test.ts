import { describe, expect, it } from 'vitest';
import * as eleanor from './index.js';

describe('public entry', () => {
  it('exports exactly the documented runtime names', () => {
    expect(Object.keys(eleanor).sort()).toMatchInlineSnapshot(`
      [
        "BUILTIN_CRITICS",
        "CANONICAL_STATEMENTS",
        "CLAUSES",
        "CRITIC_STATUSES",
        "CircuitOpenError",
        "CriticOutputError",
        "CriticTimeoutError",
        "DEFAULT_CONFIG_FILES",
        "DEFAULT_LIMITS",
        "DEFAULT_PRIORITY_ORDER",
        "DEFAULT_THRESHOLDS",
        "DURATION_BUCKETS_MS",
        "ENV_VARIABLES",
        "ERROR_CODES",
        "EleanorError",
        "ModelRequestError",
        "Orchestrator",
        "UNCERTAINTY_THRESHOLD",
        "VIOLATION_SEVERITY",
        "builtinCritic",
        "checkFinding",
        "composeHooks",
        "createEngine",
        "createFunctionModel",
        "createLlmJudgeCritic",
        "createModelAdapter",
        "createOpenAIModel",
        "createRuleCritic",
        "createStaticModel",
        "decide",
        "isEleanorError",
        "isFinding",
        "llmJudgeConfigSchema",
        "loadConfig",
        "modelConfigSchema",
        "shortCircuit",
        "validateConfig",
      ]
    `);
  });
});

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
        "DEFAULT_SQLITE_PATH",
        "DEFAULT_THRESHOLDS",
        "DURATION_BUCKETS_MS",
        "ENV_VARIABLES",
        "ERROR_CODES",
        "EVENT_TYPES",
        "EleanorError",
        "GENESIS_HASH",
        "LogHistogram",
        "ModelRequestError",
        "Orchestrator",
        "PgEvidenceStore",
        "SqliteEvidenceStore",
        "UNCERTAINTY_THRESHOLD",
        "VIOLATION_SEVERITY",
        "attachSink",
        "builtinCritic",
        "cacheKey",
        "canonicalJson",
        "chainHash",
        "checkFinding",
        "composeHooks",
        "createAdaptiveTimeoutHooks",
        "createAimdConcurrency",
        "createBreakerHooks",
        "createCacheHooks",
        "createDegradationHooks",
        "createEngine",
        "createEventBus",
        "createFunctionModel",
        "createLlmJudgeCritic",
        "createMemorySink",
        "createMetrics",
        "createModelAdapter",
        "createNatsSink",
        "createOpenAIModel",
        "createRuleCritic",
        "createStaticModel",
        "createTracingHooks",
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

describe('eleanor/http entry', () => {
  it('exports exactly the documented runtime names', async () => {
    const http = await import('./http/index.js');
    expect(Object.keys(http).sort()).toEqual([
      'HTTP_ERROR_CODES',
      'createHttpServer',
      'dashboard',
      'generateApiKey',
      'openApiDocument',
      'sha256Hex',
    ]);
  });
});

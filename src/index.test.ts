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
        "CriticLostError",
        "CriticOutputError",
        "CriticTimeoutError",
        "DEFAULT_CONFIG_FILES",
        "DEFAULT_LIMITS",
        "DEFAULT_PREFIX",
        "DEFAULT_PRIORITY_ORDER",
        "DEFAULT_QUEUE",
        "DEFAULT_SQLITE_PATH",
        "DEFAULT_THRESHOLDS",
        "DURATION_BUCKETS_MS",
        "ENV_VARIABLES",
        "ERROR_CODES",
        "EVENT_TYPES",
        "EleanorError",
        "GENESIS_HASH",
        "JOB_RESULTS",
        "LogHistogram",
        "ModelRequestError",
        "Orchestrator",
        "PgEvidenceStore",
        "RemoteCriticError",
        "SqliteEvidenceStore",
        "UNCERTAINTY_THRESHOLD",
        "VIOLATION_SEVERITY",
        "WORKER_DEFAULTS",
        "attachSink",
        "builtinCritic",
        "cacheKey",
        "canonicalJson",
        "chainHash",
        "checkFinding",
        "checkInclusionProof",
        "composeHooks",
        "createAdaptiveTimeoutHooks",
        "createAimdConcurrency",
        "createBreakerHooks",
        "createBullmqTransport",
        "createCacheHooks",
        "createCriticWorker",
        "createDegradationHooks",
        "createEngine",
        "createEventBus",
        "createFunctionModel",
        "createLlmJudgeCritic",
        "createLocalTransport",
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
        "jobIdFor",
        "listWorkers",
        "llmJudgeConfigSchema",
        "loadConfig",
        "modelConfigSchema",
        "queueNames",
        "shortCircuit",
        "validateConfig",
      ]
    `);
  });
});

describe('eleanor/http entry', () => {
  it('exports exactly the documented runtime names', async () => {
    const http = await import('./http/public.js');
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

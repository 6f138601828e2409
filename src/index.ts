// Eleanor's public entry: every export is named here or in core/index.ts (a test snapshots the list).
// The orchestrator: the names of `eleanor/core`.
export * from './core/public.js';

// The engine: configuration → critics → evaluate() → Evaluation.
export {
  createEngine,
  loadConfig,
  validateConfig,
  DEFAULT_LIMITS,
  DEFAULT_CONFIG_FILES,
  ENV_VARIABLES,
  type Engine,
  type EngineConfig,
  type CriticConfig,
  type CriticSettings,
  type JudgeConfig,
  type ModelConfig,
  type HttpConfig,
  type EvaluateOptions,
  type ChatMessage,
  type GuardRequest,
  type GuardStreamEvent,
  type GuardStreamOptions,
  type GenerationStage,
  type GeneratedText,
  type EvaluateRequest,
  type RequestLimits,
  type EngineInfra,
} from './engine/index.js';

// The governance vocabulary: decisions, gates, the decision rules and the doctrine.
export {
  decide,
  DEFAULT_THRESHOLDS,
  DEFAULT_PRIORITY_ORDER,
  CLAUSES,
  CANONICAL_STATEMENTS,
  type CriticInfo,
  type CriticKind,
  type CriticReads,
  type Clause,
  type Decision,
  type DecisionThresholds,
  type Evaluation,
  type EvaluationMode,
  type FailurePolicy,
  type Gate,
  type InputEscalatePolicy,
  type RequiredAction,
  type StageReport,
  type Stages,
  type StreamReport,
  type Tier,
} from './verdict/index.js';

// Critics: the built-ins, the doctrine, the LLM judge; model adapters.
export { BUILTIN_CRITICS, builtinCritic } from './critics/index.js';
export type { BuiltinCritic, Fixture, Fixtures } from './critics/index.js';
export { createRuleCritic, type PhraseRule, type Ruleset, type Detector } from './critics/index.js';
export { createLlmJudgeCritic, llmJudgeConfigSchema } from './critics/index.js';
export {
  createModelAdapter,
  createStaticModel,
  createFunctionModel,
  createOpenAIModel,
  modelConfigSchema,
  ModelRequestError,
  type ModelAdapter,
  type ModelRequest,
} from './models/index.js';

// Infrastructure: several hook sets attached to one orchestrator.
export { composeHooks, type ComposeOptions } from './infra/index.js';
export { createCacheHooks, cacheKey, type CacheHooks, type CacheOptions } from './infra/index.js';
export { createBreakerHooks, type BreakerHooks, type BreakerOptions, type BreakerState } from './infra/index.js';
export { createDegradationHooks, type DegradationOptions } from './infra/index.js';
export {
  createEventBus,
  attachSink,
  createMemorySink,
  createNatsSink,
  EVENT_TYPES,
  type EventBus,
  type EventSink,
  type EleanorEvent,
  type EventType,
} from './infra/index.js';
export { createMetrics, type EleanorMetrics, type MetricsOptions } from './infra/index.js';
export { createTracingHooks } from './infra/index.js';
export { createAdaptiveTimeoutHooks, createAimdConcurrency, LogHistogram } from './infra/index.js';

// Evidence: the tamper-evident record, the review queue and the execution gate.
export {
  SqliteEvidenceStore,
  PgEvidenceStore,
  DEFAULT_SQLITE_PATH,
  canonicalJson,
  chainHash,
  GENESIS_HASH,
  checkInclusionProof,
  type InclusionProof,
  type Checkpoint,
  type CheckpointsConfig,
  type SqliteStoreOptions,
  type PgStoreOptions,
  type EvidenceConfig,
  type EvaluationPayload,
  type HashedText,
  type Redaction,
  type ExecutionGrant,
  type ReviewDecision,
  type ReviewDecisionInput,
  type ReviewQueue,
  type ChainBreak,
  type ChainReport,
  type EvidenceEntry,
  type EvidenceRef,
  type EvidenceStore,
  type ExportQuery,
  type ReviewAction,
  type ReviewCase,
  type ReviewCounts,
  type ReviewExcerpt,
  type ReviewOutcome,
  type ReviewPage,
  type ReviewQuery,
  type ReviewRecord,
  type ReviewStatus,
  type TopRule,
  type VerifyReport,
} from './evidence/index.js';

// Distributed execution: critics on a pool of BullMQ workers (`eleanor worker`) through Redis.
export { createCriticWorker } from './critic-worker.js';
export {
  createLocalTransport,
  createBullmqTransport,
  listWorkers,
  jobIdFor,
  queueNames,
  RemoteCriticError,
  DEFAULT_QUEUE,
  DEFAULT_PREFIX,
  WORKER_DEFAULTS,
  JOB_RESULTS,
  type TransportKind,
  type TransportConfig,
  type BullmqTransport,
  type BullmqTransportConfig,
  type BullmqTransportOptions,
  type BullmqTransportStats,
  type CriticWorker,
  type CriticWorkerOptions,
  type WorkerRecord,
  type WorkerSettings,
  type WorkerCounts,
  type JobResult,
  type QueueNames,
  type CriticJobData,
  type CriticJobResult,
  type JobFailure,
} from './distributed/index.js';

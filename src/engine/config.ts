// The programmatic engine configuration (validated at run time by config/schema.ts).
import type { CriticFn, GatingPolicy, Hooks, OrchestratorLogger, RetryOptions } from '../core/index.js';
import type { RequestLimits } from './request.js';
import type { DecisionThresholds, FailurePolicy, InputEscalatePolicy } from '../verdict/index.js';
import type { CriticReads } from '../verdict/index.js';
import type { LlmJudgeOptions } from '../critics/index.js';
import type { ModelConfig } from '../models/index.js';
import type { ModelAdapter } from '../models/index.js';
import type { EngineInfra } from './infra.js';
import type { InfrastructureConfig } from './config/infrastructure-schema.js';
import type { EvidenceConfig } from '../evidence/index.js';
import type { HttpConfig } from './config/http-schema.js';
import type { ProxyConfig } from './config/proxy-schema.js';
import type { TransportConfig } from '../distributed/index.js';

export type { EvidenceConfig, HttpConfig, InfrastructureConfig, ModelConfig, TransportConfig };

/** Scheduling and failure settings of one critic. */
export interface CriticSettings {
  /** @default true */
  readonly enabled?: boolean;
  /** Per attempt. @default the engine's timeoutMs */
  readonly timeoutMs?: number;
  /** Start order under a concurrency cap, 1 (first) .. 10. @default 5 */
  readonly priority?: number;
  readonly policy?: GatingPolicy;
  readonly dependsOn?: readonly string[];
  readonly retries?: RetryOptions;
  readonly maxConcurrent?: number;
  readonly ratePerSecond?: number;
  /** What a failure of this critic means. @default 'escalate' */
  readonly failurePolicy?: FailurePolicy;
  /** `false` keeps this critic out of the configured result cache (e.g. a nondeterministic judge). @default true */
  readonly cache?: boolean;
}

/** What a custom or module critic declares it reads (a built-in declares it itself; an LLM judge reads both). */
export interface ReadsSetting {
  /**
   * 'input', 'response' or 'both'. An input-only evaluation (no response) skips the critics that read only the
   * response. @default 'both'
   */
  readonly reads?: CriticReads;
}

/** An LLM judge: endpoint, model and prompt; the principle defaults to the critic's name. */
export type JudgeConfig = Omit<LlmJudgeOptions, 'name' | 'principle'> & { readonly principle?: string };

export type CriticConfig = CriticSettings &
  (
    | { readonly builtin?: string; readonly options?: Record<string, unknown> }
    | ({ readonly evaluate: CriticFn; readonly version?: string } & ReadsSetting)
    | ({ readonly module: string; readonly export?: string; readonly version?: string } & ReadsSetting)
    | { readonly judge: JudgeConfig }
  );

export interface EngineConfig {
  /** The critics by name: a built-in's name, or any name with `evaluate`, `module` or `judge`. @default every built-in */
  readonly critics?: Readonly<Record<string, CriticConfig>>;
  /** Generates the response when a request has none. @default none (a request without a response is input-only) */
  readonly model?: ModelConfig | ModelAdapter;
  /** Default per-critic timeout. @default 5_000 */
  readonly timeoutMs?: number;
  /** Default deadline of one evaluation, generation included. @default 10_000 */
  readonly deadlineMs?: number;
  /**
   * With a model adapter: what an escalated input stage does — `hold` stops the model's call and returns the
   * escalation, `continue` lets the model answer and governs the response too. A denied input always stops it.
   * @default 'continue'
   */
  readonly onInputEscalate?: InputEscalatePolicy;
  /** Critics running at once across all evaluations. @default unbounded */
  readonly concurrency?: number;
  readonly decision?: Partial<DecisionThresholds>;
  /** Critic names, highest priority first, for the order of violations. @default DEFAULT_PRIORITY_ORDER */
  readonly priorityOrder?: readonly string[];
  readonly limits?: Partial<RequestLimits>;
  readonly hooks?: Hooks;
  /** Infrastructure pieces (cache, breakers, events, metrics, tracing), in code. @default none */
  readonly infra?: readonly EngineInfra[];
  /**
   * Infrastructure set by configuration (file-friendly): cache, breakers, fallbacks, events, metrics, tracing,
   * adaptive timeouts and concurrency. Its pieces come before those of `infra`. @default none
   */
  readonly infrastructure?: InfrastructureConfig;
  /**
   * Where evaluations are recorded: SQLite at './data/eleanor.db' by default, PostgreSQL, memory, or `false` for
   * nothing (then `execute()` refuses everything). @default { store: 'sqlite' }
   */
  readonly evidence?: EvidenceConfig;
  /** What `eleanor serve` listens on, its limits and API keys (the engine itself ignores it). @default none */
  readonly http?: HttpConfig;
  /** `eleanor serve`'s OpenAI-compatible governing proxy, `POST /v1/chat/completions` (docs/proxy.md). @default off */
  readonly proxy?: ProxyConfig;
  /**
   * Where critics run: in-process (`{ kind: 'local' }`, the default), on BullMQ workers (`eleanor worker`) through
   * Redis (`{ kind: 'bullmq', redis: { url }, … }`), or (in code) any CriticTransport. @default { kind: 'local' }
   */
  readonly transport?: TransportConfig;
  readonly logger?: OrchestratorLogger;
  /** Where relative `module` paths are resolved. @default process.cwd() */
  readonly baseDir?: string;
}

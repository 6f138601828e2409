// The public shapes of the core contract (DESIGN.md, "The core contract").
import type { ZodType } from 'zod';

/** What every critic sees: the user's input, the model's response, context and trace id. */
export interface CriticInput {
  /** What the user asked. */
  readonly inputText: string;
  /** What the model answered (may be ''). */
  readonly modelResponse: string;
  readonly context: Readonly<Record<string, unknown>>;
  readonly traceId: string;
}

/** The input a caller passes to `run`: `modelResponse`, `context` and `traceId` may be omitted. */
export interface RunInput {
  readonly inputText: string;
  /** @default '' */
  readonly modelResponse?: string;
  /** @default {} */
  readonly context?: Record<string, unknown>;
  /** @default a random UUID */
  readonly traceId?: string;
}

/** Where in a text a violation was found (UTF-16 offsets, end exclusive). */
export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface Violation {
  /** Rule id, e.g. 'privacy.payment_card'. */
  rule: string;
  /** Plain words for a reviewer. */
  message: string;
  /** 0..3 */
  severity: number;
  /** Doctrine clause, e.g. 'P1'. */
  clause?: string;
  span?: Span;
  [extra: string]: unknown;
}

/** A critic's demand that a human looks at the decision; it cannot be averaged away. */
export interface EscalationSignal {
  tier: 2 | 3;
  clause: string;
  rationale: string;
}

/** What a critic returns. Extra fields are preserved. */
export interface Finding {
  /** 0..1 */
  score: number;
  /** 0..3, fractions allowed: 0 none, 1 minor, 2 violation threshold, 3 severe. */
  severity: number;
  violations: Violation[];
  justification?: string;
  principle?: string;
  escalation?: EscalationSignal;
  /** 0..1 */
  uncertainty?: number;
  [extra: string]: unknown;
}

export type CriticStatus =
  'success' | 'timeout' | 'error' | 'gated' | 'skipped' | 'circuit_open' | 'cancelled' | 'lost';

/** Every status, in a fixed order (for metrics and exhaustive checks). */
export const CRITIC_STATUSES: readonly CriticStatus[] = Object.freeze([
  'success',
  'timeout',
  'error',
  'gated',
  'skipped',
  'circuit_open',
  'cancelled',
  'lost',
]);

export interface CriticOutcome {
  critic: string;
  status: CriticStatus;
  /** The critic's finding, the hook's fallback, or the failure template. */
  finding: Finding;
  /** Monotonic milliseconds from the critic's start (hooks included) to its outcome. */
  durationMs: number;
  /** How many times the critic's function was called. */
  attempts: number;
  fromCache: boolean;
  /** True when `finding` is a fallback. */
  degraded: boolean;
  /** Present for failures; `message` contains the error's class name. */
  error?: { code: string; message: string };
  gatingReason?: string;
}

export interface CriticContext {
  /** Aborted at the critic's timeout or the run's deadline. */
  readonly signal: AbortSignal;
  /** 1 for the first try. */
  readonly attempt: number;
  /** Outcomes of the declared dependencies only. */
  readonly prior: Readonly<Record<string, CriticOutcome>>;
}

export type CriticFn = (input: CriticInput, ctx: CriticContext) => Promise<Finding> | Finding;

export type GatingPredicate = (input: CriticInput, prior: Readonly<Record<string, CriticOutcome>>) => boolean;

export type GatingPolicy = 'always' | 'on_violation' | 'on_high_risk' | 'on_uncertainty' | GatingPredicate;

export interface RetryOptions {
  /** Retries after the first attempt (attempts <= max + 1). */
  readonly max: number;
  /** Retry timeouts as well as errors. @default false */
  readonly onTimeout?: boolean;
  /** Smallest backoff before a retry, in ms. @default 25 */
  readonly baseMs?: number;
  /** Largest backoff before a retry, in ms. @default 1000 */
  readonly maxMs?: number;
}

export interface CriticSpec {
  readonly evaluate: CriticFn;
  /** Required when specs are given as an array; otherwise the record key. */
  readonly name?: string;
  readonly version?: string;
  /** Per-attempt timeout in ms. @default the orchestrator's `timeoutMs` */
  readonly timeoutMs?: number;
  /** Critics whose outcomes this one needs (in `ctx.prior`). @default [] */
  readonly dependsOn?: readonly string[];
  /** 1 (highest) .. 10: start order under a concurrency cap. @default 5 */
  readonly priority?: number;
  /** When the critic runs. @default 'always' */
  readonly policy?: GatingPolicy;
  readonly retries?: RetryOptions;
  /** At most this many runs of this critic at once, across runs. @default unbounded */
  readonly maxConcurrent?: number;
  /** Token bucket: at most this many starts per second. @default unbounded */
  readonly ratePerSecond?: number;
  /** Tokens the bucket holds at most (starts allowed at once). @default 1 */
  readonly rateBurst?: number;
  /** A zod schema the finding must also satisfy. */
  readonly schema?: ZodType;
}

/** Returned by `preExecution` to end a critic without running it (e.g. an open breaker). */
export interface ShortCircuit {
  readonly kind: 'eleanor.short_circuit';
  readonly status: 'circuit_open' | 'skipped';
  readonly message: string;
  /** Used as the outcome's finding (degraded) if given. */
  readonly fallback?: Finding;
}

type MaybePromise<T> = T | Promise<T>;

/**
 * Every hook may be sync or async; a throwing hook never fails the run: it is logged and ignored.
 * Each hook also receives the run's input (its `traceId` ties a critic's pre, post and failure calls together).
 */
/**
 * Each hook's last argument: the identity of the run it is called in — the run's `scope` option, else the run's input
 * snapshot (the orchestrator always passes one; a hook called directly may get none and falls back to its input).
 * Infrastructure keys per-run state by it (a WeakMap), never by the caller-chosen trace id.
 */
export type RunScope = object;

export interface Hooks {
  /** A Finding short-circuits the critic: status 'success', fromCache true. */
  preExecution?(critic: string, input: CriticInput, scope?: RunScope): MaybePromise<Finding | ShortCircuit | undefined>;
  /** Called once per critic that ran to success (not for cache hits). */
  postExecution?(critic: string, outcome: CriticOutcome, input: CriticInput, scope?: RunScope): MaybePromise<void>;
  /** Called on error and on timeout; a Finding becomes the outcome's finding (degraded). */
  onFailure?(
    critic: string,
    error: Error,
    durationMs: number,
    input: CriticInput,
    scope?: RunScope,
  ): MaybePromise<Finding | undefined>;
  /**
   * Synchronous: the per-attempt timeout for this critic's execution about to start (adaptive timeouts), or
   * undefined to keep `configuredMs`. A bad answer is logged and the configured timeout is used.
   */
  timeoutFor?(critic: string, configuredMs: number): number | undefined;
}

/** A pino-compatible logger (only `warn` is used). */
export interface OrchestratorLogger {
  warn(details: Record<string, unknown>, message: string): void;
}

/** The critic a transport is asked to execute: its name and version, and its function for in-process execution. */
export interface TransportCritic {
  readonly name: string;
  readonly version: string | undefined;
  readonly evaluate: CriticFn;
}

/** What a transport receives for one attempt: the critic's context plus what is left of its time budget. */
export interface TransportContext extends CriticContext {
  /** Milliseconds left for this attempt: its timeout or the run's deadline, whichever comes first (Infinity if none). */
  readonly budgetMs: number;
}

/**
 * Where a critic's attempts run: in-process (the default, no transport) or elsewhere, e.g. on a pool of workers.
 * The core's timeouts, retries, hooks and finding validation apply around `execute`, as for a local critic.
 */
export interface CriticTransport {
  /** 'local', 'bullmq', … (for logs and error messages). */
  readonly kind: string;
  /**
   * True when results travel over a network and may never arrive: a remote attempt still running at its timeout or
   * the run's deadline ends `lost` (code CRITIC_LOST) instead of `timeout`, and an EleanorError it rejects with keeps
   * its code on the outcome.
   */
  readonly remote: boolean;
  /** Whether this transport executes the critic named; the others are called in-process. @default every critic */
  covers?(critic: string): boolean;
  /** Runs one attempt of `critic`; resolves with its finding, rejects with its error. */
  execute(critic: TransportCritic, input: CriticInput, ctx: TransportContext): Promise<Finding> | Finding;
}

export interface OrchestratorOptions {
  readonly critics: Readonly<Record<string, CriticFn | CriticSpec>> | readonly CriticSpec[];
  /** Executes the critics it covers (a worker pool, …). @default none: every critic is called in-process */
  readonly transport?: CriticTransport;
  /** Default per-critic timeout, per attempt, in ms. @default 10_000 */
  readonly timeoutMs?: number;
  /** Max critics running at once across all concurrent runs. @default unbounded */
  readonly concurrency?: number;
  readonly hooks?: Hooks;
  /** Where hook failures are reported. @default console.warn */
  readonly logger?: OrchestratorLogger;
  /** Monotonic clock in ms. @default performance.now */
  readonly now?: () => number;
  /** Random source in [0, 1) for backoff jitter. @default Math.random */
  readonly random?: () => number;
}

export interface RunOptions {
  /** Aborting it ends the run: running critics time out, others are cancelled. */
  readonly signal?: AbortSignal;
  /** The run's deadline in ms from the call. @default none */
  readonly deadlineMs?: number;
  /** Run only these critics (and report the rest `skipped`). @default all */
  readonly only?: readonly string[];
  /**
   * Called synchronously with each critic's outcome as it settles, in completion order (live progress, SSE).
   * A throwing listener is logged and ignored.
   */
  readonly onOutcome?: (outcome: CriticOutcome) => void;
  /** The run's identity as hooks see it (their last argument), e.g. the engine's evaluation. @default the input snapshot */
  readonly scope?: RunScope;
}

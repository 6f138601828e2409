// What every run of one orchestrator shares: the plan, hooks, limiter, metrics, clock.
import type { Limiter } from './limiter.js';
import type { MetricsRecorder } from './metrics.js';
import type { Plan } from './plan.js';
import type { CriticInput, CriticOutcome, Hooks, OrchestratorLogger } from './types.js';

export interface Runtime {
  readonly plan: Plan;
  readonly hooks: Hooks | undefined;
  readonly logger: OrchestratorLogger;
  readonly now: () => number;
  readonly random: () => number;
  readonly limiter: Limiter;
  readonly metrics: MetricsRecorder;
}

/**
 * Node timers run on a cached millisecond clock and may fire up to 1 ms early; a timer that fires
 * at most this early is re-armed. (A larger gap means an injected clock that timers do not follow.)
 */
export const EARLY_FIRE_MS = 2;

export type EndCode = 'DEADLINE_EXCEEDED' | 'RUN_CANCELLED';

/** What an execution needs from its run. */
export interface RunHandle {
  readonly input: CriticInput;
  /** What hooks receive as the run's identity (RunOptions.scope, else the input snapshot). */
  readonly scope: object;
  /** Monotonic time of the run's deadline (Infinity if none). */
  readonly deadlineAt: number;
  readonly ended: boolean;
  /** Why the run ended, once it has. */
  readonly ending: { readonly code: EndCode; readonly message: string } | undefined;
  settle(criticIndex: number, outcome: CriticOutcome): void;
}

/** Logs a failing hook and counts it; hooks never fail a run. */
export function reportHookError(rt: Runtime, hook: string, critic: string, error: unknown): void {
  rt.metrics.hookErrors++;
  try {
    rt.logger.warn({ hook, critic, err: error }, `eleanor: hook ${hook} failed for critic '${critic}'; ignored`);
  } catch {
    // A broken logger must not break the run either.
  }
}

export function makeOutcome(
  critic: string,
  status: CriticOutcome['status'],
  finding: CriticOutcome['finding'],
  durationMs: number,
  attempts: number,
  fromCache: boolean,
  degraded: boolean,
  error?: CriticOutcome['error'],
): CriticOutcome {
  const outcome: CriticOutcome = { critic, status, finding, durationMs, attempts, fromCache, degraded };
  if (error !== undefined) outcome.error = error;
  return outcome;
}

export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

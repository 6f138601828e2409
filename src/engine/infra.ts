// How infrastructure (cache, breakers, events, metrics, tracing…) plugs into the engine: hooks plus a few callbacks.
import type { Hooks, RunScope } from '../core/types.js';
import type { Evaluation } from '../verdict/types.js';

/** One piece of infrastructure as the engine sees it; every member is optional. */
export interface EngineInfra {
  readonly name: string;
  /** Attached to the orchestrator (composed in order, before the configuration's own hooks). */
  readonly hooks?: Hooks;
  /** Components working below their configuration right now, e.g. ['cache:redis']. Must not throw or block. */
  degraded?(): readonly string[];
  /**
   * Called as an evaluation starts, with its scope (the object its hooks receive as the run's identity); the returned
   * callback (if any) receives the finished Evaluation.
   */
  evaluationStarted?(traceId: string, scope: RunScope): ((evaluation: Evaluation) => void) | undefined;
  /** Called instead of that callback when an evaluation that started ends in an error (e.g. MODEL_ERROR). */
  evaluationFailed?(traceId: string, error: unknown, scope: RunScope): void;
  /** Releases connections and timers. */
  close?(): Promise<void>;
}

/** Calls `fn` on each piece, never letting one piece's fault reach the evaluation. */
export function eachInfra<T>(
  infra: readonly EngineInfra[],
  fn: (piece: EngineInfra) => T,
  report: (piece: string, error: unknown) => void,
): T[] {
  const results: T[] = [];
  for (const piece of infra) {
    try {
      results.push(fn(piece));
    } catch (error) {
      report(piece.name, error);
    }
  }
  return results;
}

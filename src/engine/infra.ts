// How infrastructure (cache, breakers, events, metrics, tracing…) plugs into the engine: hooks plus a few callbacks.
import type { EngineInfra } from '../infra/index.js';

export type { EngineInfra };

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

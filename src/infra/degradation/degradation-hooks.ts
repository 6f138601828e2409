// Degradation: per-critic fallback findings that replace a failed critic's finding (the outcome becomes degraded).
import { EleanorError } from '../../core/index.js';
import { checkFinding } from '../../core/index.js';
import type { Finding, Hooks } from '../../core/index.js';

export interface DegradationOptions {
  /**
   * The finding to use, per critic name, when that critic errors or times out — e.g. a conservative severity for a
   * failed safety critic. Each is checked at creation and copied, so later changes by the caller have no effect.
   * A critic without one keeps the failure template.
   * @default {}
   */
  readonly fallbacks?: Readonly<Record<string, Finding>>;
}

/**
 * Checks and copies fallback findings; throws EleanorError INVALID_CONFIG naming `critics.<name>.fallback`.
 * Shared with the breaker hooks, whose short circuits carry the same fallbacks.
 */
export function checkFallbacks(fallbacks: Readonly<Record<string, Finding>> | undefined): Map<string, Finding> {
  const checked = new Map<string, Finding>();
  if (fallbacks === undefined) return checked;
  if (typeof fallbacks !== 'object' || fallbacks === null || Array.isArray(fallbacks)) {
    throw new EleanorError('INVALID_CONFIG', 'fallbacks: expected an object mapping critic names to findings');
  }
  for (const [name, fallback] of Object.entries(fallbacks)) {
    const problems = checkFinding(fallback);
    if (problems) {
      throw new EleanorError('INVALID_CONFIG', `critics.${name}.fallback: ${problems.join('; ')}`);
    }
    let copy: Finding;
    try {
      copy = structuredClone(fallback);
    } catch (error) {
      throw new EleanorError('INVALID_CONFIG', `critics.${name}.fallback: expected plain data (cloneable)`, {
        cause: error,
      });
    }
    checked.set(name, copy);
  }
  return checked;
}

/** A fresh copy of a critic's fallback, marked `fallback: true` so readers can tell it from a real finding. */
export function fallbackFor(fallbacks: ReadonlyMap<string, Finding>, critic: string): Finding | undefined {
  const fallback = fallbacks.get(critic);
  return fallback === undefined ? undefined : { ...structuredClone(fallback), fallback: true };
}

/**
 * Hooks whose `onFailure` answers with the failed critic's fallback; the orchestrator then marks the outcome
 * `degraded`. Compose it after hooks that must observe every failure (breakers): composeHooks stops at the first
 * `onFailure` that gives a finding.
 * @example
 * const hooks = createDegradationHooks({ fallbacks: { truth: { score: 0.5, severity: 1, violations: [] } } });
 */
export function createDegradationHooks(options: DegradationOptions = {}): Hooks {
  const fallbacks = checkFallbacks(options.fallbacks);
  return {
    onFailure: (critic: string) => fallbackFor(fallbacks, critic),
  };
}

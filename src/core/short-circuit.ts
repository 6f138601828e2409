// Short circuits: what a preExecution hook returns to end a critic without running it (e.g. an open breaker).
import { CircuitOpenError, describeError } from './errors.js';
import { checkFinding, failureFinding, notRunFinding } from './finding.js';
import { makeOutcome } from './runtime.js';
import type { CriticOutcome, Finding, ShortCircuit } from './types.js';

export function shortCircuit(status: ShortCircuit['status'], message: string, fallback?: Finding): ShortCircuit {
  return fallback === undefined
    ? { kind: 'eleanor.short_circuit', status, message }
    : { kind: 'eleanor.short_circuit', status, message, fallback };
}

export function isShortCircuit(value: unknown): value is ShortCircuit {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'eleanor.short_circuit';
}

/** The outcome of a short-circuited critic: its valid fallback (degraded) or the template. */
export function shortCircuitOutcome(critic: string, sc: ShortCircuit, durationMs: number): CriticOutcome {
  const fallback = sc.fallback !== undefined && checkFinding(sc.fallback) === undefined ? sc.fallback : undefined;
  const degraded = fallback !== undefined;
  if (sc.status === 'skipped') {
    return makeOutcome(critic, 'skipped', fallback ?? notRunFinding(sc.message), durationMs, 0, false, degraded);
  }
  const message = describeError(new CircuitOpenError(sc.message));
  return makeOutcome(critic, 'circuit_open', fallback ?? failureFinding(message), durationMs, 0, false, degraded, {
    code: 'CIRCUIT_OPEN',
    message,
  });
}

// Eleanor's public entry: every export is named here (a test snapshots the list).
export { Orchestrator } from './core/orchestrator.js';
export {
  EleanorError,
  isEleanorError,
  CriticTimeoutError,
  CriticOutputError,
  CircuitOpenError,
  ERROR_CODES,
  type EleanorErrorCode,
} from './core/errors.js';
export { shortCircuit } from './core/short-circuit.js';
export { checkFinding, isFinding } from './core/finding.js';
export { UNCERTAINTY_THRESHOLD, VIOLATION_SEVERITY } from './core/gating.js';
export {
  DURATION_BUCKETS_MS,
  type OrchestratorMetrics,
  type CriticMetrics,
  type DurationStats,
} from './core/metrics.js';
export {
  CRITIC_STATUSES,
  type CriticContext,
  type CriticFn,
  type CriticInput,
  type CriticOutcome,
  type CriticSpec,
  type CriticStatus,
  type EscalationSignal,
  type Finding,
  type GatingPolicy,
  type GatingPredicate,
  type Hooks,
  type OrchestratorLogger,
  type OrchestratorOptions,
  type RetryOptions,
  type RunInput,
  type RunOptions,
  type ShortCircuit,
  type Span,
  type Violation,
} from './core/types.js';

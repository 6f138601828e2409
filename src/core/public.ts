// The `eleanor/core` entry: the orchestrator alone — critics in parallel under a deadline, no infrastructure, no drivers.
export { Orchestrator } from './orchestrator.js';
export {
  EleanorError,
  isEleanorError,
  CriticTimeoutError,
  CriticOutputError,
  CircuitOpenError,
  CriticLostError,
  ERROR_CODES,
  type EleanorErrorCode,
} from './errors.js';
export { shortCircuit } from './short-circuit.js';
export { checkFinding, isFinding } from './finding.js';
export { UNCERTAINTY_THRESHOLD, VIOLATION_SEVERITY } from './gating.js';
export { DURATION_BUCKETS_MS, type OrchestratorMetrics, type CriticMetrics, type DurationStats } from './metrics.js';
export {
  CRITIC_STATUSES,
  type CriticContext,
  type CriticFn,
  type CriticInput,
  type CriticOutcome,
  type CriticSpec,
  type CriticStatus,
  type CriticTransport,
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
  type TransportContext,
  type TransportCritic,
  type Violation,
} from './types.js';

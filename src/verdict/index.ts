// The verdict layer's entry: the governance vocabulary every layer above core shares.
export {
  DEFAULT_PRIORITY_ORDER,
  DEFAULT_THRESHOLDS,
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
} from './types.js';
export { decide, type DecideInput, type DecisionResult } from './decide.js';
export { CLAUSES, CANONICAL_STATEMENTS, clauseTier, type Clause, type Tier } from './doctrine.js';
export { FAILED_STATUSES, isFailedStatus } from './outcomes.js';
export type { CriticInfo, CriticKind, CriticReads } from './critic-info.js';

// The governance vocabulary: decisions, gates, failure policies, the Evaluation, and the decision settings' defaults.
import type { CriticOutcome, Violation } from '../core/types.js';

export type Decision = 'allow' | 'constrained_allow' | 'escalate' | 'deny';
export type RequiredAction = 'none' | 'HUMAN_ACK' | 'HUMAN_DETERMINATION';

/** What a failed critic (timeout, error, lost, open circuit, cancelled) means for the decision. */
export type FailurePolicy = 'escalate' | 'deny' | 'ignore';

/**
 * 'input': the user's input alone (no response given or generated; critics that read only the response are skipped).
 * 'conversation': the input and a response.
 */
export type EvaluationMode = 'input' | 'conversation';

export interface Gate {
  tier: 0 | 2 | 3;
  requiredAction: RequiredAction;
  reasons: string[];
}

export interface Evaluation {
  traceId: string;
  decision: Decision;
  gate: Gate;
  critics: Record<string, CriticOutcome>;
  /** Every violation, ordered by critic priority, then as the critic reported them. */
  violations: Array<Violation & { critic: string }>;
  scores: { max: number; mean: number };
  /** Components that did not work as configured, e.g. 'critic:truth'. */
  degraded: string[];
  evidence: { chain: string; seq: number; hash: string } | null;
  durationMs: number;
  /** Why the decision is what it is, in plain words. */
  reasons: string[];
  /** The response that was governed (given or generated); '' in an input-only evaluation. */
  modelResponse: string;
  /** What was governed: the input alone, or the input and a response. */
  mode: EvaluationMode;
  /**
   * Each critic's version as it ran, e.g. '1.0.0+rules.1.1.0+model.3f9a0c1d2e4b' for a built-in with a learned model
   * (the model part is the hash of its weights); critics that declare none are absent.
   */
  versions: Record<string, string>;
  /**
   * With a model adapter generating the response: the input stage (critics that read the input, run while the model
   * generates) and the output stage (critics that read the response). Absent when the response was given.
   */
  stages?: Stages;
}

/** What an escalated input stage does: `hold` stops the model and returns the escalation; `continue` goes on. */
export type InputEscalatePolicy = 'hold' | 'continue';

/** One stage of a staged evaluation: its own decision over the critics that ran in it. */
export interface StageReport {
  readonly decision: Decision;
  readonly critics: string[];
  readonly durationMs: number;
  /** A streamed response: how it was checked window by window, how much was released, and where it was cut. */
  readonly stream?: StreamReport;
}

export interface StreamReport {
  /** Windows the output critics checked while the response streamed. */
  readonly windows: number;
  /** Characters released to the client before the whole response was checked. */
  readonly releasedChars: number;
  /** Where a window check stopped the stream (a character offset into the response), when one did. */
  readonly cutAt?: number;
}

export interface Stages {
  readonly input: StageReport;
  /** Absent when the input stage stopped the evaluation (and the model's call). */
  readonly output?: StageReport;
  /** Set when the input stage's deny (or escalate under `hold`) ended the evaluation before the model answered. */
  readonly stoppedAt?: 'input';
}

export interface DecisionThresholds {
  /** Deny when any violation reaches this severity. @default 2.5 */
  readonly denyAt: number;
  /** Escalate when the maximum severity reaches this. @default 2 */
  readonly escalateAt: number;
  /** Constrained allow when the maximum severity reaches this. @default 1 */
  readonly constrainAt: number;
}

export const DEFAULT_THRESHOLDS: DecisionThresholds = Object.freeze({ denyAt: 2.5, escalateAt: 2, constrainAt: 1 });

/** The default order of critics for violations and reasons (first = highest priority). */
export const DEFAULT_PRIORITY_ORDER: readonly string[] = Object.freeze([
  'rights',
  'autonomy',
  'privacy',
  'fairness',
  'truth',
  'risk',
  'operations',
  'prompt_injection',
  'self_harm',
  'hate',
  'jailbreak',
]);

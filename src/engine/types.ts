// The engine's request shapes: what evaluate() is given (the vocabulary it answers in lives in verdict/).
import type { CriticOutcome } from '../core/types.js';

export interface EvaluateRequest {
  /** What the user asked. */
  readonly inputText: string;
  /**
   * The model's answer to govern; when absent, the configured model adapter generates it. `''`, or no response and no
   * model adapter, makes the evaluation input-only (mode 'input').
   */
  readonly modelResponse?: string;
  readonly context?: Record<string, unknown>;
  /** 1–128 characters: letters, digits and . _ : - (a UUID is generated when absent). */
  readonly traceId?: string;
}

export interface EvaluateOptions {
  readonly signal?: AbortSignal;
  /** Deadline for the whole evaluation (generation included), in ms. @default the engine's deadlineMs */
  readonly deadlineMs?: number;
  /** The evidence chain (tenant) to record this evaluation in. @default the configuration's evidence.chain */
  readonly chain?: string;
  /** Called with each critic's outcome as it completes (before the decision); a throwing listener is ignored. */
  readonly onOutcome?: (outcome: CriticOutcome) => void;
}

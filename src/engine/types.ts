// The engine's request shapes: what evaluate() is given (the vocabulary it answers in lives in verdict/).
import type { CriticOutcome } from '../core/index.js';
import type { DecisionResult } from '../verdict/index.js';
import type { InputEscalatePolicy, StreamReport } from '../verdict/index.js';

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
  /** With a model adapter (or `generate`): what an escalated input stage does. @default the engine's onInputEscalate */
  readonly onInputEscalate?: InputEscalatePolicy;
  /**
   * Generates this evaluation's response (in place of the engine's model adapter) when the request has none: called at
   * once, while the input stage runs; `signal` aborts when the input stage stops the evaluation or the deadline passes.
   */
  readonly generate?: (signal: AbortSignal, stage: GenerationStage) => Promise<string | GeneratedText>;
}

/** What a caller's `generate` may use while it produces the response (to stream it, checked, as it comes). */
export interface GenerationStage {
  /** Resolves once the input stage has passed; rejects (and the signal aborts) when it stops the evaluation. */
  readonly inputPassed: Promise<void>;
  /** The output critics' decision on a stretch of the response (not recorded): for checking a stream window by window. */
  checkWindow(text: string): Promise<DecisionResult>;
}

/** A response produced as a stream: the whole text, and how it was released while it streamed. */
export interface GeneratedText {
  readonly text: string;
  readonly stream: StreamReport;
}

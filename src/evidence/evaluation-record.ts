// The evaluation record: everything needed to explain a decision later, redacted as configured, as JSON data.
import type { CriticInfo } from '../verdict/index.js';
import type { Evaluation } from '../verdict/index.js';
import { toJsonData } from './json-data.js';
import { hashText, scrub, sensitiveSpans, type HashedText, type Redaction } from './redact.js';

export interface RecordSource {
  readonly evaluation: Evaluation;
  readonly inputText: string;
  readonly context: Record<string, unknown>;
  readonly startedAt: string;
  readonly deadlineMs: number;
  readonly critics: readonly CriticInfo[];
}

export interface EvaluationRecordSource extends RecordSource {
  readonly redaction: Redaction;
}

/** The payload of an evaluation record (the `payload` of its canonical record). */
export interface EvaluationPayload {
  traceId: string;
  startedAt: string;
  durationMs: number;
  deadlineMs: number;
  redaction: Redaction;
  input: { inputText: string | HashedText; modelResponse: string | HashedText; context: unknown };
  decision: Evaluation['decision'];
  gate: Evaluation['gate'];
  reasons: string[];
  violations: Evaluation['violations'];
  scores: Evaluation['scores'];
  degraded: string[];
  critics: Evaluation['critics'];
  versions: Record<string, { version?: string; rulesetVersion?: string; modelVersion?: string; kind: string }>;
  /** 'input' when only the input was governed. */
  mode: Evaluation['mode'];
  /** A generated response's two stages, and whether the input stage stopped the model (absent otherwise). */
  stages?: Evaluation['stages'];
}

function versions(critics: readonly CriticInfo[]): EvaluationPayload['versions'] {
  return Object.fromEntries(
    critics.map((c) => [
      c.name,
      {
        kind: c.kind,
        ...(c.version !== undefined && { version: c.version }),
        ...(c.rulesetVersion !== undefined && { rulesetVersion: c.rulesetVersion }),
        ...(c.modelVersion !== undefined && { modelVersion: c.modelVersion }),
      },
    ]),
  );
}

export function evaluationPayload(source: EvaluationRecordSource): EvaluationPayload {
  const { evaluation, redaction } = source;
  const hashed = redaction === 'hash';
  const payload: EvaluationPayload = {
    traceId: evaluation.traceId,
    startedAt: source.startedAt,
    durationMs: evaluation.durationMs,
    deadlineMs: source.deadlineMs,
    redaction,
    input: {
      inputText: hashed ? hashText(source.inputText) : source.inputText,
      modelResponse: hashed ? hashText(evaluation.modelResponse) : evaluation.modelResponse,
      context: source.context,
    },
    decision: evaluation.decision,
    gate: evaluation.gate,
    reasons: evaluation.reasons,
    violations: evaluation.violations,
    scores: evaluation.scores,
    degraded: evaluation.degraded,
    critics: evaluation.critics,
    versions: versions(source.critics),
    mode: evaluation.mode,
    ...(evaluation.stages && { stages: evaluation.stages }),
  };
  const data = toJsonData(payload) as EvaluationPayload;
  const spans = sensitiveSpans(evaluation.critics, redaction);
  if (spans.length === 0) return data;
  // Only the free-text parts: a status or a rule id is never rewritten.
  return {
    ...data,
    input: scrub(data.input, spans, redaction),
    reasons: scrub(data.reasons, spans, redaction),
    violations: scrub(data.violations, spans, redaction),
    critics: scrub(data.critics, spans, redaction),
  };
}

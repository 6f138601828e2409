// OpenTelemetry tracing through hooks: a span per evaluation, a child span per critic; a no-op without an SDK.
import type * as OTel from '@opentelemetry/api';
import type { Context, Span, TimeInput, Tracer } from '@opentelemetry/api';
import { CriticTimeoutError } from '../../core/index.js';
import { requirePackage } from '../../core/index.js';
import type { CriticInput, CriticOutcome, CriticStatus, Hooks, RunScope } from '../../core/index.js';
import type { Evaluation } from '../../verdict/index.js';

export interface TracingOptions {
  /** Where spans go. With no SDK registered the API's tracer is a no-op. @default trace.getTracer('eleanor') */
  readonly tracer?: Tracer;
}

/** What ending an evaluation span needs: its decision and gate, and the outcomes to finish open critic spans. */
export type EvaluationSummary = Pick<Evaluation, 'decision' | 'gate'> & {
  readonly critics?: Readonly<Record<string, CriticOutcome>>;
};

export interface EvaluationTrace {
  /** Ends the evaluation span (an Error marks it ERROR) and any critic span still open. Idempotent. */
  end(result: EvaluationSummary | Error): void;
}

export interface TracingHooks {
  /**
   * Put these first in `composeHooks`: `preExecution` stops at the first set that answers, and a critic span
   * starts there. Cache hits and short circuits answered by later sets are finished from `end()`'s outcomes.
   */
  readonly hooks: Hooks;
  /**
   * Starts the evaluation span for `traceId`, a child of `parent` (the caller's active context by default). Pass the
   * run's `scope` (the one given to the orchestrator's run) so two evaluations with one trace id never share spans.
   */
  startEvaluation(traceId: string, parent?: Context, scope?: RunScope): EvaluationTrace;
}

interface CriticSpan {
  readonly span: Span;
  /** Set when the critic failed: the span ends at this time once `end()` brings the outcome (attempts, degraded). */
  failedAt?: TimeInput;
}

interface EvaluationState {
  /** Undefined when critics run without `startEvaluation` (a bare orchestrator): critic spans end at once. */
  readonly span: Span | undefined;
  readonly context: Context;
  readonly critics: Map<string, CriticSpan>;
}

const OUTCOME_OK: ReadonlySet<CriticStatus> = new Set(['success', 'skipped', 'gated']);

/**
 * OpenTelemetry tracing through hooks: a span per evaluation, a child span per critic.
 * @example
 * const tracing = createTracingHooks();
 * const trace = tracing.startEvaluation('trace-1');
 * // … run the orchestrator with tracing.hooks …
 * trace.end(evaluation);
 */
export function createTracingHooks(options: TracingOptions = {}): TracingHooks {
  // Loaded by the first tracing hooks, not by `import 'eleanor'` (the API keeps its state global, shared by every copy).
  const { context, SpanStatusCode, trace } = requirePackage<typeof OTel>({
    name: '@opentelemetry/api',
    user: 'the tracing hooks',
    code: 'INVALID_CONFIG',
  });
  const tracer = options.tracer ?? trace.getTracer('eleanor');
  // One state per run, keyed by the run's scope; an evaluation started without one (startEvaluation(traceId) around a
  // bare orchestrator run) is found by its trace id.
  const evaluations = new Map<RunScope | string, EvaluationState>();
  const locate = (
    input: CriticInput,
    scope: RunScope | undefined,
  ): [RunScope | string, EvaluationState | undefined] => {
    const byScope = scope === undefined ? undefined : evaluations.get(scope);
    if (byScope !== undefined) return [scope!, byScope];
    const byTrace = evaluations.get(input.traceId);
    return byTrace !== undefined || scope === undefined ? [input.traceId, byTrace] : [scope, undefined];
  };

  const stateFor = (input: CriticInput, scope: RunScope | undefined): EvaluationState => {
    const [key, found] = locate(input, scope);
    if (found !== undefined) return found;
    const state: EvaluationState = { span: undefined, context: context.active(), critics: new Map() };
    evaluations.set(key, state);
    return state;
  };

  /** Drops the state of a bare-orchestrator run once its last critic span has ended. */
  const release = (key: RunScope | string, state: EvaluationState): void => {
    if (state.span === undefined && state.critics.size === 0) evaluations.delete(key);
  };

  const hooks: Hooks = {
    preExecution(critic: string, input: CriticInput, scope?: RunScope) {
      const state = stateFor(input, scope);
      // Without an SDK the evaluation span is a no-op: skip critic spans altogether (the cheap path).
      if (state.span !== undefined && !state.span.isRecording()) return undefined;
      const span = tracer.startSpan(
        `critic ${critic}`,
        { attributes: { 'eleanor.trace_id': input.traceId, 'eleanor.critic': critic } },
        state.context,
      );
      state.critics.get(critic)?.span.end(); // a critic run again in one run: never leave a span open
      state.critics.set(critic, { span });
      return undefined;
    },

    postExecution(critic: string, outcome: CriticOutcome, input: CriticInput, scope?: RunScope) {
      const [key, state] = locate(input, scope);
      const open = state?.critics.get(critic);
      if (state === undefined || open === undefined) return;
      state.critics.delete(critic);
      finishCritic(SpanStatusCode, open.span, outcome);
      release(key, state);
    },

    onFailure(critic: string, error: Error, _durationMs: number, input: CriticInput, scope?: RunScope) {
      const [key, state] = locate(input, scope);
      const open = state?.critics.get(critic);
      if (state === undefined || open === undefined) return undefined;
      const status: CriticStatus = error instanceof CriticTimeoutError ? 'timeout' : 'error';
      open.span.setAttribute('eleanor.critic.status', status);
      open.span.recordException(error);
      open.span.setStatus({ code: SpanStatusCode.ERROR, message: `${error.name}: ${error.message}` });
      if (state.span === undefined) {
        // No evaluation will bring the outcome: end now without attempts and degraded.
        state.critics.delete(critic);
        open.span.end();
        release(key, state);
      } else {
        open.failedAt = performance.now(); // the SDK reads numbers this small as performance time
      }
      return undefined;
    },
  };

  const startEvaluation = (traceId: string, parent: Context = context.active(), scope?: RunScope): EvaluationTrace => {
    const key = scope ?? traceId;
    const span = tracer.startSpan('eleanor.evaluation', { attributes: { 'eleanor.trace_id': traceId } }, parent);
    const state: EvaluationState = { span, context: trace.setSpan(parent, span), critics: new Map() };
    evaluations.set(key, state);
    let ended = false;
    return {
      end(result) {
        if (ended) return;
        ended = true;
        if (evaluations.get(key) === state) evaluations.delete(key);
        const outcomes = result instanceof Error ? undefined : result.critics;
        for (const [critic, open] of state.critics) {
          const outcome = outcomes?.[critic];
          if (outcome !== undefined) finishCritic(SpanStatusCode, open.span, outcome, open.failedAt);
          else open.span.end(open.failedAt);
        }
        state.critics.clear();
        if (!span.isRecording()) return span.end();
        if (result instanceof Error) {
          span.recordException(result);
          span.setStatus({ code: SpanStatusCode.ERROR, message: `${result.name}: ${result.message}` });
        } else {
          span.setAttributes({ 'eleanor.decision': result.decision, 'eleanor.gate.tier': result.gate.tier });
          span.setStatus({ code: SpanStatusCode.OK });
        }
        span.end();
      },
    };
  };

  return { hooks, startEvaluation };
}

/** Sets a critic span's attributes and status from its outcome, then ends it (at `endTime` if given). */
function finishCritic(
  SpanStatusCode: typeof OTel.SpanStatusCode,
  span: Span,
  outcome: CriticOutcome,
  endTime?: TimeInput,
): void {
  span.setAttributes({
    'eleanor.critic.status': outcome.status,
    'eleanor.critic.attempts': outcome.attempts,
    'eleanor.critic.from_cache': outcome.fromCache,
    'eleanor.critic.degraded': outcome.degraded,
  });
  if (OUTCOME_OK.has(outcome.status)) span.setStatus({ code: SpanStatusCode.OK });
  else span.setStatus({ code: SpanStatusCode.ERROR, message: outcome.error?.message ?? outcome.status });
  span.end(endTime);
}

// `infrastructure.tracing: true`: an OpenTelemetry span per evaluation, a child per critic.
import { z } from 'zod';
import { infraPiece } from '../piece.js';
import { createTracingHooks, type EvaluationTrace } from './tracing-hooks.js';

/**
 * @example
 * createEngine({ infrastructure: { tracing: true } }); // spans go to the registered OpenTelemetry SDK
 */
export const tracingPiece = infraPiece({
  section: 'tracing',
  schema: z.boolean(),
  setUp(enabled) {
    if (!enabled) return undefined;
    const tracing = createTracingHooks();
    const open = new WeakMap<object, EvaluationTrace>();
    return {
      name: 'tracing',
      hooks: tracing.hooks,
      evaluationStarted(traceId, scope) {
        const span = tracing.startEvaluation(traceId, undefined, scope);
        open.set(scope, span);
        return (evaluation) => {
          open.delete(scope);
          span.end(evaluation);
        };
      },
      evaluationFailed(_traceId, error, scope) {
        open.get(scope)?.end(error instanceof Error ? error : new Error(String(error)));
        open.delete(scope);
      },
    };
  },
});

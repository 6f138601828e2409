// Tracing (issue 5, point 6): OpenTelemetry spans for evaluations and critics, attached through hooks.
export {
  createTracingHooks,
  type EvaluationSummary,
  type EvaluationTrace,
  type TracingHooks,
  type TracingOptions,
} from './tracing-hooks.js';

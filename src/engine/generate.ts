// The model's response for an evaluation that was given none: under the evaluation's deadline and the caller's signal,
// checked (a string, within the text limit); any failure is MODEL_ERROR naming the model.
import { EleanorError } from '../core/errors.js';
import type { ModelAdapter } from '../models/model-adapter.js';
import type { RequestLimits } from './request.js';
import type { EvaluateRequest } from './types.js';

export async function generateResponse(
  model: ModelAdapter | undefined,
  request: EvaluateRequest,
  traceId: string,
  deadlineMs: number,
  limits: RequestLimits,
  caller?: AbortSignal,
): Promise<string> {
  if (model === undefined) return '';
  const deadline = AbortSignal.timeout(deadlineMs);
  const signal = caller ? AbortSignal.any([caller, deadline]) : deadline;
  try {
    const text = await model.generate(
      { inputText: request.inputText, context: request.context ?? {}, traceId },
      { signal },
    );
    if (typeof text !== 'string')
      throw new TypeError(`model '${model.name}' returned ${typeof text}, expected a string`);
    if (text.length > limits.maxTextLength) {
      throw new RangeError(
        `model '${model.name}' returned ${text.length} characters, more than ${limits.maxTextLength}`,
      );
    }
    return text;
  } catch (cause) {
    const why = cause instanceof Error ? `${cause.constructor.name}: ${cause.message}` : String(cause);
    throw new EleanorError('MODEL_ERROR', `the model '${model.name}' could not generate a response — ${why}`, {
      cause,
    });
  }
}

// The model's response for an evaluation that was given none: under the evaluation's deadline and the caller's signal,
// checked (a string, within the text limit); any failure is MODEL_ERROR naming the model.
import { EleanorError } from '../core/index.js';
import type { RequestLimits } from './request.js';
import type { GeneratedText, GenerationStage } from './types.js';

/** Produces a response under a signal: the engine's model adapter, or a caller's `generate` (`modelName` absent). */
export type Generator = ((signal: AbortSignal, stage: GenerationStage) => Promise<string | GeneratedText>) & {
  readonly modelName?: string;
};

export async function generateResponse(
  generator: Generator,
  deadlineMs: number,
  limits: RequestLimits,
  caller: AbortSignal,
  stage: GenerationStage,
): Promise<string | GeneratedText> {
  const name = generator.modelName === undefined ? 'the caller’s generate()' : `the model '${generator.modelName}'`;
  const deadline = AbortSignal.timeout(deadlineMs);
  const signal = AbortSignal.any([caller, deadline]);
  try {
    const generated = await generator(signal, stage);
    const text = typeof generated === 'object' && generated !== null ? generated.text : generated;
    if (typeof text !== 'string') throw new TypeError(`${name} returned ${typeof text}, expected a string`);
    if (text.length > limits.maxTextLength) {
      throw new RangeError(`${name} returned ${text.length} characters, more than ${limits.maxTextLength}`);
    }
    return generated;
  } catch (cause) {
    const why = cause instanceof Error ? `${cause.constructor.name}: ${cause.message}` : String(cause);
    throw new EleanorError('MODEL_ERROR', `${name} could not generate a response — ${why}`, { cause });
  }
}

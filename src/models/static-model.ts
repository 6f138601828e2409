// The static model adapter: answers every request with the same configured response (demos, tests, replays).
import { z } from 'zod';
import { abortError } from './abort.js';
import type { ModelAdapter } from './model-adapter.js';
import { parseConfig } from './parse-config.js';

export const staticModelOptionsSchema = z.strictObject({
  /** The response given to every request (may be ''). */
  response: z.string(),
  /** @default 'static' */
  name: z.string().min(1).optional(),
});

export interface StaticModelOptions {
  /** The response given to every request (may be ''). */
  readonly response: string;
  /** The adapter's name. @default 'static' */
  readonly name?: string | undefined;
}

/**
 * A model that always answers the same response (demos, tests).
 * @example
 * const model = createStaticModel({ response: 'Unplug it for ten seconds.' });
 * createEngine({ model, evidence: false });
 */
export function createStaticModel(options: StaticModelOptions): ModelAdapter {
  const { response, name = 'static' } = parseConfig(staticModelOptionsSchema, options, 'static model');
  return {
    name,
    generate(_request, { signal }) {
      return signal.aborted ? Promise.reject(abortError(signal)) : Promise.resolve(response);
    },
  };
}

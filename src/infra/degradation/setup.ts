// `infrastructure.fallbacks`: a finding per critic that stands in (degraded) when the critic fails.
import { z } from 'zod';
import { finding } from '../config-schema.js';
import { infraPiece } from '../piece.js';
import { createDegradationHooks } from './degradation-hooks.js';

/**
 * @example
 * createEngine({ infrastructure: { fallbacks: { truth: { score: 0.5, severity: 1, violations: [] } } } });
 */
export const fallbacksPiece = infraPiece({
  section: 'fallbacks',
  schema: z.record(z.string(), finding),
  setUp(fallbacks) {
    return { name: 'fallbacks', hooks: createDegradationHooks({ fallbacks }) };
  },
});

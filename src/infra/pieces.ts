// Every infrastructure piece, in the order the engine composes their hooks: tracing first (its critic spans start
// where the first preExecution answers), then cache, breakers, fallbacks, adaptive limits, metrics, events.
import { adaptiveConcurrencyPiece, adaptiveTimeoutsPiece } from './adaptive/setup.js';
import { breakersPiece } from './breaker/setup.js';
import { cachePiece } from './cache/setup.js';
import { fallbacksPiece } from './degradation/setup.js';
import { eventsPiece } from './events/setup.js';
import { metricsPiece } from './metrics/setup.js';
import { tracingPiece } from './tracing/setup.js';

export const INFRA_PIECES = [
  tracingPiece,
  cachePiece,
  breakersPiece,
  fallbacksPiece,
  adaptiveTimeoutsPiece,
  adaptiveConcurrencyPiece,
  metricsPiece,
  eventsPiece,
] as const;

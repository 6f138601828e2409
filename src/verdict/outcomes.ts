// Which critic outcomes are failures: a result that is unknown, never a pass (timeout, error, lost, open, cancelled).
import type { CriticStatus } from '../core/index.js';

export const FAILED_STATUSES: ReadonlySet<CriticStatus> = new Set([
  'timeout',
  'error',
  'lost',
  'circuit_open',
  'cancelled',
]);

export function isFailedStatus(status: CriticStatus): boolean {
  return FAILED_STATUSES.has(status);
}

import { describe, expect, it } from 'vitest';
import * as eleanor from './index.js';

describe('public entry', () => {
  it('exports exactly the documented runtime names', () => {
    expect(Object.keys(eleanor).sort()).toMatchInlineSnapshot(`
      [
        "CRITIC_STATUSES",
        "CircuitOpenError",
        "CriticOutputError",
        "CriticTimeoutError",
        "DURATION_BUCKETS_MS",
        "ERROR_CODES",
        "EleanorError",
        "Orchestrator",
        "UNCERTAINTY_THRESHOLD",
        "VIOLATION_SEVERITY",
        "checkFinding",
        "isEleanorError",
        "isFinding",
        "shortCircuit",
      ]
    `);
  });
});

// Tests of the degradation hooks through a real Orchestrator: fallbacks on failure, the template without one.
import { describe, expect, it } from 'vitest';
import { hang, input, OK, recordingLogger } from '../../../test/support/critics.js';
import { isEleanorError } from '../../core/errors.js';
import { Orchestrator } from '../../core/orchestrator.js';
import type { Finding } from '../../core/types.js';
import { composeHooks } from '../compose-hooks.js';
import { createDegradationHooks } from './degradation-hooks.js';

const CONSERVATIVE: Finding = {
  score: 0.8,
  severity: 2,
  violations: [{ rule: 'safety.unavailable', message: 'safety critic failed; assume a violation', severity: 2 }],
  justification: 'fallback',
};

function orchestrator(fallbacks: Record<string, Finding>): Orchestrator {
  return new Orchestrator({
    critics: {
      safety: () => {
        throw new Error('model down');
      },
      slow: { evaluate: hang, timeoutMs: 5 },
      plain: () => {
        throw new Error('boom');
      },
      fine: () => OK,
    },
    hooks: composeHooks([createDegradationHooks({ fallbacks })]),
    logger: recordingLogger(),
  });
}

describe('createDegradationHooks', () => {
  it('gives a failing critic its fallback: the outcome is degraded and keeps the error', async () => {
    const outcomes = await orchestrator({ safety: CONSERVATIVE, slow: CONSERVATIVE }).run(input());
    expect(outcomes['safety']).toMatchObject({
      status: 'error',
      degraded: true,
      finding: { ...CONSERVATIVE, fallback: true },
      error: { code: 'CRITIC_ERROR' },
    });
    expect(outcomes['slow']).toMatchObject({ status: 'timeout', degraded: true, finding: { severity: 2 } });
    expect(outcomes['fine']).toMatchObject({ status: 'success', degraded: false, finding: OK });
  });

  it('leaves a failing critic without a fallback on the failure template', async () => {
    const outcomes = await orchestrator({ safety: CONSERVATIVE }).run(input());
    expect(outcomes['plain']).toMatchObject({ status: 'error', degraded: false, finding: { failed: true, score: 0 } });
    expect(outcomes['plain']?.finding.justification).toContain('Error: boom');
  });

  it('rejects a bad fallback at creation, naming critics.<name>.fallback', () => {
    const bad = { score: 2, severity: 0, violations: [] } as Finding;
    let thrown: unknown;
    try {
      createDegradationHooks({ fallbacks: { safety: bad } });
    } catch (error) {
      thrown = error;
    }
    expect(isEleanorError(thrown) && thrown.code).toBe('INVALID_CONFIG');
    expect((thrown as Error).message).toMatch(/^critics\.safety\.fallback: score: expected a number in 0\.\.1/);
  });

  it('copies fallbacks: changing the caller’s object later, or a returned finding, changes nothing', async () => {
    const mine = structuredClone(CONSERVATIVE);
    const orch = orchestrator({ safety: mine });
    mine.severity = 0;
    const first = await orch.run(input());
    first['safety']!.finding.violations.length = 0;
    const second = await orch.run(input());
    expect(second['safety']?.finding).toMatchObject({ severity: 2, violations: [{ rule: 'safety.unavailable' }] });
  });
});

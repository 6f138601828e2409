import { describe, expect, it, vi } from 'vitest';
import { Orchestrator, type CriticOutcome, type Finding, type GatingPolicy } from '../index.js';
import { OK, finding, input, recordingLogger } from '../../test/support/critics.js';

const logger = recordingLogger();

async function runGated(
  policy: GatingPolicy,
  upstream: Finding | (() => Finding),
  context: Record<string, unknown> = {},
) {
  const gatedFn = vi.fn(() => OK);
  const orch = new Orchestrator({
    critics: {
      upstream: typeof upstream === 'function' ? upstream : () => upstream,
      gated: { evaluate: gatedFn, dependsOn: ['upstream'], policy },
    },
    logger,
  });
  const outcomes = await orch.run(input({ context }));
  return { outcome: outcomes['gated'] as CriticOutcome, ran: gatedFn.mock.calls.length > 0 };
}

const violation = { rule: 'rights.dignity', message: 'm', severity: 1 };

describe('Orchestrator: gating policies', () => {
  it("'always' runs the critic", async () => {
    expect((await runGated('always', OK)).ran).toBe(true);
  });

  it("'on_violation' runs when a dependency reports severity >= 2", async () => {
    expect((await runGated('on_violation', finding({ severity: 2 }))).ran).toBe(true);
  });

  it("'on_violation' runs when a dependency reports any violation", async () => {
    expect((await runGated('on_violation', finding({ severity: 0.5, violations: [violation] }))).ran).toBe(true);
  });

  it("'on_violation' gates when no dependency reported one", async () => {
    const { outcome, ran } = await runGated('on_violation', finding({ severity: 1.9 }));
    expect(ran).toBe(false);
    expect(outcome).toMatchObject({ status: 'gated', attempts: 0, fromCache: false, degraded: false });
    expect(outcome.gatingReason).toMatch(/on_violation/);
    expect(outcome.finding).toMatchObject({ score: 0, severity: 0, violations: [] });
  });

  it("'on_high_risk' runs only when context.riskTier is 'high'", async () => {
    expect((await runGated('on_high_risk', OK, { riskTier: 'high' })).ran).toBe(true);
    const low = await runGated('on_high_risk', OK, { riskTier: 'medium' });
    expect(low.ran).toBe(false);
    expect(low.outcome.gatingReason).toMatch(/riskTier/);
  });

  it("'on_uncertainty' runs when a dependency's uncertainty is >= 0.7", async () => {
    expect((await runGated('on_uncertainty', finding({ uncertainty: 0.7 }))).ran).toBe(true);
    const sure = await runGated('on_uncertainty', finding({ uncertainty: 0.69 }));
    expect(sure.ran).toBe(false);
    expect(sure.outcome.status).toBe('gated');
  });

  it('a predicate decides with the input and the prior outcomes', async () => {
    const predicate = vi.fn(
      (i: { inputText: string }, prior: Readonly<Record<string, CriticOutcome>>) =>
        i.inputText === 'hello' && prior['upstream']?.finding.score === 0.3,
    );
    expect((await runGated(predicate, finding({ score: 0.3 }))).ran).toBe(true);
    expect(predicate).toHaveBeenCalledWith(
      expect.objectContaining({ inputText: 'hello' }),
      expect.objectContaining({ upstream: expect.objectContaining({ critic: 'upstream' }) as unknown }),
    );
    const no = await runGated(predicate, finding({ score: 0.4 }));
    expect(no.outcome).toMatchObject({ status: 'gated', gatingReason: 'policy predicate returned false' });
  });

  it('a predicate that throws gives an error outcome, and the critic does not run', async () => {
    const { outcome, ran } = await runGated(() => {
      throw new Error('bad predicate');
    }, OK);
    expect(ran).toBe(false);
    expect(outcome).toMatchObject({
      status: 'error',
      error: { code: 'CRITIC_POLICY_ERROR', message: 'Error: bad predicate' },
    });
  });

  it('a fallback finding from a failed dependency counts for gating', async () => {
    const gatedFn = vi.fn(() => OK);
    const orch = new Orchestrator({
      critics: {
        upstream: () => {
          throw new Error('down');
        },
        gated: { evaluate: gatedFn, dependsOn: ['upstream'], policy: 'on_violation' },
      },
      hooks: { onFailure: () => finding({ severity: 2 }) },
      logger,
    });
    await orch.run(input());
    expect(gatedFn).toHaveBeenCalledTimes(1);
  });

  it('gates a root critic by context alone', async () => {
    const orch = new Orchestrator({ critics: { root: { evaluate: () => OK, policy: 'on_high_risk' } }, logger });
    expect((await orch.run(input()))['root']?.status).toBe('gated');
    expect((await orch.run(input({ context: { riskTier: 'high' } })))['root']?.status).toBe('success');
  });
});

import { describe, expect, it } from 'vitest';
import type { CriticOutcome, Finding } from '../core/types.js';
import { decide } from './decide.js';
import { DEFAULT_PRIORITY_ORDER, DEFAULT_THRESHOLDS, type FailurePolicy } from './types.js';

function outcome(critic: string, finding: Partial<Finding> = {}, over: Partial<CriticOutcome> = {}): CriticOutcome {
  return {
    critic,
    status: 'success',
    finding: { score: 0, severity: 0, violations: [], ...finding },
    durationMs: 1,
    attempts: 1,
    fromCache: false,
    degraded: false,
    ...over,
  };
}

function run(outcomes: CriticOutcome[], policies: Record<string, FailurePolicy> = {}) {
  return decide({
    outcomes: Object.fromEntries(outcomes.map((o) => [o.critic, o])),
    thresholds: DEFAULT_THRESHOLDS,
    priorityOrder: DEFAULT_PRIORITY_ORDER,
    failurePolicyOf: (c) => policies[c] ?? 'escalate',
  });
}

const v = (rule: string, severity: number) => ({ rule, message: rule, severity });

describe('decide', () => {
  it('allows when nothing reaches severity 1, with no gate and a reason', () => {
    const r = run([outcome('rights'), outcome('truth', { severity: 0.9, score: 0.3 })]);
    expect(r.decision).toBe('allow');
    expect(r.gate).toEqual({ tier: 0, requiredAction: 'none', reasons: [] });
    expect(r.reasons[0]).toMatch(/no critic reported/);
    expect(r.scores).toEqual({ max: 0.3, mean: 0.15 });
  });

  it('constrains at severity >= 1', () => {
    expect(run([outcome('truth', { severity: 1 })]).decision).toBe('constrained_allow');
  });

  it('escalates at severity >= 2 with a Tier 2 acknowledgment gate', () => {
    const r = run([outcome('privacy', { severity: 2, violations: [v('privacy.email', 2)] })]);
    expect(r.decision).toBe('escalate');
    expect(r.gate.tier).toBe(2);
    expect(r.gate.requiredAction).toBe('HUMAN_ACK');
    expect(r.gate.reasons[0]).toMatch(/severity 2 reaches the escalation threshold 2/);
  });

  it('denies when any single violation reaches 2.5, even if the critic severity is lower', () => {
    const r = run([outcome('risk', { severity: 1, violations: [v('risk.weapons', 1), v('risk.self_harm', 3)] })]);
    expect(r.decision).toBe('deny');
    expect(r.reasons[0]).toMatch(/risk reported severity 3 \(deny threshold 2.5\) — risk.self_harm/);
  });

  it('aggregates over all violations, not the first in priority order', () => {
    const r = run([
      outcome('rights', { severity: 1, violations: [v('rights.dignity', 1)] }),
      outcome('risk', { severity: 2.6, violations: [v('risk.weapons', 2.6)] }),
    ]);
    expect(r.decision).toBe('deny');
    expect(r.violations.map((x) => `${x.critic}:${x.rule}`)).toEqual(['rights:rights.dignity', 'risk:risk.weapons']);
  });

  it('orders violations by critic priority, then custom critics in their order', () => {
    const r = run([
      outcome('custom', { violations: [v('custom.x', 1)] }),
      outcome('operations', { violations: [v('operations.y', 1)] }),
      outcome('rights', { violations: [v('rights.z', 1)] }),
    ]);
    expect(r.violations.map((x) => x.critic)).toEqual(['rights', 'operations', 'custom']);
  });

  it('cannot average away one escalation signal: Tier 3 requires a human determination', () => {
    const quiet = Array.from({ length: 9 }, (_, i) => outcome(`c${i}`));
    const r = run([
      ...quiet,
      outcome('autonomy', { severity: 0.5, escalation: { tier: 3, clause: 'A2', rationale: 'coercion' } }),
    ]);
    expect(r.decision).toBe('escalate');
    expect(r.gate).toMatchObject({ tier: 3, requiredAction: 'HUMAN_DETERMINATION' });
    expect(r.gate.reasons[0]).toMatch(/autonomy raised a Tier 3 escalation \(clause A2\): coercion/);
  });

  it('treats a failed critic as unknown: escalate by default, listed in degraded', () => {
    const r = run([
      outcome('truth', {}, { status: 'timeout', finding: { score: 0, severity: 0, violations: [], failed: true } }),
    ]);
    expect(r.decision).toBe('escalate');
    expect(r.degraded).toEqual(['critic:truth']);
    expect(r.gate.requiredAction).toBe('HUMAN_ACK');
    expect(r.reasons[0]).toMatch(/truth timed out; its failure policy is escalate/);
  });

  it('honours deny and ignore failure policies', () => {
    const failed = outcome('judge', {}, { status: 'error', error: { code: 'CRITIC_ERROR', message: 'Error: x' } });
    expect(run([failed], { judge: 'deny' }).decision).toBe('deny');
    const ignored = run([failed], { judge: 'ignore' });
    expect(ignored.decision).toBe('allow');
    expect(ignored.degraded).toEqual(['critic:judge']);
  });

  it("counts a failed critic's fallback finding", () => {
    const r = run([outcome('risk', { severity: 3 }, { status: 'timeout', degraded: true })], { risk: 'ignore' });
    expect(r.decision).toBe('deny');
    expect(r.degraded).toEqual(['critic:risk']);
  });

  it('does not count gated or skipped critics as failures', () => {
    const r = run([outcome('judge', {}, { status: 'gated', attempts: 0 }), outcome('x', {}, { status: 'skipped' })]);
    expect(r.decision).toBe('allow');
    expect(r.degraded).toEqual([]);
  });
});

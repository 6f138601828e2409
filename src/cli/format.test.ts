import { describe, expect, it } from 'vitest';
import type { CriticOutcome } from '../core/types.js';
import type { Evaluation } from '../verdict/types.js';
import { formatEvaluation } from './format.js';

function outcome(critic: string, status: CriticOutcome['status'], extra: Partial<CriticOutcome> = {}): CriticOutcome {
  return {
    critic,
    status,
    finding: { score: 0, severity: 0, violations: [] },
    durationMs: 1,
    attempts: 1,
    fromCache: false,
    degraded: false,
    ...extra,
  };
}

function evaluation(critics: CriticOutcome[]): Evaluation {
  return {
    traceId: 't-1',
    decision: 'escalate',
    gate: { tier: 2, requiredAction: 'HUMAN_ACK' },
    durationMs: 5,
    mode: 'conversation',
    critics: Object.fromEntries(critics.map((c) => [c.critic, c])),
    violations: [],
    reasons: ['a critic failed'],
    degraded: [],
  } as unknown as Evaluation;
}

/** The table row of `critic`, columns split on runs of spaces. */
function row(text: string, critic: string): string[] {
  return text
    .split('\n')
    .find((l) => l.trimStart().startsWith(`${critic} `))!
    .trim()
    .split(/\s{2,}/);
}

describe('formatEvaluation', () => {
  it('shows a lost, timed-out or failed critic by its status with an unknown severity, never 0.0', () => {
    const text = formatEvaluation(
      evaluation([
        outcome('privacy', 'success', { finding: { score: 0.2, severity: 1.5, violations: [] } }),
        outcome('risk', 'lost', { error: { code: 'CRITIC_LOST', message: 'no result from bullmq in 500 ms' } }),
        outcome('truth', 'timeout', { error: { code: 'CRITIC_TIMEOUT', message: 'timed out after 50 ms' } }),
        outcome('mine', 'error', { error: { code: 'CRITIC_ERROR', message: 'TypeError: boom' } }),
        outcome('rights', 'skipped'),
      ]),
    );
    expect(row(text, 'privacy').slice(0, 3)).toEqual(['privacy', 'success', '1.5']);
    expect(row(text, 'risk').slice(0, 3)).toEqual(['risk', 'lost', 'unknown']);
    expect(row(text, 'truth').slice(0, 3)).toEqual(['truth', 'timeout', 'unknown']);
    expect(row(text, 'mine').slice(0, 3)).toEqual(['mine', 'error', 'unknown']);
    expect(row(text, 'rights').slice(0, 3)).toEqual(['rights', 'skipped', '-']);
    expect(text).toContain('Failed (unknown, never counted as safe):');
    expect(text).toContain('  risk lost: CRITIC_LOST — no result from bullmq in 500 ms');
    expect(text).toContain('  mine error: CRITIC_ERROR — TypeError: boom');
  });

  it("shows a failed critic's fallback finding with its severity, marked by the status's *", () => {
    const text = formatEvaluation(
      evaluation([
        outcome('risk', 'timeout', {
          degraded: true,
          finding: { score: 1, severity: 2, violations: [] },
          error: { code: 'CRITIC_TIMEOUT', message: 'timed out' },
        }),
      ]),
    );
    expect(row(text, 'risk').slice(0, 3)).toEqual(['risk', 'timeout*', '2.0']);
  });
});

// Property test of the breaker state machine: random successes, failures and clock advances against a model.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isShortCircuit } from '../../core/short-circuit.js';
import type { CriticInput } from '../../core/types.js';
import { createBreakerHooks } from './breaker-hooks.js';

type Step = { kind: 'success' } | { kind: 'failure' } | { kind: 'advance'; ms: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.constant<Step>({ kind: 'success' }),
  fc.constant<Step>({ kind: 'failure' }),
  fc.integer({ min: 0, max: 60 }).map<Step>((ms) => ({ kind: 'advance', ms })),
);

/** The expected behaviour of a consecutive breaker with single-call half-open probing. */
type Model = { state: 'closed'; failures: number } | { state: 'open'; openedAt: number };

describe('createBreakerHooks: state machine (property)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('matches the model: open refuses until halfOpenAfter, a probe decides, a successful probe closes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 50 }),
        fc.array(step, { maxLength: 60 }),
        async (threshold, halfOpenAfterMs, steps) => {
          vi.setSystemTime(1_000_000);
          const breaker = createBreakerHooks({ critics: { c: { mode: 'consecutive', threshold, halfOpenAfterMs } } });
          const hooks = breaker.hooks;
          let model: Model = { state: 'closed', failures: 0 };
          let trace = 0;
          for (const s of steps) {
            if (s.kind === 'advance') {
              vi.setSystemTime(Date.now() + s.ms);
            } else {
              const input: CriticInput = { inputText: 'q', modelResponse: '', context: {}, traceId: `t${++trace}` };
              const wasOpen = model.state === 'open';
              const mayProbe = model.state === 'open' && Date.now() - model.openedAt >= halfOpenAfterMs;
              const answer = await hooks.preExecution?.('c', input);
              const letThrough = !isShortCircuit(answer);
              expect(letThrough).toBe(!wasOpen || mayProbe);
              if (letThrough) {
                if (mayProbe) expect(breaker.states()['c']).toBe('half_open');
                if (s.kind === 'success') {
                  await hooks.postExecution?.(
                    'c',
                    {
                      critic: 'c',
                      status: 'success',
                      finding: { score: 0, severity: 0, violations: [] },
                      durationMs: 1,
                      attempts: 1,
                      fromCache: false,
                      degraded: false,
                    },
                    input,
                  );
                  model = { state: 'closed', failures: 0 };
                } else {
                  await hooks.onFailure?.('c', new Error('x'), 1, input);
                  const failures: number = model.state === 'closed' ? model.failures + 1 : threshold;
                  model =
                    failures >= threshold ? { state: 'open', openedAt: Date.now() } : { state: 'closed', failures };
                }
              }
            }
            const state = breaker.states()['c'];
            expect(['closed', 'open', 'half_open']).toContain(state);
            // Between calls no probe is in flight, so the breaker is never left half-open.
            expect(state).toBe(model.state);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

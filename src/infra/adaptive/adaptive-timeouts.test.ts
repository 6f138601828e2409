// Adaptive timeouts: warm-up, clamping, timeout samples as lower bounds, and outliers cut in a real Orchestrator.
import { describe, expect, it } from 'vitest';
import { CriticTimeoutError, isEleanorError } from '../../core/errors.js';
import { Orchestrator } from '../../core/orchestrator.js';
import type { CriticContext, CriticOutcome, Finding } from '../../core/types.js';
import { createAdaptiveTimeoutHooks } from './adaptive-timeouts.js';

const OK: Finding = { score: 0, severity: 0, violations: [] };
const input = { inputText: 'q', modelResponse: '', context: {}, traceId: 't' };

function success(durationMs: number, attempts = 1): CriticOutcome {
  return { critic: 'c', status: 'success', finding: OK, durationMs, attempts, fromCache: false, degraded: false };
}

function feed(hooks: ReturnType<typeof createAdaptiveTimeoutHooks>, durations: readonly number[]): void {
  for (const ms of durations) void hooks.postExecution?.('c', success(ms), input);
}

/** Resolves after `ms`, or rejects as soon as the critic's signal aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), reject(new Error('aborted'))), { once: true });
  });
}

describe('createAdaptiveTimeoutHooks', () => {
  it('keeps the configured timeout until the warm-up is done, then gives pQ × factor', () => {
    const hooks = createAdaptiveTimeoutHooks({ warmup: 50, quantile: 0.99, factor: 2 });
    feed(
      hooks,
      Array.from({ length: 49 }, () => 100),
    );
    expect(hooks.timeoutFor('c', 5000)).toBeUndefined();
    feed(hooks, [100]);
    expect(hooks.timeoutFor('c', 5000)).toBe(200); // 100 is the exact min and max seen
    expect(hooks.timeoutFor('other', 5000)).toBeUndefined(); // per critic
  });

  it('clamps to minMs below and to min(maxMs, configured) above', () => {
    const fast = createAdaptiveTimeoutHooks({ warmup: 1, minMs: 10 });
    feed(fast, [1]);
    expect(fast.timeoutFor('c', 5000)).toBe(10);
    expect(fast.timeoutFor('c', 4)).toBe(4); // a configured timeout under minMs wins

    const slow = createAdaptiveTimeoutHooks({ warmup: 1, maxMs: 300 });
    feed(slow, [1000]);
    expect(slow.timeoutFor('c', 5000)).toBe(300);
    expect(slow.timeoutFor('c', 250)).toBe(250);
  });

  it('follows the quantile of a known distribution within the estimator tolerance', () => {
    const hooks = createAdaptiveTimeoutHooks({ quantile: 0.9, factor: 1, minMs: 1, warmup: 10 });
    feed(
      hooks,
      Array.from({ length: 1000 }, (_, i) => i + 1),
    ); // uniform 1..1000: p90 = 900
    expect(hooks.estimate('c')).toBeGreaterThan(900 * 0.97);
    expect(hooks.estimate('c')).toBeLessThan(900 * 1.03);
  });

  it('counts timeouts as lower-bound samples, and ignores retried successes, errors and deadlines', () => {
    const hooks = createAdaptiveTimeoutHooks({ warmup: 3, quantile: 0.5, factor: 1, minMs: 1 });
    void hooks.postExecution?.('c', success(10_000, 2), input);
    void hooks.onFailure?.('c', new Error('boom'), 10_000, input);
    void hooks.onFailure?.('c', new CriticTimeoutError('DEADLINE_EXCEEDED', 'late'), 10_000, input);
    expect(hooks.estimate('c')).toBeUndefined();
    for (let i = 0; i < 3; i++) {
      void hooks.onFailure?.('c', new CriticTimeoutError('CRITIC_TIMEOUT', 'slow'), 40, input);
    }
    expect(hooks.timeoutFor('c', 1000)).toBe(40);
  });

  it('rejects bad options with INVALID_CONFIG', () => {
    for (const options of [{ quantile: 1 }, { factor: 0.5 }, { minMs: 0 }, { maxMs: 1 }, { warmup: 0 }]) {
      let thrown: unknown;
      try {
        createAdaptiveTimeoutHooks(options);
      } catch (error) {
        thrown = error;
      }
      expect(isEleanorError(thrown) && thrown.code).toBe('INVALID_CONFIG');
    }
  });

  it('cuts a heavy-tailed critic’s slow outlier in a real Orchestrator once warmed up', async () => {
    const hooks = createAdaptiveTimeoutHooks({ warmup: 50, minMs: 10 });
    let slow = false;
    const orchestrator = new Orchestrator({
      critics: {
        tail: {
          evaluate: async (_input, ctx: CriticContext) => {
            if (slow) await sleep(1000, ctx.signal);
            return OK;
          },
          timeoutMs: 5000,
        },
      },
      hooks,
    });
    for (let i = 0; i < 50; i++) {
      expect((await orchestrator.run({ inputText: 'q' })).tail?.status).toBe('success');
    }
    expect(hooks.timeoutFor('tail', 5000)).toBe(10); // fast samples: p99 × 2 is under minMs
    slow = true;
    const started = performance.now();
    const outcome = (await orchestrator.run({ inputText: 'q' })).tail;
    expect(outcome?.status).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(50);
  });
});

// AIMD concurrency: additive increase under target, multiplicative decrease above, always within [min, max].
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isEleanorError } from '../../core/errors.js';
import { Orchestrator } from '../../core/orchestrator.js';
import type { CriticOutcome, Finding } from '../../core/types.js';
import { createAimdConcurrency } from './aimd-concurrency.js';

const OK: Finding = { score: 0, severity: 0, violations: [] };
const input = { inputText: 'q', modelResponse: '', context: {}, traceId: 't' };

function outcome(durationMs: number): CriticOutcome {
  return { critic: 'c', status: 'success', finding: OK, durationMs, attempts: 1, fromCache: false, degraded: false };
}

function orchestratorWithCap(concurrency: number): Orchestrator {
  return new Orchestrator({ critics: { c: () => OK }, concurrency });
}

afterEach(() => vi.useRealTimers());

describe('createAimdConcurrency', () => {
  it('adds `increase` per interval while the median latency stays under target, up to max', () => {
    vi.useFakeTimers();
    const orchestrator = orchestratorWithCap(4);
    const aimd = createAimdConcurrency(orchestrator, { min: 2, max: 7, targetLatencyMs: 50, intervalMs: 100 });
    for (let i = 0; i < 5; i++) {
      void aimd.hooks.postExecution?.('c', outcome(10), input);
      vi.advanceTimersByTime(100);
    }
    expect(aimd.current()).toBe(7);
    expect(orchestrator.concurrency).toBe(7);
    aimd.stop();
  });

  it('multiplies by `decrease` per interval above target (slow failures count), down to min', () => {
    vi.useFakeTimers();
    const orchestrator = orchestratorWithCap(20);
    const aimd = createAimdConcurrency(orchestrator, { min: 3, max: 20, targetLatencyMs: 50, intervalMs: 100 });
    void aimd.hooks.postExecution?.('c', outcome(80), input);
    vi.advanceTimersByTime(100);
    expect(aimd.current()).toBe(18); // floor(20 × 0.9)
    for (let i = 0; i < 30; i++) {
      void aimd.hooks.onFailure?.('c', new Error('timeout'), 500, input);
      vi.advanceTimersByTime(100);
    }
    expect(aimd.current()).toBe(3);
    expect(orchestrator.concurrency).toBe(3);
    aimd.stop();
  });

  it('leaves the cap alone in an interval without samples, and stops ticking after stop()', () => {
    vi.useFakeTimers();
    const orchestrator = orchestratorWithCap(5);
    const aimd = createAimdConcurrency(orchestrator, { max: 10, targetLatencyMs: 50, intervalMs: 100 });
    vi.advanceTimersByTime(1000);
    expect(aimd.current()).toBe(5);
    aimd.stop();
    void aimd.hooks.postExecution?.('c', outcome(1), input);
    vi.advanceTimersByTime(1000);
    expect(aimd.current()).toBe(5);
  });

  it('starts within [min, max] and uses the median, so one slow outlier does not shrink the cap', () => {
    const orchestrator = orchestratorWithCap(100);
    const aimd = createAimdConcurrency(orchestrator, { min: 2, max: 8, targetLatencyMs: 50, intervalMs: 60_000 });
    expect(orchestrator.concurrency).toBe(8);
    for (const ms of [1, 2, 5000]) void aimd.hooks.postExecution?.('c', outcome(ms), input);
    expect(aimd.tick()).toBe(8);
    for (const ms of [1, 900, 5000]) void aimd.hooks.postExecution?.('c', outcome(ms), input);
    expect(aimd.tick()).toBe(7);
    aimd.stop();
  });

  it('drives a real Orchestrator from its own observed latencies', async () => {
    // The hooks must exist before the orchestrator and the limiter after it: forward to it once made.
    const orchestrator = new Orchestrator({
      critics: { c: () => OK },
      concurrency: 1,
      hooks: { postExecution: (critic, o, i) => aimd.hooks.postExecution?.(critic, o, i) },
    });
    const aimd = createAimdConcurrency(orchestrator, { max: 4, targetLatencyMs: 1000, intervalMs: 60_000 });
    expect(aimd.tick()).toBe(1); // nothing observed yet
    for (let i = 0; i < 3; i++) {
      await orchestrator.run({ inputText: 'q' });
      aimd.tick();
    }
    expect(orchestrator.concurrency).toBe(4);
    aimd.stop();
  });

  it('rejects bad options with INVALID_CONFIG, and an orchestrator without a cap', () => {
    const orchestrator = orchestratorWithCap(2);
    const base = { max: 4, targetLatencyMs: 10 };
    for (const options of [
      { ...base, min: 0 },
      { ...base, max: 0 },
      { ...base, targetLatencyMs: 0 },
      { ...base, increase: 0.5 },
      { ...base, decrease: 1 },
      { ...base, intervalMs: 0 },
    ]) {
      let thrown: unknown;
      try {
        createAimdConcurrency(orchestrator, options);
      } catch (error) {
        thrown = error;
      }
      expect(isEleanorError(thrown) && thrown.code).toBe('INVALID_CONFIG');
    }
    expect(() => createAimdConcurrency(new Orchestrator({ critics: { c: () => OK } }), base)).toThrow(
      /without a concurrency cap/,
    );
  });
});

// AIMD concurrency: grows the orchestrator's cap by a step while latency stays under target, shrinks it by a factor above.
import { EleanorError } from '../../core/index.js';
import type { CriticOutcome, Hooks } from '../../core/index.js';

export interface AimdOptions {
  /** The cap never goes below this (integer >= 1). @default 1 */
  readonly min?: number;
  /** The cap never goes above this (integer >= min). */
  readonly max: number;
  /** The interval's median critic latency (ms) above which the cap shrinks. */
  readonly targetLatencyMs: number;
  /** Added to the cap after an interval at or under target (integer >= 1). @default 1 */
  readonly increase?: number;
  /** The cap is multiplied by this (then floored, so it always drops by at least 1) above target, in (0, 1). @default 0.9 */
  readonly decrease?: number;
  /** How often the cap is reconsidered, in ms. @default 1000 */
  readonly intervalMs?: number;
  /** The cap to start from. @default the orchestrator's current cap, clamped to [min, max] */
  readonly initial?: number;
  /** Intervals with fewer samples leave the cap alone (too little evidence). @default 1 */
  readonly minSamples?: number;
}

/** The part of the Orchestrator this needs (an orchestrator created with a `concurrency` cap). */
export interface ConcurrencyTarget {
  readonly concurrency: number;
  setConcurrency(cap: number): void;
}

export interface AimdConcurrency {
  /** Feed these to the orchestrator (e.g. through composeHooks): they observe critic durations. */
  readonly hooks: Hooks;
  /** The cap now. */
  current(): number;
  /** Reconsiders the cap from the samples since the last tick; the interval timer calls it. Returns the cap. */
  tick(): number;
  /** Stops the interval timer; the cap stays where it is. Idempotent. */
  stop(): void;
}

/** Samples kept per interval at most; beyond it each new sample replaces a random one (reservoir sampling). */
const RESERVOIR = 4096;

/**
 * An AIMD cap on the orchestrator's concurrency, steered by the critics' latency against a target.
 * @example
 * const orchestrator = new Orchestrator({ critics, concurrency: 8 });
 * const aimd = createAimdConcurrency(orchestrator, { max: 32, targetLatencyMs: 200 });
 * // compose aimd.hooks into the orchestrator's hooks; aimd.stop() on shutdown
 */
export function createAimdConcurrency(orchestrator: ConcurrencyTarget, options: AimdOptions): AimdConcurrency {
  const { min = 1, max, targetLatencyMs, increase = 1, decrease = 0.9, intervalMs = 1000, minSamples = 1 } = options;
  check(Number.isInteger(min) && min >= 1, `min must be an integer >= 1, got ${min}`);
  check(Number.isInteger(max) && max >= min, `max must be an integer >= min, got ${max}`);
  check(targetLatencyMs > 0, `targetLatencyMs must be a positive number, got ${targetLatencyMs}`);
  check(Number.isInteger(increase) && increase >= 1, `increase must be an integer >= 1, got ${increase}`);
  check(decrease > 0 && decrease < 1, `decrease must be in (0, 1), got ${decrease}`);
  check(intervalMs > 0, `intervalMs must be a positive number, got ${intervalMs}`);
  check(Number.isInteger(minSamples) && minSamples >= 1, `minSamples must be an integer >= 1, got ${minSamples}`);

  let cap = clamp(Math.floor(options.initial ?? orchestrator.concurrency), min, max);
  orchestrator.setConcurrency(cap);
  let samples: number[] = [];
  let offered = 0;

  const observe = (durationMs: number): void => {
    offered++;
    if (samples.length < RESERVOIR) samples.push(durationMs);
    else {
      const slot = Math.floor(Math.random() * offered);
      if (slot < RESERVOIR) samples[slot] = durationMs;
    }
  };

  const tick = (): number => {
    const window = samples;
    samples = [];
    offered = 0;
    if (window.length < minSamples) return cap;
    window.sort((a, b) => a - b);
    const p50 = window[(window.length - 1) >> 1]!;
    const next = p50 <= targetLatencyMs ? Math.min(max, cap + increase) : Math.max(min, Math.floor(cap * decrease));
    if (next !== cap) {
      cap = next;
      orchestrator.setConcurrency(cap);
    }
    return cap;
  };

  const timer = setInterval(tick, intervalMs);
  timer.unref(); // never keeps the process alive on its own

  return {
    hooks: {
      postExecution(_critic: string, outcome: CriticOutcome) {
        if (!outcome.fromCache) observe(outcome.durationMs);
      },
      // A timeout or error took this long too: slow failures must count against the cap.
      onFailure(_critic: string, _error: Error, durationMs: number) {
        observe(durationMs);
        return undefined;
      },
    },
    current: () => cap,
    tick,
    stop: () => clearInterval(timer),
  };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}

function check(ok: boolean, message: string): void {
  if (!ok) throw new EleanorError('INVALID_CONFIG', `createAimdConcurrency: ${message}`);
}

// LogHistogram: quantile accuracy on known distributions, bounds, decay and option checks.
import { describe, expect, it } from 'vitest';
import { isEleanorError } from '../../core/errors.js';
import { LogHistogram } from './log-histogram.js';
import { seeded } from '../../../test/support/seeded.js';

function exactQuantile(sorted: readonly number[], q: number): number {
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
}

function expectClose(histogram: LogHistogram, values: number[], qs: readonly number[], tolerance: number): void {
  const sorted = [...values].sort((a, b) => a - b);
  for (const q of qs) {
    const exact = exactQuantile(sorted, q);
    const estimate = histogram.quantile(q)!;
    expect(Math.abs(estimate - exact) / exact, `q=${q}: estimate ${estimate} vs exact ${exact}`).toBeLessThan(
      tolerance,
    );
  }
}

describe('LogHistogram', () => {
  it('estimates quantiles of a uniform distribution within 3%', () => {
    const random = seeded(1);
    const histogram = new LogHistogram({ halveAt: 1e9 });
    const values = Array.from({ length: 20_000 }, () => 5 + random() * 10);
    values.forEach((v) => histogram.add(v));
    expectClose(histogram, values, [0.5, 0.9, 0.99], 0.03);
  });

  it('estimates quantiles of a heavy-tailed (log-normal) distribution within 3%', () => {
    const random = seeded(2);
    const histogram = new LogHistogram({ halveAt: 1e9 });
    const values = Array.from({ length: 20_000 }, () => {
      const gaussian = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      return Math.exp(2 + 1.5 * gaussian);
    });
    values.forEach((v) => histogram.add(v));
    expectClose(histogram, values, [0.5, 0.9, 0.99, 0.999], 0.03);
  });

  it('gives the exact min and max at 0 and 1, ignores NaN, and undefined when empty', () => {
    const histogram = new LogHistogram();
    expect(histogram.quantile(0.5)).toBeUndefined();
    histogram.add(7);
    expect(histogram.quantile(0)).toBe(7);
    expect(histogram.quantile(1)).toBe(7);
    histogram.add(0);
    histogram.add(1e9); // beyond maxValue: kept in the last bucket
    histogram.add(Number.NaN); // ignored
    expect(histogram.count).toBe(3);
    expect(histogram.quantile(0)).toBe(0);
    expect(histogram.quantile(1)).toBe(1e9);
    expect(histogram.quantile(0.5)).toBeCloseTo(7, 0);
  });

  it('halves its counts at halveAt so a shifted distribution takes over', () => {
    const histogram = new LogHistogram({ halveAt: 100 });
    for (let i = 0; i < 99; i++) histogram.add(10);
    histogram.add(10);
    expect(histogram.count).toBe(50);
    for (let i = 0; i < 300; i++) histogram.add(1000);
    expect(histogram.quantile(0.5)).toBeCloseTo(1000, -2);
  });

  it('rejects bad options with INVALID_CONFIG', () => {
    for (const options of [{ minValue: 0 }, { maxValue: 0.001 }, { growth: 1 }, { halveAt: 1 }]) {
      let thrown: unknown;
      try {
        new LogHistogram(options);
      } catch (error) {
        thrown = error;
      }
      expect(isEleanorError(thrown) && thrown.code).toBe('INVALID_CONFIG');
    }
  });
});

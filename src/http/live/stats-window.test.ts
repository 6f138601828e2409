import { describe, expect, it } from 'vitest';
import { StatsWindow, type CriticSample } from './stats-window.js';

const sample = (critic: string, durationMs: number, extra: Partial<CriticSample> = {}): CriticSample => ({
  critic,
  durationMs,
  failed: false,
  ran: true,
  ...extra,
});

function clock(start = Date.UTC(2026, 0, 1, 12)): { now: () => number; advance: (ms: number) => void } {
  let t = start;
  return { now: () => t, advance: (ms) => (t += ms) };
}

describe('StatsWindow', () => {
  it('estimates p50 and p99 within 5% of the exact quantiles', () => {
    const window = new StatsWindow({ now: clock().now });
    for (let ms = 1; ms <= 1000; ms++) window.record('allow', [sample('privacy', ms)]);
    const [privacy] = window.snapshot(5).critics;
    expect(privacy!.count).toBe(1000);
    expect(Math.abs(privacy!.p50! - 500) / 500).toBeLessThan(0.05);
    expect(Math.abs(privacy!.p99! - 990) / 990).toBeLessThan(0.05);
    expect(privacy!.p99!).toBeLessThanOrEqual(1000); // never beyond the largest value seen
  });

  it('counts decisions and samples only inside the window', () => {
    const c = clock();
    const window = new StatsWindow({ now: c.now });
    window.record('deny', [sample('privacy', 4)]);
    c.advance(6 * 60_000);
    window.record('allow', [sample('privacy', 40)]);
    window.record('escalate', [sample('privacy', 40)]);
    const recent = window.snapshot(5);
    expect(recent.evaluations).toBe(2);
    expect(recent.decisions).toEqual({ allow: 1, constrained_allow: 0, escalate: 1, deny: 0 });
    expect(recent.critics[0]).toMatchObject({ critic: 'privacy', count: 2 });
    const hour = window.snapshot(60);
    expect(hour.evaluations).toBe(3);
    expect(hour.decisions.deny).toBe(1);
    expect(hour.critics[0]!.series.map((p) => p.count)).toEqual([1, 2]);
  });

  it('gives one series point per bucket, oldest first, aligned to the bucket start', () => {
    const c = clock();
    const window = new StatsWindow({ now: c.now, bucketMs: 10_000 });
    window.record('allow', [sample('risk', 2)]);
    c.advance(25_000);
    window.record('allow', [sample('risk', 8)]);
    const { series } = window.snapshot(5).critics[0]!;
    expect(series.map((p) => p.at)).toEqual(['2026-01-01T12:00:00.000Z', '2026-01-01T12:00:20.000Z']);
    expect(series[1]).toMatchObject({ count: 1, p50: 8, p99: 8 });
  });

  it('stays within its ring of buckets however long it runs, answering at most the longest window', () => {
    const c = clock();
    const window = new StatsWindow({ now: c.now, bucketMs: 10_000, maxWindowMs: 600_000 });
    for (let i = 0; i < 10_000; i++) {
      window.record('allow', [sample('privacy', 1 + (i % 50))]);
      c.advance(10_000);
    }
    expect(window.bucketsInUse).toBeLessThanOrEqual(61);
    const stats = window.snapshot(60);
    expect(stats.windowMinutes).toBe(10);
    expect(stats.evaluations).toBe(59); // the 60 buckets before now, the current one still empty
  });

  it('takes no latency from critics that did not run, counts failures, and caps the critics tracked', () => {
    const window = new StatsWindow({ now: clock().now, maxCritics: 2 });
    window.record('escalate', [
      sample('a', 0, { ran: false }),
      sample('b', 30, { failed: true }),
      sample('c', 5), // over the cap
    ]);
    const critics = window.snapshot(5).critics;
    expect(critics.map((s) => s.critic)).toEqual(['a', 'b']);
    expect(critics[0]).toMatchObject({ count: 0, p50: null, p99: null, series: [] });
    expect(critics[1]).toMatchObject({ count: 1, failed: 1, p50: 30 });
  });

  it('counts an evaluation at the time it is given: inside the window in its bucket, older left out, later as now', () => {
    const c = clock();
    const window = new StatsWindow({ now: c.now, bucketMs: 10_000, maxWindowMs: 600_000 });
    const now = c.now();
    window.record('deny', [sample('privacy', 4)], now - 5 * 60_000);
    window.record('allow', [sample('privacy', 4)], now - 11 * 60_000); // older than the longest window
    window.record('escalate', [sample('privacy', 4)], now + 30_000); // a clock ahead of ours
    expect(window.snapshot(10).decisions).toEqual({ allow: 0, constrained_allow: 0, escalate: 1, deny: 1 });
    expect(window.snapshot(1).decisions).toEqual({ allow: 0, constrained_allow: 0, escalate: 1, deny: 0 });
    expect(window.snapshot(10).critics[0]!.series.map((p) => p.at)).toEqual([
      new Date(now - 5 * 60_000).toISOString(),
      new Date(now).toISOString(),
    ]);
  });
});

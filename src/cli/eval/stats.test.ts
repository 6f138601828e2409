// Unit tests of eval's statistics: Wilson intervals, percentiles, group summaries and grouping.
import { describe, expect, it } from 'vitest';
import { groupViews, percentile, summarize, wilson, type RowView } from './stats.js';

function view(partial: Partial<RowView> & Pick<RowView, 'label' | 'ref'>): RowView {
  return { flagged: false, severity: 0, decision: 'allow', latencyMs: 1, ...partial };
}

describe('wilson', () => {
  it('matches the known 95 % intervals', () => {
    const none = wilson(0, 10)!;
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(0.2775, 4);
    const half = wilson(5, 10)!;
    expect(half.low).toBeCloseTo(0.2366, 4);
    expect(half.high).toBeCloseTo(0.7634, 4);
    const all = wilson(10, 10)!;
    expect(all.low).toBeCloseTo(0.7225, 4);
    expect(all.high).toBe(1);
    const big = wilson(81, 263)!;
    expect(big.low).toBeCloseTo(0.2553, 3);
    expect(big.high).toBeCloseTo(0.3662, 3);
  });

  it('has no interval without observations', () => {
    expect(wilson(0, 0)).toBeNull();
  });

  it('narrows as n grows, and always contains k/n', () => {
    const small = wilson(3, 10)!;
    const large = wilson(300, 1000)!;
    expect(large.high - large.low).toBeLessThan(small.high - small.low);
    for (const [k, n] of [
      [0, 1],
      [1, 1],
      [7, 9],
      [123, 4567],
    ] as const) {
      const i = wilson(k, n)!;
      expect(i.low).toBeLessThanOrEqual(k / n);
      expect(i.high).toBeGreaterThanOrEqual(k / n);
    }
  });
});

describe('percentile', () => {
  it('interpolates between ranks like numpy', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 0.5)).toBeCloseTo(50.5);
    expect(percentile(values, 0.99)).toBeCloseTo(99.01);
    expect(percentile(values, 0)).toBe(1);
    expect(percentile(values, 1)).toBe(100);
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
  });

  it('gives the only value of one, and null for none', () => {
    expect(percentile([7], 0.99)).toBe(7);
    expect(percentile([], 0.5)).toBeNull();
  });
});

describe('summarize', () => {
  const views: RowView[] = [
    view({ ref: 0, label: 'harmful', flagged: true, severity: 3, decision: 'deny', latencyMs: 4 }),
    view({ ref: 1, label: 'harmful', flagged: true, severity: 1, decision: 'constrained_allow', latencyMs: 2 }),
    view({ ref: 2, label: 'harmful', severity: 0, latencyMs: 1 }),
    view({ ref: 3, label: 'harmful', flagged: true, severity: 2, decision: 'escalate', latencyMs: 3 }),
    view({ ref: 4, label: 'benign', latencyMs: 1 }),
    view({ ref: 5, label: 'benign', flagged: true, severity: 1, decision: 'constrained_allow', latencyMs: 1 }),
    view({ ref: 6, label: 'benign', flagged: true, severity: 2.5, decision: 'deny', latencyMs: 1 }),
    view({ ref: 7, label: 'benign', latencyMs: 1 }),
  ];

  it('counts recall, false-positive rate and precision both ways', () => {
    const s = summarize(views, 3);
    expect(s.n).toEqual({ harmful: 4, benign: 4 });
    expect(s.flagged).toMatchObject({ tp: 3, fp: 2, recall: 0.75, fpr: 0.5, precision: 0.6 });
    expect(s.severity2).toMatchObject({ tp: 2, fp: 1, recall: 0.5, fpr: 0.25 });
    expect(s.severity2.precision).toBeCloseTo(2 / 3);
    expect(s.severity2.recallCI).toEqual(wilson(2, 4));
    expect(s.decisions).toEqual({ allow: 3, constrained_allow: 2, escalate: 1, deny: 2 });
  });

  it('picks the worst misses (lowest severity first) and false positives (highest first)', () => {
    const s = summarize(views, 3);
    expect(s.misses).toEqual([2, 1]);
    expect(s.falsePositives).toEqual([6, 5]);
    expect(summarize(views, 1).misses).toEqual([2]);
    expect(summarize(views, 0).falsePositives).toEqual([]);
  });

  it('reports latency percentiles', () => {
    const s = summarize(views, 0);
    expect(s.latencyMs.p50).toBe(1);
    expect(s.latencyMs.p99).toBeCloseTo(3.93);
  });

  it('leaves rates it cannot measure as null', () => {
    const s = summarize([view({ ref: 0, label: 'benign' })], 3);
    expect(s.severity2.recall).toBeNull();
    expect(s.severity2.recallCI).toBeNull();
    expect(s.severity2.precision).toBeNull();
    expect(s.severity2.fpr).toBe(0);
  });

  it('leaves rows without a decision out of the histogram', () => {
    const s = summarize([view({ ref: 0, label: 'benign', decision: undefined })], 0);
    expect(s.decisions).toEqual({ allow: 0, constrained_allow: 0, escalate: 0, deny: 0 });
  });
});

describe('groupViews', () => {
  it('puts each view under its keys, a row under several when it has several', () => {
    const rows = [
      { keys: ['a'], ref: 0 },
      { keys: ['a', 'b'], ref: 1 },
    ];
    const groups = groupViews(rows, (row) =>
      row.keys.map((k) => [k, view({ ref: row.ref, label: 'benign' })] as const),
    );
    expect([...groups.keys()]).toEqual(['a', 'b']);
    expect(groups.get('a')!.map((v) => v.ref)).toEqual([0, 1]);
    expect(groups.get('b')!.map((v) => v.ref)).toEqual([1]);
  });
});

// The dashboard's DOM-free browser modules: the SSE parser, span highlighting, the chart's geometry, formatting.
import { describe, expect, it } from 'vitest';
import { latencyChart, niceCeiling } from '../../src/ui/client/chart.js';
import { formatMs } from '../../src/ui/client/format.js';
import { segments } from '../../src/ui/client/spans.js';
import { SseParser } from '../../src/ui/client/sse.js';

describe('SseParser', () => {
  it('parses events split anywhere across chunks, skipping comments and joining data lines', () => {
    const stream =
      ': eleanor live evaluations\n\nevent: evaluation\ndata: {"a":1}\n\nevent: x\r\ndata: one\r\ndata: two\r\n\r\ndata: plain\n\n';
    for (const size of [1, 2, 3, 7, stream.length]) {
      const parser = new SseParser();
      const events = [];
      for (let i = 0; i < stream.length; i += size) events.push(...parser.push(stream.slice(i, i + size)));
      expect(events, `chunks of ${size}`).toEqual([
        { event: 'evaluation', data: '{"a":1}' },
        { event: 'x', data: 'one\ntwo' },
        { event: 'message', data: 'plain' },
      ]);
    }
  });

  it('holds back an event until its blank line arrives', () => {
    const parser = new SseParser();
    expect(parser.push('event: evaluation\ndata: {}\n')).toEqual([]);
    expect(parser.push('\n')).toEqual([{ event: 'evaluation', data: '{}' }]);
  });
});

describe('segments', () => {
  it('cuts a text into plain and flagged pieces, overlapping spans carrying both numbers', () => {
    const text = 'Your card is 4111 1111 1111 1111, mail a@b.co';
    expect(
      segments(text, [
        { start: 13, end: 32, text: '4111 1111 1111 1111', ref: 1 },
        { start: 28, end: 46, text: '1111, mail a@b.co', ref: 2 },
      ]),
    ).toEqual([
      { text: 'Your card is ', refs: [] },
      { text: '4111 1111 1111 ', refs: [1] },
      { text: '1111', refs: [1, 2] },
      { text: ', mail a@b.co', refs: [2] },
    ]);
  });

  it('finds a span by its text when its offsets do not hold it, and drops one it cannot find', () => {
    expect(
      segments('a guaranteed cure', [
        { start: 0, end: 3, text: 'guaranteed', ref: 1 },
        { start: 0, end: 1, text: 'absent', ref: 2 },
      ]),
    ).toEqual([
      { text: 'a ', refs: [] },
      { text: 'guaranteed', refs: [1] },
      { text: ' cure', refs: [] },
    ]);
    expect(segments('', [])).toEqual([]);
  });
});

describe('latencyChart', () => {
  it('scales p50 and p99 into the plot, newest at the right, with a round top', () => {
    const g = latencyChart({
      points: [
        { t: 1_000, p50: 1, p99: 3 },
        { t: 2_000, p50: 2, p99: 7 },
      ],
      from: 0,
      to: 2_000,
      width: 200,
      height: 100,
    });
    expect(niceCeiling(7)).toBe(10);
    expect(g.yTicks.map((t) => t.value)).toEqual([0, 5, 10]);
    expect(g.dots[1]!.x).toBe(g.plot.right);
    expect(g.dots[1]!.y99).toBeCloseTo(g.plot.bottom - 0.7 * (g.plot.bottom - g.plot.top));
    expect(g.dots[0]!.y50).toBeGreaterThan(g.dots[0]!.y99); // lower latency sits lower
    expect(g.p50).toMatch(/^M[\d.]+,[\d.]+ L[\d.]+,[\d.]+$/);
  });
});

describe('formatMs', () => {
  it('keeps small durations precise and large ones short', () => {
    expect([0.042, 3.14159, 250, 12_345, null].map(formatMs)).toEqual(['0.04 ms', '3.1 ms', '250 ms', '12.3 s', '–']);
  });
});

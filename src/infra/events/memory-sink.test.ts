// Tests for the memory sink: the sink conformance suite, and its size limit.
import { describe, expect, it } from 'vitest';
import { createMemorySink } from './memory-sink.js';
import { describeSinkConformance, eventsFixture } from './sink.conformance.js';

describeSinkConformance('memory', () => {
  const sink = createMemorySink();
  return Promise.resolve({
    sink,
    received: () => Promise.resolve(sink.events.map((event) => ({ event }))),
    cleanup: () => Promise.resolve(),
  });
});

describe('createMemorySink', () => {
  it('keeps only the newest events beyond its limit', async () => {
    const sink = createMemorySink({ limit: 2 });
    for (const event of eventsFixture('t')) await sink.publish(event);
    expect(sink.events.map((e) => e.type)).toEqual(['review.required', 'checkpoint']);
  });
});

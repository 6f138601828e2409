// createMemorySink(): an EventSink that keeps events in an array, for tests and local inspection.
import type { EventSink } from './sink.js';
import type { EleanorEvent } from './types.js';

export interface MemorySinkOptions {
  /** Events kept at most; older ones are discarded first. @default 10_000 */
  readonly limit?: number;
}

export interface MemorySink extends EventSink {
  /** The events published so far (oldest first), at most `limit`. */
  readonly events: readonly EleanorEvent[];
}

/**
 * A sink that keeps the newest events in memory (tests, the dashboard's feed).
 * @example
 * const sink = createMemorySink({ limit: 100 });
 * attachSink(createEventBus(), sink);
 */
export function createMemorySink(options: MemorySinkOptions = {}): MemorySink {
  const limit = options.limit ?? 10_000;
  const events: EleanorEvent[] = [];
  let closed = false;
  return {
    name: 'memory',
    events,
    publish(event) {
      if (!closed) {
        events.push(event);
        if (events.length > limit) events.shift();
      }
      return Promise.resolve();
    },
    close() {
      closed = true;
      return Promise.resolve();
    },
  };
}

// EventSink: the interface every event sink (NATS, memory, …) implements, and attachSink() to feed one from a bus.
import type { EleanorEvent, EventBus } from './types.js';

/**
 * Somewhere events go beyond the process. `publish` should resolve even when the destination fails (count the
 * failure instead); should it reject anyway, the bus counts it in `subscriberErrors` and carries on.
 */
export interface EventSink {
  readonly name: string;
  publish(event: EleanorEvent): Promise<void>;
  /** Flushes what it can and releases connections; idempotent. Later `publish` calls resolve without sending. */
  close(): Promise<void>;
}

/**
 * Subscribes the sink to every event of the bus. The bus awaits each `publish` before the next, so a slow sink
 * only fills its own bounded buffer (oldest events dropped). Returns the detach function; it does not close the sink.
 */
export function attachSink(bus: EventBus, sink: EventSink): () => void {
  return bus.onAny((event) => sink.publish(event));
}

// The events area's public surface: the bus, the sink interface, and the memory and NATS sinks.
export { createEventBus, type EventBusOptions } from './bus.js';
export { attachSink, type EventSink } from './sink.js';
export { createMemorySink, type MemorySink, type MemorySinkOptions } from './memory-sink.js';
export { createNatsSink, type NatsSink, type NatsSinkOptions, type NatsSinkStats } from './nats-sink.js';
export {
  EVENT_TYPES,
  type AnyEventHandler,
  type EleanorEvent,
  type EventBus,
  type EventBusStats,
  type EventHandler,
  type EventMap,
  type EventType,
} from './types.js';

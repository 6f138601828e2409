// The engine's typed events: their names, payloads and the envelope that subscribers and sinks receive.
import type { CriticOutcome } from '../../core/index.js';
import type { Decision, Gate } from '../../verdict/index.js';

/** Every event the engine emits, by name, with its payload. */
export interface EventMap {
  'evaluation.started': { traceId: string; /** Wall-clock ms since the epoch. */ at: number };
  'critic.completed': { traceId: string; outcome: CriticOutcome };
  'critic.failed': { traceId: string; outcome: CriticOutcome };
  'decision.made': { traceId: string; decision: Decision; gate: Gate; durationMs: number };
  'review.required': { traceId: string; gate: Gate };
  /** A signed evidence checkpoint (evidence/checkpoints.ts), once it is in the witness: for machines that keep them. */
  checkpoint: {
    chain: string;
    seq: number;
    head: string;
    root: string;
    time: string;
    keyId: string;
    signature: string;
  };
}

export type EventType = keyof EventMap;

/** Every event name, in a fixed order. */
export const EVENT_TYPES: readonly EventType[] = Object.freeze([
  'evaluation.started',
  'critic.completed',
  'critic.failed',
  'decision.made',
  'review.required',
  'checkpoint',
]);

/** One event as delivered to `onAny` subscribers and sinks: a discriminated union on `type`. */
export type EleanorEvent = { [K in EventType]: { type: K; payload: EventMap[K] } }[EventType];

export type EventHandler<K extends EventType> = (payload: EventMap[K]) => void | Promise<void>;
export type AnyEventHandler = (event: EleanorEvent) => void | Promise<void>;

export interface EventBusStats {
  /** Calls to `emit`. */
  emitted: number;
  /** Handler calls that returned (or resolved) without error. */
  delivered: number;
  /** Events discarded because a subscriber's buffer was full (the oldest go first). */
  dropped: number;
  /** Handler calls that threw or rejected. */
  subscriberErrors: number;
}

export interface EventBus {
  /** Queues the event for every subscriber and returns at once; never throws, never waits. */
  emit<K extends EventType>(type: K, payload: EventMap[K]): void;
  /** Subscribes to one event type; returns the unsubscribe (events still queued for it are discarded). */
  on<K extends EventType>(type: K, handler: EventHandler<K>): () => void;
  /** Subscribes to every event (sinks use this); returns the unsubscribe. */
  onAny(handler: AnyEventHandler): () => void;
  stats(): EventBusStats;
  /** Resolves once every subscriber has handled everything queued so far. */
  idle(options?: { signal?: AbortSignal }): Promise<void>;
}

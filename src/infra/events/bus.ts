// createEventBus(): a typed in-process bus whose subscribers run later, off the emitter's stack, each with a bounded buffer.
import { EleanorError } from '../../core/index.js';
import type {
  AnyEventHandler,
  EleanorEvent,
  EventBus,
  EventBusStats,
  EventHandler,
  EventMap,
  EventType,
} from './types.js';

export interface EventBusOptions {
  /** Events each subscriber may have waiting; when full, the oldest is dropped (and counted). @default 1024 */
  readonly bufferSize?: number;
  /** Told of each error a subscriber throws or rejects with (after it is counted). @default none */
  readonly onSubscriberError?: (error: unknown, event: EleanorEvent) => void;
}

/** A fixed-capacity FIFO that overwrites its oldest entry when full. */
class Ring {
  readonly #items: (EleanorEvent | undefined)[];
  #head = 0;
  #length = 0;

  constructor(capacity: number) {
    this.#items = new Array<EleanorEvent | undefined>(capacity);
  }

  /** Adds the event; returns true when the oldest one had to go. */
  push(event: EleanorEvent): boolean {
    const capacity = this.#items.length;
    const full = this.#length === capacity;
    if (full) {
      this.#head = (this.#head + 1) % capacity;
      this.#length--;
    }
    this.#items[(this.#head + this.#length) % capacity] = event;
    this.#length++;
    return full;
  }

  shift(): EleanorEvent | undefined {
    if (this.#length === 0) return undefined;
    const event = this.#items[this.#head];
    this.#items[this.#head] = undefined;
    this.#head = (this.#head + 1) % this.#items.length;
    this.#length--;
    return event;
  }

  clear(): void {
    this.#items.fill(undefined);
    this.#head = this.#length = 0;
  }
}

interface Subscriber {
  readonly handler: AnyEventHandler;
  readonly queue: Ring;
  /** A pump is scheduled or running. */
  active: boolean;
  closed: boolean;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

const yieldTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

class Bus implements EventBus {
  readonly #bufferSize: number;
  readonly #onError: EventBusOptions['onSubscriberError'];
  readonly #byType = new Map<EventType, Set<Subscriber>>();
  readonly #any = new Set<Subscriber>();
  readonly #stats: EventBusStats = { emitted: 0, delivered: 0, dropped: 0, subscriberErrors: 0 };
  #active = 0;
  #idleWaiters: (() => void)[] = [];

  constructor(options: EventBusOptions) {
    const size = options.bufferSize ?? 1024;
    if (!Number.isInteger(size) || size < 1) {
      throw new EleanorError('INVALID_CONFIG', `bufferSize: expected a positive integer, got ${String(size)}`);
    }
    this.#bufferSize = size;
    this.#onError = options.onSubscriberError;
  }

  emit<K extends EventType>(type: K, payload: EventMap[K]): void {
    this.#stats.emitted++;
    const event = { type, payload } as EleanorEvent;
    const subscribers = this.#byType.get(type);
    if (subscribers !== undefined) for (const s of subscribers) this.#enqueue(s, event);
    for (const s of this.#any) this.#enqueue(s, event);
  }

  on<K extends EventType>(type: K, handler: EventHandler<K>): () => void {
    assertHandler(handler);
    let set = this.#byType.get(type);
    if (set === undefined) this.#byType.set(type, (set = new Set()));
    return this.#subscribe(set, (event) => handler(event.payload as EventMap[K]));
  }

  onAny(handler: AnyEventHandler): () => void {
    assertHandler(handler);
    return this.#subscribe(this.#any, handler);
  }

  stats(): EventBusStats {
    return { ...this.#stats };
  }

  async idle(options: { signal?: AbortSignal } = {}): Promise<void> {
    const { signal } = options;
    signal?.throwIfAborted();
    if (this.#active === 0) return;
    let onAbort: (() => void) | undefined;
    try {
      await new Promise<void>((resolve, reject) => {
        this.#idleWaiters.push(resolve);
        if (signal !== undefined) {
          onAbort = () => reject(signal.reason as Error);
          signal.addEventListener('abort', onAbort, { once: true });
        }
      });
    } finally {
      if (onAbort !== undefined) signal?.removeEventListener('abort', onAbort);
    }
  }

  #subscribe(set: Set<Subscriber>, handler: AnyEventHandler): () => void {
    const subscriber: Subscriber = { handler, queue: new Ring(this.#bufferSize), active: false, closed: false };
    set.add(subscriber);
    return () => {
      subscriber.closed = true;
      subscriber.queue.clear();
      set.delete(subscriber);
    };
  }

  #enqueue(subscriber: Subscriber, event: EleanorEvent): void {
    if (subscriber.queue.push(event)) this.#stats.dropped++;
    if (subscriber.active) return;
    subscriber.active = true;
    this.#active++;
    setImmediate(() => void this.#pump(subscriber));
  }

  /** Hands the subscriber its events one at a time, awaiting an async handler before the next. */
  async #pump(subscriber: Subscriber): Promise<void> {
    let syncRun = 0;
    try {
      for (;;) {
        if (subscriber.closed) break;
        const event = subscriber.queue.shift();
        if (event === undefined) break;
        try {
          const result = subscriber.handler(event);
          if (isThenable(result)) {
            syncRun = 0;
            await result;
          } else if (++syncRun >= this.#bufferSize) {
            // A handler that emits as it handles could otherwise keep this turn forever.
            syncRun = 0;
            await yieldTurn();
          }
          this.#stats.delivered++;
        } catch (error) {
          this.#stats.subscriberErrors++;
          this.#report(error, event);
        }
      }
    } finally {
      subscriber.active = false;
      if (--this.#active === 0) {
        const waiters = this.#idleWaiters;
        this.#idleWaiters = [];
        for (const resolve of waiters) resolve();
      }
    }
  }

  #report(error: unknown, event: EleanorEvent): void {
    try {
      this.#onError?.(error, event);
    } catch {
      // The reporter is the last line: its own failure has nowhere better to go.
    }
  }
}

function assertHandler(handler: unknown): void {
  if (typeof handler !== 'function') {
    throw new EleanorError('INVALID_INPUT', `handler: expected a function, got ${typeof handler}`);
  }
}

/**
 * Creates an in-process event bus; `emit` never blocks or throws, a slow subscriber only loses its own oldest events.
 * @example
 * const bus = createEventBus();
 * bus.on('decision.made', ({ traceId, decision }) => console.log(traceId, decision));
 */
export function createEventBus(options: EventBusOptions = {}): EventBus {
  return new Bus(options);
}

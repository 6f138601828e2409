// The orchestrator's concurrency limiter: a global cap, per-critic maxConcurrent and rate, priority order.
import { Fifo } from './fifo.js';
import type { PlannedCritic } from './plan.js';
import { TokenBucket } from './token-bucket.js';

/** Where a ticket is: waiting for its critic's gate, queued for a global slot, started, cancelled, released. */
export const TicketState = { Waiting: 0, Queued: 1, Started: 2, Cancelled: 3, Released: 4 } as const;
export type TicketState = (typeof TicketState)[keyof typeof TicketState];

/** One critic execution asking for a slot. */
export interface Ticket {
  readonly criticIndex: number;
  readonly priority: number;
  ticketState: TicketState;
  /** Holds one of its critic's maxConcurrent places. */
  admitted: boolean;
  start(): void;
}

class CriticGate {
  active = 0;
  readonly waiting = new Fifo<Ticket>();
  timer: ReturnType<typeof setTimeout> | undefined;
  constructor(
    readonly maxConcurrent: number,
    readonly bucket: TokenBucket | undefined,
  ) {}
}

const PRIORITY_LEVELS = 10;

export class Limiter {
  #cap: number;
  readonly #gates: readonly (CriticGate | undefined)[];
  readonly #queues = Array.from({ length: PRIORITY_LEVELS }, () => new Fifo<Ticket>());
  #active = 0;
  #queued = 0;
  #pumping = false;
  #pumpAgain = false;

  constructor(cap: number, critics: readonly PlannedCritic[], now: () => number) {
    this.#cap = cap;
    this.#gates = critics.map((c) =>
      c.maxConcurrent === undefined && c.ratePerSecond === undefined
        ? undefined
        : new CriticGate(
            c.maxConcurrent ?? Infinity,
            c.ratePerSecond === undefined ? undefined : new TokenBucket(c.ratePerSecond, c.rateBurst, now),
          ),
    );
  }

  get cap(): number {
    return this.#cap;
  }

  /** Changes the orchestrator-wide cap (adaptive concurrency); running critics are never stopped. */
  setCap(cap: number): void {
    this.#cap = cap;
    this.pump();
  }

  /** True when a critic can start without asking (no cap, no gate): the fast path. */
  isUnlimited(criticIndex: number): boolean {
    return this.#cap === Infinity && this.#gates[criticIndex] === undefined;
  }

  get active(): number {
    return this.#active;
  }

  /** Tickets waiting for a slot or a gate. */
  get queued(): number {
    return this.#queued;
  }

  /** Queue a ticket; call `pump()` after a batch so that priority decides who starts. */
  submit(ticket: Ticket): void {
    this.#queued++;
    const gate = this.#gates[ticket.criticIndex];
    ticket.ticketState = TicketState.Waiting;
    if (gate === undefined) this.#enqueue(ticket);
    else {
      gate.waiting.push(ticket);
      this.#admit(gate);
    }
  }

  /** Start queued tickets while slots are free, highest priority first. */
  pump(): void {
    if (this.#pumping) {
      this.#pumpAgain = true;
      return;
    }
    this.#pumping = true;
    try {
      do {
        this.#pumpAgain = false;
        while (this.#active < this.#cap) {
          const ticket = this.#next();
          if (ticket === undefined) break;
          this.#active++;
          ticket.ticketState = TicketState.Started;
          ticket.start();
        }
      } while (this.#pumpAgain);
    } finally {
      this.#pumping = false;
    }
  }

  /** A started ticket settled: free its slot and its gate place. */
  release(ticket: Ticket): void {
    if (ticket.ticketState !== TicketState.Started) return;
    ticket.ticketState = TicketState.Released;
    this.#active--;
    this.#leaveGate(ticket);
    this.pump();
  }

  /** A ticket not yet started is withdrawn (its run ended); it is skipped, never started. */
  cancel(ticket: Ticket): void {
    if (ticket.ticketState !== TicketState.Waiting && ticket.ticketState !== TicketState.Queued) return;
    ticket.ticketState = TicketState.Cancelled;
    this.#queued--;
    this.#leaveGate(ticket);
    this.pump();
  }

  #leaveGate(ticket: Ticket): void {
    if (!ticket.admitted) return;
    ticket.admitted = false;
    const gate = this.#gates[ticket.criticIndex];
    if (gate) {
      gate.active--;
      this.#admit(gate);
    }
  }

  #enqueue(ticket: Ticket): void {
    ticket.ticketState = TicketState.Queued;
    this.#queues[ticket.priority - 1]?.push(ticket);
  }

  /** Move tickets from a gate's waiting line to the global queue while the gate allows. */
  #admit(gate: CriticGate): void {
    while (gate.active < gate.maxConcurrent) {
      const ticket = gate.waiting.peek();
      if (ticket === undefined) return;
      if (ticket.ticketState === TicketState.Cancelled) {
        gate.waiting.shift();
        continue;
      }
      if (gate.bucket && !gate.bucket.tryTake()) {
        this.#waitForToken(gate);
        return;
      }
      gate.waiting.shift();
      gate.active++;
      ticket.admitted = true;
      this.#enqueue(ticket);
    }
  }

  #waitForToken(gate: CriticGate): void {
    if (gate.timer !== undefined || gate.bucket === undefined) return;
    gate.timer = setTimeout(
      () => {
        gate.timer = undefined;
        this.#admit(gate);
        this.pump();
      },
      Math.max(1, Math.ceil(gate.bucket.msUntilToken())),
    );
  }

  #next(): Ticket | undefined {
    for (const queue of this.#queues) {
      let ticket = queue.shift();
      while (ticket !== undefined) {
        if (ticket.ticketState === TicketState.Queued) {
          this.#queued--;
          return ticket;
        }
        ticket = queue.shift();
      }
    }
    return undefined;
  }
}

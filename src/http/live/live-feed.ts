// LiveFeed: turns the engine's event bus into one summary per finished evaluation, for SSE clients and the stats window.
import type { CriticOutcome, CriticStatus } from '../../core/index.js';
import type { Decision, Gate, RequiredAction } from '../../verdict/index.js';
import type { EleanorEvent, EventBus } from '../../infra/index.js';
import { StatsWindow, type StatsWindowOptions, type WindowStats } from './stats-window.js';

/** One critic of a live evaluation. */
export interface LiveCritic {
  critic: string;
  status: CriticStatus;
  durationMs: number;
  /** The finding is a fallback. */
  degraded: boolean;
  violations: number;
}

/** What `GET /v1/live` sends for each evaluation as it completes. */
export interface LiveEvaluation {
  traceId: string;
  /** When the decision was made (ISO 8601). */
  at: string;
  decision: Decision;
  tier: 0 | 2 | 3;
  requiredAction: RequiredAction;
  durationMs: number;
  critics: LiveCritic[];
}

export interface LiveClient {
  /** Called for each evaluation; must not throw (a throwing client is dropped). */
  evaluation(item: LiveEvaluation): void;
  /** Called once when the feed closes (server shutdown): end the stream. */
  close(): void;
}

export interface LiveFeedOptions {
  readonly window?: StatsWindowOptions;
  /**
   * Evaluations whose critic events arrived but not yet their decision, kept at most (the oldest is forgotten
   * first). The engine emits them back to back, so only a bus that dropped a decision leaves one behind. @default 1_000
   */
  readonly pendingLimit?: number;
}

/** Statuses whose outcome never ran: no latency sample. */
const NOT_RUN: ReadonlySet<CriticStatus> = new Set(['gated', 'skipped', 'cancelled', 'circuit_open']);

export class LiveFeed {
  readonly #window: StatsWindow;
  readonly #pendingLimit: number;
  /** Per trace, its critics' outcomes so far and whether each came as `critic.failed`. */
  readonly #pending = new Map<string, { outcome: CriticOutcome; failed: boolean }[]>();
  readonly #clients = new Set<LiveClient>();
  readonly #detach: (() => void) | undefined;

  /** Without a bus (`infrastructure.events` off) the feed is empty but answers: `enabled` says why. */
  constructor(bus: EventBus | undefined, options: LiveFeedOptions = {}) {
    this.#window = new StatsWindow(options.window);
    this.#pendingLimit = options.pendingLimit ?? 1_000;
    this.#detach = bus?.onAny((event) => this.#handle(event));
  }

  get enabled(): boolean {
    return this.#detach !== undefined;
  }

  /** Connected clients (SSE streams). */
  get clients(): number {
    return this.#clients.size;
  }

  /** Evaluations waiting for their decision event (bounded by `pendingLimit`). */
  get pending(): number {
    return this.#pending.size;
  }

  get maxWindowMinutes(): number {
    return this.#window.maxWindowMinutes;
  }

  /** Adds a client; returns its removal (idempotent). */
  subscribe(client: LiveClient): () => void {
    this.#clients.add(client);
    return () => void this.#clients.delete(client);
  }

  stats(windowMinutes: number): WindowStats & { enabled: boolean } {
    return { enabled: this.enabled, ...this.#window.snapshot(windowMinutes) };
  }

  /** Leaves the bus and ends every client's stream. */
  close(): void {
    this.#detach?.();
    const clients = [...this.#clients];
    this.#clients.clear();
    for (const client of clients) {
      try {
        client.close();
      } catch {
        // Ending one stream must not keep the others open.
      }
    }
  }

  #handle(event: EleanorEvent): void {
    switch (event.type) {
      case 'critic.completed':
      case 'critic.failed': {
        const { traceId, outcome } = event.payload;
        let outcomes = this.#pending.get(traceId);
        if (outcomes === undefined) {
          if (this.#pending.size >= this.#pendingLimit) this.#forgetOldest();
          this.#pending.set(traceId, (outcomes = []));
        }
        outcomes.push({ outcome, failed: event.type === 'critic.failed' });
        return;
      }
      case 'decision.made':
        this.#finish(event.payload);
        return;
      case 'evaluation.started':
      case 'review.required':
      case 'checkpoint':
        return;
      default: {
        const unknown: never = event;
        return unknown;
      }
    }
  }

  #forgetOldest(): void {
    const oldest = this.#pending.keys().next();
    if (oldest.done !== true) this.#pending.delete(oldest.value);
  }

  #finish(payload: { traceId: string; decision: Decision; gate: Gate; durationMs: number }): void {
    const entries = this.#pending.get(payload.traceId) ?? [];
    this.#pending.delete(payload.traceId);
    this.#window.record(
      payload.decision,
      entries.map(({ outcome, failed }) => ({
        critic: outcome.critic,
        durationMs: outcome.durationMs,
        failed,
        ran: !NOT_RUN.has(outcome.status),
      })),
    );
    const outcomes = entries.map((entry) => entry.outcome);
    if (this.#clients.size === 0) return;
    const item: LiveEvaluation = {
      traceId: payload.traceId,
      at: new Date().toISOString(),
      decision: payload.decision,
      tier: payload.gate.tier,
      requiredAction: payload.gate.requiredAction,
      durationMs: payload.durationMs,
      critics: outcomes.map((outcome) => ({
        critic: outcome.critic,
        status: outcome.status,
        durationMs: outcome.durationMs,
        degraded: outcome.degraded,
        violations: outcome.finding.violations.length,
      })),
    };
    for (const client of this.#clients) {
      try {
        client.evaluation(item);
      } catch {
        this.#clients.delete(client);
      }
    }
  }
}

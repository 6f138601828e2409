// StoreStats: the live view's counts and latencies read from the evidence store — every server writing to it — not one process's bus.
import type { CriticStatus } from '../../core/index.js';
import type { EvidenceStore } from '../../evidence/index.js';
import type { Decision } from '../../verdict/index.js';
import { StatsWindow, type CriticSample, type StatsWindowOptions, type WindowStats } from './stats-window.js';

export interface StoreStatsOptions {
  /** The window's buckets and clock (as the bus's window: 10 s buckets, 60 minutes at most). */
  readonly window?: StatsWindowOptions;
  /** How long an answer is reused before the store is read again: a dashboard polls, many may be open. @default 2_000 */
  readonly cacheMs?: number;
  /**
   * How often every chain is looked for again. Between looks only the chains already known are read, by sequence
   * number (indexed, cheap); a look reads every record since the previous one, which on SQLite means reading the whole
   * store (about 3 s for 50,000 records here). A chain first written by another server is counted from its next
   * look. @default 300_000
   */
  readonly rediscoverMs?: number;
  /** The soonest a look asked for by `lookSoon()` comes after the previous one. @default 30_000 */
  readonly minLookMs?: number;
  /** Records read per query of a chain's tail. @default 500 */
  readonly pageSize?: number;
  /**
   * Chains followed from the first read even when a look finds nothing of them in the window (an empty store): the
   * engine's default chain, so a second server's first evaluations on a new store are counted. @default ['default']
   */
  readonly chains?: readonly string[];
}

/** A look starts this far before the previous one: a record stamped just before it may have committed just after. */
const LOOK_OVERLAP_MS = 30_000;
/** Statuses whose outcome never ran: no latency sample. */
const NOT_RUN: ReadonlySet<CriticStatus> = new Set(['gated', 'skipped', 'cancelled', 'circuit_open']);
const NOT_FAILED: ReadonlySet<CriticStatus> = new Set(['success', 'gated', 'skipped']);
const DECISIONS: ReadonlySet<string> = new Set(['allow', 'constrained_allow', 'escalate', 'deny']);

/** What the window needs of an evaluation record's payload (records are read defensively: any version may be there). */
interface PayloadView {
  decision?: unknown;
  critics?: Record<string, { critic?: unknown; status?: unknown; durationMs?: unknown } | undefined>;
}

function samplesOf(payload: PayloadView): CriticSample[] {
  return Object.values(payload.critics ?? {}).flatMap((outcome) => {
    if (outcome === undefined || typeof outcome.critic !== 'string' || typeof outcome.status !== 'string') return [];
    const status = outcome.status as CriticStatus;
    const durationMs = typeof outcome.durationMs === 'number' ? outcome.durationMs : 0;
    return [{ critic: outcome.critic, durationMs, failed: !NOT_FAILED.has(status), ran: !NOT_RUN.has(status) }];
  });
}

/**
 * Reads each chain's new records since the last read (by sequence number, so none is counted twice) into a rolling
 * window, at most every `cacheMs`; concurrent callers share one read.
 *
 * @example
 * const stats = new StoreStats(engine.evidence!);
 * const { evaluations, decisions } = await stats.stats(15); // the last 15 minutes, every server on this store
 */
export class StoreStats {
  readonly #store: Pick<EvidenceStore, 'export' | 'rowsBetween'>;
  readonly #window: StatsWindow;
  readonly #now: () => number;
  readonly #maxWindowMs: number;
  readonly #cacheMs: number;
  readonly #rediscoverMs: number;
  readonly #minLookMs: number;
  readonly #pageSize: number;
  readonly #seeded: readonly string[];
  #lookWanted = false;
  /** Per chain, the last sequence number read. */
  readonly #read = new Map<string, number>();
  #lastLook: number | undefined;
  #lastRead = -Infinity;
  #reading: Promise<void> | undefined;

  constructor(store: Pick<EvidenceStore, 'export' | 'rowsBetween'>, options: StoreStatsOptions = {}) {
    this.#store = store;
    this.#window = new StatsWindow(options.window);
    this.#now = options.window?.now ?? Date.now;
    this.#maxWindowMs = this.#window.maxWindowMinutes * 60_000;
    this.#cacheMs = options.cacheMs ?? 2_000;
    this.#rediscoverMs = options.rediscoverMs ?? 300_000;
    this.#minLookMs = options.minLookMs ?? 30_000;
    this.#pageSize = options.pageSize ?? 500;
    this.#seeded = options.chains ?? ['default'];
  }

  /** The last `windowMinutes` as recorded in the store (read again when the last read is older than `cacheMs`). */
  async stats(windowMinutes: number, options: { signal?: AbortSignal } = {}): Promise<WindowStats> {
    options.signal?.throwIfAborted();
    if (this.#now() - this.#lastRead >= this.#cacheMs) {
      this.#reading ??= this.#readNew().finally(() => (this.#reading = undefined));
      await this.#reading;
    }
    return this.#window.snapshot(windowMinutes);
  }

  /**
   * Asks for a look over every chain at the next read (at most every `minLookMs`): for a caller that knows of
   * evaluations the store's known chains do not hold, e.g. its own, in a chain new since the last look.
   */
  lookSoon(): void {
    this.#lookWanted = true;
  }

  async #readNew(): Promise<void> {
    const now = this.#now();
    for (const chain of this.#read.keys()) await this.#readTail(chain);
    const sinceLook = this.#lastLook === undefined ? Infinity : now - this.#lastLook;
    if (sinceLook >= this.#rediscoverMs || (this.#lookWanted && sinceLook >= this.#minLookMs)) {
      this.#lookWanted = false;
      const since = Math.max(now - this.#maxWindowMs, (this.#lastLook ?? -Infinity) - LOOK_OVERLAP_MS);
      for await (const entry of this.#store.export({ since: new Date(since).toISOString() })) {
        this.#take(entry.chain, entry.seq, entry.kind, entry.createdAt, entry.payload as PayloadView);
      }
      this.#lastLook = now;
      // Followed from their head on: a record committed between the look and this probe is the only one missed.
      for (const chain of this.#seeded) if (!this.#read.has(chain)) this.#read.set(chain, await this.#headOf(chain));
    }
    this.#lastRead = now;
  }

  /** The last sequence number of a chain (0 when empty), found in O(log n) one-record reads. */
  async #headOf(chain: string): Promise<number> {
    const exists = async (seq: number): Promise<boolean> => (await this.#store.rowsBetween(chain, seq, seq)).length > 0;
    if (!(await exists(1))) return 0;
    let low = 1;
    let high = 2;
    while (await exists(high)) [low, high] = [high, high * 2];
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (await exists(middle)) low = middle;
      else high = middle;
    }
    return low;
  }

  /** A known chain's records after the last one read, a page at a time. */
  async #readTail(chain: string): Promise<void> {
    for (;;) {
      const from = (this.#read.get(chain) ?? 0) + 1;
      const rows = await this.#store.rowsBetween(chain, from, from + this.#pageSize - 1);
      for (const row of rows) {
        const record = JSON.parse(row.record) as { payload?: PayloadView };
        this.#take(row.chain, row.seq, row.kind, row.createdAt, record.payload ?? {});
      }
      if (rows.length < this.#pageSize) return;
    }
  }

  #take(chain: string, seq: number, kind: string, createdAt: string, payload: PayloadView): void {
    if (seq <= (this.#read.get(chain) ?? 0)) return;
    this.#read.set(chain, seq);
    if (kind !== 'evaluation' || typeof payload.decision !== 'string' || !DECISIONS.has(payload.decision)) return;
    const at = Date.parse(createdAt);
    if (Number.isNaN(at)) return;
    this.#window.record(payload.decision as Decision, samplesOf(payload), at);
  }
}

// One piece of infrastructure as the engine composes it: its section of the configuration, that section's schema, and
// the setup that turns it into hooks and callbacks. Each piece's folder defines its own (setup.ts).
import type { Registry } from 'prom-client';
import type { z } from 'zod';
import type { Orchestrator } from '../core/index.js';
import type { Finding, Hooks, RunScope } from '../core/index.js';
import type { Evaluation } from '../verdict/index.js';
import type { BreakerHooks, BreakerState } from './breaker/index.js';
import type { CacheHooks, CacheStats } from './cache/index.js';
import type { EventBus, NatsSinkStats } from './events/index.js';

/** One piece of infrastructure as the engine sees it; every member is optional. */
export interface EngineInfra {
  readonly name: string;
  /** Attached to the orchestrator (composed in order, before the configuration's own hooks). */
  readonly hooks?: Hooks;
  /** Components working below their configuration right now, e.g. ['cache:redis']. Must not throw or block. */
  degraded?(): readonly string[];
  /**
   * Called as an evaluation starts, with its scope (the object its hooks receive as the run's identity); the returned
   * callback (if any) receives the finished Evaluation.
   */
  evaluationStarted?(traceId: string, scope: RunScope): ((evaluation: Evaluation) => void) | undefined;
  /** Called instead of that callback when an evaluation that started ends in an error (e.g. MODEL_ERROR). */
  evaluationFailed?(traceId: string, error: unknown, scope: RunScope): void;
  /** Resolves once the piece's connections are made, or have failed (degraded() then says so). Must not reject. */
  ready?(): Promise<void>;
  /** Releases connections and timers. */
  close?(): Promise<void>;
}

/** What the pieces expose to the service (metrics, readiness, event subscribers), each when configured. */
export interface InfraHandles {
  metrics?: Registry;
  events?: EventBus;
  breakers?: () => Record<string, BreakerState>;
  cache?: () => CacheStats;
  nats?: () => NatsSinkStats;
}

/** A critic as the cache sees it. */
export interface CriticCacheEntry {
  readonly name: string;
  readonly version: string | undefined;
  /** False when the critic's entry says `cache: false`. */
  readonly cache: boolean;
}

/** What a piece's setup may read and add to: the critics, what earlier pieces built, the handles, the orchestrator. */
export interface InfraSetupContext {
  readonly critics: readonly CriticCacheEntry[];
  /** The configuration's `fallbacks` (the breakers answer with them too). */
  readonly fallbacks: Readonly<Record<string, Finding>> | undefined;
  /** What earlier pieces built that later ones observe (metrics reads the cache's and the breakers' counts). */
  readonly built: { cache?: CacheHooks; breakers?: BreakerHooks };
  readonly handles: InfraHandles;
  /** Runs `step` once the orchestrator exists (it needs the composed hooks first). */
  onBind(step: (orchestrator: Orchestrator) => void): void;
  /** The orchestrator, once bound. */
  orchestrator(): Orchestrator | undefined;
}

/** A piece: its configuration section, that section's schema, and its setup (undefined: nothing to attach). */
export interface InfraPiece<S extends string = string, Schema extends z.ZodType = z.ZodType> {
  readonly section: S;
  readonly schema: Schema;
  setUp(config: z.output<Schema>, context: InfraSetupContext): EngineInfra | undefined;
}

/** Declares a piece, keeping its section name and its schema's type. */
export function infraPiece<const S extends string, Schema extends z.ZodType>(
  piece: InfraPiece<S, Schema>,
): InfraPiece<S, Schema> {
  return piece;
}

/** Copies `value` without its undefined properties (zod's optional fields vs exactOptionalPropertyTypes). */
export function defined<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}

// Turns the configuration's `infrastructure` section into EngineInfra pieces: each configured piece's own setup, in
// the order of INFRA_PIECES.
import type { Orchestrator } from '../core/index.js';
import type { BullmqTransportStats } from '../distributed/index.js';
import { INFRA_PIECES } from '../infra/index.js';
import type { CriticCacheEntry, EngineInfra, InfraHandles, InfraSetupContext } from '../infra/index.js';
import type { InfrastructureConfig } from './config/infrastructure-schema.js';

export type { CriticCacheEntry };

/** What the configured infrastructure exposes (for the HTTP service: /metrics, readiness, event subscribers). */
export interface InfrastructureHandles extends Readonly<InfraHandles> {
  /** The BullMQ transport's counts (enqueued, stalled, cancelled, …), when `transport.kind` is 'bullmq'. */
  readonly transport?: () => BullmqTransportStats;
  /** Configured components working below their configuration right now, e.g. ['cache:redis'] (for readiness). */
  readonly degraded: () => string[];
}

export interface ConfiguredInfrastructure {
  /** In order: tracing, cache, breakers, fallbacks, adaptive timeouts, adaptive concurrency, metrics, events. */
  readonly pieces: EngineInfra[];
  readonly handles: InfrastructureHandles;
  /** Connects the pieces that need the orchestrator (adaptive concurrency, the in-flight gauge); call once. */
  bind(orchestrator: Orchestrator): void;
}

/**
 * Builds the configured pieces. Throws EleanorError INVALID_CONFIG on options the schema cannot check; pieces built
 * before the failure are closed.
 */
export function setUpInfrastructure(
  config: InfrastructureConfig | undefined,
  critics: readonly CriticCacheEntry[],
): ConfiguredInfrastructure {
  const pieces: EngineInfra[] = [];
  const handles: InfraHandles & { degraded: () => string[] } = {
    degraded: () => pieces.flatMap((piece) => piece.degraded?.() ?? []),
  };
  let bound: Orchestrator | undefined;
  const binders: ((orchestrator: Orchestrator) => void)[] = [];
  const context: InfraSetupContext = {
    critics,
    fallbacks: config?.fallbacks,
    built: {},
    handles,
    onBind: (step) => binders.push(step),
    orchestrator: () => bound,
  };
  try {
    for (const piece of INFRA_PIECES) {
      const section = config?.[piece.section];
      if (section === undefined) continue;
      const built = (piece.setUp as (config: unknown, context: InfraSetupContext) => EngineInfra | undefined)(
        section,
        context,
      );
      if (built !== undefined) pieces.push(built);
    }
  } catch (error) {
    void Promise.allSettled(pieces.map((piece) => (piece.close ? piece.close() : Promise.resolve())));
    throw error;
  }
  return {
    pieces,
    handles,
    bind(target) {
      bound = target;
      for (const bindOne of binders) bindOne(target);
    },
  };
}

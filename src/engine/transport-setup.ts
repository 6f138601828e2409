// Turns the configuration's `transport` section into the orchestrator's transport and an infrastructure piece.
import type { CriticTransport, OrchestratorLogger } from '../core/index.js';
import { createBullmqTransport, type BullmqTransportStats } from '../distributed/index.js';
import { checkRemoteCritics, type TransportConfig } from '../distributed/index.js';
import type { EngineInfra } from './infra.js';

export interface ConfiguredTransport {
  /** Undefined for local execution: critics are then called in-process, with no transport in between. */
  readonly transport: CriticTransport | undefined;
  /** Reports `transport:bullmq` as degraded while Redis is down, and closes the connections with the engine. */
  readonly piece: EngineInfra | undefined;
  /** The BullMQ transport's counts (enqueued, stalled, cancelled, …), when there is one. */
  readonly stats: (() => BullmqTransportStats) | undefined;
  /** Opens the connections now (once the engine is built), so that the first evaluation does not wait for them. */
  readonly warmUp: () => void;
}

/** Throws INVALID_CONFIG when `transport.critics` names a critic that is not configured. */
export function setUpTransport(
  config: TransportConfig | undefined,
  critics: readonly string[],
  logger: OrchestratorLogger,
): ConfiguredTransport {
  const none = { transport: undefined, piece: undefined, stats: undefined, warmUp: () => undefined };
  if (config === undefined) return none;
  if ('execute' in config) return { ...none, transport: config }; // the caller's own, which the caller closes
  if (config.kind === 'local') return none;
  checkRemoteCritics(config, critics);
  const transport = createBullmqTransport({
    redis: config.redis,
    ...(config.queue !== undefined && { queue: config.queue }),
    ...(config.prefix !== undefined && { prefix: config.prefix }),
    ...(config.critics !== undefined && { critics: config.critics }),
    logger,
  });
  return {
    transport,
    piece: { name: 'transport', degraded: () => transport.degraded(), close: () => transport.close() },
    stats: () => transport.stats(),
    // A failure here is retried by the first execute, which reports it.
    warmUp: () => void transport.ready().catch(() => undefined),
  };
}

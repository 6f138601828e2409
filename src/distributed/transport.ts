// The transport kind: how one critic's attempt is executed — in-process (local) or on a worker pool (BullMQ).
// The contract itself is the core's (`CriticTransport`); every implementation passes transport.conformance.ts.
import type { CriticTransport } from '../core/index.js';

export type { CriticTransport, TransportContext, TransportCritic } from '../core/index.js';

/** The transports Eleanor ships. */
export type TransportKind = 'local' | 'bullmq';

/**
 * The in-process transport: calls the critic's own function. Giving no transport at all does the same with no
 * indirection (the engine's default); this one exists for symmetry and as the conformance suite's reference.
 * @example
 * new Orchestrator({ critics, transport: createLocalTransport() });
 */
export function createLocalTransport(): CriticTransport {
  return { kind: 'local', remote: false, execute: (critic, input, ctx) => critic.evaluate(input, ctx) };
}

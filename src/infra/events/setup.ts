// `infrastructure.events`: the typed event bus, and optionally a NATS JetStream sink publishing every event.
import { z } from 'zod';
import type { CriticOutcome } from '../../core/index.js';
import { FAILED_STATUSES } from '../../verdict/index.js';
import type { Evaluation } from '../../verdict/index.js';
import { count } from '../config-schema.js';
import { infraPiece, type EngineInfra } from '../piece.js';
import { createEventBus } from './bus.js';
import { createNatsSink, type NatsSink } from './nats-sink.js';
import { attachSink } from './sink.js';
import type { EventBus } from './types.js';

const natsSchema = z
  .object({
    servers: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
    stream: z
      .string()
      .regex(/^[A-Za-z0-9_-]+$/, 'expected letters, digits, _ or -')
      .optional(),
    subjectPrefix: z
      .string()
      .regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/, 'expected dot-separated tokens without wildcards')
      .optional(),
  })
  .strict();

/**
 * @example
 * createEngine({ infrastructure: { events: { nats: { servers: 'nats://127.0.0.1:4222' } } } });
 */
export const eventsPiece = infraPiece({
  section: 'events',
  schema: z.object({ bufferSize: count.optional(), nats: natsSchema.optional() }).strict(),
  setUp({ bufferSize, nats }, context) {
    const bus = createEventBus(bufferSize !== undefined ? { bufferSize } : {});
    let sink: NatsSink | undefined;
    let detach: (() => void) | undefined;
    if (nats !== undefined) {
      const created = createNatsSink({
        servers: nats.servers,
        ...(nats.stream !== undefined && { stream: nats.stream }),
        ...(nats.subjectPrefix !== undefined && { subjectPrefix: nats.subjectPrefix }),
      });
      sink = created;
      detach = attachSink(bus, created);
      context.handles.nats = () => created.stats();
    }
    context.handles.events = bus;
    return emitter(bus, sink, detach);
  },
});

/** Emits the evaluation's events on the bus; on close, lets the sink drain (briefly) and closes it. */
function emitter(bus: EventBus, sink: NatsSink | undefined, detach: (() => void) | undefined): EngineInfra {
  const emitOutcome = (traceId: string, outcome: CriticOutcome): void =>
    bus.emit(FAILED_STATUSES.has(outcome.status) ? 'critic.failed' : 'critic.completed', { traceId, outcome });
  return {
    name: 'events',
    evaluationStarted(traceId) {
      bus.emit('evaluation.started', { traceId, at: Date.now() });
      return (evaluation: Evaluation) => {
        for (const outcome of Object.values(evaluation.critics)) emitOutcome(traceId, outcome);
        const { decision, gate, durationMs } = evaluation;
        bus.emit('decision.made', { traceId, decision, gate, durationMs });
        if (gate.requiredAction !== 'none') bus.emit('review.required', { traceId, gate });
      };
    },
    async close() {
      await bus.idle({ signal: AbortSignal.timeout(2_000) }).catch(() => undefined);
      detach?.();
      await sink?.close();
    },
  };
}

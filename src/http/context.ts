// What every route shares: the engine, the resolved settings, and the in-flight evaluations shutdown may cancel.
import type { FastifyReply } from 'fastify';
import type { Engine } from '../engine/index.js';
import type { Principal } from './auth.js';
import type { LiveFeed } from './live/live-feed.js';

export interface HttpSettings {
  readonly bodyLimitBytes: number;
  readonly maxBatch: number;
  readonly batchConcurrency: number;
  readonly shutdownGraceMs: number;
  readonly rateLimit: { readonly max: number; readonly windowMs: number };
  readonly authFailureLimit: { readonly max: number; readonly windowMs: number };
}

export const DEFAULT_HTTP_SETTINGS: HttpSettings = Object.freeze({
  bodyLimitBytes: 1_048_576,
  maxBatch: 100,
  batchConcurrency: 8,
  shutdownGraceMs: 10_000,
  rateLimit: Object.freeze({ max: 6_000, windowMs: 60_000 }),
  authFailureLimit: Object.freeze({ max: 20, windowMs: 60_000 }),
});

/** Evaluations under way, each with a controller that shutdown aborts once its grace period is over. */
export class Inflight {
  readonly #controllers = new Set<AbortController>();

  get size(): number {
    return this.#controllers.size;
  }

  /**
   * A signal aborted when the client goes away before its answer is complete, or by `cancelAll`; call `release` when
   * the evaluation is done. One controller per request: signals cost microseconds each.
   */
  track(reply: FastifyReply): { signal: AbortSignal; release: () => void } {
    const controller = new AbortController();
    const response = reply.raw;
    const onClose = (): void => {
      if (!response.writableFinished) controller.abort(new Error('the client disconnected'));
    };
    response.once('close', onClose);
    this.#controllers.add(controller);
    return {
      signal: controller.signal,
      release: () => {
        response.removeListener('close', onClose);
        this.#controllers.delete(controller);
      },
    };
  }

  cancelAll(reason: string): void {
    for (const controller of this.#controllers) controller.abort(new Error(reason));
  }
}

export interface ServerContext {
  readonly engine: Engine;
  readonly settings: HttpSettings;
  readonly inflight: Inflight;
  /** Finished evaluations from the engine's event bus: the live stream and the rolling statistics. */
  readonly live: LiveFeed;
  /** True once shutdown has begun: new work is refused with 503. */
  readonly closing: () => boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling (set by the auth hook; the insecure local principal without auth). */
    principal: Principal | null;
  }
}

// What every route shares: the engine, the resolved settings, and the in-flight evaluations shutdown may cancel.
import type { Engine } from '../engine/engine.js';
import type { Principal } from './auth.js';

export interface HttpSettings {
  readonly bodyLimitBytes: number;
  readonly maxBatch: number;
  readonly batchConcurrency: number;
  readonly shutdownGraceMs: number;
  readonly rateLimit: { readonly max: number; readonly windowMs: number };
}

export const DEFAULT_HTTP_SETTINGS: HttpSettings = Object.freeze({
  bodyLimitBytes: 1_048_576,
  maxBatch: 100,
  batchConcurrency: 8,
  shutdownGraceMs: 10_000,
  rateLimit: Object.freeze({ max: 6_000, windowMs: 60_000 }),
});

/** Evaluations under way, each with a controller that shutdown aborts once its grace period is over. */
export class Inflight {
  readonly #controllers = new Set<AbortController>();

  get size(): number {
    return this.#controllers.size;
  }

  /** A signal aborted by `signal` (the client going away) or by `cancelAll`; call `release` when done. */
  track(signal: AbortSignal): { signal: AbortSignal; release: () => void } {
    const controller = new AbortController();
    const onAbort = (): void => controller.abort(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    this.#controllers.add(controller);
    return {
      signal: controller.signal,
      release: () => {
        signal.removeEventListener('abort', onAbort);
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
  /** True once shutdown has begun: new work is refused with 503. */
  readonly closing: () => boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling (set by the auth hook; the insecure local principal without auth). */
    principal: Principal | null;
  }
}

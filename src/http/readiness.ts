// GET /readyz's checks: the evidence store answers, Redis and NATS as the infrastructure reports them, breaker states.
import type { Engine } from '../engine/index.js';

export interface Readiness {
  ready: boolean;
  checks: {
    /** Required: without it no evaluation can be acknowledged. */
    evidence: { ok: boolean; store: string; error?: string };
    /** Informational: without Redis the cache runs on its in-memory tier. */
    redis: { ok: boolean; configured: boolean };
    /** Informational: events wait in bounded buffers and are counted when dropped. */
    nats: { ok: boolean; configured: boolean; published?: number; errors?: number; lastError?: string };
    breakers: Record<string, string>;
    shuttingDown: boolean;
  };
}

const PING_TIMEOUT_MS = 2_000;

async function pingEvidence(engine: Engine): Promise<Readiness['checks']['evidence']> {
  const store = engine.evidence;
  if (!store) return { ok: true, store: 'off' };
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      store.ready().then(() => store.reviews({ limit: 1 })),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${PING_TIMEOUT_MS} ms`)), PING_TIMEOUT_MS);
      }),
    ]);
    return { ok: true, store: store.kind };
  } catch (error) {
    return { ok: false, store: store.kind, error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

export async function readiness(engine: Engine, shuttingDown: boolean): Promise<Readiness> {
  const handles = engine.infrastructure;
  const evidence = await pingEvidence(engine);
  const nats = handles.nats?.();
  const checks: Readiness['checks'] = {
    evidence,
    redis: { ok: !handles.degraded().includes('cache:redis'), configured: handles.cache !== undefined },
    nats: nats
      ? {
          ok: nats.lastPublishOk !== false,
          configured: true,
          published: nats.published,
          errors: nats.errors,
          ...(nats.lastError !== undefined && { lastError: nats.lastError }),
        }
      : { ok: true, configured: false },
    breakers: handles.breakers?.() ?? {},
    shuttingDown,
  };
  return { ready: evidence.ok && !shuttingDown, checks };
}

// Redis clients for the transport and the workers: ioredis instances (BullMQ 6 in ESM needs them), quick reconnects.
import type * as IORedis from 'ioredis';
import type { Redis } from 'ioredis';
import { requirePackage } from '../core/index.js';

/** Reconnect after 50, 100, 200 … ms, at most every second: a restarted Redis is used again within about a second. */
export function reconnectDelay(times: number): number {
  return Math.min(50 * 2 ** Math.min(times, 5), 1_000);
}

export type ClientRole =
  /** Commands that must fail at once while Redis is down (enqueue, publish, heartbeats). */
  | 'fail-fast'
  /** Blocking reads and BullMQ workers: commands wait for the connection to come back. */
  | 'blocking';

export function createClient(url: string, role: ClientRole, name: string): Redis {
  // Loaded by the first client, not by `import 'eleanor'` (ioredis constructs synchronously, so this does too).
  const { Redis } = requirePackage<typeof IORedis>({
    name: 'ioredis',
    user: 'the BullMQ transport and workers',
    code: 'TRANSPORT_UNAVAILABLE',
  });
  const common = { connectionName: name, retryStrategy: reconnectDelay };
  return role === 'fail-fast'
    ? new Redis(url, { ...common, enableOfflineQueue: false, maxRetriesPerRequest: 1 })
    : new Redis(url, { ...common, maxRetriesPerRequest: null });
}

/** Closes a client we own without waiting on a Redis that may be gone. */
export async function closeClient(client: Redis): Promise<void> {
  if (client.status === 'end') return;
  if (client.status !== 'ready') {
    client.disconnect();
    return;
  }
  await client.quit().catch(() => client.disconnect());
}

/** Resolves once the client is connected (it reconnects by itself meanwhile). */
export async function connected(client: Redis): Promise<void> {
  if (client.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    const onReady = (): void => {
      client.off('end', onEnd);
      resolve();
    };
    const onEnd = (): void => {
      client.off('ready', onReady);
      reject(new Error('the Redis connection was closed'));
    };
    client.once('ready', onReady);
    client.once('end', onEnd);
  });
}

/** Redis trouble reported once per change: the first report warns, the next ones wait for `recovered()`. */
export interface TroubleReport {
  /** An 'error' (or 'close') listener: warns unless already down or muted. */
  readonly report: (error: unknown) => void;
  /** A 'ready' listener: the next trouble is reported again. */
  readonly recovered: () => void;
}

/** `warn` says what broke; a throwing `warn` (a broken logger) is ignored. `muted()` silences it (after a close). */
export function reportOncePerChange(warn: (error: unknown) => void, muted: () => boolean = () => false): TroubleReport {
  let down = false;
  return {
    report: (error) => {
      if (down || muted()) return;
      down = true;
      try {
        warn(error);
      } catch {
        // A broken logger must not stop a worker or a transport.
      }
    },
    recovered: () => {
      down = false;
    },
  };
}

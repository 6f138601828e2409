// Before `eleanor serve` opens its store: can it listen where it is told? A bad --host or a taken port is refused first.
import { createServer } from 'node:net';
import { EleanorError } from '../core/index.js';

const REASONS: Record<string, string> = {
  ENOTFOUND: 'no such host',
  EAI_AGAIN: 'the host name cannot be resolved now',
  EADDRNOTAVAIL: 'not an address of this machine',
  EADDRINUSE: 'the port is in use',
  EACCES: 'permission denied (ports below 1024 need privileges)',
  EINVAL: 'not a valid address',
};

/**
 * Binds `host:port` for a moment and lets go, so the service refuses an address it cannot listen on before anything
 * is created. `source` names where the host came from ('--host', 'http.host').
 * @example
 * await checkListenable({ host: '127.0.0.1', port: 8080, source: '--host' });
 */
export async function checkListenable(target: { host: string; port: number; source: string }): Promise<void> {
  const server = createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host: target.host, port: target.port, exclusive: true }, resolve);
    });
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const reason = (code !== undefined && REASONS[code]) || (cause as Error).message;
    throw new EleanorError(
      'INVALID_CONFIG',
      `${target.source}: cannot listen on '${target.host}' port ${target.port} — ${reason}`,
      { cause },
    );
  } finally {
    if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

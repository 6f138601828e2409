// 404 and 405: which methods the server's routes take for a path, so a wrong method on a known path is 405 with Allow, not 404.
import type { FastifyReply, FastifyRequest } from 'fastify';

interface Pattern {
  readonly method: string;
  /** The route's segments; ':name' matches any one non-empty segment, and a last '*' matches the rest. */
  readonly segments: readonly string[];
}

function matches(pattern: readonly string[], path: readonly string[]): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const segment = pattern[i]!;
    if (segment === '*' && i === pattern.length - 1) return path.length > i;
    const given = path[i];
    if (given === undefined) return false;
    if (segment.includes(':') ? given === '' : given !== segment) return false;
  }
  return path.length === pattern.length;
}

/**
 * Every route's method and pattern (fed from the onRoute hook). Looked up only for requests no route matched, so a
 * linear scan of a few dozen routes costs nothing on the paths that matter.
 */
export class MethodTable {
  readonly #patterns: Pattern[] = [];

  add(methods: string | readonly string[], url: string): void {
    for (const method of [methods].flat()) this.#patterns.push({ method, segments: url.split('/') });
  }

  /** The methods the routes take for `path` (no query string), sorted; empty when no route has that path. */
  allowed(path: string): string[] {
    const segments = path.split('/');
    const methods = new Set(this.#patterns.filter((p) => matches(p.segments, segments)).map((p) => p.method));
    return [...methods].sort();
  }

  /** The not-found handler: 405 `METHOD_NOT_ALLOWED` with `Allow` for a known path, else 404 `NOT_FOUND`. */
  readonly notFound = (request: FastifyRequest, reply: FastifyReply): FastifyReply => {
    const path = request.url.split('?')[0] ?? '';
    const allowed = this.allowed(path);
    if (allowed.length > 0) {
      return reply
        .code(405)
        .header('allow', allowed.join(', '))
        .send({
          code: 'METHOD_NOT_ALLOWED',
          message: `${request.method} ${path}: this route takes ${allowed.join(', ')} (see the Allow header)`,
          path: '',
        });
    }
    return reply.code(404).send({ code: 'NOT_FOUND', message: `no route ${request.method} ${path}`, path: '' });
  };
}

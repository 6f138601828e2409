// --insecure-local's defence against DNS rebinding: a request is served only when its Host header names a loopback address.
import type { FastifyRequest } from 'fastify';
import { HttpError } from './errors.js';

/**
 * localhost, 127.x.y.z or [::1], each with an optional port; octet and port ranges are checked after matching.
 * The empty alternative (not `?`) keeps quantifiers unnested, so the pattern is linear (ReDoS-safe).
 */
export const LOOPBACK_HOST = /^(?:localhost|\[::1\]|127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3}))(?:|:(\d{1,5}))$/i;

/**
 * True when `host` (a Host header) names this machine's loopback interface: `localhost`, any `127.x.y.z` or
 * `[::1]`, with or without a port. A page on another origin that rebinds its own name to 127.0.0.1 still sends
 * its own name as Host, so it is told apart here.
 */
export function isLoopbackHost(host: string | undefined): boolean {
  if (host === undefined) return false;
  const match = LOOPBACK_HOST.exec(host);
  if (!match) return false;
  const [, a, b, c, port] = match;
  const inRange = (part: string | undefined, max: number): boolean => part === undefined || Number(part) <= max;
  return inRange(a, 255) && inRange(b, 255) && inRange(c, 255) && inRange(port, 65_535);
}

/** Throws 421 `MISDIRECTED_REQUEST` unless the request's Host header is a loopback address. */
export function requireLoopbackHost(request: FastifyRequest): void {
  const host = request.headers.host;
  if (isLoopbackHost(host)) return;
  const given = host === undefined ? 'none' : `'${host.length > 100 ? `${host.slice(0, 100)}…` : host}'`;
  throw new HttpError(
    421,
    'MISDIRECTED_REQUEST',
    `header.host: with --insecure-local the server answers only requests for a loopback host (localhost, 127.x.y.z or [::1], with or without a port), got ${given}`,
    'header.host',
  );
}
